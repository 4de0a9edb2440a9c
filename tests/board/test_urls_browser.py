"""Our reading of an apply URL agrees with Chromium's ``new URL()`` (issue #18, item 11).

The corpus (``url_corpus.toml`` beside this file) holds the inputs Python's ``urlsplit``
and the WHATWG parser read apart: backslashes, tab and newline, percent-encoded hosts,
IPv4 in every spelling, userinfo, trailing dots, IDNA and punycode, full-width
characters, mixed scripts, spaces, ports. For each: ``url_problem``'s verdict is the one
the table records, and an accepted URL's host (``board.urls.browser_host``) is exactly
the hostname Chromium gives, so a link we check is the link a student follows.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from board.entry import url_problem
from board.urls import browser_host

CORPUS = tomllib.loads((Path(__file__).with_name("url_corpus.toml")).read_text(encoding="utf-8"))["cases"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium_hosts(browser) -> dict[str, str | None]:
    """url -> Chromium's ``new URL(url).hostname``, or None where it throws."""
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        urls = [c["url"] for c in CORPUS]
        hosts = page.evaluate("urls => urls.map(u => { try { return new URL(u).hostname; } catch (e) { return null; } })",
                              urls)
    finally:
        ctx.close()
    return dict(zip(urls, hosts))


def test_corpus_covers_accepted_and_refused_urls():
    assert len(CORPUS) >= 50
    assert {c["accept"] for c in CORPUS} == {True, False}


@pytest.mark.parametrize("case", CORPUS, ids=[c["why"] for c in CORPUS])
def test_our_verdict_and_host_agree_with_chromium(case, chromium_hosts):
    url = case["url"]
    why = url_problem(url)
    assert (why is None) == case["accept"], f"{url!r}: {why}"
    if why is None:
        assert chromium_hosts[url] is not None, f"{url!r}: accepted by us, refused by Chromium"
        assert browser_host(urlsplit(url).hostname) == chromium_hosts[url]


def test_mixed_script_message_names_the_letter_and_the_fix():
    why = url_problem("https://hаrvestshare.example.org/apply")
    assert why == ("the host mixes Latin and Cyrillic letters: 'hаrvestshare' has the Cyrillic 'а' (U+0430); "
                   "write it in one script or as its xn-- form")
