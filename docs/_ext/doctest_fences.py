"""A griffe extension for the API reference: show docstring doctests as fenced ``pycon`` code.

The docstrings of ``bulletin`` hold bare ``>>>`` examples (run by pytest's
``--doctest-modules``).  Rendered as Markdown, their output lines would read
as text and lists (``['a', 'b']``) as reference links; fencing each example
block keeps them code.
"""

from __future__ import annotations

from typing import Any

import griffe


def fence(text: str) -> str:
    """Wrap every run of lines that starts with ``>>>`` (up to a blank line) in a ``pycon`` fence."""
    out: list[str] = []
    inside = False
    for line in text.splitlines():
        if not inside and line.lstrip().startswith(">>>"):
            out.append("```pycon")
            inside = True
        elif inside and not line.strip():
            out.append("```")
            inside = False
        out.append(line)
    if inside:
        out.append("```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fence(obj.docstring.value)
