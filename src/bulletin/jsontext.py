"""JSON text of plain data, indented through msgspec when it is installed: the same bytes as :func:`json.dumps`.

Why: ``json.dumps(..., indent=1)`` runs the standard library's pure-Python
encoder (only the compact form has a C encoder); on a parsed megabyte it
costs a tenth of the parse.  With msgspec (``pip install 'bulletin[fast-json]'``)
the standard C encoder writes the compact text and msgspec lays it out with
the same layout: items one per line, ``indent`` spaces per level.  msgspec's
``format`` copies every string and number as it finds it, so the escapes,
the numbers and the non-ASCII characters are exactly those ``json.dumps``
writes.  (msgspec's own encoder is a little faster, but it leaves a UTF-8
copy of every string it encodes attached to that string, which for a
bulletin is a copy of its text for as long as the bulletin lives.)
Text the layout cannot take (a lone surrogate does not encode as UTF-8; a
NaN is not JSON) and an indent it has no form for (``0``, a string) take the
standard encoder.  ``tests/test_jsontext.py`` compares the bytes of both on
every seed and dev text and on generated data.

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
    """``encode(value, indent)``: the standard compact text laid out by msgspec; ``None`` without msgspec."""
    try:
        import msgspec
    except ImportError:
        return None
    compact, layout = _standard(None).encode, msgspec.json.format

    def encode_text(value: Any, indent: int) -> str:
        return layout(compact(value).encode("utf-8"), indent=indent).decode("utf-8")

    return encode_text


def dumps(value: Any, *, indent: int | None = None, fast: bool = True) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=indent)``, byte for byte; indented, faster with msgspec.

    ``value`` holds what :func:`json.dumps` takes.  ``fast=False`` always
    takes the standard encoder.
    """
    encode = fast_encoder() if fast and isinstance(indent, int) and indent > 0 else None
    if encode is not None and isinstance(indent, int):
        try:
            return encode(value, indent)
        except (TypeError, ValueError, OverflowError, UnicodeError):
            pass  # a value msgspec does not write as json does: the standard encoder
    return _standard(indent).encode(value)


@functools.cache
def _standard(indent: int | None) -> json.JSONEncoder:
    """The encoder ``json.dumps(value, ensure_ascii=False, indent=indent)`` makes, made once."""
    return json.JSONEncoder(ensure_ascii=False, indent=indent)
