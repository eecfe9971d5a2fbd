"""Compare PDF text backends on the project's real PDFs: speed and CJK text quality.

    python benchmarks/pdf_backends.py [--pages N]

For each backend it reads the first ``N`` pages of every PDF in
``tests/data/dev/pdf/`` (CPU time of this process) and counts, in the text it
gets, the CJK characters, the replacement characters and ``(cid:N)`` residue,
private-use code points, and how much of the reference text (the dev set's
extracted pages in ``tests/data/dev/raw/``, non-space characters) it reproduces.
The figures are written up in ``docs/pdf.md``.  pdfminer.six is optional here
(``pip install pdfminer.six``); a missing backend is skipped with a note.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PDF_DIR = ROOT / "tests" / "data" / "dev" / "pdf"
RAW_DIR = ROOT / "tests" / "data" / "dev" / "raw"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PUA = re.compile(r"[\ue000-\uf8ff]")
_CID = re.compile(r"\(cid:\d+\)")


def pdfium_plain(path: Path, pages: int) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    return [doc[i].get_textpage().get_text_range() for i in range(min(pages, len(doc)))]


def pdfium_layout(path: Path, pages: int) -> list[str]:
    from bulletin.pdf import read_pdf

    wanted = [i + 1 for i in range(pages) if _has_page(path, i)]
    read = read_pdf(path, pages=wanted)
    texts = dict.fromkeys(wanted, "")
    for line in read.layout.lines:
        texts[line.page or 0] += read.text[line.start : line.end] + "\n"
    return list(texts.values())


def _has_page(path: Path, index: int) -> bool:
    import pypdfium2 as pdfium

    return index < len(pdfium.PdfDocument(str(path)))


def pdfminer_layout(path: Path, pages: int) -> list[str]:
    from pdfminer.high_level import extract_text

    return [extract_text(str(path), page_numbers=[i]) for i in range(pages) if _has_page(path, i)]


BACKENDS: dict[str, Callable[[Path, int], list[str]]] = {
    "pypdfium2 (text only)": pdfium_plain,
    "pypdfium2 + bulletin.pdf layout": pdfium_layout,
    "pdfminer.six (LAParams)": pdfminer_layout,
}


def _ink(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _reference(pdf: str, page: int) -> str | None:
    pages = json.loads((PDF_DIR / "pages.json").read_text(encoding="utf-8"))
    for name, (file, number) in pages.items():
        if file == pdf and number == page:
            return (RAW_DIR / f"{name}.txt").read_text(encoding="utf-8")
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=30, help="pages per PDF (default 30)")
    args = ap.parse_args()
    pdfs = sorted(PDF_DIR.glob("*.pdf"))
    print(f"{'backend':34} {'pages/s':>8} {'CJK':>7} {'U+FFFD/cid':>10} {'PUA':>4} {'ref. match':>10}")
    for name, backend in BACKENDS.items():
        try:
            started = time.process_time()
            texts = {pdf.name: backend(pdf, args.pages) for pdf in pdfs}
            seconds = time.process_time() - started
        except ImportError as exc:
            print(f"{name:34} skipped: {exc}")
            continue
        count = sum(len(t) for t in texts.values())
        joined = "".join(t for pages in texts.values() for t in pages)
        ratios = []
        for pdf, pages in texts.items():
            for i, text in enumerate(pages):
                ref = _reference(pdf, i + 1)
                if ref is not None:
                    ratios.append(difflib.SequenceMatcher(None, _ink(ref), _ink(text), autojunk=False).ratio())
        match = sum(ratios) / len(ratios) if ratios else float("nan")
        bad = joined.count("\ufffd") + len(_CID.findall(joined))
        print(f"{name:34} {count / seconds:8.1f} {len(_CJK.findall(joined)):7d} {bad:10d} "
              f"{len(_PUA.findall(joined)):4d} {match:10.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
