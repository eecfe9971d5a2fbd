"""Convert every ``*.txt`` bulletin of a directory to JSON Lines: one bulletin a line.

    python examples/to_jsonl.py seeds out.jsonl

A file that cannot be read or parsed is reported on stderr and skipped; the
exit code is then 1, as ``bulletin`` itself does for a batch with failures.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import bulletin


def convert(folder: Path, out: Path) -> tuple[int, int]:
    """Write one compact JSON object per bulletin; return (converted, failed)."""
    converted = failed = 0
    with out.open("w", encoding="utf-8") as handle:
        for path in sorted(folder.glob("*.txt")):
            try:
                parsed = bulletin.parse(path)
            except bulletin.BulletinError as exc:
                print(f"{path}: {exc}", file=sys.stderr)
                failed += 1
                continue
            handle.write(parsed.to_json(indent=None) + "\n")
            converted += 1
    return converted, failed


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2 or not Path(args[0]).is_dir():
        print("usage: to_jsonl.py DIRECTORY OUTPUT.jsonl", file=sys.stderr)
        return 2
    converted, failed = convert(Path(args[0]), Path(args[1]))
    print(f"{converted} bulletins written to {args[1]}, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
