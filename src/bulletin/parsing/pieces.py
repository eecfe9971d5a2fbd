"""Splitting a line's text into pieces: an element at its start or end, text in between."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from bulletin.parsing.lines import Line
from bulletin.parsing.state import ParseState, Piece

__all__ = ["claim_lines_and_tails", "first_text", "last_text", "split_leading", "split_trailing", "whole_text"]

_TRAILING_PUNCT = "。．.，,；;、 \t"


def whole_text(state: ParseState, line: Line) -> Piece | None:
    """The line's only piece when it is still unclaimed text."""
    pieces = state.pieces[line.index]
    if len(pieces) == 1 and pieces[0].kind == "text" and pieces[0].whole_line:
        return pieces[0]
    return None


def first_text(state: ParseState, line: Line) -> Piece | None:
    pieces = state.pieces[line.index]
    return pieces[0] if pieces and pieces[0].kind == "text" else None


def last_text(state: ParseState, line: Line) -> Piece | None:
    pieces = state.pieces[line.index]
    return pieces[-1] if pieces and pieces[-1].kind == "text" else None


def split_leading(state: ParseState, piece: Piece, end: int, kind: str, payload: Any, body_start: int) -> None:
    """Claim ``[piece.start, end)`` as an element; what follows ``body_start`` stays text."""
    pieces = state.pieces[piece.line.index]
    at = pieces.index(piece)
    new = [Piece(piece.line, piece.start, end, kind, payload)]
    if piece.line.text[body_start : piece.end].strip():
        new.append(Piece(piece.line, body_start, piece.end, "text"))
    else:
        new[0].end = piece.end
    pieces[at : at + 1] = new


def split_trailing(state: ParseState, piece: Piece, start: int, kind: str, payload: Any) -> None:
    """Claim from ``start`` to the end of the piece (and any closing punctuation) as an element."""
    pieces = state.pieces[piece.line.index]
    at = pieces.index(piece)
    head = piece.line.text[piece.start : start]
    new: list[Piece] = []
    if head.strip(_TRAILING_PUNCT):
        new.append(Piece(piece.line, piece.start, start, "text"))
    else:
        start = piece.start
    new.append(Piece(piece.line, start, piece.end, kind, payload))
    pieces[at : at + 1] = new


class _Located(Protocol):
    @property
    def start(self) -> int: ...


def claim_lines_and_tails(
    state: ParseState,
    *,
    whole: Callable[[str], object | None],
    whole_kind: str,
    max_length: int,
    tail: Callable[[str], _Located | None],
    tail_kind: str,
) -> None:
    """The shape of the credit and source rules: claim a short line a ``whole`` matcher
    accepts, otherwise split off what the ``tail`` matcher finds at the end of the line.

    A matcher that declared keywords (:func:`~bulletin.recognize.common.keywords`) is tried
    only on lines that hold one; when both did, only those lines are walked."""
    for line in state.lines_for(whole, tail):
        if line.kind is not None:
            continue
        piece = whole_text(state, line)
        if piece is not None and len(line.text) <= max_length and state.may_match(whole, line):
            match = whole(line.text)
            if match is not None:
                state.claim(line, whole_kind, match)
                continue
        if line.heading_level and state.options.layout is not None:
            continue  # a line the layout sets as a heading ends in no credit or source
        piece = last_text(state, line)
        if piece is not None and state.may_match(tail, line):
            found = tail(line.text[: piece.end])
            if found is not None and found.start > piece.start:
                split_trailing(state, piece, found.start, tail_kind, found)
