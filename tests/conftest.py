"""Shared test setup: hypothesis profiles and paths to the seed bulletins and their annotations."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "data" / "gold"

settings.register_profile("dev", max_examples=200, deadline=None)
# CI judges a landing on the same 2,000 examples every run (derandomized); finding new inputs is the
# job of the "long" profile and of fuzz/fuzz_parse.py, whose failures become regression tests
settings.register_profile(
    "ci", max_examples=2000, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("long", max_examples=20000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

