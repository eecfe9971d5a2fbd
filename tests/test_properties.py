"""Reliability properties of ``parse`` and ``normalize`` over generated text that looks like a bulletin.

Run with ``HYPOTHESIS_PROFILE=ci`` (2,000 examples a property) in CI and
``HYPOTHESIS_PROFILE=long`` (20,000) locally.  The per-step properties of the
normalisers (offset maps, idempotence of each step) are in
``tests/test_offsets_properties.py``; here the whole pipeline and the parser.

The properties, as ``docs/guarantees.md`` states them:

1. ``parse`` never raises on a ``str`` and returns a model whose validators pass.
2. Every span is inside the input; articles do not overlap one another;
   any two element spans are either disjoint or nested (never crossing; a
   two-line title or table-of-contents entry may enclose a page number
   printed between its lines), except editor notes (``【按：…】``), which annotate a stretch of
   lines that stays body; every element of an article lies inside the
   article's span (again except editor notes); unclaimed input (furniture
   of kind ``unclaimed``) overlaps no other element; and the union of all spans
   covers every non-whitespace character of the input.
3. Every element's text is what its span says (see :func:`expected_text`).
4. ``normalize`` is idempotent and its offset map is monotone and inside the input.
5. ``parse(text)`` equals ``parse(text.encode(enc))`` for UTF-8, GB18030,
   UTF-16 and (for text it can encode) Big5.
6. ``Bulletin.from_dict(json.loads(json.dumps(b.to_dict()))) == b``.
"""

from __future__ import annotations

import itertools
import json
import unicodedata
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import bulletin
from bulletin import Bulletin, Dateline, Furniture, Note, Paragraph
from bulletin.normalize.hardwrap import wrap_separator
from bulletin.normalize.pipeline import DEFAULT_STEPS, LINE_STEPS
from bulletin.parsing.rules.toc_entry import join_letter_spaced
from bulletin.span import Span
from bulletin_strategies import bulletin_like, bulletin_lines, plain_bulletin_like

texts = st.one_of(bulletin_like(), bulletin_lines())
BREAKS = "\r\n\x0b\x0c\x85\u2028\u2029"


def validate(obj: Any) -> None:
    """Run every attrs validator of ``obj`` and of everything it holds."""
    if attrs.has(type(obj)):
        attrs.validate(obj)
        for field in attrs.fields(type(obj)):
            validate(getattr(obj, field.name))
    elif isinstance(obj, tuple):
        for item in obj:
            validate(item)


def is_editor_note(element: Any) -> bool:
    return isinstance(element, Note) and element.kind == "editor"


# -- 1. no crash, valid model -------------------------------------------------------------------


def check_valid(text: str, parsed: Bulletin) -> None:
    """Property 1: ``parse`` returned (it did not raise) a bulletin whose validators all pass."""
    assert isinstance(parsed, Bulletin)
    assert parsed.text == text
    validate(parsed)


@given(st.text(max_size=80))
def test_parse_never_raises_on_arbitrary_unicode(text: str) -> None:
    validate(bulletin.parse(text))


# -- 2. spans: inside, not crossing, covering -----------------------------------------------------


def leaf_spans(parsed: Bulletin) -> list[tuple[str, Span]]:
    """Every element's span (a paragraph's pieces rather than the span around them), with its owner."""
    spans: list[tuple[str, Span]] = []
    for k, article in enumerate(parsed.articles):
        for element in article.elements():
            if is_editor_note(element):
                continue
            if isinstance(element, Paragraph) and element.pieces:
                spans += [(f"article {k}", piece) for piece in element.pieces]
            else:
                spans.append((f"article {k}", element.span))
    spans += [("toc", entry.span) for entry in parsed.toc]
    spans += [("furniture", item.span) for item in parsed.furniture]
    spans += [("caption", caption.span) for caption in parsed.captions]
    return spans


def assert_disjoint(spans: list[Span], what: str) -> None:
    ordered = sorted(spans)
    for a, b in itertools.pairwise(ordered):
        assert not a.overlaps(b), f"{what} overlap: {a} and {b}"


def check_spans(text: str, parsed: Bulletin) -> None:
    """Property 2: spans inside the input, not crossing, covering every non-whitespace character."""
    covered = bytearray(len(text))
    for element in parsed.elements():
        span = element.span
        if span is None:
            continue
        assert 0 <= span.start <= span.end <= len(text), (type(element).__name__, span)
        covered[span.start : span.end] = b"\x01" * len(span)
    missing = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    assert not missing, f"input at {missing[:10]} belongs to no element"

    assert_disjoint([a.span for a in parsed.articles], "articles")
    for article in parsed.articles:
        for element in article.elements():
            if element.span is not None and not is_editor_note(element):
                assert article.span.start <= element.span.start, (article.span, element)
                assert element.span.end <= article.span.end, (article.span, element)
    spans = leaf_spans(parsed)
    for i, (owner_a, a) in enumerate(spans):
        for owner_b, b in spans[i + 1 :]:
            nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
            assert nested or not a.overlaps(b), f"{owner_a} {a} crosses {owner_b} {b}"
    unclaimed = [f.span for f in parsed.furniture if f.kind == "unclaimed"]
    for span in unclaimed:
        others = [s for _, s in spans if s != span]
        assert not any(span.overlaps(s) for s in others), f"unclaimed {span} overlaps an element"
    check_split_parts(parsed, spans)


def check_split_parts(parsed: Bulletin, spans: list[tuple[str, Span]]) -> None:
    """Property 2, each character held once: furniture inside another element's span is printed
    between that element's lines (which its text leaves out), never a part of one of them.

    A rule that claimed a whole line after another had split furniture off it (a page label, a
    breadcrumb, residue) made two elements of that furniture's text.
    """
    for item in parsed.furniture:
        for owner, span in spans:
            if span != item.span and span.start <= item.span.start and item.span.end <= span.end:
                assert len(_line_texts(parsed, span, [])) > 1, f"{owner} {span} holds {item.kind} {item.span} of its line"


# -- 3. texts are what the spans say --------------------------------------------------------------


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _line_texts(parsed: Bulletin, span: Span, holes: list[Span]) -> list[str]:
    """The non-blank lines of the normalised text of ``span``: what the parser reads there.

    The normalised text of a span is the text the parser reads (the input
    normalised with the line-keeping steps, ``LINE_STEPS``) restricted to the
    characters that come from inside the span; context counts, so ``# `` is
    markup at the start of a line and text in the middle of one.  Characters
    from ``holes`` (furniture printed between the lines of a multi-line
    element) are left out.
    """
    normalized = _normalized(parsed.text)
    offsets = normalized.offsets
    lines: list[str] = []
    line = ""
    for i, ch in enumerate(normalized.text):
        source = offsets.char(i)
        if source >= span.end:
            break
        if ch == "\n" or any(h.start <= source < h.end for h in holes):
            lines.append(line)
            line = ""
        elif source >= span.start:
            line += ch
    lines.append(line)
    return [t for t in (_nfc(x.strip()) for x in lines) if t]


_CACHE: dict[str, Any] = {}


def _normalized(text: str) -> Any:
    if text not in _CACHE:
        _CACHE.clear()
        _CACHE[text] = bulletin.normalize(text, steps=LINE_STEPS)
    return _CACHE[text]


def _joins(text: str, parts: list[str]) -> bool:
    """Whether ``text`` is ``parts`` joined, each joint being nothing or one space."""
    pos = 0
    for k, part in enumerate(parts):
        if k and text.startswith(" " + part, pos):
            pos += 1
        if not text.startswith(part, pos):
            return False
        pos += len(part)
    return pos == len(text)


def _joins_in_nfc(text: str, parts: list[str]) -> bool:
    """Whether ``text`` is ``parts`` joined (each joint nothing or one space), then put in NFC.

    Joined first: combining marks on both sides of a joint compose and reorder as one sequence.
    """
    if _joins(text, parts):
        return True
    # In decomposed form each part decomposes on its own, so the joints are where they were; a
    # match there is a match in NFC (the two forms are canonically equivalent).  Only marks that
    # reorder across a joint need the search over every choice of joints below.
    if _joins(unicodedata.normalize("NFD", text), [unicodedata.normalize("NFD", part) for part in parts]):
        return True
    if not parts or len(parts) > 12:
        return False
    for separators in itertools.product(("", " "), repeat=max(0, len(parts) - 1)):
        joined = parts[0] + "".join(sep + part for sep, part in zip(separators, parts[1:], strict=True))
        if _nfc(joined) == text:
            return True
    return False


def check_text(parsed: Bulletin, element: Any) -> None:
    """Property 3: ``element.text`` is the normalised text of its span (see :func:`_line_texts`).

    * unclaimed furniture: the input of its span, verbatim (in NFC);
    * a paragraph: the normalised text of each of its pieces, joined with
      ``wrap_separator`` as the paragraph rule joins hard-wrapped lines;
    * a dateline: the dateline proper, inside the normalised text of its span
      (brackets and punctuation around it dropped);
    * any other element: the lines of the normalised text of its span (one
      line for most), joined with nothing or one space; furniture printed
      between the lines of a two-line title is not part of it.

    All in NFC, as the model stores text: the joined text is put in NFC, so a
    combining mark at the start of a line composes with the end of the line before.
    """
    original = parsed.text
    span = element.span
    if isinstance(element, Furniture) and element.kind == "unclaimed":
        assert element.text == _nfc(original[span])
        return
    if isinstance(element, Paragraph) and element.pieces:
        parts = ["".join(_line_texts(parsed, piece, [])) for piece in element.pieces]
        # a line printed letter-spaced reads as one word (``刊 首 语`` → ``刊首语``)
        readings = [_wrap_joined(parts), _wrap_joined([join_letter_spaced(parts[0]), *parts[1:]])]
        assert element.text in readings, (element.text, readings)
        return
    holes = [f.span for f in parsed.furniture if f.span != span and span.start <= f.span.start < span.end]
    lines = _line_texts(parsed, span, holes)
    if isinstance(element, Dateline):
        assert element.text in _nfc("".join(lines)) or unicodedata.normalize("NFD", element.text) in unicodedata.normalize(
            "NFD", "".join(lines)
        ), lines
    else:
        spaced = [join_letter_spaced(line) for line in lines]  # ``刊 首 语`` reads ``刊首语``
        assert _joins_in_nfc(element.text, lines) or _joins_in_nfc(element.text, spaced), (
            type(element).__name__,
            element.text,
            lines,
        )


def _wrap_joined(parts: list[str]) -> str:
    """``parts`` joined as the paragraph rule joins hard-wrapped lines, in NFC."""
    joined = ""
    for part in parts:
        joined = part if not joined else joined + wrap_separator(joined, part) + part
    return _nfc(joined)


def check_texts(text: str, parsed: Bulletin) -> None:
    """Property 3 for every element with a text (see :func:`check_text`)."""
    for element in parsed.elements():
        if getattr(element, "text", None) is not None and element.span is not None:
            check_text(parsed, element)


# -- 4. normalize ---------------------------------------------------------------------------------


@pytest.mark.parametrize("steps", [DEFAULT_STEPS, LINE_STEPS], ids=["default", "line"])
@given(text=texts)
def test_normalize_is_idempotent_and_its_map_monotone(steps: tuple[str, ...], text: str) -> None:
    once = bulletin.normalize(text, steps=steps)
    assert bulletin.normalize(once.text, steps=steps).text == once.text
    offsets = once.offsets
    assert offsets.input_length == len(text)
    assert offsets.output_length == len(once.text)
    previous = 0
    for i in range(len(once.text)):
        start, end = offsets.char(i), offsets.char_end(i)
        assert previous <= start <= end <= len(text), (i, previous, start, end)
        previous = start


# -- 5. bytes and text parse alike ----------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"])
@given(text=plain_bulletin_like())
def test_bytes_parse_like_text(codec: str, text: str) -> None:
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return  # Big5 cannot encode every character
    assert bulletin.parse(data) == bulletin.parse(text)


# -- 6. JSON --------------------------------------------------------------------------------------


def check_json(text: str, parsed: Bulletin) -> None:
    """Property 6: the JSON round trip gives back an equal bulletin."""
    assert Bulletin.from_dict(json.loads(json.dumps(parsed.to_dict()))) == parsed


# -- 1, 2, 3 and 6 on every example: one parse, four properties ---------------------------------------


@given(texts)
def test_parse_properties(text: str) -> None:
    """Properties 1, 2, 3 and 6 (one parse an example keeps the CI profile's 2,000 examples affordable)."""
    parsed = bulletin.parse(text)
    check_valid(text, parsed)
    check_spans(text, parsed)
    check_texts(text, parsed)
    check_json(text, parsed)
