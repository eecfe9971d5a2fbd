"""A chain of named rules that callers can reorder, disable and extend (after markdown-it-py's Ruler)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

import attrs

__all__ = ["Ruler"]

R = TypeVar("R", bound=Callable[..., object])


@attrs.define
class _Entry(Generic[R]):
    name: str
    rule: R
    enabled: bool = True


class Ruler(Generic[R]):
    """Rules by name, in order.

    >>> ruler: Ruler[Callable[[], None]] = Ruler()
    >>> ruler.push("furniture", lambda: None)
    >>> ruler.push("segment", lambda: None)
    >>> ruler.before("segment", "my_rule", lambda: None)
    >>> ruler.disable("furniture")
    >>> [name for name, _ in ruler.active()]
    ['my_rule', 'segment']
    """

    def __init__(self) -> None:
        self._entries: list[_Entry[R]] = []

    def _index(self, name: str) -> int:
        for i, entry in enumerate(self._entries):
            if entry.name == name:
                return i
        raise KeyError(f"no rule named {name!r}; rules: {', '.join(self.names())}")

    def names(self) -> list[str]:
        """Every rule's name, enabled or not, in order."""
        return [entry.name for entry in self._entries]

    def push(self, name: str, rule: R) -> None:
        """Add a rule at the end."""
        if name in self.names():
            raise ValueError(f"a rule named {name!r} exists already")
        self._entries.append(_Entry(name, rule))

    def before(self, anchor: str, name: str, rule: R) -> None:
        """Add a rule just before the rule named ``anchor``."""
        self._entries.insert(self._index(anchor), _Entry(name, rule))

    def after(self, anchor: str, name: str, rule: R) -> None:
        """Add a rule just after the rule named ``anchor``."""
        self._entries.insert(self._index(anchor) + 1, _Entry(name, rule))

    def at(self, name: str, rule: R) -> None:
        """Replace the rule named ``name``."""
        self._entries[self._index(name)].rule = rule

    def enable(self, *names: str) -> None:
        for name in names:
            self._entries[self._index(name)].enabled = True

    def disable(self, *names: str) -> None:
        for name in names:
            self._entries[self._index(name)].enabled = False

    def active(self) -> Iterator[tuple[str, R]]:
        """``(name, rule)`` of the enabled rules, in order."""
        for entry in self._entries:
            if entry.enabled:
                yield entry.name, entry.rule

    def copy(self) -> Ruler[R]:
        clone: Ruler[R] = Ruler()
        clone._entries = [_Entry(e.name, e.rule, e.enabled) for e in self._entries]
        return clone
