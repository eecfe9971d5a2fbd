"""Language knowledge as data: agencies, role words, source markers, dates, surnames.

The word lists live in TOML files under ``bulletin/data`` and are written in
simplified script.  Every list is extended at load time with its
traditional-script forms, produced by OpenCC (``s2t``, ``s2tw`` and ``s2hk``),
so a rule that knows ``本报讯`` and ``记者`` also knows ``本報訊`` and
``記者``; the data files add only the conventions that traditional-script
publications alone use (``報導``, ``作者係``).  Nothing is read at import
time: each accessor loads its file once, on first use, and caches the result.

Knowledge can be added as data, without a rule (see :func:`extend`): a
TOML document whose tables are named after the data files, so one line
teaches an outlet or a role word.  Installed packages add theirs through
the ``bulletin.knowledge`` entry-point group; a :class:`~bulletin.Parser`
can carry its own (``Parser(knowledge=...)``).

>>> "本報" in agencies() and "新华社" in agencies()
True
>>> roles()["記者"].kind, roles()["责任编辑"].kind
('author', 'editor')
>>> source_markers()["转载自"]
'reprinted'
>>> "欧阳" in surnames() and "陳" in surnames()
True
"""

from __future__ import annotations

import copy
import functools
import os
import sys
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Union

import attrs
import regex

from bulletin.errors import BulletinError

__all__ = [
    "DATA_FILES",
    "ENTRY_POINT_GROUP",
    "KnowledgeError",
    "KnowledgeSource",
    "RoleWord",
    "according_closers",
    "according_markers",
    "according_prefixes",
    "activate",
    "agencies",
    "alternation",
    "author_note_subjects",
    "author_note_verbs",
    "compound_surnames",
    "conjunctions",
    "convert_variants",
    "date_units",
    "dateline_bound_not_after",
    "dateline_boundary_verbs",
    "dateline_not_after",
    "dateline_places",
    "dateline_verbs",
    "document_number_brackets",
    "document_number_serial_words",
    "document_number_words",
    "editor_note_markers",
    "extend",
    "extensions",
    "load",
    "longest_first",
    "meta_labels",
    "not_given_name_chars",
    "not_names",
    "not_publications",
    "numerals",
    "organization_suffixes",
    "outlet_suffixes",
    "periodicals",
    "pin_installed",
    "place_endings",
    "publication_endings",
    "read_knowledge",
    "reset",
    "roles",
    "self_references",
    "source_markers",
    "surname_rank",
    "surnames",
    "variants",
    "weekdays",
    "with_variants",
]

#: The data files every accessor reads from, without the ``.toml`` suffix.
DATA_FILES = (
    "agencies",
    "roles",
    "sources",
    "dates",
    "datelines",
    "surnames",
    "publications",
    "notes",
    "meta",
    "furniture",
    "toc",
    "columns",
)

#: Traditional forms: OpenCC ``s2t``, then its Taiwan and Hong Kong usage from the ``s2t`` result
#: (``t2tw``, ``t2hk``: small variant tables, where ``s2tw`` and ``s2hk`` would each load the whole
#: phrase dictionary again; the same forms, tests/test_knowledge.py compares).
_TO_TRADITIONAL = "s2t"
_REGIONAL = ("t2tw", "t2hk")


def _toml() -> Any:
    """The TOML reader, imported on first use (``import bulletin`` stays cheap)."""
    if sys.version_info >= (3, 11):
        import tomllib

        return tomllib
    import tomli  # type: ignore[import-not-found,unused-ignore]  # pragma: no cover - Python 3.10

    return tomli  # pragma: no cover


#: The entry-point group through which installed packages add knowledge.
ENTRY_POINT_GROUP = "bulletin.knowledge"

#: What knowledge can be given as: a mapping, TOML text, or a path to a TOML file.
KnowledgeSource = Union[Mapping[str, Any], str, "os.PathLike[str]"]


class KnowledgeError(BulletinError, ValueError):
    """Added knowledge that does not fit the data files (an unknown file, a value of the wrong type)."""


def read_knowledge(source: KnowledgeSource) -> dict[str, Any]:
    """Knowledge as a plain dict: a mapping as is, TOML text parsed, a path's file read.

    >>> read_knowledge('agencies.mainland.names = ["南方周末"]')
    {'agencies': {'mainland': {'names': ['南方周末']}}}
    """
    if isinstance(source, Mapping):
        data: dict[str, Any] = copy.deepcopy(dict(source))
    elif isinstance(source, str) and "=" in source:
        data = _toml().loads(source)
    elif hasattr(source, "read_text"):  # a Path, or a file of a package (importlib.resources)
        data = _toml().loads(source.read_text(encoding="utf-8"))
    elif isinstance(source, (str, os.PathLike)):
        from pathlib import Path

        data = _toml().loads(Path(source).read_text(encoding="utf-8"))
    else:
        raise KnowledgeError(f"knowledge must be a mapping, TOML text or a path, got {type(source).__name__}")
    unknown = sorted(set(data) - set(DATA_FILES))
    if unknown:
        raise KnowledgeError(f"unknown knowledge file {unknown[0]!r}; files: {', '.join(DATA_FILES)}")
    return data


_runtime: list[dict[str, Any]] = []
_active: tuple[dict[str, Any], ...] = ()
_pinned: tuple[dict[str, Any], ...] | None = None


@functools.cache
def _installed() -> tuple[dict[str, Any], ...]:
    """Knowledge of installed packages (``bulletin.knowledge`` entry points), loaded once."""
    import warnings
    from importlib.metadata import entry_points

    found: list[dict[str, Any]] = []
    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            value = entry.load()
            found.append(read_knowledge(value() if callable(value) else value))
        except Exception as exc:  # a broken plug-in must not take parsing down: say so and go on
            warnings.warn(f"knowledge plug-in {entry.name!r} could not be loaded: {exc}", stacklevel=2)
    return tuple(found)


def extensions() -> tuple[Mapping[str, Any], ...]:
    """Every piece of added knowledge in force: installed plug-ins, :func:`extend`, the active parser's."""
    installed = _installed() if _pinned is None else _pinned
    return (*installed, *_runtime, *_active)


def pin_installed(
    sources: Iterable[KnowledgeSource] | None,
) -> tuple[dict[str, Any], ...] | None:
    """Use ``sources`` instead of the installed plug-ins' knowledge (``None``: the installed again).

    Returns what was pinned before; tests use it through :func:`bulletin.testing.pinned_registry`.
    """
    global _pinned
    previous = _pinned
    _pinned = None if sources is None else tuple(read_knowledge(s) for s in sources)
    if _pinned != previous:
        _clear_caches()
    return previous


def _restore_pinned(previous: tuple[dict[str, Any], ...] | None) -> None:
    global _pinned
    if previous != _pinned:
        _pinned = previous
        _clear_caches()


def _merge(base: dict[str, Any], name: str, added: Mapping[str, Any]) -> None:
    for table, entries in added.items():
        if not isinstance(entries, Mapping):
            raise KnowledgeError(f"{name}.{table} must be a table, got {type(entries).__name__}")
        _merge_into(base.setdefault(table, {}), entries, name)


def _merge_into(into: dict[str, Any], added: Mapping[str, Any], name: str) -> None:
    """Lists are extended, tables merged key by key (at any depth), other values replaced."""
    for key, value in added.items():
        old = into.get(key)
        if isinstance(old, dict) and isinstance(value, Mapping):
            _merge_into(old, value, name)
        elif isinstance(old, list) and isinstance(value, list):
            into[key] = [*old, *value]
        elif isinstance(old, str) and isinstance(value, str) and name == "surnames":
            into[key] = old + value
        else:
            into[key] = copy.deepcopy(value)


@functools.cache
def load(name: str) -> Mapping[str, Any]:
    """The parsed contents of data file ``name`` (one of :data:`DATA_FILES`), with the knowledge added to it.

    Lists are extended by what is added, tables merged, other values replaced.

    >>> sorted(load("dates"))
    ['numerals', 'units', 'weekdays']
    """
    from importlib import resources

    path = resources.files("bulletin") / "data" / f"{name}.toml"
    with path.open("rb") as handle:
        data: dict[str, Any] = _toml().load(handle)
    for added in extensions():
        if name in added:
            _merge(data, name, added[name])
    return MappingProxyType(data)


#: Caches that do not depend on the data: kept when knowledge changes.
_PURE = ("variants", "_variants_table", "_converter", "_toml", "_installed")


def _clear_caches() -> None:
    """Forget everything computed from the data, here and in the recognisers and rules that use it."""
    for module_name, module in list(sys.modules.items()):
        if module is None or not (
            module_name == __name__ or module_name.startswith(("bulletin.recognize", "bulletin.parsing", "bulletin.export"))
        ):
            continue
        for attribute, value in list(vars(module).items()):
            if attribute in _PURE or getattr(value, "__module__", None) != module_name:
                continue
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


def extend(source: KnowledgeSource) -> None:
    """Add knowledge for every parse in this process from now on.

    ``source`` is TOML text, a path to a TOML file, or a mapping, with the
    data files' names as top-level tables; lists are extended.  One line
    makes 南方周末 an outlet that prints credits:

    >>> credit = "城中村改造进入深水区\\n\\n南方周末记者 张三 南方周末实习生 李四\\n\\n城中村改造已进入深水区。"
    >>> import bulletin
    >>> bulletin.parse(credit)[0].bylines
    ()
    >>> extend('agencies.mainland.names = ["南方周末"]')
    >>> [(b.organization, b.role, b.name) for b in bulletin.parse(credit)[0].bylines]
    [('南方周末', '记者', '张三'), ('南方周末', '实习生', '李四')]
    >>> reset()
    """
    _runtime.append(read_knowledge(source))
    _clear_caches()


def reset() -> None:
    """Drop the knowledge added by :func:`extend` (installed plug-ins stay)."""
    if _runtime:
        _runtime.clear()
        _clear_caches()


def activate(scoped: tuple[dict[str, Any], ...]) -> None:
    """Put a parser's own knowledge in force (and take the previous parser's out); cheap when unchanged.

    :class:`~bulletin.Parser` calls it before each parse.  Knowledge is
    process-wide: parsers with different knowledge should not parse at the
    same time in two threads of one process.
    """
    global _active
    if scoped != _active:
        _active = scoped
        _clear_caches()


@functools.cache
def _converter(config: str) -> Any:
    import opencc  # imported lazily: building a converter reads OpenCC's dictionaries

    return opencc.OpenCC(config)


@functools.cache
def _variants_table() -> Mapping[str, list[str]]:
    """The forms :func:`convert_variants` gives for the words the built-in data and a parse ask
    about, written by ``scripts/build_variants_table.py`` (so a parse builds no OpenCC converter)."""
    import json
    from importlib import resources

    with (resources.files("bulletin") / "data" / "variants.json").open(encoding="utf-8") as handle:
        table: dict[str, list[str]] = json.load(handle)
    return table


@functools.cache
def variants(word: str) -> frozenset[str]:
    """``word`` and its traditional-script forms (mainland, Taiwan and Hong Kong usage).

    Read from a table for the words of the built-in data, converted by OpenCC for others.

    >>> sorted(variants("本台"))
    ['本台', '本臺']
    >>> variants("ETtoday")
    frozenset({'ETtoday'})
    """
    forms = _variants_table().get(word)
    return convert_variants(word) if forms is None else frozenset((word, *forms))


def convert_variants(word: str) -> frozenset[str]:
    """:func:`variants` as OpenCC gives them (``s2t``, then Taiwan and Hong Kong usage).

    >>> sorted(convert_variants("台湾"))
    ['台湾', '台灣', '臺灣']
    """
    traditional = _converter(_TO_TRADITIONAL).convert(word)
    return frozenset({word, traditional, *(_converter(config).convert(traditional) for config in _REGIONAL)})


def with_variants(words: Iterable[str]) -> frozenset[str]:
    """The union of :func:`variants` over ``words``."""
    return frozenset(form for word in words for form in variants(word))


def longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """``words`` sorted longest first (then by code point), for regex alternations.

    >>> longest_first(["记者", "首席记者", "文"])
    ('首席记者', '记者', '文')
    """
    return tuple(sorted(set(words), key=lambda word: (-len(word), word)))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, escaped, longest first, in a non-capturing group.

    >>> alternation(["文", "文/图"])
    '(?:文/图|文)'
    """
    return "(?:" + "|".join(regex.escape(word, special_only=True) for word in longest_first(words)) + ")"


# --- agencies -----------------------------------------------------------------


@functools.cache
def agencies() -> frozenset[str]:
    """Every known agency and outlet name, self-references (本报, 本台 …) included."""
    data = load("agencies")
    return with_variants(name for table in data.values() for name in table.get("names", ()))


@functools.cache
def self_references() -> frozenset[str]:
    """Names by which a publication refers to itself (本报, 本台, 本刊 …)."""
    return with_variants(load("agencies")["self"]["names"])


@functools.cache
def outlet_suffixes() -> frozenset[str]:
    """Endings that mark an unlisted name as an outlet's (…报, …网, …社, …电视台)."""
    return with_variants(load("agencies")["outlet"]["suffixes"])


@functools.cache
def organization_suffixes() -> frozenset[str]:
    """Endings of an organisation's name printed before an author (信通*院*, 北京*大学*)."""
    return with_variants(load("agencies")["organization"]["suffixes"])


# --- roles --------------------------------------------------------------------


@attrs.frozen
class RoleWord:
    """A role word of a credit and how it is printed.

    ``before``/``after``: printed before the names (记者 张三) or after them
    (张三 摄).  ``organization``: an outlet may be glued in front (新华社记者).
    """

    word: str
    family: str
    kind: str
    before: bool
    after: bool
    organization: bool


@functools.cache
def roles() -> Mapping[str, RoleWord]:
    """Every role word as printed (both scripts) → its :class:`RoleWord`."""
    table: dict[str, RoleWord] = {}
    for family, entry in load("roles").items():
        if "words" not in entry:
            continue
        for word in entry["words"]:
            for form in variants(word):
                table.setdefault(
                    form,
                    RoleWord(
                        word=form,
                        family=family,
                        kind=entry["kind"],
                        before=entry["before"],
                        after=entry["after"],
                        organization=entry["organization"],
                    ),
                )
    return MappingProxyType(table)


@functools.cache
def conjunctions() -> frozenset[str]:
    """Words that join two names in a credit (和, 与 …)."""
    return with_variants(load("roles")["joining"]["conjunctions"])


# --- sources ------------------------------------------------------------------


@functools.cache
def source_markers() -> Mapping[str, str]:
    """Source markers as printed (来源, 转自, 综合自 …) → relation.

    The "according to" marker (据) is not among them: see :func:`according_markers`.
    """
    table: dict[str, str] = {}
    for name, entry in load("sources").items():
        if name == "according":
            continue
        for form in with_variants(entry["markers"]):
            table.setdefault(form, entry["relation"])
    return MappingProxyType(table)


@functools.cache
def according_markers() -> frozenset[str]:
    """ "According to" markers: 据 (新华社)."""
    return with_variants(load("sources")["according"]["markers"])


@functools.cache
def according_closers() -> frozenset[str]:
    """Words that may close an "according to" statement: 据新华社 *报道*."""
    return with_variants(load("sources")["according"]["closers"])


# --- dates and datelines ------------------------------------------------------


@functools.cache
def numerals() -> Mapping[str, int]:
    """Chinese numeral characters → value (十 = 10, 廿 = 20)."""
    return MappingProxyType(dict(load("dates")["numerals"]))


@functools.cache
def date_units() -> Mapping[str, frozenset[str]]:
    """``year``/``month``/``day`` → the characters that close that part of a date."""
    return MappingProxyType({unit: with_variants(words) for unit, words in load("dates")["units"].items()})


@functools.cache
def weekdays() -> frozenset[str]:
    """Weekday words as printed after a date (星期一, 周日, 礼拜天 …)."""
    data = load("dates")["weekdays"]
    return with_variants(prefix + day for prefix in data["prefixes"] for day in data["days"])


@functools.cache
def dateline_verbs(*, dated: bool) -> frozenset[str]:
    """Words that close a dateline after a date (``dated=True``) or without one (本报讯)."""
    return with_variants(load("datelines")["verbs"]["dated" if dated else "undated"])


@functools.cache
def dateline_boundary_verbs() -> frozenset[str]:
    """Undated verbs that close a dateline only before a boundary (新华社北京电 vs 北京电视台)."""
    return with_variants(load("datelines")["verbs"]["need_boundary"])


@functools.cache
def dateline_not_after() -> frozenset[str]:
    """Words that, right after 消息 or 讯, show it is not a dateline (消息人士)."""
    return with_variants(load("datelines")["verbs"]["not_after"])


@functools.cache
def dateline_bound_not_after() -> frozenset[str]:
    """Words that, right after a bound verb (电), show it begins a word (电视台), not a dateline's end."""
    return with_variants(load("datelines")["verbs"]["bound_not_after"])


@functools.cache
def according_prefixes() -> frozenset[str]:
    """Prefixes of a dateline quoted from another agency: 据 (新华社电)."""
    return with_variants(load("datelines")["prefixes"]["according"])


@functools.cache
def dateline_places() -> frozenset[str]:
    """Places that often file reports, used to split ``王小明台北``."""
    return with_variants(load("datelines")["places"]["names"])


@functools.cache
def place_endings() -> frozenset[str]:
    """Endings of a place name (…市, …縣), for places not listed in :func:`dateline_places`."""
    return with_variants(load("datelines")["places"]["endings"])


# --- names --------------------------------------------------------------------


@functools.cache
def _single_surnames() -> tuple[str, ...]:
    return tuple(dict.fromkeys(_chars("single")))


def _chars(table: str) -> list[str]:
    text: str = load("surnames")[table]["names" if table == "single" else "chars"]
    return [char for char in text if not char.isspace()]


@functools.cache
def compound_surnames() -> frozenset[str]:
    """Two-character surnames (欧阳, 司马, 诸葛 …), both scripts."""
    return with_variants(load("surnames")["compound"]["names"])


@functools.cache
def surnames() -> frozenset[str]:
    """Common single and compound surnames, both scripts."""
    return with_variants(_single_surnames()) | compound_surnames()


@functools.cache
def _ranks() -> Mapping[str, int]:
    table: dict[str, int] = {}
    for rank, name in enumerate(_single_surnames()):
        for form in variants(name):
            table.setdefault(form, rank)
    return table


def surname_rank(surname: str) -> int | None:
    """How common a single surname is (0 = most common), ``None`` if unknown.

    >>> surname_rank("王"), surname_rank("陳") is not None, surname_rank("的")
    (0, True, None)
    """
    return _ranks().get(surname)


@functools.cache
def not_given_name_chars() -> frozenset[str]:
    """Characters that (almost) never occur in a given name (的, 报, 会 …)."""
    return with_variants(_chars("not_given_name"))


@functools.cache
def not_names() -> frozenset[str]:
    """Common words that begin with a surname character (安全, 金融 …)."""
    return with_variants(load("surnames")["not_name"]["words"])


# --- publications -------------------------------------------------------------


@functools.cache
def publication_endings() -> Mapping[str, int]:
    """Endings of a publication's name (…日报, …网) → the shortest whole name with it."""
    table: dict[str, int] = {}
    for ending, shortest in load("publications")["suffixes"]["endings"]:
        for form in variants(ending):
            table[form] = shortest
    return MappingProxyType(table)


@functools.cache
def not_publications() -> frozenset[str]:
    """Words with a publication ending that are not publications (喜报, 互联网 …)."""
    return with_variants(load("publications")["not_publication"]["words"])


@functools.cache
def title_labels() -> frozenset[str]:
    """A site's own labels printed before a title like an outlet (独家｜…, 视频｜…): not sources."""
    return with_variants(load("publications")["title_labels"]["words"])


@functools.cache
def periodicals() -> frozenset[str]:
    """Well-known publications whose names have no publication ending (求是, 瞭望 …)."""
    return with_variants(load("publications")["periodicals"]["names"])


# --- notes --------------------------------------------------------------------


@functools.cache
def author_note_subjects() -> frozenset[str]:
    """Words that open an author note: 作者, 本文作者 …"""
    return with_variants(load("notes")["author"]["subjects"])


@functools.cache
def author_note_verbs() -> frozenset[str]:
    """Words between 作者 and the description: 系, 为, 单位 … (and 係)."""
    notes = load("notes")
    return with_variants(notes["author"]["verbs"]) | with_variants(notes["author_traditional"]["verbs"])


@functools.cache
def editor_note_markers() -> frozenset[str]:
    """Markers of an editor's note: 编者按, 按, 编者的话 …"""
    return with_variants(load("notes")["editor"]["markers"])


@functools.cache
def document_number_brackets() -> tuple[tuple[str, str], ...]:
    """Bracket pairs around the year of a document number (〔2024〕)."""
    return tuple((pair[0], pair[1]) for pair in load("notes")["document_number"]["year_brackets"])


@functools.cache
def document_number_words() -> frozenset[str]:
    """Words closing a document number (号, 號)."""
    return with_variants(load("notes")["document_number"]["number_words"])


@functools.cache
def document_number_serial_words() -> frozenset[str]:
    """Words before the serial of a Taiwan-style document number (字第)."""
    return with_variants(load("notes")["document_number"]["serial_words"])


# --- web page metadata --------------------------------------------------------


@functools.cache
def meta_labels() -> Mapping[str, str]:
    """Labels of a web page's metadata line, both scripts → the kind of their value.

    Kinds: ``published``, ``updated``, ``date`` (a generic 时间/日期),
    ``source``, ``author``, ``editor`` and ``other`` (浏览次数 …).

    >>> labels = meta_labels()
    >>> labels["發佈時間"], labels["發布時間"], labels["來源"], labels["责任编辑"], labels["浏览次数"]
    ('published', 'published', 'source', 'editor', 'other')
    """
    table: dict[str, str] = {}
    for entry in load("meta").values():
        for form in with_variants(entry["labels"]):
            table.setdefault(form, entry["kind"])
    return MappingProxyType(table)
