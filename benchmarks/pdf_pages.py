"""PDF throughput: pages per second per core and memory on a long PDF.

    python benchmarks/pdf_pages.py [--pages 200]

The PDF is made by repeating the pages of ``tests/data/dev/pdf/rmrb_20251020.pdf``
(a real 228-page newspaper PDF) with pypdfium2 until it has ``--pages``
pages.  Each figure is measured in a fresh subprocess: the CPU time of
``bulletin.parse(path)`` (best of two), and in another run the peak of
Python allocations (``tracemalloc``) and the rise of the resident set, for
the whole document and for a quarter of it, so one sees whether memory grows
with the pages read.  ``benchmarks/run.py`` prints the same row.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "data" / "dev" / "pdf" / "rmrb_20251020.pdf"


def make_pdf(path: str, pages: int) -> None:
    """A PDF of ``pages`` pages, the real newspaper's pages repeated in order."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(SOURCE))
    out = pdfium.PdfDocument.new()
    count = len(source)
    while len(out) < pages:
        take = min(count, pages - len(out))
        out.import_pages(source, list(range(take)))
    out.save(path)


def worker(path: str, mode: str, pages: int) -> dict[str, float]:
    import bulletin

    wanted = list(range(1, pages + 1))
    bulletin.parse(Path(path), pages=[1])  # warm up: patterns, data tables
    if mode == "time":
        best = float("inf")
        for _ in range(2):
            start = time.process_time()
            bulletin.parse(Path(path), pages=wanted)
            best = min(best, time.process_time() - start)
        return {"seconds": best}
    import tracemalloc

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    result = bulletin.parse(Path(path), pages=wanted)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rise = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024
    return {"peak": float(peak), "rss": float(rise), "text": float(len(result.text))}


def _run(path: str, mode: str, pages: int) -> dict[str, float]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, __file__, "--worker", path, mode, str(pages)], capture_output=True, text=True, env=env, check=True
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def rows(pages: int = 200) -> list[list[str]]:
    """The benchmark rows: pages/s per core, and memory for a quarter and for all of the pages."""
    with tempfile.TemporaryDirectory(prefix="bulletin-pdf-") as tmp:
        path = os.path.join(tmp, f"pages-{pages}.pdf")
        make_pdf(path, pages)
        timed = _run(path, "time", pages)
        out = [[f"parse PDF, {pages} pages", f"{timed['seconds']:.2f}", f"{pages / timed['seconds']:.1f}", "", ""]]
        for count in (pages // 4, pages):
            mem = _run(path, "memory", count)
            out.append([f"memory, {count} pages", "", "", f"{mem['peak'] / 1e6:.1f}", f"{mem['peak'] / count / 1e3:.0f}"])
        return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        path, mode, pages = args.worker
        print(json.dumps(worker(path, mode, int(pages))))
        return 0
    print(f"{'operation':28} {'seconds':>8} {'pages/s':>8} {'peak MB':>8} {'kB/page':>8}")
    for row in rows(args.pages):
        print(f"{row[0]:28} {row[1]:>8} {row[2]:>8} {row[3]:>8} {row[4]:>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
