"""axe-core (axe-playwright-python, which bundles axe.min.js: no network) finds nothing
on the board, a posting page and a category's, skill's and organization's page (their
one-line rows, page 2 too), in light and in dark colour schemes,
including the board's filter form opened, filtered and empty."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

AXE = Axe()


def violations(page) -> list[str]:
    result = AXE.run(page)
    return [f"{v['id']}: {v['help']} -> " + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                                                    for n in v["nodes"][:5])
            for v in result.response["violations"]]


@pytest.fixture(scope="module")
def a_posting(built_site) -> str:
    data = json.loads((built_site / "search/entries.json").read_text(encoding="utf-8"))
    row = data["entries"][0]
    return "postings/" + (row.get("s") or "") + "/" if "s" in row else None


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, browser):
    ctx = browser.new_context(color_scheme=request.param, viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    page.emulate_media(color_scheme=request.param)
    yield page
    ctx.close()


def test_axe_is_bundled_and_works_offline(browser, site_url):
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site_url)
                   else route.abort())
        page.goto(site_url)
        assert len(AXE.axe_script) > 100_000  # axe.min.js itself, read from the package
        page.set_content("<html lang=en><title>t</title><main><img src=x.png></main></html>")
        assert any(v.startswith("image-alt") for v in violations(page))  # it does find problems
    finally:
        ctx.close()


def test_board(scheme_page, site_url):
    scheme_page.goto(site_url)
    scheme_page.wait_for_load_state("networkidle")
    dark = scheme_page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    bg = scheme_page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (bg == "rgb(18, 19, 22)") == dark  # the theme's dark background follows the scheme
    assert violations(scheme_page) == []


def test_board_with_filters_open_and_applied(scheme_page, site_url):
    page = scheme_page
    page.goto(site_url + "?cat=data&skill=python&cur=USD&minhourly=20")
    page.wait_for_function("document.querySelector('#result-count').textContent.includes('match')")
    assert page.locator("#f-more").get_attribute("open") is not None
    assert violations(page) == []


def test_board_with_empty_result(scheme_page, site_url):
    page = scheme_page
    page.goto(site_url + "?q=zzzz-nothing")
    page.wait_for_selector("#empty")
    assert violations(page) == []


def test_posting_page(scheme_page, site_url, a_posting):
    assert a_posting
    scheme_page.goto(site_url + a_posting)
    assert violations(scheme_page) == []


@pytest.mark.parametrize("path", ["categories/data/", "skills/python/", "organizations/harvest-share/"])
def test_category_skill_and_organization_pages(scheme_page, site_url, path):
    scheme_page.goto(site_url + path)
    assert scheme_page.locator("main ol.rows > li").count() > 0  # the one-line rows (_row.html)
    assert violations(scheme_page) == []


@pytest.fixture(scope="module")
def rows_paged_url(tmp_path_factory, serve) -> str:
    """The sample board with two rows to a category's, skill's or organization's page."""
    from tests.site.conftest import build_site, sample_content

    base = tmp_path_factory.mktemp("rows-paged")
    return serve(build_site(sample_content(base / "content"), base / "output", BOARD_ROWS_PER_PAGE=2))


@pytest.mark.parametrize("width", [390, 1280])
def test_a_second_page_of_rows_with_and_without_javascript(browser, rows_paged_url, width):
    """Page 2 of a skill: its own title, Newer/Older links, rows; axe finds nothing, at a
    phone's width and a desktop's, and the links work without JavaScript."""
    for js in (True, False):
        ctx = browser.new_context(java_script_enabled=js, viewport={"width": width, "height": 900})
        try:
            page = ctx.new_page()
            page.goto(rows_paged_url + "skills/excel/")
            assert page.locator("main ol.rows > li").count() == 2
            page.get_by_role("link", name="Older →").click()
            page.wait_for_url("**/skills/excel/page/2/")
            assert "page 2" in page.title() and page.get_by_role("heading", level=1).inner_text().endswith(", page 2")
            assert page.locator("main ol.rows > li").count() > 0
            assert page.get_by_role("link", name="← Newer").get_attribute("href") == "/skills/excel/"
            if js:
                assert violations(page) == []
        finally:
            ctx.close()
