"""Two checkouts of bulletin measured in turns, so that both see the same load on a shared machine.

    python benchmarks/compare.py OLD/src NEW/src [--rounds 3] [--sizes 1,8]

Each round runs one subprocess per checkout (``PYTHONPATH`` set to its
``src``), alternating, on the mixed real-document corpus
(``benchmarks/corpus.py``); each prints the regex floor, ``normalize``,
``parse`` and ``parse`` + ``to_json()`` in CPU seconds (best of two).  The
best of the rounds is reported per checkout, with the 8 MB / 1 MB ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

_OPERATIONS = ("regex floor", "normalize", "parse", "parse+json")


def measure(sizes: list[float]) -> dict[str, float]:
    """Inside the subprocess: best of two CPU times per operation and size."""
    import corpus
    import regex

    import bulletin

    result: dict[str, float] = {}
    floor = regex.compile(r"(?<=\p{Han}) +(?=\p{Han})")
    for size in sizes:
        text = corpus.build(int(size * 1_000_000))
        bulletin.parse(text[:20_000]).to_json()
        runs = {
            "regex floor": lambda: floor.sub("", text),  # noqa: B023
            "normalize": lambda: bulletin.normalize(text),  # noqa: B023
            "parse": lambda: bulletin.parse(text),  # noqa: B023
            "parse+json": lambda: bulletin.parse(text).to_json(),  # noqa: B023
        }
        for name, run in runs.items():
            best = float("inf")
            for _ in range(5 if name == "regex floor" else 2):
                start = time.process_time()
                run()
                best = min(best, time.process_time() - start)
            result[f"{name} @{size:g}MB"] = best
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="*", help="the src directories to compare")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sizes", default="1,8", help="corpus sizes in MB (default 1,8)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    if args.worker:
        sys.path.insert(0, str(HERE))
        print(json.dumps(measure(sizes)))
        return 0
    best: dict[str, dict[str, float]] = {src: {} for src in args.sources}
    for _ in range(args.rounds):
        for src in args.sources:
            env = dict(os.environ, PYTHONPATH=str(Path(src).resolve()))
            command = [sys.executable, __file__, "--worker", "--sizes", args.sizes]
            done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
            for key, seconds in json.loads(done.stdout.splitlines()[-1]).items():
                best[src][key] = min(best[src].get(key, seconds), seconds)
            print(".", end="", flush=True)
    print()
    for src, figures in best.items():
        print(src)
        for name in _OPERATIONS:
            cells = [f"{figures[f'{name} @{size:g}MB']:.3f} s @{size:g}MB" for size in sizes]
            ratio = figures[f"{name} @{sizes[-1]:g}MB"] / figures[f"{name} @{sizes[0]:g}MB"]
            print(f"  {name:12} " + "  ".join(cells) + (f"  ({ratio:.2f}×)" if len(sizes) > 1 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
