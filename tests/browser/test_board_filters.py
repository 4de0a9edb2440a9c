"""The board's filters as a person uses them, in headless Chromium.

Expected results are computed in Python from the built index (search/entries.json and
search/text.json), so every browser answer is checked against an independent reading
of the same data. Nothing here measures time: bench/browser.py does.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from plugins.board_site.present import row_slug
from plugins.board_site.regions import members
from tests.site.conftest import build_site, sample_content

COUNT = "#result-count"


@pytest.fixture(scope="module")
def index(built_site: Path) -> dict:
    data = json.loads((built_site / "search/entries.json").read_text(encoding="utf-8"))
    text = json.loads((built_site / "search/text.json").read_text(encoding="utf-8"))["s"]
    for row, summary in zip(data["entries"], text):
        row["slug"] = row_slug(row)
        row["summary"] = summary
        row["org"] = data["orgs"][row["o"]][0]
        row["skill_names"] = [data["skills"][k][0] for k in row["k"]]
        row["skill_slugs"] = [data["skills"][k][1] for k in row["k"]]
    return data


def slugs_on(page) -> list[str]:
    """The cards on the page, once board.js has added the ones below the fold."""
    page.evaluate("() => window.__board ? window.__board.settled() : null")
    return page.locator("#results-list article.card").evaluate_all("els => els.map(e => e.dataset.slug)")


def wait_count(page, pattern: str) -> str:
    page.wait_for_function("p => new RegExp(p).test(document.querySelector('#result-count').textContent)", arg=pattern)
    return page.locator(COUNT).inner_text()


def matching(index: dict, test) -> list[str]:
    return [r["slug"] for r in index["entries"] if test(r)]


def open_board(page, url: str, query: str = ""):
    page.goto(url + query)
    page.wait_for_load_state("networkidle")
    return page


def test_sample_board_has_filters_and_static_cards(page, site_url, index):
    open_board(page, site_url)
    assert page.locator("#filters").is_visible()
    assert page.locator(COUNT).get_attribute("aria-live") == "polite"
    assert page.locator(COUNT).get_attribute("role") == "status"
    assert slugs_on(page) == [r["slug"] for r in index["entries"]][:24]
    assert page.js_errors == []


def test_category_filter_counts_and_url(page, site_url, index):
    open_board(page, site_url)
    page.select_option("#f-cat", "data")
    want = matching(index, lambda r: r["c"] == "data")
    text = wait_count(page, "match")
    assert text.startswith(f"{len(want)} posting")
    assert slugs_on(page) == want[:24]
    assert parse_qs(urlsplit(page.url).query) == {"cat": ["data"]}
    # Each category option shows how many postings it would give with the other filters.
    counts = {c: sum(r["c"] == c for r in index["entries"]) for c in index["categories"]}
    label = page.locator("#f-cat option[value=software]").inner_text()
    assert label.endswith(f"({counts['software']})")
    assert page.js_errors == []


def test_js_cards_read_like_the_static_cards(page, site_url):
    """Cards board.js renders from the index say exactly what the templates say."""
    open_board(page, site_url)
    static = page.locator("#results-list article.card").evaluate_all("els => els.map(e => e.outerHTML)")
    page.locator("#f-more summary").click()
    page.fill("#f-hmin", "5")  # matches every posting, so the same cards come back from the index
    wait_count(page, "match")
    page.evaluate("() => window.__board.settled()")
    dynamic = page.locator("#results-list article.card").evaluate_all("els => els.map(e => e.outerHTML)")

    def norm(h: str) -> str:
        h = re.sub(r'datetime="([0-9-]{10})[^"]*"', r'datetime="\1"', h)  # the index keeps the date only
        h = re.sub(r' style="display: inline-block; min-width: [0-9.]+px;"', "", h)  # countdown.js's painted width
        return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", h)).replace("&#x27;", "'").replace("&#39;", "'").strip()

    assert len(dynamic) == len(static) > 0
    for a, b in zip(static, dynamic):
        assert norm(a) == norm(b)


def test_search_covers_title_organization_skills_and_summary(page, site_url, index):
    open_board(page, site_url)
    for query in ("python", "harvest share", "figma", "volunteer"):
        page.fill("#f-q", query)
        words = query.split()
        want = matching(index, lambda r: all(
            w in " ".join([r["t"], r["org"], index["categories"][r["c"]], *r["skill_names"], r["summary"]]).lower()
            for w in words))
        page.wait_for_function("n => document.querySelectorAll('#results-list article.card').length === n "
                               "|| document.querySelector('#empty')", arg=min(len(want), 24))
        page.wait_for_load_state("networkidle")  # the summaries shard
        page.fill("#f-q", query + " ")  # re-run once the summaries are in
        page.wait_for_timeout(50)
        assert slugs_on(page) == want[:24], query
    assert parse_qs(urlsplit(page.url).query)["q"] == ["volunteer"]
    assert page.js_errors == []


def test_sort_by_deadline_and_by_hourly_pay(page, site_url, index):
    open_board(page, site_url)
    page.select_option("#f-sort", "deadline")
    page.wait_for_function("location.search.includes('sort=deadline')")
    page.wait_for_timeout(50)
    rows = sorted(enumerate(index["entries"]), key=lambda ir: (ir[1].get("d", 10**9), ir[0]))
    assert slugs_on(page) == [r["slug"] for _, r in rows][:24]
    assert page.locator("#results-sort").inner_text() == "(by deadline)"
    page.locator("#f-more summary").click()
    page.select_option("#f-cur", "USD")
    page.select_option("#f-sort", "hourly")
    page.wait_for_function("location.search.includes('sort=hourly')")
    page.wait_for_timeout(50)

    def hourly(r):
        lo, hi, _, unit = r["m"]
        return lo / r["h"][1] if unit == "total" else lo

    usd = [r for r in index["entries"] if r["m"][2] == "USD"]
    got = slugs_on(page)
    assert got and set(got) == {r["slug"] for r in usd}
    values = [hourly(next(r for r in usd if r["slug"] == s)) for s in got]
    assert values == sorted(values, reverse=True)


def test_pay_hours_and_eligibility_filters(page, site_url, index):
    de_regions = {"WORLDWIDE", "DE"} | {code for code, cs in members().items() if "DE" in cs}
    open_board(page, site_url, "?cur=USD&minhourly=25&hmax=20")

    def hourly(r):
        lo, hi, _, unit = r["m"]
        return lo / r["h"][1] if unit == "total" else lo

    want = matching(index, lambda r: r["m"][2] == "USD" and hourly(r) >= 25 and r["h"][0] <= 20)
    wait_count(page, "match|No postings")
    assert slugs_on(page) == want[:24]
    assert page.locator("#f-more").get_attribute("open") is not None  # restored filters are visible

    open_board(page, site_url, "?country=DE&student=none&noauth=1")
    want = matching(index, lambda r: any(x in de_regions for x in r.get("r", ["WORLDWIDE"]))
                    and r.get("st", "enrolled-or-recent") == "anyone" and not r.get("wa"))
    wait_count(page, "match|No postings")
    assert slugs_on(page) == want[:24]

    open_board(page, site_url, "?tz=-6&tzflex=2&posted=30")
    want = matching(index, lambda r: (not r.get("z") or r["z"][0] - 2 <= -6 <= r["z"][1] + 2) and r["p"] <= 30)
    wait_count(page, "match|No postings")
    assert slugs_on(page) == want[:24]
    assert page.js_errors == []


def test_skills_any_of_and_source(page, site_url, index):
    open_board(page, site_url)
    page.locator("#f-more summary").click()
    page.check("input[name=skill][value=python]")
    page.check("input[name=skill][value=figma]")
    want = matching(index, lambda r: {"python", "figma"} & set(r["skill_slugs"]))
    wait_count(page, "match")
    assert slugs_on(page) == want[:24]
    assert sorted(parse_qs(urlsplit(page.url).query)["skill"]) == ["figma", "python"]
    page.select_option("#f-src", "employer")
    page.wait_for_function("location.search.includes('src=employer')")
    assert slugs_on(page) == [s for s in want if not next(r for r in index["entries"] if r["slug"] == s).get("v")][:24]


def test_shared_url_restores_the_same_view(context, site_url):
    a = context.new_page()
    open_board(a, site_url)
    a.select_option("#f-cat", "software")
    a.fill("#f-q", "javascript")
    a.select_option("#f-sort", "deadline")
    wait_count(a, "match|No postings")
    a.wait_for_load_state("networkidle")
    shared, cards, status = a.url, slugs_on(a), a.locator(COUNT).inner_text()
    b = context.new_page()
    open_board(b, shared)
    wait_count(b, "match|No postings")
    b.wait_for_load_state("networkidle")
    b.wait_for_timeout(50)
    assert b.input_value("#f-q") == "javascript"
    assert b.input_value("#f-cat") == "software"
    assert b.input_value("#f-sort") == "deadline"
    assert slugs_on(b) == cards and b.locator(COUNT).inner_text() == status


def test_back_and_forward_buttons_restore_filters(page, site_url, index):
    open_board(page, site_url)
    first = slugs_on(page)
    page.select_option("#f-cat", "data")
    page.wait_for_function("location.search === '?cat=data'")
    wait_count(page, "match")  # the URL is written before a slow index download ends
    data_cards = slugs_on(page)
    page.select_option("#f-cat", "design")
    page.wait_for_function("location.search === '?cat=design'")
    page.go_back()
    page.wait_for_function("location.search === '?cat=data'")
    assert page.input_value("#f-cat") == "data"
    assert slugs_on(page) == data_cards
    page.go_back()
    page.wait_for_function("location.search === ''")
    assert page.input_value("#f-cat") == ""
    assert slugs_on(page) == first
    page.go_forward()
    page.wait_for_function("location.search === '?cat=data'")
    assert slugs_on(page) == data_cards
    assert page.js_errors == []


def test_typing_adds_one_history_entry(page, site_url):
    open_board(page, site_url)
    page.locator("#f-q").press_sequentially("data", delay=20)
    page.wait_for_function("location.search === '?q=data'")
    page.go_back()
    page.wait_for_function("location.search === ''")
    assert page.input_value("#f-q") == ""


def test_empty_result_explains_which_filter_to_relax(page, site_url, index):
    open_board(page, site_url, "?cat=data&q=figma")
    text = wait_count(page, "No postings")
    assert "No postings match" in text
    empty = page.locator("#empty")
    assert empty.is_visible()
    tips = empty.locator("button[data-relax]")
    labels = tips.all_inner_texts()
    assert any("search: figma" in t for t in labels) and any("Data" in t for t in labels)
    n_data = sum(r["c"] == "data" for r in index["entries"])
    assert f"to see {n_data} posting" in empty.inner_text()
    empty.locator("button[data-relax=q]").click()
    wait_count(page, "match")
    assert page.input_value("#f-q") == "" and page.input_value("#f-cat") == "data"
    assert len(slugs_on(page)) == min(n_data, 24)


def test_subscribe_links_to_the_closest_feed(page, site_url, built_site):
    open_board(page, site_url)
    link = page.locator("#f-subscribe a").first
    assert link.get_attribute("href") == "/feeds/all.atom.xml"
    page.select_option("#f-cat", "design")
    page.wait_for_function("document.querySelector('#f-subscribe a').href.includes('/categories/design')")
    href = page.locator("#f-subscribe a").first.get_attribute("href")
    assert href == "/feeds/categories/design.atom.xml" and (built_site / href.lstrip("/")).is_file()
    page.select_option("#f-cat", "")
    page.locator("#f-more summary").click()
    page.check("input[name=skill][value=python]")
    page.wait_for_function("document.querySelector('#f-subscribe a').href.includes('/skills/python')")
    for a in page.locator("#f-subscribe a").all():
        assert (built_site / a.get_attribute("href").lstrip("/")).is_file()


def test_keyboard_only(page, site_url):
    open_board(page, site_url)
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "f-q":
            break
    else:
        pytest.fail("Tab never reached the search box")
    assert page.evaluate("document.activeElement.matches(':focus-visible')")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.type("design")
    wait_count(page, "match")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-cat"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-sort"
    page.keyboard.press("ArrowDown")  # a closed <select> changes with the arrow keys
    page.wait_for_function("location.search.includes('sort=deadline')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-in"  # Show pay in (fx.js)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    assert page.locator("#f-more").get_attribute("open") is not None
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the first skill checkbox
    page.wait_for_function("location.search.includes('skill=')")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#results-list')"):  # a card, or the empty-result advice
            break
    else:
        pytest.fail("Tab never reached the results")
    assert page.evaluate("document.activeElement.matches(':focus-visible')")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    assert page.js_errors == []


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory, serve) -> str:
    base = tmp_path_factory.mktemp("paged-site")
    return serve(build_site(sample_content(base / "content"), base / "output", BOARD_PER_PAGE=5))


def test_without_javascript_the_board_is_static_pages(browser, paged_site, index):
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(paged_site)
        assert not page.locator("#filters").is_visible()
        assert not page.locator(COUNT).is_visible()
        first = slugs_on(page)
        assert first == [r["slug"] for r in index["entries"]][:5]
        page.get_by_role("link", name="Older →").click()
        page.wait_for_url("**/page/2/")
        assert slugs_on(page) == [r["slug"] for r in index["entries"]][5:10]
        page.goto(paged_site + "categories/data/")
        assert page.locator("main ol.rows > li > a[href^='/postings/']").count() > 0
    finally:
        ctx.close()


def test_show_more_appends_the_next_page(page, paged_site, index):
    open_board(page, paged_site)
    page.locator("#f-more summary").click()
    page.fill("#f-hmin", "5")
    wait_count(page, "match")
    assert slugs_on(page) == [r["slug"] for r in index["entries"]][:5]
    assert page.locator(".pagination").count() == 0  # the static pagination gives way to "Show more"
    page.get_by_role("button", name="Show more postings").click()
    page.wait_for_function("document.querySelectorAll('#results-list article.card').length === 10")
    assert slugs_on(page) == [r["slug"] for r in index["entries"]][:10]
    assert "showing 10" in page.locator(COUNT).inner_text()


@pytest.fixture(scope="module")
def slug_site(tmp_path_factory, serve) -> tuple[str, Path]:
    """Scraped entries whose slugs are the title plus a suffix, or a cut of it (index key x, l)."""
    from tests.site.conftest import scraped_entry, write_scraped

    base = tmp_path_factory.mktemp("slug-site")
    content = sample_content(base / "content")
    long_title = "Summarise forty interviews with bike co-op members about winter riding habits"
    write_scraped(content, "slugs", [
        scraped_entry(slug="survey-analysis-sprint-openfields-a1b2c3", title="Survey analysis sprint",
                      apply_url="https://jobs.example.com/1"),
        scraped_entry(slug="summarise-forty-interviews-with-bike-co-op-me-9f8e7d", title=long_title,
                      apply_url="https://jobs.example.com/2", source={**scraped_entry()["source"], "ids": ["x:2"]}),
        scraped_entry(slug="caf-menu-translation-77aa00", title="Café menu translation",
                      apply_url="https://jobs.example.com/3", source={**scraped_entry()["source"], "ids": ["x:3"]}),
    ])
    out = build_site(content, base / "output")
    return serve(out), out


def test_index_rebuilds_every_posting_url(page, slug_site):
    url, out = slug_site
    data = json.loads((out / "search/entries.json").read_text(encoding="utf-8"))
    keys = {k for row in data["entries"] for k in ("x", "l", "s") if k in row}
    assert keys == {"x", "l", "s"}  # all three ways of storing a slug occur
    open_board(page, url, "?src=scraper")
    wait_count(page, "match")
    hrefs = page.locator("#results-list article.card .card-title a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert len(hrefs) == 3
    for href in hrefs:
        assert (out / href.lstrip("/") / "index.html").is_file(), href
