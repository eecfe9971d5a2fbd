"""The typed plug-in API: piece kinds, bulletin.rules, parser objects, knowledge as data, a pinned registry."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import bulletin
from bulletin import knowledge
from bulletin.rules import (
    Parser,
    ParseState,
    Piece,
    PieceKind,
    RuleBasedParser,
    claim,
    piece_kind,
    whole_text,
)
from bulletin.testing import pinned_registry
from conftest import ROOT

SOUTH = "城中村改造进入深水区\n\n南方周末记者 张三 南方周末实习生 李四\n\n城中村改造已进入深水区，多个项目仍在讨论。"
OUTLET = 'agencies.southweekly.names = ["南方周末"]'


def _credits(b: bulletin.Bulletin) -> list[tuple[str | None, str | None, str]]:
    return [(x.organization, x.role, x.name) for x in b[0].bylines]


def test_piece_kinds_are_strings_and_unknown_ones_are_refused() -> None:
    assert PieceKind.CREDIT == "credit"
    assert f"{PieceKind.CREDIT_LEAD}" == str(PieceKind.CREDIT_LEAD) == "credit-lead"
    assert {"credit": 1}[PieceKind.CREDIT] == 1
    assert piece_kind("dateline") is PieceKind.DATELINE
    state = Parser().state("本报讯 会议举行。")
    line = state.lines[0]
    with pytest.raises(ValueError, match="unknown piece kind 'credits'; kinds: text, "):
        claim(state, line, "credits")
    with pytest.raises(ValueError, match="unknown piece kind 'bodytext'"):
        Piece(line, 0, 2, "bodytext")
    piece = state.pieces[0][0]
    with pytest.raises(ValueError, match="unknown piece kind"):
        piece.kind = "Dateline"
    piece.kind = "note"  # a string of a kind is converted
    assert piece.kind is PieceKind.NOTE


def test_a_rule_written_with_the_public_module_only() -> None:
    def closing_mark(state: ParseState) -> None:
        for line in state.lines:
            if line.kind is None and whole_text(state, line) and line.text == "（完）":
                claim(state, line, PieceKind.NOTE)

    parser = Parser()
    parser.rules.after("note", "closing_mark", closing_mark)
    parsed = bulletin.parse("会议举行\n\n本报讯 会议昨天举行。\n\n（完）", parser=parser)
    assert [n.text for n in parsed[0].notes] == ["（完）"]
    assert all(p.text != "（完）" for p in parsed[0].paragraphs)


def test_knowledge_given_to_a_parser_stays_with_that_parser() -> None:
    plain = Parser()
    taught = Parser(knowledge=OUTLET)
    assert _credits(plain.parse(SOUTH)) == []
    assert _credits(taught.parse(SOUTH)) == [("南方周末", "记者", "张三"), ("南方周末", "实习生", "李四")]
    assert _credits(plain.parse(SOUTH)) == []  # taken out again
    assert _credits(bulletin.parse(SOUTH, parser=taught)) == _credits(taught.parse(SOUTH))
    clone = pickle.loads(pickle.dumps(taught))
    assert _credits(clone.parse(SOUTH)) == _credits(taught.parse(SOUTH))


def test_knowledge_as_a_mapping_a_file_or_in_a_source_parser(tmp_path: Path) -> None:
    path = tmp_path / "knowledge.toml"
    path.write_text(OUTLET + "\n", encoding="utf-8")
    assert _credits(Parser(knowledge=path).parse(SOUTH))
    assert _credits(Parser(knowledge={"agencies": {"southweekly": {"names": ["南方周末"]}}}).parse(SOUTH))

    class SouthWeekly(RuleBasedParser):
        name = "sw"
        knowledge = OUTLET

    assert _credits(bulletin.parse(SOUTH, parser=SouthWeekly()))
    assert _credits(bulletin.parse(SOUTH)) == []


def test_extend_adds_knowledge_for_every_parse_until_reset() -> None:
    try:
        knowledge.extend(OUTLET)
        assert _credits(bulletin.parse(SOUTH))
        assert "南方週末" in knowledge.agencies()  # traditional forms come with it
    finally:
        knowledge.reset()
    assert _credits(bulletin.parse(SOUTH)) == []


def test_knowledge_that_names_no_data_file_is_refused() -> None:
    with pytest.raises(knowledge.KnowledgeError, match="unknown knowledge file 'agency'; files: agencies, roles"):
        Parser(knowledge='agency.x.names = ["南方周末"]')
    with pytest.raises(knowledge.KnowledgeError, match="must be a table"):
        Parser(knowledge='agencies.names = ["南方周末"]').parse(SOUTH)
    knowledge.activate(())  # the refused knowledge is not left in force


def test_a_role_word_in_one_line() -> None:
    text = "城中村改造进入深水区\n\n本报记者 张三 本报见习通讯员 李四\n\n城中村改造已进入深水区。"
    assert [b.role for b in bulletin.parse(text)[0].bylines] != ["记者", "见习通讯员"]
    taught = Parser(knowledge='roles.correspondent.words = ["见习通讯员"]')
    assert [b.role for b in taught.parse(text)[0].bylines] == ["记者", "见习通讯员"]


def test_pinned_registry_adds_parsers_and_restores() -> None:
    class Campus(RuleBasedParser):
        name = "campus"

    before = bulletin.parser_names()
    with pinned_registry([Campus()]):
        assert bulletin.parser_names() == ("campus", "generic", "xinhua")
    assert bulletin.parser_names() == before


def _site(tmp_path: Path) -> str:
    """A dist-info that installs a parser and a knowledge plug-in which would change every result."""
    (tmp_path / "noisy_plugin.py").write_text(
        "from bulletin.rules import RuleBasedParser\n"
        "class Noisy(RuleBasedParser):\n"
        "    name = 'zzz'\n"
        "    baseline = 1.0\n"
        "KNOWLEDGE = 'agencies.noisy.names = [\"会议\"]'\n",
        encoding="utf-8",
    )
    info = tmp_path / "noisy_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: noisy-plugin\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        "[bulletin.parsers]\nzzz = noisy_plugin:Noisy\n\n[bulletin.knowledge]\nnoisy = noisy_plugin:KNOWLEDGE\n",
        encoding="utf-8",
    )
    return str(tmp_path)


def test_the_suite_passes_with_another_parser_package_installed(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (_site(tmp_path), env.get("PYTHONPATH", "")) if p)
    check = subprocess.run(
        [sys.executable, "-c", "import bulletin; print(bulletin.parser_names())"],
        capture_output=True, env=env, check=True,
    )
    assert "zzz" in check.stdout.decode()  # the plug-in is really installed
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
         "tests/test_cli.py", "tests/test_parsers.py", "tests/test_seeds.py", "docs/cli.md", "docs/source-parsers.md"],
        capture_output=True, env=env, cwd=ROOT, check=False,
    )
    assert run.returncode == 0, run.stdout.decode("utf-8")[-3000:]


def test_a_broken_knowledge_plug_in_is_skipped_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    info = tmp_path / "broken_knowledge-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-knowledge\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[bulletin.knowledge]\nbroken = broken_knowledge:DATA\n", encoding="utf-8")
    (tmp_path / "broken_knowledge.py").write_text("DATA = 'agency.x.names = [\"y\"]'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    knowledge._installed.cache_clear()
    try:
        with pytest.warns(UserWarning, match="knowledge plug-in 'broken' could not be loaded: unknown knowledge file"):
            assert knowledge._installed() == ()
    finally:
        knowledge._installed.cache_clear()


def test_a_furniture_pattern_in_one_line_keeps_the_others() -> None:
    text = "某某县新馆开放\n\n本报讯 新馆昨天开放。\n\n欢迎关注本号\n\n内部资料 免费交流"
    before = [str(f.kind) for f in Parser().parse(text).furniture]
    taught = Parser(knowledge='furniture.kinds.promotion.patterns = ["欢迎关注本号"]')
    after = [(str(f.kind), f.text) for f in taught.parse(text).furniture]
    assert "promotion" not in before
    assert ("promotion", "欢迎关注本号") in after
    assert "notice" in [kind for kind, _ in after]  # the built-in patterns of other kinds stay


def test_the_user_submodules_are_attributes_of_the_package() -> None:
    import importlib

    for name in ("rules", "knowledge", "tables", "export", "testing", "batch"):
        assert getattr(bulletin, name) is importlib.import_module(f"bulletin.{name}")
