"""Note rule: author notes (``（作者系…）``), editor notes (``【按：…】``, ``编者按``), document numbers.

Author notes close an article and are not body.  An editor's note is part of
the text the reader reads first, so its lines stay body; the rule records the
note beside them.  A document number (``国发〔2023〕15号``) belongs to the
headline block of an official document.
"""

from __future__ import annotations

from bulletin.parsing.pieces import last_text, split_trailing, whole_text
from bulletin.parsing.state import ParseState
from bulletin.recognize.note import match_author_note, match_document_number, match_editor_note

__all__ = ["note_rule"]

_EDITOR_NOTE_LINES = 8


def note_rule(state: ParseState) -> None:
    """Claim author notes and document numbers; record editor notes over the lines they span."""
    lines = state.lines
    for line in state.lines_for(match_document_number, match_editor_note, match_author_note):
        if line.kind is not None:
            continue
        i = line.index
        piece = whole_text(state, line)
        if piece is not None:
            number = match_document_number(line.text) if state.may_match(match_document_number, line) else None
            if number is not None:
                state.claim(line, "note", number)
                continue
            editor = match_editor_note(line.text) if state.may_match(match_editor_note, line) else None
            if editor is not None and editor.start == 0:
                last = i
                if getattr(editor, "open", False):
                    for j in range(i + 1, min(len(lines), i + _EDITOR_NOTE_LINES)):
                        if "】" in lines[j].text or "]" in lines[j].text:
                            last = j
                            break
                state.editor_notes.append((line, lines[last], editor))
                continue
        piece = last_text(state, line)
        if piece is not None and state.may_match(match_author_note, line):
            note = match_author_note(line.text[: piece.end])
            if note is not None and note.start >= piece.start:
                split_trailing(state, piece, note.start, "note", note)
