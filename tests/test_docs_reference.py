"""The documentation is complete: the API reference covers every public name, the CLI page every flag."""

from __future__ import annotations

import argparse
import importlib
import re

import pytest

import bulletin
from bulletin.cli.main import _build
from conftest import ROOT

API = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
CLI = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
#: The modules users import, which the reference must render.
USER_MODULES = (
    "bulletin.api", "bulletin.batch", "bulletin.dask", "bulletin.decode", "bulletin.errors", "bulletin.export",
    "bulletin.export.html", "bulletin.export.outline", "bulletin.export.records", "bulletin.knowledge",
    "bulletin.model", "bulletin.normalize.pipeline", "bulletin.rules", "bulletin.span", "bulletin.tables",
    "bulletin.testing",
)


def _directives() -> dict[str, set[str] | None]:
    """``::: module`` → the members it lists, or ``None`` for all of its public members."""
    found: dict[str, set[str] | None] = {}
    for block in re.split(r"\n(?=::: )", API):
        head = re.match(r"::: ([\w.]+)", block)
        if head is None:
            continue
        members = re.search(r"members:\n((?:\s+- \w+\n?)+)", block)
        found[head.group(1)] = set(re.findall(r"- (\w+)", members.group(1))) if members else None
    return found


def _documented(name: str, directives: dict[str, set[str] | None]) -> bool:
    for module_name, members in directives.items():
        module = importlib.import_module(module_name)
        if members is not None and name in members:
            return True
        if members is None and name in getattr(module, "__all__", ()):
            return True
    return False


@pytest.mark.parametrize("name", [n for n in bulletin.__all__ if n != "__version__"])
def test_every_top_level_name_is_in_the_reference(name: str) -> None:
    directives = _directives()
    obj = getattr(bulletin, name)
    own = getattr(obj, "__name__", name)  # BatchResult is batch.Result
    assert _documented(name, directives) or _documented(own, directives), f"{name} is not in docs/api.md"


@pytest.mark.parametrize("name", importlib.import_module("bulletin.rules").__all__)
def test_every_name_of_the_rules_module_is_in_the_reference(name: str) -> None:
    assert _documented(name, _directives()), f"bulletin.rules.{name} is not in docs/api.md"


def test_the_modules_users_import_are_in_the_reference() -> None:
    assert set(USER_MODULES) <= set(_directives())


def _flags() -> set[str]:
    root = _build()
    flags = {o for a in root._actions for o in a.option_strings}
    sub = next(a for a in root._actions if isinstance(a, argparse._SubParsersAction))
    for parser in sub.choices.values():
        flags.update(o for a in parser._actions for o in a.option_strings)
    return flags


def test_the_cli_page_lists_every_command_and_flag() -> None:
    for flag in sorted(_flags()):
        assert f"`{flag}" in CLI or f", `{flag}" in CLI, f"{flag} is not in docs/cli.md"
    root = _build()
    sub = next(a for a in root._actions if isinstance(a, argparse._SubParsersAction))
    for command in sub.choices:
        assert f"bulletin {command}" in CLI
