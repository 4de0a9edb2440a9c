"""Builds with worker processes write exactly the bytes of a one-process cold build.

A small synthetic board (``bench.synthetic``: employer postings with Markdown bodies and
scraped sources, more than a page of 24, more units than ``workers.MIN_UNITS``) is
built cold in one process (``BOARD_WORKERS=1``), cold with two workers, and then, with
two workers, rebuilt over its caches after one posting changed, next to a one-process
cold build of the changed content. Every tree is compared file by file, byte for byte.
A template that fails on one page, in a worker, fails the build with that page named.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench import synthetic
from plugins.board_site.workers import MIN_UNITS

from .conftest import ROOT, build_site

N = 60


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _same(a: Path, b: Path) -> None:
    ta, tb = _tree(a), _tree(b)
    assert len(ta) > 200, f"only {len(ta)} files: the board was not really built"
    assert sorted(ta) == sorted(tb), (f"only in {a.name}: {sorted(set(ta) - set(tb))[:5]}; "
                                      f"only in {b.name}: {sorted(set(tb) - set(ta))[:5]}")
    differ = [p for p in ta if ta[p] != tb[p]]
    assert not differ, f"{len(differ)} file(s) differ, e.g. {differ[:5]}"


def _build(content: Path, root: Path, workers: int, **settings) -> Path:
    return build_site(content, root / "out", BOARD_NOW=synthetic.NOW, BOARD_WORKERS=workers,
                      CACHE_PATH=str(root / "cache"), **settings)


def _rendered(root: Path) -> int:
    return json.loads((root / "cache" / "board" / "render.json").read_text())["stats"]["rendered"]


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    return synthetic.generate(tmp_path_factory.mktemp("workers") / "content", N)


def test_two_workers_write_the_bytes_of_one_process(content, tmp_path):
    one = _build(content, tmp_path / "one", 1)
    two = _build(content, tmp_path / "two", 2)
    assert _rendered(tmp_path / "two") > MIN_UNITS  # enough units that the build forked
    _same(one, two)


def test_a_cached_rebuild_with_workers_is_the_cold_build(content, tmp_path):
    work = tmp_path / "content"
    shutil.copytree(content, work)
    page = _build(work, tmp_path / "warm", 2) / "postings" / sorted((work / "postings").glob("*.md"))[0].stem / "index.html"
    before = page.read_bytes()
    synthetic.touch_one(work)  # one posting's summary: its page, its lists and its feeds change
    warm = _build(work, tmp_path / "warm", 2)
    assert page.read_bytes() != before
    stats = json.loads((tmp_path / "warm" / "cache" / "board" / "render.json").read_text())["stats"]
    assert stats["reused"] > stats["rendered"] > 0, stats  # the rebuild reused outputs and rendered some
    cold = _build(work, tmp_path / "cold", 1)
    _same(warm, cold)


def test_a_page_failing_in_a_worker_fails_the_build_and_names_it(content, tmp_path):
    theme = shutil.copytree(ROOT / "theme", tmp_path / "theme")
    victim = sorted((content / "postings").glob("*.md"))[3].stem
    posting = theme / "templates" / "posting.html"
    text = posting.read_text(encoding="utf-8")
    block = "{% block content %}"
    assert block in text
    posting.write_text(text.replace(block, block + f"{{% if entry.slug == '{victim}' %}}{{{{ no_such_helper() }}}}"
                                           "{% endif %}", 1), encoding="utf-8")
    with pytest.raises(RuntimeError) as caught:  # Pelican loads the plugin as "board_site": match the name
        _build(content, tmp_path / "broken", 2, THEME=str(theme))
    assert type(caught.value).__name__ == "WorkerError"
    message = str(caught.value)
    assert f"postings/{victim}/index.html" in message
    assert "worker" in message and "no_such_helper" in message
