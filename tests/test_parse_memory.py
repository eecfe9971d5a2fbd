"""Peak memory of a parse on real text, measured by tracemalloc (allocation sizes do not move
with the machine's load, unlike time): the guarantee in docs/guarantees.md, at most eight times
the input's size in UTF-8."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import bulletin

DATA = Path(__file__).parent / "data" / "dev" / "raw"
SEEDS = Path(__file__).parent.parent / "seeds"


def _real_text() -> str:
    paths = sorted(DATA.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    return "\n\n".join(path.read_text(encoding="utf-8") for path in paths)


def test_parse_of_real_text_peaks_below_seven_and_a_half_times_its_size() -> None:
    text = _real_text()
    size = len(text.encode("utf-8"))
    assert size > 300_000  # every dev text and seed, one after another
    bulletin.parse(text)  # patterns compiled and converters built before the measurement
    tracemalloc.start()
    try:
        parsed = bulletin.parse(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(parsed.articles) > 50
    # 7.9x before the parser let its state go ahead of the bulletin's copy of the input
    assert peak <= 7.5 * size, f"parse peaked at {peak / size:.1f}x the input"
