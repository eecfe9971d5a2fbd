"""Throughput and peak memory of bulletin against its floors and a peer.

Run from the repository root (or anywhere; the seeds are found next to this file)::

    python benchmarks/run.py            # 1 MB and 8 MB corpora, every input shape
    python benchmarks/run.py --quick    # 1 MB only, fewer shapes

MB is 10^6 bytes of UTF-8 input.  The corpora are built from distinct
documents (``benchmarks/corpus.py``: the seeds, the dev texts and re-wrapped,
re-spaced and traditional-script variants of them, scrambled past the first
round so no line repeats the way a repeated seed would); the figures are given
for the mixed corpus at every size and per shape at the first size, each with
the regex floor measured on the same text.  Every figure is measured in a fresh
subprocess (so caches, imports and memory peaks never mix): time in one run
(CPU time of the process, so other load on the machine does not count; the
work is single-threaded, so this is the one-core figure)
(best of ``--repeat`` at 1 MB and of two at 20 MB, after a small warm-up parse
so one-off set-up such as compiling patterns is not counted; operations quicker
than that are repeated until a quarter of a second is measured), peak memory in another run under
``tracemalloc`` (which slows Python down, so it is never timed).  The peak is
what the operation allocated on top of the input text already in memory
(after one untraced run, so patterns the text needs beyond the warm-up's are built;
for the ``json … (step)`` rows, on top of the parsed bulletin: the JSON step
on its own, ``to_json()`` making the whole text, ``write_json`` writing it to
a file article by article);
``rss+`` is how far the process's resident high-water mark rose, which also
sees memory allocated outside Python (OpenCC, regex).

``jionlp`` is an optional peer (``pip install -e '.[bench]'``); without it the
peer row is skipped with a note.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import corpus as corpora  # noqa: E402  (next to this file)

SEEDS = ROOT / "seeds"
MB = 1_000_000

# ---------------------------------------------------------------------------
# operations (run inside a worker subprocess)
# ---------------------------------------------------------------------------


def _op_read(path: str) -> Callable[[], object]:
    def run() -> object:
        with open(path, "rb") as handle:
            return handle.read().decode("utf-8")

    return run


def _op_regex(text: str) -> Callable[[], object]:
    import regex

    pattern = regex.compile(r"(?<=\p{Han}) +(?=\p{Han})")
    return lambda: pattern.sub("", text)


def _op_opencc(text: str) -> Callable[[], object]:
    import opencc

    converter = opencc.OpenCC("t2s.json")
    return lambda: converter.convert(text)


def _op_jionlp(text: str) -> Callable[[], object]:
    import jionlp

    jionlp.clean_text("预热")
    return lambda: jionlp.clean_text(text)


def _op_normalize(text: str) -> Callable[[], object]:
    import bulletin

    return lambda: bulletin.normalize(text)


def _op_normalize_t2s(text: str) -> Callable[[], object]:
    import bulletin

    return lambda: bulletin.normalize(text, script="t2s")


def _op_parse(text: str) -> Callable[[], object]:
    import bulletin

    return lambda: bulletin.parse(text)


def _op_parse_json(text: str) -> Callable[[], object]:
    import bulletin

    return lambda: bulletin.parse(text).to_json()


def _op_parse_jsonl(text: str) -> Callable[[], object]:
    import bulletin

    # what the batch CLI writes: one compact line (json's C encoder; indent= uses the Python one)
    return lambda: bulletin.parse(text).to_json(indent=None)


def _sink() -> TextIO:
    """Where the JSON-to-a-file rows write: nowhere, open for the life of the worker."""
    return open(os.devnull, "w", encoding="utf-8")


def _op_parse_json_file(text: str) -> Callable[[], object]:
    import bulletin

    sink = _sink()
    # what `bulletin parse FILE > out.json` does: the JSON written article by article
    return lambda: bulletin.parse(text).write_json(sink)


def _op_json(text: str) -> Callable[[], object]:
    import bulletin

    parsed = bulletin.parse(text)  # outside the measurement: the JSON step on its own
    return lambda: parsed.to_json()


def _op_json_file(text: str) -> Callable[[], object]:
    import bulletin

    parsed = bulletin.parse(text)
    sink = _sink()
    # written article by article, as `bulletin parse` writes to its standard output
    return lambda: parsed.write_json(sink)


OPERATIONS: dict[str, Callable[[str], Callable[[], object]]] = {
    "read+decode": _op_read,
    "regex floor": _op_regex,
    "opencc t2s": _op_opencc,
    "jionlp.clean_text": _op_jionlp,
    "normalize": _op_normalize,
    "normalize t2s": _op_normalize_t2s,
    "parse": _op_parse,
    "parse+json": _op_parse_json,
    "parse+jsonl": _op_parse_jsonl,
    "parse+json to a file": _op_parse_json_file,
    "json (step)": _op_json,
    "json to a file (step)": _op_json_file,
}


def _warm_up(name: str) -> None:
    """Build what a first call builds (patterns, data tables, converters) outside the measurement."""
    if name.startswith(("normalize", "parse", "json")):
        import bulletin

        sample = (SEEDS / sorted(os.listdir(SEEDS))[0]).read_text(encoding="utf-8")[:3000]
        bulletin.parse(sample).to_json()
        bulletin.normalize(sample, script="t2s")


def _rss_now() -> int:
    """Resident set size now, in bytes (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _max_rss() -> int:
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return usage if sys.platform == "darwin" else usage * 1024


#: Quick operations are repeated until this much CPU time is measured (at most ``_MAX_RUNS`` runs).
_MIN_MEASURED = 0.25
_MAX_RUNS = 200


def worker(name: str, path: str, mode: str, repeat: int) -> dict[str, float]:
    """Measure one operation on one file; return seconds or peak bytes."""
    _warm_up(name)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    make = OPERATIONS[name]
    run = make(path) if name == "read+decode" else make(text)
    gc.collect()
    if mode == "time":
        # at least ``repeat`` runs, and more for quick operations (the floors take a few
        # milliseconds, where one run is at the mercy of the machine) until 0.25 s are measured
        best, spent, runs = float("inf"), 0.0, 0
        while runs < repeat or (spent < _MIN_MEASURED and runs < _MAX_RUNS):
            start = time.process_time()
            result = run()
            took = time.process_time() - start
            best, spent, runs = min(best, took), spent + took, runs + 1
            del result
        return {"seconds": best}
    import tracemalloc

    rss_before = max(_rss_now(), _max_rss()) if _rss_now() == 0 else _rss_now()
    high_before = _max_rss()
    if name.startswith(("normalize", "parse", "json")):
        # once untraced first: the patterns and tables this text needs that the small warm-up did
        # not (about 4 MB, built once per process) are no part of the operation's own peak
        first = run()
        del first
        gc.collect()
    tracemalloc.start()
    result = run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    rss_rise = max(0, _max_rss() - max(rss_before, high_before))
    return {"peak": float(peak), "rss": float(rss_rise)}


def _in_subprocess(name: str, path: str, mode: str, repeat: int) -> dict[str, float] | str:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", name, path, mode, str(repeat)]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines()
        return lines[-1] if lines else f"exit {done.returncode}"
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# ---------------------------------------------------------------------------
# inputs
# ---------------------------------------------------------------------------


def _seed_text() -> str:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        raise SystemExit(f"no seeds in {SEEDS}")
    return "".join(f.read_text(encoding="utf-8").rstrip("\n") + "\n\n" for f in files)


def _fill(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` bytes of UTF-8, cut at a character boundary."""
    unit_bytes = len(unit.encode("utf-8"))
    text = unit * (size // unit_bytes + 1)
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def corpus(size: int, shapes: tuple[str, ...] = tuple(corpora.SHAPES)) -> str:
    """Distinct documents in ``shapes`` to about ``size`` bytes (``benchmarks/corpus.py``)."""
    return corpora.build(size, shapes)


def _blank_lines(size: int, count: int) -> str:
    """``count`` blank lines (spaces, tabs, ideographic spaces) filling about ``size`` bytes."""
    count = max(1, min(count, size))
    width = max(1, size // count) - 1
    pad = (" \t\u3000" * width).encode("utf-8")[:width].decode("utf-8", errors="ignore")
    return (pad + "\n") * count


def shapes(size: int, quick: bool) -> dict[str, str]:
    """Pathological input shapes of about ``size`` bytes each (the seeds repeated, and worse)."""
    seeds = _seed_text()
    nest = 10_000
    blank_lines = 100_000
    result = {
        "single line": _fill(seeds.replace("\n", ""), size),
        "100k blank lines": _blank_lines(size, blank_lines),
        "本报讯 repeated": _fill("本报讯", size),
        "nested （…） 10k": _fill("（" * nest + "本报讯会议举行" + "）" * nest + "\n", size),
        "one char repeated": _fill("中", size),
    }
    if not quick:
        result.update(
            {
                "seeds repeated": _fill(seeds, size),
                "本报讯 lines": _fill("本报讯\n", size),
                "nested (…) 10k": _fill("(" * nest + "本报讯会议举行" + ")" * nest + "\n", size),
                "repeated 。": _fill("。", size),
                "repeated space": _fill(" ", size),
                "repeated ,": _fill(",", size),
                "repeated \"": _fill('"', size),
                "short lines": _fill("记者 周明\n", size),
            }
        )
    return result


# ---------------------------------------------------------------------------
# the run
# ---------------------------------------------------------------------------


def _fmt(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def _width(cell: str) -> int:
    """Columns a cell takes in a terminal (wide CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in cell)


def _pad(cell: str, width: int, left: bool) -> str:
    fill = " " * (width - _width(cell))
    return cell + fill if left else fill + cell


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(_width(header[i]), *(_width(r[i]) for r in rows)) for i in range(len(header))]
    out = [
        "  ".join(_pad(h, w, i == 0) for i, (h, w) in enumerate(zip(header, widths, strict=True))),
        "  ".join("-" * w for w in widths),
    ]
    for row in rows:
        out.append("  ".join(_pad(c, w, i == 0) for i, (c, w) in enumerate(zip(row, widths, strict=True))))
    return "\n".join(out)


def _timing_env() -> dict[str, str]:
    """The environment of the start-up runs: this checkout's ``src`` first, bytecode caches written
    (a first run warms them; ``PYTHONDONTWRITEBYTECODE`` would compile every module on every start)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _best(command: list[str], runs: int) -> tuple[float, float]:
    """Best wall time and best CPU time (user + system) of ``command`` over ``runs`` runs, after one unmeasured."""
    env = _timing_env()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    walls, cpus = [], []
    for _ in range(runs):
        cpu, start = _child_cpu(), time.perf_counter()
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        cpus.append(_child_cpu() - cpu)
    return min(walls), min(cpus)


def _import_time(runs: int = 7) -> tuple[tuple[float, float], ...]:
    """Best (wall, CPU) of ``python -c pass``, ``import bulletin``, and ``import bulletin`` with
    the first use of ``bulletin.parse`` (public names load on first use), in seconds."""
    return tuple(
        _best([sys.executable, "-c", code], runs)
        for code in ("pass", "import bulletin", "import bulletin; bulletin.parse")
    )


def _first_cli_parse(runs: int = 5) -> tuple[float, float]:
    """Best (wall, CPU) of ``bulletin parse`` on one seed file (JSON to a discarded stdout), in seconds:
    the start-up, the first build of every pattern and converter the file needs, the parse and the output."""
    seed = sorted(SEEDS.glob("*.txt"))[0]
    return _best([sys.executable, "-m", "bulletin", "parse", str(seed)], runs)


def _pdf_rows(notes: list[str], pages: int) -> None:
    """PDF input: pages/s per core on a 200-page PDF (20 with --quick) and peak memory for a quarter and all of them."""
    if importlib.util.find_spec("pypdfium2") is None:
        notes.append("pypdfium2 is not installed (pip install -e '.[pdf]'): PDF row skipped")
        return
    sys.path.insert(0, str(HERE))
    from pdf_pages import rows

    print("\nPDF input (a real newspaper's pages repeated; CPU time, one core)")
    print(_table(rows(pages), ["operation", "seconds", "pages/s", "peak MB", "kB/page"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1 MB only, fewer shapes")
    parser.add_argument("--sizes", help="corpus sizes in MB, comma-separated (default 1,8; --quick: 1)")
    parser.add_argument("--shape-size", type=float, help="size of each shape in MB (default: the first size)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per figure on 1 MB (best is kept)")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory runs")
    parser.add_argument("--no-shapes", action="store_true", help="skip the pathological shapes")
    parser.add_argument("--no-peer", action="store_true", help="skip jionlp even when it is installed")
    parser.add_argument("--no-import-time", action="store_true", help="skip timing `import bulletin`")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF row (200 pages, 20 with --quick; pdf extra)")
    parser.add_argument("--worker", nargs=4, metavar=("OP", "FILE", "MODE", "REPEAT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        name, path, mode, repeat = args.worker
        print(json.dumps(worker(name, path, mode, int(repeat))))
        return 0

    sizes = [float(s) for s in (args.sizes or ("1" if args.quick else "1,8")).split(",")]
    shape_size = int((args.shape_size or sizes[0]) * MB)
    # found, not imported: jionlp prints a banner and loads its dictionaries on import
    have_jionlp = not args.no_peer and importlib.util.find_spec("jionlp") is not None

    notes: list[str] = []
    if args.no_peer:
        notes.append("jionlp skipped (--no-peer)")
    elif not have_jionlp:
        notes.append("jionlp is not installed (pip install -e '.[bench]'): peer row and ratios skipped")
    print(f"bulletin benchmark: python {sys.version.split()[0]}, sizes {sizes} MB", flush=True)

    with tempfile.TemporaryDirectory(prefix="bulletin-bench-") as tmp:
        rows: list[list[str]] = []
        seconds: dict[tuple[str, float], float] = {}
        floor: dict[float, float] = {}
        peer_rate: float | None = None
        for size in sizes:
            text = corpus(int(size * MB))
            path = os.path.join(tmp, f"corpus-{size:g}MB.txt")
            Path(path).write_text(text, encoding="utf-8")
            nbytes = len(text.encode("utf-8"))
            repeat = args.repeat if size <= 2 else min(args.repeat, 2)
            for name in OPERATIONS:
                if name == "jionlp.clean_text" and (not have_jionlp or size != sizes[0]):
                    continue
                timed = _in_subprocess(name, path, "time", repeat)
                if isinstance(timed, str):
                    rows.append([f"{name} @{size:g}MB", "error: " + timed[:60], "", "", "", "", ""])
                    continue
                secs = timed["seconds"]
                seconds[(name, size)] = secs
                rate = nbytes / MB / secs
                if name == "regex floor":
                    floor[size] = rate
                if name == "jionlp.clean_text":
                    peer_rate = rate
                peak = rss = None
                if not args.no_memory:
                    mem = _in_subprocess(name, path, "memory", 1)
                    if isinstance(mem, dict):
                        peak, rss = mem["peak"], mem["rss"]
                bench = name.startswith(("normalize", "parse"))
                rows.append(
                    [
                        f"{name} @{size:g}MB",
                        f"{secs:.3f}",
                        f"{rate:.1f}",
                        _fmt(None if peak is None else peak / MB, ".1f")
                        + ("" if peak is None else f" ({peak / nbytes:.1f}×)"),
                        _fmt(None if rss is None else rss / MB, ".1f"),
                        _fmt(rate / floor[size], ".3f") if bench and size in floor else "",
                        _fmt(rate / peer_rate, ".2f") if bench and peer_rate else "",
                    ]
                )
                print(".", end="", flush=True)
        print()
        header = ["operation @corpus", "seconds", "MB/s", "peak MB (×input)", "rss+ MB", "×regex", "×jionlp"]
        print(_table(rows, header))

        if len(sizes) > 1:
            small, large = sizes[0], sizes[-1]
            print(f"\nscaling: time @{large:g}MB / time @{small:g}MB (linear = {large / small:g}×)")
            scale_rows = []
            for name in OPERATIONS:
                if (name, small) in seconds and (name, large) in seconds:
                    ratio = seconds[(name, large)] / seconds[(name, small)]
                    scale_rows.append([name, f"{ratio:.1f}×"])
            print(_table(scale_rows, ["operation", "ratio"]))

        shape_rows = []
        for label in corpora.SHAPES:
            path = os.path.join(tmp, "real-shape.txt")
            shape_text = corpus(shape_size, (label,))
            Path(path).write_text(shape_text, encoding="utf-8")
            nbytes = len(shape_text.encode("utf-8"))
            row = [label, f"{nbytes / MB:.2f}"]
            rates: dict[str, float] = {}
            for name in ("regex floor", "normalize", "parse"):
                timed = _in_subprocess(name, path, "time", args.repeat)
                if isinstance(timed, str):
                    row += ["error: " + timed[:30]]
                    continue
                rates[name] = nbytes / MB / timed["seconds"]
                cell = f"{rates[name]:.1f}"
                if name != "regex floor" and "regex floor" in rates:
                    cell += f" ({rates[name] / rates['regex floor']:.3f}×)"
                row.append(cell)
            shape_rows.append(row)
            print(".", end="", flush=True)
        print(f"\nper shape of the real-document corpus ({shape_size / MB:g} MB each; MB/s, ×regex floor on the same text)")
        print(_table(shape_rows, ["shape", "MB", "regex floor", "normalize", "parse"]))

        if not args.no_shapes:
            base_path = os.path.join(tmp, "shape-seeds.txt")
            base_text = corpus(shape_size)
            Path(base_path).write_text(base_text, encoding="utf-8")
            base: dict[str, float] = {}
            for name in ("normalize", "parse"):
                timed = _in_subprocess(name, base_path, "time", args.repeat)
                if isinstance(timed, dict):
                    base[name] = timed["seconds"] / len(base_text.encode("utf-8"))
            shape_rows = []
            for label, shape in shapes(shape_size, args.quick).items():
                path = os.path.join(tmp, "shape.txt")
                Path(path).write_text(shape, encoding="utf-8")
                nbytes = len(shape.encode("utf-8"))
                row = [label, f"{nbytes / MB:.2f}"]
                for name in ("normalize", "parse"):
                    timed = _in_subprocess(name, path, "time", 1)
                    if isinstance(timed, str):
                        row += ["error", timed[:40]]
                        continue
                    per_byte = timed["seconds"] / nbytes
                    row += [f"{timed['seconds']:.3f}", _fmt(per_byte / base[name] if name in base else None, ".2f")]
                shape_rows.append(row)
                print(".", end="", flush=True)
            print(f"\npathological input shapes (cost per byte relative to the real-document corpus of {shape_size / MB:g} MB; "
                  "target ≤ 3 for the first five; benchmarks/pathological.py measures the hostile shapes against the seeds)")
            print(
                _table(
                    shape_rows,
                    ["shape", "MB", "normalize s", "×seeds", "parse s", "×seeds"],
                )
            )

    if not args.no_pdf:
        _pdf_rows(notes, 20 if args.quick else 200)
    if not args.no_import_time:
        (bare, bare_cpu), (imported, imported_cpu), (_used, used_cpu) = _import_time()
        print(f"\nimport bulletin: {1000 * (imported_cpu - bare_cpu):.0f} ms CPU on top of the interpreter "
              f"({1000 * bare_cpu:.0f} ms bare; wall {1000 * (imported - bare):.0f} ms on top of {1000 * bare:.0f} ms; "
              f"best of 7; target ≤ 60 ms); with the first use of bulletin.parse: "
              f"{1000 * (used_cpu - bare_cpu):.0f} ms CPU")
        wall, cpu = _first_cli_parse()
        print(f"first `bulletin parse` of one seed ({sorted(SEEDS.glob('*.txt'))[0].name}): "
              f"{1000 * wall:.0f} ms wall, {1000 * cpu:.0f} ms CPU, interpreter start included "
              f"(best of 5, warm caches; target ≤ 350 ms wall)")
    for note in notes:
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
