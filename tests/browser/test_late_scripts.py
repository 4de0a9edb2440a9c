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
