"""The bundled samples: a full demo board on any day, clearly marked, never published."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pelican.settings import read_settings

from board import samples
from board.catalog import InvalidPostings
from tests.site.conftest import ROOT, build_site, sample_content

SAMPLE_FILES = sorted((ROOT / samples.FOLDER).glob("*.md"))
PUBLISH = read_settings(str(ROOT / "publishconf.py"))


def open_slugs(site: Path) -> set[str]:
    return {p.parent.name for p in (site / "postings").glob("*/index.html")
            if 'class="banner closed"' not in p.read_text(encoding="utf-8")}


def posted_dates(site: Path) -> dict[str, str]:
    out = {}
    for p in (site / "postings").glob("*/index.html"):
        m = re.search(r'<dt>Posted</dt><dd><time datetime="([^"]+)"', p.read_text(encoding="utf-8"))
        out[p.parent.name] = m.group(1)[:10]
    return out


@pytest.fixture(scope="module")
def demo_boards(tmp_path_factory) -> tuple[Path, Path]:
    """The sample content built on the samples' own day and on a day 500 days later."""
    base = tmp_path_factory.mktemp("samples")
    content = sample_content(base / "content")
    on_day = build_site(content, base / "on-day", CACHE_PATH=str(base / "c1"))
    later = build_site(content, base / "later", BOARD_NOW="2028-04-09T12:00:00Z", CACHE_PATH=str(base / "c2"))
    return on_day, later


def test_samples_are_present_and_many_are_open(demo_boards):
    on_day, _ = demo_boards
    assert SAMPLE_FILES, "the repository ships sample postings"
    assert len(open_slugs(on_day)) >= 15


def test_the_demo_board_does_not_decay(demo_boards):
    """500 days on, the same samples are open and every date moved by exactly 500 days."""
    on_day, later = demo_boards
    assert open_slugs(later) == open_slugs(on_day)
    before, after = posted_dates(on_day), posted_dates(later)
    assert before.keys() == after.keys() and before
    from datetime import date
    assert {(date.fromisoformat(after[s]) - date.fromisoformat(before[s])).days for s in before} == {500}


def test_every_page_of_the_demo_board_says_sample_and_noindex(demo_boards):
    on_day, _ = demo_boards
    pages = sorted(on_day.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert 'class="banner sample"' in text and "Sample data." in text, page
        assert '<meta name="robots" content="noindex">' in text, page
    assert "Disallow: /" in (on_day / "robots.txt").read_text()
    assert 'class="badge sample">Sample</span>' in (on_day / "index.html").read_text()


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The repository's content built with publishconf's sample setting, as deploy.yml does."""
    base = tmp_path_factory.mktemp("published")
    content = sample_content(base / "content")
    return build_site(content, base / "out", BOARD_SAMPLES=PUBLISH["BOARD_SAMPLES"])


def test_publishconf_never_loads_samples():
    assert PUBLISH["BOARD_SAMPLES"] is False


def test_published_board_has_no_sample_anywhere(published):
    slugs = {p.stem for p in SAMPLE_FILES}
    assert not (published / "postings").exists() or not slugs & {p.name for p in (published / "postings").iterdir()}
    every_text = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                           for p in published.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json",
                                                                                           ".ics", ".txt", ".opml"))
    for slug in slugs:
        assert slug not in every_text, slug
    hosts = {m for f in SAMPLE_FILES for m in re.findall(r"https://([a-z0-9.-]+)", f.read_text(encoding="utf-8"))
             if samples.reserved_host("https://" + m)}
    assert hosts and not [h for h in hosts if h in every_text]
    assert "application/ld+json" not in every_text  # no posting, so no JobPosting block either
    assert "Sample data." not in every_text and 'content="noindex"' not in (published / "index.html").read_text()
    assert "Allow: /" in (published / "robots.txt").read_text()
    sitemap = (published / "sitemap.xml").read_text()
    assert "/postings/" not in sitemap
    assert json.loads((published / "feeds" / "all.json").read_text())["items"] == []


def test_published_build_refuses_a_sample_copied_into_real_postings(tmp_path):
    content = sample_content(tmp_path / "content")
    (content / "postings" / SAMPLE_FILES[0].name).write_bytes(SAMPLE_FILES[0].read_bytes())
    with pytest.raises(InvalidPostings) as err:
        build_site(content, tmp_path / "out", BOARD_SAMPLES=False, BOARD_NOW=samples.AS_OF.isoformat())
    assert f"content/postings/{SAMPLE_FILES[0].stem}.md:1: apply-url:" in str(err.value)
    assert "reserved for examples" in str(err.value)


@pytest.mark.parametrize("url, reserved", [
    ("https://harvestshare.example.org/apply", True), ("https://example.com/x", True),
    ("https://shop.test/a", True), ("https://a.invalid", True), ("https://example.org.", True),
    ("https://examples.org/jobs", False), ("https://www.riipen.com/", False), (None, False),
    ("https://notexample.com/", False),
])
def test_reserved_hosts(url, reserved):
    assert samples.reserved_host(url) is reserved
