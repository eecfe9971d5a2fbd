"""A griffe extension for the API reference: render the docstrings' Sphinx roles as cross-references.

The docstrings of ``bulletin`` refer to other objects with Sphinx roles
(``:func:`parse```, ``:class:`~bulletin.model.Bulletin```), which read well in
``help()`` and in the source.  mkdocstrings renders Markdown, where a role would
print as it is written; this extension turns each into an autorefs link to the
object's entry in the reference (as plain code when the object has no entry).
``~`` shows the last part of the name only, as in Sphinx.
"""

from __future__ import annotations

import html
from typing import Any

import griffe
import regex

_ROLE = regex.compile(r":(?:py:)?(func|meth|class|mod|data|attr|exc|obj|const):`(~?)([^`<>]+?)`")
_CALLABLE = frozenset({"func", "meth"})


def _resolve(obj: griffe.Object, target: str) -> str:
    """The full path of ``target`` as seen from ``obj``: its members, its parents' members, its imports."""
    if target.startswith("bulletin"):
        return target
    scope: griffe.Object | None = obj
    while scope is not None:
        try:
            return scope.resolve(target)
        except Exception:  # griffe raises NameResolutionError (and others for odd names)
            scope = scope.parent
    return target


def render_roles(obj: griffe.Object, text: str) -> str:
    """``text`` with every Sphinx role replaced by an optional autorefs cross-reference."""

    def replace(match: regex.Match[str]) -> str:
        role, short, target = match.group(1), match.group(2), match.group(3).strip()
        path = _resolve(obj, target)
        title = target.rsplit(".", 1)[-1] if short else target
        if role in _CALLABLE and not title.endswith(")"):
            title += "()"
        return f'<autoref identifier="{html.escape(path)}" optional><code>{html.escape(title)}</code></autoref>'

    return _ROLE.sub(replace, text)


class SphinxRoles(griffe.Extension):
    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ":`" in obj.docstring.value:
            obj.docstring.value = render_roles(obj, obj.docstring.value)
