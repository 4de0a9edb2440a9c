"""The layers hold: board/ imports neither Pelican, requests nor the scrapers; only the plugin imports Pelican."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imports(path: Path) -> set[str]:
    """Top-level names of every module ``path`` imports, anywhere in the file (late imports too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted((ROOT / "board").glob("*.py")), ids=lambda p: p.name)
def test_board_imports_no_framework_and_nothing_above_it(path):
    assert not imports(path) & {"pelican", "requests", "scrapers", "plugins", "board_site", "feedparser"}


@pytest.mark.parametrize("path", sorted((ROOT / "scrapers").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_scrapers_never_import_pelican_or_the_plugin(path):
    assert not imports(path) & {"pelican", "plugins", "board_site"}


def test_only_the_plugin_imports_pelican():
    # Hidden folders are not the project's code: .venv, and .cache where `make bench` keeps its snapshots.
    users = {p.relative_to(ROOT).parts[0] for p in ROOT.glob("**/*.py")
             if not any(part.startswith(".") for part in p.relative_to(ROOT).parts)
             and "pelican" in imports(p) and p.parts[-2:] != ("tests",)}
    assert users <= {"plugins", "tests", "bench", "pelicanconf.py", "publishconf.py"}, users


@pytest.mark.parametrize("path", sorted((ROOT / "scrapers" / "adapters").glob("*.py")), ids=lambda p: p.name)
def test_adapters_reach_the_network_only_through_the_shared_http_module(path):
    assert not imports(path) & {"requests", "urllib3", "http", "socket", "httpx", "aiohttp"}
