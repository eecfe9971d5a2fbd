"""Compose normalisers into a pipeline that keeps one offset map back to the input."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterable, Sequence

import attrs

from bulletin.gcpause import collector_paused
from bulletin.normalize.edits import Edit, apply_edits
from bulletin.normalize.offsets import OffsetMap
from bulletin.span import Span

__all__ = ["DEFAULT_STEPS", "LINE_STEPS", "NormalizedText", "Step", "normalize", "resolve_steps"]

Finder = Callable[[str], Iterable[Edit]]
Rewriter = Callable[[str], str]


def _no_edits(text: str) -> Iterable[Edit]:
    return ()


@attrs.frozen
class Step:
    """A named normaliser: ``find`` describes the edits it wants on its input.

    ``rewrite``, if given, runs first: a fast lane for changes that replace
    characters one for one (``,`` by ``，``), so that they need no edits and
    leave the offset map as it is.  It must return a text of the same length;
    ``find`` then describes the rest on the rewritten text.

    >>> shout = Step("shout", rewrite=str.upper)
    >>> normalize("ai and 5g", steps=[shout]).text
    'AI AND 5G'
    """

    name: str
    find: Finder = attrs.field(default=_no_edits, eq=False)
    rewrite: Rewriter | None = attrs.field(default=None, eq=False, kw_only=True)


@attrs.frozen
class NormalizedText:
    """A normalised text, its original, the map between them and the steps that changed it."""

    text: str
    original: str = attrs.field(repr=False)
    offsets: OffsetMap = attrs.field(repr=False)
    changed_by: tuple[str, ...]

    def input_span(self, start: int, end: int) -> Span:
        """The span of the original input that output range ``[start, end)`` came from."""
        a, b = self.offsets.span(start, end)
        return Span(a, b)

    @property
    def mojibake(self) -> tuple[Span, ...]:
        """Spans of the input holding replacement characters (U+FFFD) and the like: kept, never dropped.

        >>> normalize("\ufffd记者 周明").mojibake
        (Span(start=0, end=1),)
        """
        from bulletin.normalize.mojibake import find_mojibake

        return find_mojibake(self.original)

    def __str__(self) -> str:
        return self.text


def _registry() -> dict[str, Step]:
    from bulletin.normalize import hardwrap, invisible, markup, newlines, punctuation, spaces, width

    steps = (
        Step("newlines", newlines.normalize_newlines, rewrite=newlines.single_breaks),
        Step("invisible", invisible.strip_invisible),
        Step("markup", markup.strip_markup),
        Step("width", rewrite=width.fold_width_text),
        Step("punctuation", punctuation.fix_punctuation, rewrite=punctuation.widen_marks),
        Step("spaces", spaces.remove_spurious_spaces),
        Step("hardwrap", hardwrap.rejoin_hard_wraps),
    )
    return {step.name: step for step in steps}


#: Every step :func:`normalize` runs unless told otherwise, in order.  Hard wraps are rejoined
#: before punctuation and spaces are fixed, so those two see whole sentences.
DEFAULT_STEPS: tuple[str, ...] = (
    "newlines",
    "invisible",
    "markup",
    "width",
    "hardwrap",
    "punctuation",
    "spaces",
)
#: The steps that keep line structure (no hard-wrap rejoining); the parser reads lines through these.
LINE_STEPS: tuple[str, ...] = tuple(step for step in DEFAULT_STEPS if step != "hardwrap")

_STEPS: dict[str, Step] = {}
#: Rounds of the whole pipeline at most, when rejoining hard wraps keeps changing the text.
_MAX_ROUNDS = 8


def resolve_steps(steps: Sequence[str | Step], script: str | None = None) -> tuple[Step, ...]:
    """Turn step names (or :class:`Step` objects) into steps; add script conversion last if asked.

    >>> [step.name for step in resolve_steps(["width", "spaces"], script="t2s")]
    ['width', 'spaces', 'script:t2s']
    """
    if not _STEPS:
        _STEPS.update(_registry())
    resolved: list[Step] = []
    for step in steps:
        if isinstance(step, Step):
            resolved.append(step)
        elif step in _STEPS:
            resolved.append(_STEPS[step])
        else:
            raise ValueError(f"unknown normaliser {step!r}; known: {', '.join(_STEPS)}")
    if script is not None:
        from bulletin.normalize.script import script_step

        resolved.append(script_step(script))
    return tuple(resolved)


#: Steps whose decisions depend on neighbouring lines: they run again when lines were joined after them.
#: (Width folds a full-width dot next to a digit or letter: a joined line can give it one.)
_CONTEXT_STEPS = frozenset({"markup", "width", "punctuation", "spaces", "hardwrap"})
#: Steps whose changes never change a hard-wrap decision: they only delete spaces inside or at the
#: end of lines, and the decisions count line lengths without spaces.
_WRAP_NEUTRAL = frozenset({"spaces"})


@collector_paused()
def normalize(
    text: str, *, steps: Sequence[str | Step] = DEFAULT_STEPS, script: str | None = None
) -> NormalizedText:
    """Normalise ``text`` and keep the map from every output character to the input.

    ``script`` names an OpenCC configuration (``"t2s"``, ``"s2t"``, ``"hk2s"``,
    ``"tw2sp"``, ...) to convert the script as the last step; ``None`` leaves it.

    >>> result = normalize("王明:坚持问题导向,抓住关键环节")
    >>> result.text
    '王明：坚持问题导向，抓住关键环节'
    >>> result.changed_by
    ('punctuation',)
    >>> result.input_span(0, 4)
    Span(start=0, end=4)
    """
    resolved = resolve_steps(steps, script)
    wrap = next((i for i, step in enumerate(resolved) if step.name == "hardwrap"), None)
    # after a pass, a check: do the lines join further (the steps after the join can change line
    # lengths: ``...`` becomes ``……``), and do the steps before the join find new work on joined
    # lines (a tag split over two lines)?  Usually they do not and the text is final.
    check = [] if wrap is None else [s for s in resolved[: wrap + 1] if s.name in _CONTEXT_STEPS]
    after_wrap = set() if wrap is None else {s.name for s in resolved[wrap + 1 :]} - _WRAP_NEUTRAL
    with contextlib.ExitStack() as rounds:
        if check:
            # the check rounds ask the hard-wrap questions again on a text that changed in a few lines
            from bulletin.normalize.hardwrap import decisions_remembered

            rounds.enter_context(decisions_remembered())
        current, offsets, changed = _run_rounds(text, resolved, check, after_wrap)
    return NormalizedText(text=current, original=text, offsets=offsets, changed_by=tuple(changed))


def _run_rounds(
    text: str, resolved: Sequence[Step], check: list[Step], after_wrap: set[str]
) -> tuple[str, OffsetMap, list[str]]:
    """The rounds of :func:`normalize`: the text, its map and the names of the steps that changed it."""
    offsets = OffsetMap.identity(len(text))
    current = text
    changed: list[str] = []
    context = [step for step in resolved if step.name in _CONTEXT_STEPS]
    queue: Sequence[Step] = resolved
    for _ in range(_MAX_ROUNDS):
        changed_now: set[str] = set()
        for step in queue:
            if step.rewrite is not None:
                rewritten = step.rewrite(current)
                if len(rewritten) != len(current):
                    raise ValueError(f"step {step.name!r}: rewrite changed the length of the text")
                if rewritten != current:
                    current = rewritten
                    changed_now.add(step.name)
            found = step.find(current)
            edits = found if isinstance(found, list) else iter(found)  # a generator is applied as it goes
            first = (edits[0] if edits else None) if isinstance(edits, list) else next(edits, None)
            if first is None:
                continue
            if not isinstance(edits, list):
                edits = itertools.chain((first,), edits)
            new_text, step_map = apply_edits(current, edits)
            if new_text == current:
                continue
            offsets = offsets.then(step_map)
            current = new_text
            changed_now.add(step.name)
        changed += [name for name in (step.name for step in queue) if name in changed_now and name not in changed]
        if queue is check:
            if not changed_now:
                break
            queue = context  # the check found work: every context step runs again, then the check
        elif check and ("hardwrap" in changed_now or changed_now & after_wrap):
            queue = check
        else:
            break
    return current, offsets, changed
