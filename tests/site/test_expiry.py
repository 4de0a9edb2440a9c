"""Expiry needs nobody: a posting past its Apply-By is closed by the build itself.

A small board is built with BOARD_NOW pinned to 2026-11-26 12:00 UTC: one posting whose
deadline was the day before, one whose deadline is that very day (still open until the
end of the day), and one with a later deadline. No file says "closed".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plugins.board_site.present import row_slug
from tests.board.board_testkit import make_posting

from .conftest import NOW, build_site

POSTINGS = {
    "expired-yesterday": dict(Apply_By="2026-11-25", Posted="2026-11-01"),
    "closes-today": dict(Apply_By="2026-11-26", Posted="2026-11-01"),
    "closes-later": dict(Apply_By="2027-01-31", Posted="2026-11-01"),
}


@pytest.fixture(scope="module")
def board(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("expiry")
    posts = base / "content" / "postings"
    posts.mkdir(parents=True)
    for slug, fields in POSTINGS.items():
        text = make_posting(Title=f"Project {slug}", Apply_URL=f"https://example.org/apply/{slug}", **fields)
        assert "Status" not in text
        (posts / f"{slug}.md").write_text(text, encoding="utf-8")
    assert NOW.startswith("2026-11-26T12:00")
    return build_site(base / "content", base / "output")


def test_expired_posting_is_not_on_the_board(board):
    index = (board / "index.html").read_text(encoding="utf-8")
    assert 'data-slug="expired-yesterday"' not in index
    assert 'data-slug="closes-today"' in index and 'data-slug="closes-later"' in index
    category = (board / "categories/data/index.html").read_text(encoding="utf-8")
    assert "postings/expired-yesterday/" not in category.split("Past postings")[0]


def test_expired_posting_page_stays_with_the_closed_banner(board):
    page = (board / "postings/expired-yesterday/index.html").read_text(encoding="utf-8")
    assert 'class="banner closed"' in page
    assert "<strong>Closed.</strong>" in page and "no longer accepting applications" in page
    assert '<meta name="robots" content="noindex">' in page
    assert "application/ld+json" not in page  # no JobPosting for a closed job
    assert ">Apply<" not in page
    today = (board / "postings/closes-today/index.html").read_text(encoding="utf-8")
    assert 'class="banner closed"' not in today
    # the date, counted down in the browser (countdown.js; tests/browser/test_small_things.py)
    assert '<time datetime="2026-11-26T23:59:59Z" data-countdown>Closes 26 November 2026</time>' in today


def test_expired_posting_leaves_feeds_sitemap_and_search(board):
    assert "expired-yesterday" not in (board / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert "expired-yesterday" not in (board / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((board / "search/entries.json").read_text(encoding="utf-8"))
    slugs = {row_slug(row) for row in index["entries"]}  # rows carry compressed slugs: decode them
    assert slugs == {"closes-today", "closes-later"}
