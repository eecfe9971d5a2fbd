"""Export a bulletin's articles as IPTC ninjs 2.1 JSON (one object a line) and summarise them.

    python examples/export_ninjs.py seeds/001_0c3caed24b89a787.txt
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import bulletin
from bulletin.export.ninjs import to_ninjs


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: export_ninjs.py FILE", file=sys.stderr)
        return 2
    for item in to_ninjs(bulletin.parse(Path(args[0]))):
        print(json.dumps(item, ensure_ascii=False))
        roles = ", ".join(f"{h['role']}={h['value']}" for h in item.get("headlines", []))
        print(f"# {item['uri']} {item['language']} {roles} by={item.get('by', '-')}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
