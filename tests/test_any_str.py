"""Guarantees 1, 2 and 6 for text with lone surrogates, which the other properties' text never holds
(``errors="surrogateescape"`` turns each undecodable byte into one of U+DC80 to U+DCFF)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import bulletin
from bulletin_strategies import TOKENS
from test_properties import check_json, check_spans, check_valid


def _texts(surrogates: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    anything = st.characters(exclude_categories=())  # surrogates included
    pieces = st.one_of(st.sampled_from(TOKENS), surrogates, st.text(anything, max_size=4))
    return st.lists(pieces, max_size=30).map("".join)


@given(_texts(st.characters(categories=("Cs",))))
def test_parse_takes_any_str_lone_surrogates_too(text: str) -> None:
    parsed = bulletin.parse(text)
    check_valid(text, parsed)
    check_spans(text, parsed)


@given(_texts(st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF)).filter(lambda t: not any("\ud800" <= c <= "\udbff" for c in t)))
def test_escaped_bytes_survive_the_json_round_trip(text: str) -> None:
    # a high surrogate and a low one that normalising brings together read back from JSON as the
    # one character they encode: only text without high surrogates (what surrogateescape makes) round-trips
    parsed = bulletin.parse(text)
    check_valid(text, parsed)
    check_spans(text, parsed)
    check_json(text, parsed)
