"""The knowledge data: every file loads, every list is well formed, every pattern compiles."""

from __future__ import annotations

import regex

from bulletin import knowledge
from bulletin.recognize import byline, dateline, meta, note, source
from bulletin.recognize.numbers import number_pattern, parse_number


def test_every_data_file_loads() -> None:
    for name in knowledge.DATA_FILES:
        assert knowledge.load(name), name


def test_word_lists_are_non_empty_and_clean() -> None:
    lists = [
        knowledge.agencies(),
        knowledge.self_references(),
        knowledge.outlet_suffixes(),
        knowledge.organization_suffixes(),
        frozenset(knowledge.roles()),
        frozenset(knowledge.source_markers()),
        knowledge.according_markers(),
        knowledge.according_closers(),
        knowledge.surnames(),
        knowledge.compound_surnames(),
        knowledge.not_given_name_chars(),
        knowledge.not_names(),
        knowledge.weekdays(),
        knowledge.dateline_verbs(dated=True),
        knowledge.dateline_verbs(dated=False),
        knowledge.dateline_places(),
        knowledge.place_endings(),
        frozenset(knowledge.publication_endings()),
        knowledge.not_publications(),
        knowledge.periodicals(),
        knowledge.author_note_subjects(),
        knowledge.author_note_verbs(),
        knowledge.editor_note_markers(),
        knowledge.conjunctions(),
        frozenset(knowledge.meta_labels()),
    ]
    for words in lists:
        assert words
        assert all(word and word == word.strip() for word in words)


def test_traditional_forms_extend_the_data() -> None:
    assert {"本報", "新華社", "中央社"} <= knowledge.agencies()
    assert knowledge.roles()["記者"].family == "reporter"
    assert knowledge.roles()["攝影"].before
    assert knowledge.source_markers()["來源"] == "credited"
    assert {"陳", "劉", "歐陽"} <= knowledge.surnames()
    assert "係" in knowledge.author_note_verbs()


def test_roles_have_a_known_kind_and_placement() -> None:
    for role in knowledge.roles().values():
        assert role.kind in {"author", "editor"}
        assert role.before or role.after


def test_source_relations_are_known() -> None:
    assert set(knowledge.source_markers().values()) <= {"credited", "reprinted", "compiled"}


def test_surnames_are_ranked() -> None:
    assert knowledge.surname_rank("王") == 0
    assert all(len(name) in (1, 2) for name in knowledge.surnames())


def test_numerals() -> None:
    assert knowledge.numerals()["十"] == 10
    assert parse_number("三十一") == 31
    assert parse_number("二十二十") is None
    regex.compile(number_pattern())


def test_every_pattern_compiles() -> None:
    patterns = [
        dateline._leading(),
        dateline._trailing(),
        dateline._credit_after(),
        byline._token_pattern(),
        source._marker_pattern(),
        source._trailing_pattern(),
        note._author_pattern(),
        note._editor_pattern(),
        note._document_pattern(),
        source._labelled_credit(),
        source._group_pattern(),
        source._trailing_pair_pattern(),
        meta._label_pattern(),
        meta._datetime_pattern(),
    ]
    assert all(isinstance(pattern, regex.Pattern) for pattern in patterns)


def test_alternation_is_longest_first() -> None:
    pattern = regex.compile(knowledge.alternation(["记者", "首席记者"]))
    assert pattern.match("首席记者").group() == "首席记者"


def test_meta_labels_have_a_known_kind() -> None:
    kinds = {"published", "updated", "date", "source", "author", "editor", "other"}
    assert set(knowledge.meta_labels().values()) == kinds
    assert knowledge.meta_labels()["發布時間"] == "published"
    assert knowledge.meta_labels()["來源"] == "source"


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, (list, tuple)):
        return [s for item in value for s in _strings(item)]
    return []


def test_variants_are_what_the_regional_configurations_give() -> None:
    # variants() reaches Taiwan and Hong Kong usage through the s2t result (t2tw, t2hk), which
    # builds much faster than s2tw and s2hk: the forms must be theirs, for every word of the data
    import opencc

    full = [opencc.OpenCC(f"{config}.json") for config in ("s2t", "s2tw", "s2hk")]
    words = {s for name in knowledge.DATA_FILES for s in _strings(dict(knowledge.load(name)))}
    words |= {"本报讯", "记者", "通讯员", "编者按", "发布时间", "台湾", "香港特别行政区", "里程碑", "后台"}
    assert len(words) > 500
    for word in words:
        assert knowledge.variants(word) == frozenset({word, *(c.convert(word) for c in full)}), word


def test_the_variants_table_is_what_opencc_gives() -> None:
    import json
    from importlib import resources

    from bulletin import knowledge

    table = json.loads((resources.files("bulletin") / "data" / "variants.json").read_text(encoding="utf-8"))
    assert len(table) > 1000
    wrong = {word: forms for word, forms in table.items() if sorted(knowledge.convert_variants(word) - {word}) != forms}
    assert not wrong, f"run scripts/build_variants_table.py: {list(wrong)[:5]}"
    assert table["本台"] == ["本臺"]


def test_a_first_parse_builds_no_opencc_converter() -> None:
    # the converters read OpenCC's whole dictionaries (about 50 ms); the table spares a parse of them
    import subprocess
    import sys
    from pathlib import Path

    seed = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))[0]
    code = (
        "import sys, bulletin\n"
        "from bulletin import knowledge\n"
        "bulletin.parse(open(sys.argv[1], encoding='utf-8').read())\n"
        "print(knowledge._converter.cache_info().currsize)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0"
