"""The third-party packages in examples/, installed the way pip would.

The fixture puts a package's source and a generated ``.dist-info`` (with the
``entry_points.txt`` pip would write from its ``pyproject.toml``) on
``sys.path``, so ``importlib.metadata`` finds its ``bulletin.parsers`` and
``bulletin.knowledge`` entry points exactly as it finds an installed package's.
These tests see the installed plug-ins (``plugins`` marker); every other test
sees bulletin's own parsers only (``bulletin.pytest_plugin``).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import bulletin
from bulletin import knowledge
from bulletin.cli import main
from bulletin.parsers import registry
from bulletin.testing import Fixture, assert_parses, pinned_registry, read_fixtures
from conftest import ROOT, SEEDS

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

pytestmark = pytest.mark.plugins

PACKAGE = ROOT / "examples" / "bulletin-example-parser"
CASES = read_fixtures(PACKAGE / "tests" / "fixtures" / "countypaper.txt")
SOUTH = ROOT / "examples" / "bulletin-southweekly"
SOUTH_CASES = read_fixtures(SOUTH / "tests" / "fixtures" / "southweekly.txt")
#: What a third-party package may import of bulletin: the public API and the rule author's module.
PUBLIC = {"bulletin", "bulletin.rules", "bulletin.testing"}


def _dist_info(target: Path, package: Path = PACKAGE) -> Path:
    """Write the metadata pip would install for the package: METADATA and entry_points.txt."""
    project = tomllib.loads((package / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    folder = target / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    folder.mkdir(parents=True)
    (folder / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n", encoding="utf-8"
    )
    groups = project["entry-points"]
    lines = [f"[{group}]\n" + "".join(f"{k} = {v}\n" for k, v in entries.items()) for group, entries in groups.items()]
    (folder / "entry_points.txt").write_text("\n".join(lines), encoding="utf-8")
    return target


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return _dist_info(tmp_path / "site")


@pytest.fixture
def installed(site: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.syspath_prepend(str(PACKAGE / "src"))
    monkeypatch.syspath_prepend(str(site))
    registry._registry.cache_clear()
    yield
    registry._registry.cache_clear()
    sys.modules.pop("bulletin_countypaper", None)


@pytest.mark.usefixtures("installed")
def test_sources_lists_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sources"]) == 0
    lines = dict(line.split("\t", 1) for line in capsys.readouterr().out.splitlines())
    assert lines["countypaper"].startswith("County papers")
    assert {"generic", "xinhua"} <= set(lines)


@pytest.mark.usefixtures("installed")
@pytest.mark.parametrize("case", CASES, ids=[case.title for case in CASES])
def test_detection_picks_it_and_its_fixtures_pass(case: Fixture) -> None:
    assert bulletin.choose_parser(case.input).name == "countypaper"
    parsed = assert_parses(case.input, case.expected)  # chosen by detection
    assert parsed.parser == "countypaper"


@pytest.mark.usefixtures("installed")
@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_detection_leaves_the_seeds_to_the_built_in_parsers(path: Path) -> None:
    assert bulletin.choose_parser(path.read_text(encoding="utf-8")).name in {"generic", "xinhua"}


@pytest.mark.usefixtures("installed")
def test_source_option_selects_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text(CASES[0].input, encoding="utf-8")
    assert main(["parse", str(story), "--source", "countypaper", "--compact"]) == 0
    data = __import__("json").loads(capsys.readouterr().out)
    assert data["parser"] == "countypaper"
    assert [b["name"] for b in data["articles"][0]["bylines"]] == ["王明", "李华"]
    assert main(["parse", str(SEEDS / "000_cafc0066323a249a.txt"), "--source", "countypaper", "--compact"]) == 0
    assert __import__("json").loads(capsys.readouterr().out)["parser"] == "countypaper"


def test_without_it_the_generic_parser_leaves_the_credit_in_the_body() -> None:
    registry._registry.cache_clear()
    assert "countypaper" not in bulletin.parser_names()
    article = bulletin.parse(CASES[0].input).articles[0]
    assert [b.name for b in article.bylines] != ["王明", "李华"]
    assert "报道：10月9日" in article.paragraphs[0].text


def _env(site: Path) -> dict[str, str]:
    env = dict(os.environ)
    paths = [str(site), str(PACKAGE / "src"), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    return env


def test_a_fresh_interpreter_finds_it_through_its_entry_point(site: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "bulletin", "parse", "-", "--format", "text"],
        input=CASES[0].input.encode("utf-8"),
        capture_output=True,
        env=_env(site),
        check=True,
    )
    assert run.stdout.decode("utf-8").startswith("全县秋粮收购工作全面启动\n记者 王明、通讯员 李华\n\n10月9日")


def test_the_package_own_tests_pass(site: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(PACKAGE / "tests")],
        capture_output=True,
        env=_env(site),
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 0, run.stdout.decode("utf-8")[-2000:]


@pytest.fixture
def south_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.syspath_prepend(str(SOUTH / "src"))
    monkeypatch.syspath_prepend(str(_dist_info(tmp_path / "south-site", SOUTH)))
    registry._registry.cache_clear()
    knowledge._installed.cache_clear()
    knowledge._clear_caches()
    yield
    registry._registry.cache_clear()
    knowledge._installed.cache_clear()
    knowledge._clear_caches()
    sys.modules.pop("bulletin_southweekly", None)


@pytest.mark.usefixtures("south_installed")
@pytest.mark.parametrize("case", SOUTH_CASES, ids=[case.title for case in SOUTH_CASES])
def test_the_southweekly_package_is_detected_and_its_fixtures_pass(case: Fixture) -> None:
    assert bulletin.choose_parser(case.input).name == "southweekly"
    assert assert_parses(case.input, case.expected).parser == "southweekly"


@pytest.mark.usefixtures("south_installed")
def test_its_knowledge_reaches_every_parser() -> None:
    text = SOUTH_CASES[0].input
    generic = bulletin.parse(text, parser="generic")[0]
    assert [(b.organization, b.role, b.name) for b in generic.bylines] == [("南方周末", "记者", "张三"), ("南方周末", "实习生", "李四")]
    assert generic.dateline is None  # the 发自 line needs the package's rule


def test_without_the_package_the_credit_is_read_as_a_title() -> None:
    with pinned_registry():
        article = bulletin.parse(SOUTH_CASES[0].input)[0]
    assert (article.title or "").startswith("南方周末记者 张三 南方周末实习生 李四")
    assert article.bylines == ()


def test_the_southweekly_package_own_tests_pass(tmp_path: Path) -> None:
    site = _dist_info(tmp_path / "south-site", SOUTH)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(site), str(SOUTH / "src"), env.get("PYTHONPATH", "")) if p)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(SOUTH / "tests")],
        capture_output=True, env=env, cwd=ROOT, check=False,
    )
    assert run.returncode == 0, run.stdout.decode("utf-8")[-2000:]


def _bulletin_imports(folder: Path) -> set[str]:
    found: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
    return {name for name in found if name == "bulletin" or name.startswith("bulletin.")}


@pytest.mark.parametrize("package", [PACKAGE, SOUTH], ids=lambda p: p.name)
def test_the_example_packages_import_only_the_public_api(package: Path) -> None:
    used = _bulletin_imports(package)
    assert "bulletin.rules" in used | {"bulletin.rules"}
    assert used <= PUBLIC, f"internal modules imported: {sorted(used - PUBLIC)}"


def test_every_name_the_rules_module_exports_is_there() -> None:
    import bulletin.rules as rules

    missing = [name for name in rules.__all__ if not hasattr(rules, name)]
    assert missing == []
