"""The build benchmark's anchors and rebuild scenarios, run for real on a tiny board.

Nothing here looks at a time: it checks that each anchor site was really built from the
same postings (pages exist, counts match), that every rebuild scenario wrote exactly the
bytes a cold build of the same content, code and day writes (issue #19), and that the
results carry every row the table prints.
"""

from __future__ import annotations

import filecmp
import json
import math
import re
from pathlib import Path

import pytest

from bench import build, child, hugo, synthetic
from bench.__main__ import build_rows
from bench.scenarios import SCENARIOS

N = 30  # more than one page of 24, so pagination shows


def _tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def _differences(warm: Path, cold: Path) -> list[str]:
    """Paths that exist on one side only, or whose bytes differ."""
    a, b = set(_tree(warm)), set(_tree(cold))
    only = [f"only after the rebuild: {p}" for p in sorted(a - b)] + [f"only cold: {p}" for p in sorted(b - a)]
    return only + [f"bytes differ: {p}" for p in sorted(a & b) if not filecmp.cmp(warm / p, cold / p, shallow=False)]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """One bench_size run of N postings, each rebuild compared with a cold build right after it."""
    work = tmp_path_factory.mktemp("bench")
    seen: dict[str, dict] = {}

    def check(scenario, state, out: Path) -> None:
        cold = work / "cold" / scenario.key
        build.run_build("ours", state.content, cold / "out", cold / "cache", src=state.src, now=state.now)
        seen[scenario.key] = {"differences": _differences(out, cold / "out"), "now": state.now,
                              "changed": state.changed[-1], "postings": _tree(out / "postings")}

    result = build.bench_size(N, work, repeat=1, rebuilds=1, log=lambda m: None, check=check)
    return work / f"n{N}", result, seen


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> list[synthetic.Article]:
    """The postings the anchors were built from (the run's own content moved on since)."""
    return synthetic.articles(synthetic.generate(tmp_path_factory.mktemp("original") / "content", N))


def test_fair_pelican_site_is_built_from_the_same_postings(run, articles):
    base, result, _ = run
    content = base / "pelican-fair-content" / "articles"
    kinds = sorted(p.suffix for p in content.iterdir())
    assert kinds.count(".md") == N // 2 and kinds.count(".html") == N // 2  # scraped bodies stay HTML
    out = base / "out-pelican_fair"
    slugs = [a.slug for a in articles]
    assert len(slugs) == N
    assert all((out / f"{slug}.html").is_file() for slug in slugs)
    scraped = next(a for a in articles if a.fmt == "html")
    link = re.search(r'<a href="[^"]+/about">About us</a>', scraped.body).group(0)
    assert link in (out / f"{scraped.slug}.html").read_text(encoding="utf-8")  # passed through, not re-parsed
    pages = math.ceil(N / child.PER_PAGE)
    assert (out / f"index{pages}.html").is_file() and not (out / f"index{pages + 1}.html").exists()
    assert result["anchors"]["pelican_fair"]["ratio_cpu"] > 0


def test_published_baseline_is_kept_apart_and_labelled(run):
    base, result, _ = run
    content = base / "pelican-default-content" / "articles"
    assert sorted(p.suffix for p in content.iterdir()) == [".md"] * N
    assert not (base / "out-pelican_default" / "index2.html").exists()  # Pelican's default: no pagination
    rows = [r[0] for r in build_rows(result)]
    assert any("published baseline" in r for r in rows)


def test_hugo_site_is_built_from_the_same_postings(run, articles):
    base, result, _ = run
    if hugo.binary() is None:
        assert "hugo not found" in result["anchors"]["hugo"]["skipped"]
        pytest.skip("hugo is not installed (`make hugo`); the row says why, checked above")
    out = base / "out-hugo"
    pages = sorted(p.parent.name for p in (out / "postings").glob("*/index.html"))
    assert pages == sorted(a.slug for a in articles)
    assert len(pages) == N
    assert (out / "page" / str(math.ceil(N / hugo.PER_PAGE)) / "index.html").is_file()
    assert (out / "index.xml").read_text(encoding="utf-8").count("<item>") == N
    for taxonomy in ("categories", "skills", "organizations"):
        terms = list((out / taxonomy).glob("*/index.html"))
        assert terms, taxonomy
        assert all((t.parent / "index.xml").is_file() for t in terms)
    assert result["anchors"]["hugo"]["ratio_cpu"] > 0


def _removed_slug(seen: dict) -> str:
    return seen["removed"]["changed"].removeprefix("removed ").removesuffix(".md")


@pytest.mark.parametrize("key", [s.key for s in SCENARIOS])
def test_every_rebuild_writes_what_a_cold_build_writes(run, key):
    """Byte for byte, file for file: nothing left over, nothing missing (the cache prunes)."""
    _, _, seen = run
    assert sorted(seen) == sorted(s.key for s in SCENARIOS)
    assert seen[key]["differences"] == []


def test_a_withdrawn_postings_page_is_gone_after_a_warm_rebuild(run):
    _, _, seen = run
    assert not any(_removed_slug(seen) in d for d in seen["removed"]["differences"])
    assert seen["removed"]["differences"] == []


def test_the_scenarios_made_their_change(run):
    base, _, seen = run
    assert seen["same_day"]["now"] == synthetic.NOW
    assert seen["next_day"]["now"] == "2026-11-27T12:00:00Z"
    added = seen["added"]["changed"].removeprefix("added ").removesuffix(".md")
    assert f"{added}/index.html" in seen["added"]["postings"]
    removed = _removed_slug(seen)
    assert not (base / "content" / "postings" / f"{removed}.md").exists()
    sitemap = (base / "out-ours" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/postings/{added}/" in sitemap and f"/postings/{removed}/" not in sitemap
    edited = seen["edited"]["changed"].rsplit(" ", 1)[-1].removesuffix(".md")
    assert "(edited)." in (base / "out-ours" / "postings" / edited / "index.html").read_text(encoding="utf-8")
    page = (base / "out-ours" / "postings" / added / "index.html").read_text(encoding="utf-8")
    assert synthetic.TEMPLATE_MARK in page


def test_results_have_every_row(run):
    _, result, _ = run
    json.dumps(result)  # results.json can hold it
    assert set(result["anchors"]) == {"pelican_fair", "pelican_default", "hugo"}
    assert set(result["rebuild"]) == {s.key for s in SCENARIOS}
    assert all(r["ratio_cpu"] > 0 and r["ratio_wall"] > 0 for r in result["rebuild"].values())
    ours = result["output"]["ours"]
    assert ours["bytes_per_posting"] == round(ours["bytes"] / N) > 0
    assert 0 < len(ours["largest"]) <= 8 and ours["largest"][0]["bytes"] >= ours["largest"][-1]["bytes"]
    rows = [r[0] for r in build_rows(result)]
    for needle in ("fair Pelican", "Hugo", "peak memory", "bytes per posting", "largest folders",
                   *(s.label for s in SCENARIOS)):
        assert any(needle in r for r in rows), needle
