"""What a person sees: the outline at a terminal, compact JSON in a pipe, the highlighted HTML view."""

from __future__ import annotations

import html.parser
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

import bulletin
from bulletin.cli import main
from bulletin.cli.parse import FORMAT_HELP
from bulletin.export.html import KINDS, highlights, to_html
from bulletin.export.outline import _cells
from conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run_at(out: io.StringIO, *argv: str) -> str:
    import sys

    saved = sys.stdout
    sys.stdout = out
    try:
        assert main(list(argv)) == 0
    finally:
        sys.stdout = saved
    return out.getvalue()


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_at_a_terminal_parse_prints_an_outline_of_one_screen_per_article(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    shown = _run_at(_Terminal(), "parse", str(path))
    parsed = bulletin.parse(path)
    blocks = shown.strip().split("\n\n")
    articles = [b for b in blocks if b.startswith("[")]
    assert len(articles) == len(parsed)
    assert blocks[0].startswith(f"{len(parsed)} article")
    for block in articles:
        assert len(block.splitlines()) <= 12
    assert all(_cells(line) <= 80 for line in shown.splitlines())
    assert "\x1b[" not in shown


def test_the_outline_is_coloured_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert "\x1b[1m" in _run_at(_Terminal(), "parse", str(SEED_FILES[1]))


def test_in_a_pipe_parse_prints_compact_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED_FILES[1])]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert json.loads(out)["articles"]
    indented = _run_at(_Terminal(), "parse", str(SEED_FILES[1]), "--format", "json")
    assert indented.count("\n") > 100
    assert json.loads(indented) == json.loads(out)


def test_format_help_names_every_choice_and_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["parse", "--help"])
    shown = capsys.readouterr().out
    assert "(default: auto)" in shown
    for name in FORMAT_HELP:
        assert f"  {name}: " in shown


class _Marks(html.parser.HTMLParser):
    """Checks that marks nest and collects each element's text from its fragments."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.in_text = 0
        self.text: list[str] = []
        self.fragments: dict[str, list[str]] = {}
        self.kinds: dict[str, str] = {}
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("meta", "link", "br"):  # void elements
            return
        self.stack.append(tag)
        if found.get("class") == "text":
            self.in_text = len(self.stack)
        if tag == "mark":
            number = str(found["data-id"])
            self.open.append(number)
            self.fragments.setdefault(number, [])
            self.kinds[number] = str(found["data-kind"])

    def handle_endtag(self, tag: str) -> None:
        assert self.stack.pop() == tag  # well nested
        if tag == "mark":
            self.open.pop()
        if self.in_text > len(self.stack):
            self.in_text = 0

    def handle_data(self, data: str) -> None:
        if self.in_text:
            self.text.append(data)
            for number in set(self.open):
                self.fragments[number].append(data)


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_the_html_view_highlights_every_span_over_the_original_text(path: Path) -> None:
    parsed = bulletin.parse(path)
    page = to_html(parsed)
    marks = _Marks()
    marks.feed(page)
    marks.close()
    assert "".join(marks.text) == parsed.text
    items = highlights(parsed)
    spans = [e for e in parsed.elements() if e.span is not None]
    assert len(items) == len(spans) == len(marks.fragments)
    for number, item in enumerate(items):
        assert "".join(marks.fragments[str(number)]) == parsed.text[item.span]
        assert marks.kinds[str(number)] == item.kind in KINDS
    assert "<script" not in page
    assert "http" not in page.split('<div class="text">')[0]  # nothing fetched from the network


def test_show_writes_the_page(tmp_path: Path) -> None:
    target = tmp_path / "view.html"
    assert main(["show", str(SEEDS / "003_671ad53639820bab.txt"), "-o", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>003_671ad53639820bab.txt</title>" in page
    assert main(["show", str(tmp_path / "nowhere.txt")]) == 2


def test_format_html_and_the_notebook_view() -> None:
    parsed = bulletin.parse(SEEDS / "003_671ad53639820bab.txt")
    page = _run_at(io.StringIO(), "parse", str(SEEDS / "003_671ad53639820bab.txt"), "--format", "html")
    assert page.strip() == to_html(parsed).strip()
    cell = parsed._repr_html_()
    assert cell.startswith('<div class="bulletin-view">')
    assert cell.count("<mark ") == page.count("<mark ")


@pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium on this machine")
def test_a_real_browser_renders_every_span(tmp_path: Path) -> None:
    target = tmp_path / "view.html"
    assert main(["show", str(SEEDS / "003_671ad53639820bab.txt"), "-o", str(target)]) == 0
    run = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", target.as_uri()],
        capture_output=True, timeout=120, check=True,
    )
    dom = run.stdout.decode("utf-8")
    marks = _Marks()
    marks.feed(dom)
    parsed = bulletin.parse(SEEDS / "003_671ad53639820bab.txt")
    assert len(marks.fragments) == len(highlights(parsed))
    assert "".join(marks.text) == parsed.text
