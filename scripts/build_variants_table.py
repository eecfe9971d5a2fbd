"""Write ``src/bulletin/data/variants.json``: the traditional-script forms of the words the parser asks
:func:`bulletin.knowledge.variants` for, so a parse builds no OpenCC converter at start.

    python scripts/build_variants_table.py          # write the table
    python scripts/build_variants_table.py --check  # exit 1 if the table is not what OpenCC gives now

The words are every string of the built-in data files and every word a parse of the seeds, the
samples and the dev texts asks about; a word missing from the table is converted by OpenCC as before,
so the table only saves time.  Run it after changing a data file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "src" / "bulletin" / "data" / "variants.json"
sys.path.insert(0, str(ROOT / "src"))

from bulletin import knowledge  # noqa: E402


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


_PATTERN_MARKS = frozenset("\\()[]{}|?*+^$")


def _word(text: str) -> bool:
    return bool(text.strip()) and len(text) <= 16 and not _PATTERN_MARKS & set(text)


def asked_words() -> set[str]:
    """Every word the data files hold and every word a parse of the project's texts asks about."""
    import bulletin

    asked: set[str] = set()
    convert = knowledge.variants

    def recording(word: str) -> frozenset[str]:
        asked.add(word)
        return convert(word)

    knowledge.variants = recording  # type: ignore[assignment]
    try:
        knowledge._clear_caches()
        for path in [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests" / "data").rglob("*.txt"))]:
            bulletin.parse(path.read_text(encoding="utf-8"))
    finally:
        knowledge.variants = convert  # type: ignore[assignment]
        knowledge._clear_caches()
    for name in knowledge.DATA_FILES:
        # the words of the data (its patterns, and the surname string, are no words to look up)
        asked.update(word for word in _strings(dict(knowledge.load(name))) if _word(word))
    return asked


def table(words: set[str]) -> dict[str, list[str]]:
    return {word: sorted(knowledge.convert_variants(word) - {word}) for word in sorted(words)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare the table with OpenCC instead of writing it")
    args = parser.parse_args()
    if args.check:
        stored = json.loads(TABLE.read_text(encoding="utf-8"))
        wrong = [word for word, forms in stored.items() if sorted(knowledge.convert_variants(word) - {word}) != forms]
        print(f"{len(stored)} words, {len(wrong)} differ from OpenCC" + (f": {wrong[:10]}" if wrong else ""))
        return 1 if wrong else 0
    found = table(asked_words())
    TABLE.write_text(json.dumps(found, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(found)} words to {TABLE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
