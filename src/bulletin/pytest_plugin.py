"""A pytest plugin that runs every test with bulletin's own parsers only: ``pytest -p bulletin.pytest_plugin``.

bulletin's own suite loads it (``addopts`` in ``pyproject.toml``), so its
tests, doctests and documentation examples give the same results whatever
other parser or knowledge packages are installed.  A test marked
``@pytest.mark.plugins`` sees the installed ones instead.  Parser packages can
load it too, or pin themselves with :func:`bulletin.testing.pinned_registry`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bulletin.testing import pinned_registry

__all__ = ["builtin_parsers_only"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "plugins: the test sees the installed parser and knowledge plug-ins, not only bulletin's own"
    )


@pytest.fixture(autouse=True)
def builtin_parsers_only(request: pytest.FixtureRequest) -> Iterator[None]:
    """Pin the registry to the built-in parsers and no knowledge plug-in, unless the test is marked ``plugins``."""
    if request.node.get_closest_marker("plugins") is not None:
        yield
        return
    with pinned_registry():
        yield
