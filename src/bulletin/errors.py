"""Exceptions raised by :mod:`bulletin`, each carrying the context needed to act on it."""

from __future__ import annotations

__all__ = [
    "BulletinDecodeError",
    "BulletinError",
    "InputTooLargeError",
    "MissingExtraError",
    "ModelError",
    "PathAsTextError",
    "SourceParserError",
    "UnknownSourceError",
    "UnreadableDocumentError",
]


class BulletinError(Exception):
    """Base class of every error :mod:`bulletin` raises on purpose."""


class ModelError(BulletinError, ValueError):
    """A document element was given an impossible value (empty title, inverted span, ...)."""


class BulletinDecodeError(BulletinError, UnicodeError):
    """Bytes that are none of the encodings :mod:`bulletin` recognises.

    ``offset`` is the byte offset of the first byte that could not be decoded.
    """

    def __init__(self, message: str, *, offset: int, hint: str = "") -> None:
        super().__init__(message)
        self.offset = offset
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.args[0]} (at byte {self.offset})"
        return f"{text}; {self.hint}" if self.hint else text


class UnknownSourceError(BulletinError, LookupError):
    """A source parser was asked for by a name that no installed parser has."""

    def __init__(self, name: str, known: tuple[str, ...]) -> None:
        super().__init__(f"unknown source parser {name!r}; installed: {', '.join(known) or 'none'}")
        self.name = name
        self.known = known


class SourceParserError(BulletinError, RuntimeError):
    """A source parser (built in or from a plug-in) failed on an input."""

    def __init__(self, parser: str, detail: str) -> None:
        super().__init__(f"source parser {parser!r} failed: {detail}")
        self.parser = parser


class InputTooLargeError(BulletinError, ValueError):
    """An input larger than the size limit (``max_bytes``), refused before it is read into memory."""

    def __init__(self, size: int, limit: int, *, name: str | None = None) -> None:
        what = f"{name}: " if name else ""
        super().__init__(
            f"{what}input of {size} bytes is over the limit of {limit} bytes; pass a larger max_bytes to read it"
        )
        self.size = size
        self.limit = limit


class PathAsTextError(BulletinError, ValueError):
    """A ``str`` given as text names an existing file: it was almost surely meant as a path.

    ``parse("seeds/x.txt")`` would otherwise parse the characters of the
    name.  Read the file with ``parse(Path(name))`` or ``parse_file(name)``.
    """

    def __init__(self, path: str) -> None:
        super().__init__(
            f"{path!r} is the name of an existing file, not bulletin text; "
            f"read the file with bulletin.parse(Path({path!r})) or bulletin.parse_file({path!r})"
        )
        self.path = path


class MissingExtraError(BulletinError, ImportError):
    """An input needs an optional extra that is not installed (a PDF needs ``bulletin[pdf]``)."""

    def __init__(self, what: str, extra: str) -> None:
        super().__init__(f"{what} needs the optional extra {extra!r}: pip install 'bulletin[{extra}]'")
        self.extra = extra


class UnreadableDocumentError(BulletinError, ValueError):
    """A PDF or HTML document that cannot be read (damaged, encrypted, a page that is not there)."""
