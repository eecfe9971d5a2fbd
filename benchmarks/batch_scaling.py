"""How batch parsing scales from one worker to two (or more) on a ~20 MB corpus split into files.

    python benchmarks/batch_scaling.py                 # 20 MB corpus, workers 1 and 2
    python benchmarks/batch_scaling.py --mb 5 --workers 1 2 --repeat 3
    python benchmarks/batch_scaling.py --corpus DIR    # an existing folder of *.txt files
    python benchmarks/batch_scaling.py --files 10000 --file-kb 2   # 10,000 files of about 2 KB

The corpus is the seed bulletins copied round-robin into files (100 to a
sub-folder) until it holds ``--mb`` megabytes.  Each measurement runs in a
fresh Python process, so every run pays its own start-up and warm-up and the
peak memory reported is that run's alone.  Three paths are timed:

- ``api``: ``bulletin.parse_many(paths, workers=N)``, every result consumed
  (the parsed ``Bulletin`` comes back to the parent);
- ``api-json``: ``bulletin.parse_many(paths, workers=N, as_json=True)``, each
  result's JSON line written to a file (the workers serialise, text comes back);
- ``cli``: the ``bulletin parse DIR --jobs N --out FILE`` batch path, JSON
  lines written to a file.

Runs are interleaved (every path and worker count once per repeat), so a
change in the machine's load hits all alike.  The speed-up is the best time
with one worker over the best with N, measured (wall) and as the CPU-bound
estimate: the CPU time of one worker over that of N workers and the parent
spread over N cores, which is what N idle cores would give; its best and
range over the repeats are printed.  Each line also gives the load average
when the runs started: on a machine shared with other work, two workers
cannot get two cores, and the load says so.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
MODES = ("api", "api-json", "cli")


def build_corpus(folder: Path, megabytes: float) -> tuple[int, int]:
    """Copy the seeds into ``folder`` until it holds ``megabytes`` MB; return (files, bytes)."""
    target = int(megabytes * 1_000_000)
    texts = [(seed.stem, seed.read_bytes()) for seed in SEEDS]
    size = count = 0
    while size < target:
        stem, data = texts[count % len(texts)]
        sub = folder / f"{count // 100:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{count:06d}_{stem}.txt").write_bytes(data)
        size += len(data)
        count += 1
    return count, size


def build_sized_corpus(folder: Path, files: int, kilobytes: float) -> tuple[int, int]:
    """``files`` files of about ``kilobytes`` KB each, cut from the seeds at line ends; return (files, bytes)."""
    lines = [line for seed in SEEDS for line in seed.read_text(encoding="utf-8").splitlines(keepends=True)]
    target = int(kilobytes * 1000)
    size = k = 0
    for count in range(files):
        chunk: list[str] = []
        length = 0
        while length < target:
            line = lines[k % len(lines)]
            k += 1
            chunk.append(line)
            length += len(line.encode("utf-8"))
        sub = folder / f"{count // 100:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        data = "".join(chunk).encode("utf-8")
        (sub / f"{count:06d}.txt").write_bytes(data)
        size += len(data)
    return files, size


def _measure(mode: str, workers: int, corpus: str) -> dict[str, float]:
    """One run, in this (fresh) process: seconds, documents, failures and peak RSS."""
    load = os.getloadavg()[0]
    start = time.perf_counter()
    errors: list[str] = []
    if mode == "api":
        import bulletin

        paths = (Path(root, name) for root, dirs, files in os.walk(corpus) if not dirs.sort()
                 for name in sorted(files) if name.endswith(".txt"))
        docs = 0
        for docs, result in enumerate(bulletin.parse_many(paths, workers=workers), start=1):  # noqa: B007
            if result.error:
                errors.append(result.error)
        seconds, usage = time.perf_counter() - start, _cpu()
    elif mode == "api-json":
        import bulletin

        paths = (Path(root, name) for root, dirs, files in os.walk(corpus) if not dirs.sort()
                 for name in sorted(files) if name.endswith(".txt"))
        docs = 0
        with tempfile.TemporaryDirectory() as scratch, open(os.path.join(scratch, "out.jsonl"), "w",
                                                             encoding="utf-8") as out:
            for docs, result in enumerate(bulletin.parse_many(paths, workers=workers, as_json=True), start=1):  # noqa: B007
                out.write(result.to_json_line() + "\n")
                if result.error:
                    errors.append(result.error)
            seconds, usage = time.perf_counter() - start, _cpu()
    else:
        from bulletin.cli.batch import add_batch_arguments, run_batch

        parser = argparse.ArgumentParser()
        parser.add_argument("inputs", nargs="+")
        add_batch_arguments(parser)
        with tempfile.TemporaryDirectory() as scratch:
            out = os.path.join(scratch, "out.jsonl")
            args = parser.parse_args([corpus, "--jobs", str(workers), "--out", out, "--no-progress"])
            run_batch(args.inputs, args, sys.stdout)
            seconds, usage = time.perf_counter() - start, _cpu()
            docs = 0
            with open(out, encoding="utf-8") as lines:
                for line in lines:
                    docs += 1
                    record = json.loads(line)
                    if record["status"] != "ok":
                        errors.append(record["error"])
    if errors:
        print(f"{len(errors)} failed, the first: {errors[0]}", file=sys.stderr)
    parent_cpu, worker_cpu, peak_kib = usage
    failed = len(errors)
    return {"seconds": seconds, "cpu_seconds": parent_cpu + worker_cpu, "parent_cpu": parent_cpu,
            "worker_cpu": worker_cpu, "docs": docs, "failed": failed,
            "peak_rss_mib": peak_kib / 1024, "load_before": load}


def _cpu() -> tuple[float, float, int]:
    """CPU seconds of this process and of its (finished) workers, and this process's peak RSS in KiB."""
    import resource

    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime, me.ru_maxrss


def run(mode: str, workers: int, corpus: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--one", mode, str(workers), str(corpus)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    if done.stderr.strip():
        print(done.stderr.strip(), file=sys.stderr)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    parser.add_argument("--corpus", type=Path, help="use this folder of *.txt files instead of building one")
    parser.add_argument("--files", type=int, help="build this many files (with --file-kb) instead of --mb of seed copies")
    parser.add_argument("--file-kb", type=float, default=2.0, help="size of each file built with --files (default 2)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--repeat", type=int, default=1, help="runs per configuration; the best counts")
    parser.add_argument("--one", nargs=3, metavar=("MODE", "WORKERS", "CORPUS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        mode, workers, corpus = args.one
        print(json.dumps(_measure(mode, int(workers), corpus)))
        return

    scratch = None
    corpus = args.corpus
    if corpus is None:
        scratch = Path(tempfile.mkdtemp(prefix="bulletin-corpus-"))
        corpus = scratch
        if args.files:
            files, size = build_sized_corpus(corpus, args.files, args.file_kb)
        else:
            files, size = build_corpus(corpus, args.mb)
    else:
        found = list(corpus.rglob("*.txt"))
        files, size = len(found), sum(p.stat().st_size for p in found)
    print(f"corpus: {files} files, {size / 1e6:.1f} MB, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    try:
        runs: dict[tuple[str, int], list[dict[str, float]]] = {(m, w): [] for m in args.modes for w in args.workers}
        for _ in range(args.repeat):  # interleaved, so a change in the machine's load hits all alike
            for mode in args.modes:
                for workers in args.workers:
                    runs[mode, workers].append(run(mode, workers, corpus))
        for mode in args.modes:
            _report(mode, args.workers, runs, size)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def _report(mode: str, counts: list[int], runs: dict[tuple[str, int], list[dict[str, float]]], size: int) -> None:
    best: dict[int, float] = {}
    for workers in counts:
        done = runs[mode, workers]
        fastest = min(done, key=lambda r: r["seconds"])
        best[workers] = fastest["seconds"]
        cpus = [r["cpu_seconds"] for r in done]
        print(f"{mode:>8} workers={workers}: {fastest['seconds']:7.2f} s  "
              f"{size / 1e6 / fastest['seconds']:5.2f} MB/s  "
              f"cpu={fastest['worker_cpu']:.1f}+{fastest['parent_cpu']:.2f} s (workers+parent; all runs "
              f"{min(cpus):.2f}-{max(cpus):.2f})  docs={int(fastest['docs'])}  failed={int(fastest['failed'])}  "
              f"parent peak RSS={fastest['peak_rss_mib']:.0f} MiB  "
              f"(wall of runs: {', '.join(format(r['seconds'], '.2f') for r in done)}; "
              f"load: {', '.join(format(r['load_before'], '.1f') for r in done)})")
    if 1 not in best:
        return
    for workers in counts:
        if workers == 1:
            continue
        # Were the machine idle, N workers and the parent would share min(N + 1, CPUs) cores:
        # this bound says what the CPU work allows, whatever else ran meanwhile.
        cores = min(workers, os.cpu_count() or 1)
        one = [r["cpu_seconds"] for r in runs[mode, 1]]
        many = [r["cpu_seconds"] for r in runs[mode, workers]]
        paired = [a / (b / cores) for a, b in zip(one, many, strict=True)]
        print(f"{mode:>8} speed-up {workers} workers vs 1: {best[1] / best[workers]:.2f}x measured (wall); "
              f"CPU-bound estimate on {cores} idle cores: best {min(one) / (min(many) / cores):.2f}x "
              f"(CPU {min(one):.2f} s vs {min(many):.2f} s), run by run {min(paired):.2f}-{max(paired):.2f}x")


if __name__ == "__main__":
    main()
