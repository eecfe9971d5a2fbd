"""The JSON Schema (draft 2020-12) of the model's JSON, as ``bulletin parse --format json`` prints it.

The schema is generated from the attrs classes of :mod:`bulletin.model`, so a
field added to the model appears in it; the shapes the serialiser gives some
values are written here once: spans are ``[start, end]``, an issue date is
ISO with the precision printed, a dateline's ``date`` is ISO (``--10-09``
without a year) with ``resolved`` telling whether it is certain, and every
article carries its headline parts flat (``title``, ``kicker``, ``subtitle``,
``column``) besides the nested ``headline``.

>>> schema = json_schema()
>>> schema["$defs"]["Span"]["type"], sorted(schema["$defs"]["Dateline"]["properties"])[:4]
('array', ['agency', 'date', 'day', 'month'])
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any

import attrs

from bulletin.model import Article, Bulletin, Dateline, IssueDate
from bulletin.span import SourceText, Span

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID = "urn:bulletin:schema:bulletin.json"

_NULL = {"type": "null"}
_FIXED: dict[type, dict[str, Any]] = {
    Span: {
        "type": "array",
        "description": "[start, end) in code points of the original input",
        "prefixItems": [{"type": "integer", "minimum": 0}, {"type": "integer", "minimum": 0}],
        "items": False,
        "minItems": 2,
    },
    IssueDate: {
        "type": "string",
        "description": "ISO 8601 with the precision printed: 2024, 2024-11 or 2024-11-05",
        "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    },
}
_SIMPLE: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    SourceText: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    float: {"type": "number"},
}


def _is_optional(tp: Any) -> tuple[bool, Any]:
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [arg for arg in args if arg is not type(None)]
        return True, rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]  # noqa: UP007
    return False, tp


def _type(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    optional, inner = _is_optional(tp)
    if optional:
        return {"anyOf": [_type(inner, defs), _NULL]}
    if tp in _SIMPLE:
        return dict(_SIMPLE[tp])
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"type": "string", "enum": [member.value for member in tp]}
    if typing.get_origin(tp) is tuple:
        return {"type": "array", "items": _type(typing.get_args(tp)[0], defs)}
    if isinstance(tp, type) and (tp in _FIXED or attrs.has(tp)):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            defs[name] = dict(_FIXED[tp]) if tp in _FIXED else _class(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    return {}


def _class(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    if cls is Article:
        for key in ("title", "kicker", "subtitle", "column"):
            properties[key] = {"type": ["string", "null"], "description": f"the headline's {key} as plain text"}
    for field in attrs.fields(cls):
        tp = hints[field.name]
        if cls is Dateline and tp in (dt.date, dt.date | None):
            properties["date"] = {
                "type": ["string", "null"],
                "description": "ISO date: 2024-10-09, or --10-09 when no year is known",
                "pattern": r"^(\d{4}|-)-\d{2}-\d{2}$",
            }
            properties["resolved"] = {"type": "boolean", "description": "whether date is certain"}
            continue
        properties[field.name] = _type(tp, defs)
    doc = (cls.__doc__ or "").strip().splitlines()
    return {
        "type": "object",
        "description": doc[0] if doc else cls.__name__,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The schema of :meth:`Bulletin.to_dict` output (and so of ``bulletin parse`` JSON)."""
    defs: dict[str, Any] = {}
    root = _class(Bulletin, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "bulletin: a parsed Chinese news bulletin",
        **root,
        "$defs": dict(sorted(defs.items())),
    }
