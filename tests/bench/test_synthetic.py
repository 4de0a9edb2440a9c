"""The benchmark's synthetic boards are valid and build; cached rebuilds equal cold builds.

No timing here: benchmarks judge ratios in ``make bench``, tests only correctness.
"""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import synthetic
from board.catalog import load_catalog
from board.entry import parse_datetime
from board.policy import load_policy
from tests.site.conftest import ROOT, build_site

N = 20


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    return synthetic.generate(tmp_path_factory.mktemp("syn") / "content", N)


def test_generated_content_validates(content):
    catalog = load_catalog(content, load_policy(ROOT / "board.toml"), parse_datetime(synthetic.NOW))
    assert catalog.warnings == []
    assert len(catalog.all) == N
    assert catalog.open and catalog.closed
    kinds = {e.source.kind for e in catalog.all}
    assert kinds == {"employer", "scraper"}
    assert len(list((content / "postings").glob("*.md"))) == N // 2


def test_generation_is_deterministic(content, tmp_path):
    again = synthetic.generate(tmp_path / "again", N)
    for sub in ("postings", "scraped"):
        names = sorted(p.name for p in (content / sub).iterdir())
        assert names == sorted(p.name for p in (again / sub).iterdir())
        assert all((content / sub / n).read_bytes() == (again / sub / n).read_bytes() for n in names)


def test_generated_content_builds(content, tmp_path):
    out = build_site(content, tmp_path / "out")
    postings = list((out / "postings").glob("*/index.html"))
    assert len(postings) == N
    index = json.loads((out / "search" / "entries.json").read_text(encoding="utf-8"))
    assert index["entries"]


def test_pelican_articles_mirror_entries(content, tmp_path):
    """Fair: Markdown postings as .md, scraped HTML as .html; the published baseline: all .md."""
    fair = list((synthetic.to_pelican(content, tmp_path / "fair") / "articles").iterdir())
    assert sorted(p.suffix for p in fair) == [".html"] * (N // 2) + [".md"] * (N // 2)
    md = next(p for p in fair if p.suffix == ".md")
    head = md.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert {line.split(":", 1)[0] for line in head.splitlines()} >= {"Title", "Date", "Category", "Tags"}
    page = next(p for p in fair if p.suffix == ".html").read_text(encoding="utf-8")
    assert all(tag in page for tag in ("<title>", 'name="date"', 'name="category"', 'name="tags"'))
    default = list((synthetic.to_pelican(content, tmp_path / "default", fair=False) / "articles").iterdir())
    assert sorted(p.suffix for p in default) == [".md"] * N


def _tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_cached_rebuild_after_an_edit_equals_a_cold_build(content, tmp_path):
    """The render cache must never serve a stale page: edit one posting, compare with a cold build."""
    work = tmp_path / "content"
    synthetic.generate(work, N)
    cached_out = tmp_path / "cached" / "out"
    build_site(work, cached_out)  # cold, fills the caches
    edited = synthetic.touch_one(work)
    build_site(work, cached_out)  # warm: reuses every page the edit did not touch
    cold_out = build_site(work, tmp_path / "cold" / "out")
    assert _tree(cached_out) == _tree(cold_out)
    differ = [p for p in _tree(cold_out) if not filecmp.cmp(cached_out / p, cold_out / p, shallow=False)]
    assert differ == []
    page = (cold_out / "postings" / edited.stem / "index.html").read_text(encoding="utf-8")
    assert "(edited)." in page


def test_render_cache_key_is_stable_across_processes(content, tmp_path):
    """Builds in fresh interpreters (different string hashing) reuse each other's pages."""
    out, cache = tmp_path / "out", tmp_path / "cache"
    keys = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "bench.child", "ours", str(content), str(out), str(cache),
                        "--now", synthetic.NOW],
                       cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
        keys.append(json.loads((cache / "board" / "render.json").read_text(encoding="utf-8"))["site"])
    assert keys[0] == keys[1]
