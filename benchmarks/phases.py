"""Where the time of a parse goes: each phase timed on its own (CPU time, best of three).

    python benchmarks/phases.py            # 2 MB of the mixed real-document corpus
    python benchmarks/phases.py 1 re-wrapped

Phases: the line-keeping normalisation, ``build_lines``, each rule of the
default chain, building the model, and the JSON (cattrs, then the text with
the fast encoder and with the standard one).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "src")]

import corpus  # noqa: E402

import bulletin  # noqa: E402
from bulletin import jsontext, serialize  # noqa: E402
from bulletin.normalize.pipeline import LINE_STEPS, normalize  # noqa: E402
from bulletin.parsing.build import build_bulletin  # noqa: E402
from bulletin.parsing.lines import build_lines  # noqa: E402
from bulletin.parsing.parser import Parser  # noqa: E402
from bulletin.parsing.state import ParseOptions, ParseState, Piece  # noqa: E402


def main() -> int:
    size = int(float(sys.argv[1] if len(sys.argv) > 1 else "2") * 1_000_000)
    shapes = tuple(sys.argv[2].split(",")) if len(sys.argv) > 2 else tuple(corpus.SHAPES)
    text = corpus.build(size, shapes)
    bulletin.parse(text).to_json()  # every pattern and converter built
    parser = Parser()
    best: dict[str, float] = {}

    def clock(name: str, run: Callable[[], object]) -> object:
        start = time.process_time()
        result = run()
        took = time.process_time() - start
        best[name] = min(best.get(name, took), took)
        return result

    for _ in range(3):
        normalized = normalize(text, steps=LINE_STEPS)
        clock("normalize (line steps)", lambda: normalize(text, steps=LINE_STEPS))
        state = ParseState(original=text, normalized=normalized, options=ParseOptions())
        state.lines = build_lines(text, normalized)
        clock("build_lines", lambda: build_lines(text, normalized))  # noqa: B023
        state.pieces = [[Piece(line, 0, len(line.text))] for line in state.lines]
        for name, rule in parser.rules.active():
            clock(f"rule {name}", lambda: rule(state))  # noqa: B023
        parsed = build_bulletin(state)
        clock("build model", lambda: build_bulletin(state))  # noqa: B023
        data = serialize.unstructure(parsed)
        clock("unstructure (cattrs)", lambda: serialize.unstructure(parsed))  # noqa: B023
        clock("JSON text (fast encoder)", lambda: jsontext.dumps(data, indent=1))  # noqa: B023
        clock("JSON text (standard encoder)", lambda: jsontext.dumps(data, indent=1, fast=False))  # noqa: B023
    total = sum(seconds for name, seconds in best.items() if name != "JSON text (standard encoder)")
    print(f"{len(text.encode()) / 1e6:.1f} MB of {', '.join(shapes)}: parse + JSON {total:.3f} s")
    for name, seconds in sorted(best.items(), key=lambda item: -item[1]):
        print(f"  {name:30} {seconds:.3f} s  {100 * seconds / total:5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
