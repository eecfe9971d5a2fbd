"""Normalise a text and explain what changed: which steps, and each changed stretch before and after.

    python examples/normalize_explain.py seeds/001_0c3caed24b89a787.txt
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Sequence
from pathlib import Path

import bulletin


def explain(text: str, *, script: str | None = None, per_step: int = 3) -> str:
    """The steps that changed ``text`` and, for each, a few stretches before and after it alone ran."""
    result = bulletin.normalize(text, script=script)
    lines = [f"changed by: {', '.join(result.changed_by) or 'nothing'}"]
    for name in result.changed_by:
        alone = bulletin.normalize(text, steps=[] if name.startswith("script:") else [name], script=script if name.startswith("script:") else None)
        matcher = difflib.SequenceMatcher(None, text, alone.text, autojunk=False)
        changes = [op for op in matcher.get_opcodes() if op[0] != "equal"][:per_step]
        for _, a0, a1, b0, b1 in changes:
            before, after = text[max(a0 - 3, 0) : a1 + 3], alone.text[max(b0 - 3, 0) : b1 + 3]
            lines.append(f"  {name:<12} {before!r} -> {after!r}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) not in (1, 2):
        print("usage: normalize_explain.py FILE [OPENCC_CONFIG]", file=sys.stderr)
        return 2
    text = bulletin.read_text(Path(args[0]))
    print(explain(text, script=args[1] if len(args) == 2 else None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
