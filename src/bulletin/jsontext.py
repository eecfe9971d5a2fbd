"""JSON text of plain data, indented through msgspec when it is installed: the same bytes as :func:`json.dumps`.

Why: ``json.dumps(..., indent=1)`` runs the standard library's pure-Python
encoder (only the compact form has a C encoder); on a parsed megabyte it
costs a tenth of the parse.  msgspec (``pip install 'bulletin[fast-json]'``)
encodes in C and re-indents with the same layout: items one per line,
``indent`` spaces per level, non-ASCII characters kept, the same escapes.
The compact form (``indent=None``) stays with the standard C encoder: msgspec
would save a few milliseconds per megabyte there and hold two more copies of
the output while it lays it out (a batch writes compact lines, and memory
counts more there).  Values msgspec would write differently (integers past
64 bits, a lone surrogate) or an indent it has no form for (``0``, a string)
take the standard encoder; the data of a bulletin has no floats.
``tests/test_jsontext.py`` compares the bytes of both on every seed and dev
text and on generated data.

>>> print(dumps({"标题": "会议举行", "段落": [1, None]}, indent=1))
{
 "标题": "会议举行",
 "段落": [
  1,
  null
 ]
}
>>> dumps({"标题": "会议举行", "段落": []}, indent=None)
'{"标题": "会议举行", "段落": []}'
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

__all__ = ["dumps", "fast_encoder"]


@functools.cache
def fast_encoder() -> Callable[[Any, int], str] | None:
    """msgspec's encoder as ``encode(value, indent)``, or ``None`` when msgspec is not installed."""
    try:
        import msgspec
    except ImportError:
        return None
    encode, layout = msgspec.json.encode, msgspec.json.format

    def encode_text(value: Any, indent: int) -> str:
        return layout(encode(value), indent=indent).decode("utf-8")

    return encode_text


def dumps(value: Any, *, indent: int | None = None, fast: bool = True) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=indent)``, byte for byte; indented, faster with msgspec.

    ``value`` holds dicts with string keys, lists, strings, integers, booleans
    and ``None`` (no floats: a NaN is ``NaN`` to one encoder and ``null`` to
    the other).  ``fast=False`` always takes the standard encoder.
    """
    encode = fast_encoder() if fast else None
    if encode is not None and isinstance(indent, int) and indent > 0:
        try:
            return encode(value, indent)
        except (TypeError, ValueError, OverflowError, UnicodeError):
            pass  # a value msgspec does not write as json does: the standard encoder
    return json.dumps(value, ensure_ascii=False, indent=indent)
