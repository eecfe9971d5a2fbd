"""The mypyc prototype against the pure-Python reference: same edits, CPU time of each.

    sh benchmarks/prototype/build.sh && python benchmarks/prototype/bench.py

``join_gaps`` (the hard-wrap decisions: a line classifier over pairs of lines,
and the normaliser step that costs most per line) and ``build_lines`` (a
record per line, traced to the input through the offset map) run on every
shape of the real-document corpus; the compiled copies must return exactly
the reference's results (a differential test), and the time of each is the
best of five.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE / "build"), str(HERE.parent), str(HERE.parent.parent / "src")]

import corpus  # noqa: E402
import hardwrap_compiled  # noqa: E402
import lines_compiled  # noqa: E402

from bulletin.normalize import hardwrap  # noqa: E402
from bulletin.normalize.pipeline import LINE_STEPS, normalize  # noqa: E402
from bulletin.parsing import lines  # noqa: E402


def best(run: object, text: str, times: int = 5) -> float:
    fastest = float("inf")
    for _ in range(times):
        start = time.process_time()
        run(text)  # type: ignore[operator]
        fastest = min(fastest, time.process_time() - start)
    return fastest


def _records(built: list[object]) -> list[tuple[object, ...]]:
    fields = ("index", "text", "raw", "span", "norm_start", "heading_level", "bullet", "indented", "blank_before")
    return [tuple(getattr(line, name) for name in fields) for line in built]


def main() -> int:
    size = int(float(sys.argv[1] if len(sys.argv) > 1 else "1") * 1_000_000)
    print(f"join_gaps on {size / 1e6:g} MB per shape: pure Python vs mypyc (CPU seconds, best of 5)")
    for shape in corpus.SHAPES:
        text = corpus.build(size, (shape,))
        if hardwrap_compiled.join_gaps(text) != hardwrap.join_gaps(text):
            print(f"{shape}: the compiled copy's edits differ")
            return 1
        pure, compiled = best(hardwrap.join_gaps, text), best(hardwrap_compiled.join_gaps, text)
        print(f"{shape:12}  pure {pure:.3f}  mypyc {compiled:.3f}  speed-up {pure / compiled:.2f}×")
    print(f"build_lines on {size / 1e6:g} MB per shape (the normalised text given)")
    for shape in corpus.SHAPES:
        text = corpus.build(size, (shape,))
        normalized = normalize(text, steps=LINE_STEPS)
        if _records(lines_compiled.build_lines(text, normalized)) != _records(lines.build_lines(text, normalized)):
            print(f"{shape}: the compiled copy's lines differ")
            return 1
        pure = best(lambda t, n=normalized: lines.build_lines(t, n), text)
        compiled = best(lambda t, n=normalized: lines_compiled.build_lines(t, n), text)
        print(f"{shape:12}  pure {pure:.3f}  mypyc {compiled:.3f}  speed-up {pure / compiled:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
