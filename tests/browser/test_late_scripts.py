"""Nothing moves when a page's scripts arrive after its first paint (CLS 0).

On a phone over slow 4G the HTML paints before countdown.js or finder.js has run (what
Lighthouse measured: CLS 0.089 on the board, 0.06 on a posting, 0.069 on /feeds/). Here
each script is held back until the page has painted, then let through, and the page's
layout shifts are summed.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_page

SHIFTS = """window.__shift = 0; window.__moved = [];
new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) {
  window.__shift += e.value; window.__moved.push(...e.sources.map(s => s.node && (s.node.id || s.node.className))); }
}).observe({type: 'layout-shift', buffered: true});"""


def shift_with_late(browser, url: str, script: str, width: int) -> tuple[float, list]:
    with open_page(browser, viewport={"width": width, "height": 823}) as p:
        p.add_init_script(SHIFTS)
        held = []
        p.route(f"**/theme/js/{script}", lambda route: held.append(route))
        p.goto(url, wait_until="commit")
        p.wait_for_function("document.querySelector('footer') !== null")
        p.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")  # painted
        for _ in range(50):
            if held:
                break
            p.wait_for_timeout(20)
        assert held, f"{script} was never requested"
        before = p.evaluate("window.__shift")
        for route in held:
            route.continue_()
        p.wait_for_load_state("networkidle")
        p.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        assert p.js_errors == []
        return p.evaluate("window.__shift") - before, p.evaluate("window.__moved")


@pytest.mark.parametrize("path,script", [
    ("", "countdown.js"),  # Closing soon: "Closes 3 December 2026" becomes "Closes in 2 days"
    ("postings/food-bank-donations-dashboard/", "countdown.js"),  # the apply box's deadline
    ("feeds/", "finder.js"),  # the filter box and copy buttons
    ("feeds/organizations/", "finder.js"),
])
@pytest.mark.parametrize("width", [360, 412])
def test_a_late_script_moves_nothing(browser, site_url, path, script, width):
    shift, moved = shift_with_late(browser, site_url + path, script, width)
    assert shift == 0, moved


def test_the_countdown_did_change_the_text(browser, site_url):
    """The held countdown really ran: the date became a count (so the test above measured it)."""
    with open_page(browser, viewport={"width": 412, "height": 823}) as p:
        p.goto(site_url + "postings/food-bank-donations-dashboard/")
        text = p.locator(".apply-box time[data-countdown]").inner_text()
        assert text.startswith(("Closes in", "Closes today", "Closes tomorrow", "Closed")), text


def test_no_deadline_breaks_across_lines(browser, site_url):
    """countdown.js keeps a deadline's painted width only when it sits on one line; a date
    split over two lines (5 of the Closing soon list at 412 px on a 2,000-posting board,
    Lighthouse's CLS 0.089) would unwrap. So no deadline is ever split, whatever text comes
    before it on its line (an organization's name of any length) and at any phone width."""
    with open_page(browser, java_script_enabled=False) as p:
        for path in ("", "postings/food-bank-donations-dashboard/", "categories/data/"):
            p.goto(site_url + path)
            assert p.locator("time[data-countdown]").count() > 0, path
            p.evaluate("""() => { for (const t of document.querySelectorAll('time[data-countdown]'))
                t.before(Object.assign(document.createElement('span'), {className: 'filler'})); }""")
            for width in (320, 360, 390, 412):
                p.set_viewport_size({"width": width, "height": 823})
                for n in range(0, 60, 3):
                    split = p.evaluate("""(n) => { for (const f of document.querySelectorAll('.filler')) f.textContent = 'x'.repeat(n) + ' ';
                        return [...document.querySelectorAll('time[data-countdown]')]
                          .filter(e => e.getClientRects().length > 1).map(e => e.textContent); }""", n)
                    assert split == [], (path, width, n, split)
