"""Pathological shapes: CPU cost per MB relative to the seed bulletins, and peak memory, per shape.

    python benchmarks/pathological.py                  # every shape at 0.25 MB
    python benchmarks/pathological.py --mb 1 --shapes spaces comments
    python benchmarks/pathological.py --normalize      # bulletin.normalize instead of bulletin.parse

Each shape runs in a fresh Python process, after the seeds have been parsed
once (patterns compiled, converters built).  Time is CPU time of that process
(the machine may be shared: wall time would measure the neighbours); memory
is the peak of what Python allocates during a second, traced run (tracemalloc),
over the input's size in UTF-8.
The reference is the seed bulletins, each parsed on its own.  Targets (issue
15): every shape at most 5x the seeds' cost per MB and 15x its size in memory.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: unit * max(1, size // len(unit.encode()))


#: name -> text of about ``size`` UTF-8 bytes.  The first ones are the audit's quadratic shapes.
SHAPES: dict[str, Callable[[int], str]] = {
    "space run": lambda size: "甲" + " " * size + "乙",
    "unclosed <!--": _repeat("<!--"),
    "unclosed &lt;!--": _repeat("&lt;!--"),
    "TOC leaders": lambda size: "目录\n短\n甲" + " ." * (size // 2) + "甲",
    "&amp; chain": lambda size: "&" + "amp;" * (size // 4) + "lt;",
    "nested <b>": lambda size: "<" * (size // 3) + "b>" * (size // 3),
    "empty bracket lines": _repeat("（）\n"),
    "open note lines": _repeat("【按：甲\n"),
    "credit lines": _repeat("（记者 王明 通讯员 李华）\n"),
    "CJK + CR lines": _repeat("甲\r"),
    "\\r\\n only": _repeat("\r\n"),
    "one long line": _repeat("本报讯 市委书记主持会议，研究部署工作"),
    "blank lines": _repeat("\n"),
    "agency repeated": _repeat("本报讯"),
    "nested brackets": lambda size: "（" * (size // 6) + "本报讯" + "）" * (size // 6),
    "one character": _repeat("啊"),
    "<<<": _repeat("<"),
    "# # #": _repeat("# "),
    "full-width # lines": _repeat("＃ 标题\n"),
    "NFD Latin lines": _repeat("e\u0301te\u0301 cafe\u0301\n"),
}


def _one(name: str, size: int, normalize: bool) -> dict[str, float]:
    """In a fresh process: CPU seconds and peak traced memory of one shape (or the seeds)."""
    import tracemalloc

    import bulletin

    run = bulletin.normalize if normalize else bulletin.parse
    seeds = [path.read_text(encoding="utf-8") for path in SEEDS]
    texts = seeds if name == "seeds" else [SHAPES[name](size)]
    for text in seeds:  # every pattern compiled and converter built before the measurement
        run(text)
    run(texts[0][:2000])
    start = time.process_time()
    for text in texts:
        run(text)
    cpu = time.process_time() - start
    peak = 0.0
    for text in texts:  # again, traced: the largest peak over the input it came from
        tracemalloc.start()
        run(text)
        peak = max(peak, tracemalloc.get_traced_memory()[1] / len(text.encode("utf-8", "surrogatepass")))
        tracemalloc.stop()
    nbytes = sum(len(text.encode("utf-8", "surrogatepass")) for text in texts)
    return {"cpu": cpu, "bytes": nbytes, "peak": peak}


def measure(name: str, size: int, normalize: bool) -> dict[str, float]:
    command = [sys.executable, __file__, "--one", name, str(size)] + (["--normalize"] if normalize else [])
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=0.25, help="size of each shape in MB (default 0.25)")
    parser.add_argument("--shapes", nargs="+", choices=list(SHAPES), metavar="SHAPE", help="only these shapes")
    parser.add_argument("--normalize", action="store_true", help="time bulletin.normalize instead of parse")
    parser.add_argument("--one", nargs=2, metavar=("SHAPE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_one(args.one[0], int(args.one[1]), args.normalize)))
        return
    size = int(args.mb * 1_000_000)
    seeds = measure("seeds", size, args.normalize)
    per_mb = seeds["cpu"] / (seeds["bytes"] / 1e6)
    what = "normalize" if args.normalize else "parse"
    print(f"{what}: seeds {seeds['bytes'] / 1e6:.2f} MB, {per_mb:.2f} s/MB CPU, "
          f"peak memory up to {seeds['peak']:.1f}x a seed's size")
    print(f"{'shape':<22} {'MB':>5} {'s/MB':>7} {'x seeds':>8} {'peak/input':>11}  targets: <= 5x seeds, <= 15x input")
    for name in args.shapes or list(SHAPES):
        found = measure(name, size, args.normalize)
        mb = found["bytes"] / 1e6
        cost = found["cpu"] / mb
        memory = found["peak"]
        flags = ("" if cost <= 5 * per_mb else " slow") + ("" if memory <= 15 else " memory")
        print(f"{name:<22} {mb:5.2f} {cost:7.2f} {cost / per_mb:8.1f} {memory:10.1f}x{flags}", flush=True)


if __name__ == "__main__":
    main()
