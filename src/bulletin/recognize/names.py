"""Personal and organisation names, recognised by shape and by the surname list.

A Chinese personal name is a surname (one character, or two: 欧阳) and a given
name of one or two characters; names of minority or foreign people are
printed with a middle dot (阿依古丽·买买提).  Credits often glue several
names together (``周涛孙文静``); :func:`split_names` cuts such a run where the
cut gives the most common surnames.

>>> is_name("郑立言"), is_name("欧阳修文"), is_name("目录"), is_name("安全")
(True, True, False, False)
>>> split_names("周涛孙文静")
[(0, 2), (2, 5)]
>>> is_organization("信通院"), is_organization("澎湃新闻"), is_organization("让企业安心")
(True, True, False)
"""

from __future__ import annotations

import functools

from bulletin import knowledge
from bulletin.recognize.common import lazy_pattern

__all__ = ["DOTTED_NAME", "is_name", "is_organization", "split_names"]

#: Regex source of a dotted (minority or transliterated) name: 阿依古丽·买买提.
DOTTED_NAME = "\\p{Han}{1,8}(?:[·•‧・]\\p{Han}{1,8}){1,3}"

_DOTTED = lazy_pattern(DOTTED_NAME)
_HAN = lazy_pattern("\\p{Han}+")


def _given_ok(given: str) -> bool:
    excluded = knowledge.not_given_name_chars()
    return all(char not in excluded for char in given)


def is_name(text: str) -> bool:
    """Whether ``text`` has the shape of a personal name with a known surname."""
    if _DOTTED.fullmatch(text):
        return True
    if not 2 <= len(text) <= 4 or not _HAN.fullmatch(text) or text in knowledge.not_names():
        return False
    if text[:2] in knowledge.compound_surnames() and len(text) >= 3 and _given_ok(text[2:]):
        return True
    if len(text) == 4:
        return False
    return knowledge.surname_rank(text[0]) is not None and _given_ok(text[1:])


def _cost(name: str) -> int:
    if name[:2] in knowledge.compound_surnames():
        return 50
    rank = knowledge.surname_rank(name[0])
    return 1000 if rank is None else rank


@functools.lru_cache(maxsize=4096)
def _best(run: str) -> tuple[tuple[int, int], ...] | None:
    # Dynamic programme over cut points: fewest names, then most common surnames.
    best: list[tuple[int, int, tuple[tuple[int, int], ...]] | None] = [None] * (len(run) + 1)
    best[0] = (0, 0, ())
    for start in range(len(run)):
        here = best[start]
        if here is None:
            continue
        for length in (2, 3, 4):
            end = start + length
            if end > len(run) or not is_name(run[start:end]):
                continue
            candidate = (here[0] + 1, here[1] + _cost(run[start:end]), (*here[2], (start, end)))
            current = best[end]
            if current is None or candidate[:2] < current[:2]:
                best[end] = candidate
    result = best[len(run)]
    return None if result is None else result[2]


def split_names(run: str, *, limit: int = 4) -> list[tuple[int, int]] | None:
    """Cut a run of glued names into names (offsets into ``run``); ``None`` if it is not one."""
    if _DOTTED.fullmatch(run):
        return [(0, len(run))]
    if len(run) > 3 * limit:
        return None
    cuts = _best(run)
    if cuts is None or len(cuts) > limit:
        return None
    return list(cuts)


def is_organization(text: str) -> bool:
    """Whether ``text`` names an outlet or organisation (a known agency, or an organisation ending).

    Two outlets joined by a middle dot name a joint newsroom: ``某某报·某某网``.
    """
    if "·" in text and all(len(part) >= 2 for part in text.split("·")):
        return all(is_organization(part) for part in text.split("·"))
    if not 2 <= len(text) <= 16 or not _HAN.fullmatch(text):
        return text in knowledge.agencies()
    if text in knowledge.agencies():
        return True
    return any(
        text.endswith(suffix) and len(text) > len(suffix) for suffix in knowledge.organization_suffixes()
    )
