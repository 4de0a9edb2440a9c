"""Hostile content, checked in a real browser: nothing a stranger writes runs on our pages.

Every way in (posting body, each posting field, scraped title/organization/description/
URLs) carries the vectors; the built pages are loaded in headless Chromium and we assert
that no script ran (dialogs, a sentinel, no request leaves 127.0.0.1), that no
``javascript:``/``data:`` URL or ``on*`` attribute survives, and that every JSON-LD block
is valid JSON describing the page's own posting. Harmless formatting survives.

The representative set runs everywhere; the full shared corpora are marked ``slow`` and
``corpus`` (run by ``make test`` and CI, skipped when ../shared is absent).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import shared_or_skip
from tests.security.hostile_site import build_hostile_site
from tests.security.vectors import REPRESENTATIVE, corpus_vectors

pytestmark = pytest.mark.browser

INIT = """
window.__xss = 0;
for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
  window[name] = () => { window.__xss += 1; };
}
"""

INSPECT = """
() => {
  const bad = [];
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcdoc'];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) bad.push(`${el.tagName} ${name}`);
      // countdown.js keeps a one-line deadline as wide as it was painted (no layout shift):
      // that exact style on our own <time data-countdown> / <time data-ago> is the theme's, not the content's.
      const sized = el.matches('time[data-countdown], time[data-ago]') && /^display: inline-block; min-width: [0-9.]+px;$/.test(a.value);
      if (name === 'style' && el.closest('article') && !sized) bad.push(`${el.tagName} style`);
      if (urlAttrs.includes(name)) {
        const v = a.value.toLowerCase().replace(/[\\s\\u0000-\\u001f]/g, '');
        if (/^(javascript|data|vbscript):/.test(v)) bad.push(`${el.tagName} ${name}=${a.value.slice(0, 60)}`);
      }
    }
    const tag = el.tagName.toLowerCase();
    if (tag === 'script') {
      // Ours: JSON-LD, the theme's data blocks (never executed; outside any posting), theme files.
      const ours = el.type === 'application/ld+json' ||
        (el.type === 'application/json' && !el.closest('article') && ['board-fx'].includes(el.id)) ||
        (el.src && new URL(el.src).origin === location.origin && new URL(el.src).pathname.includes('/theme/'));
      if (!ours) bad.push('script ' + (el.src || el.textContent.slice(0, 60)));
    }
    // The theme's Save / Applied / Hide buttons (shortlist.js) are exempt: the sanitizer
    // allows no class attribute and no button, so posting content cannot forge them.
    if (el.closest('article') && !el.closest('.shortlist-buttons') && ['iframe', 'object', 'embed', 'frame', 'form', 'input', 'button', 'textarea',
        'select', 'svg', 'math', 'style', 'link', 'meta', 'base', 'img', 'video', 'audio', 'source'].includes(tag)) {
      bad.push('element ' + tag);
    }
  }
  const ld = [...document.querySelectorAll('script[type="application/ld+json"]')].map(s => s.textContent);
  const h1 = document.querySelector('h1') ? document.querySelector('h1').textContent : '';
  return {bad, xss: window.__xss, ld, h1};
}
"""


def check_pages(browser, base_url: str, site: Path, pages: list[Path], titles: dict[str, str]) -> dict:
    """Load each page; return counts and every problem found."""
    context = browser.new_context(java_script_enabled=True)
    context.add_init_script(INIT)
    outside: list[str] = []
    dialogs: list[str] = []

    def route(r):
        if r.request.url.startswith(base_url):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    problems: list[str] = []
    ld_blocks = 0
    for path in pages:
        rel = path.relative_to(site).as_posix().removesuffix("index.html")
        page.goto(f"{base_url}/{rel}", wait_until="load")
        page.wait_for_timeout(5)  # let autofocus/onload-style vectors fire if any survived
        result = page.evaluate(INSPECT)
        problems += [f"{rel}: {b}" for b in result["bad"]]
        if result["xss"]:
            problems.append(f"{rel}: sentinel hit {result['xss']} time(s)")
        for block in result["ld"]:
            data = json.loads(block)  # must stay valid JSON whatever the posting said
            ld_blocks += 1
            slug = rel.strip("/").split("/")[-1]
            if slug in titles and data.get("title") != titles[slug]:
                problems.append(f"{rel}: JSON-LD title {data.get('title')!r} is not the posting's")
    context.close()
    problems += [f"dialog: {m}" for m in dialogs] + [f"request left the site: {u}" for u in outside]
    return {"pages": len(pages), "ld_blocks": ld_blocks, "problems": problems}


def pages_to_check(site: Path) -> list[Path]:
    pages = sorted((site / "postings").glob("*/index.html"))
    pages += sorted((site / "organizations").glob("*/index.html"))
    pages += [site / "index.html", *sorted((site / "page").glob("*/index.html"))]
    return pages


def run_vectors(vectors, tmp_path, browser, serve) -> dict:
    site, report = build_hostile_site(vectors, tmp_path)
    base_url = serve(site).rstrip("/")
    result = check_pages(browser, base_url, site, pages_to_check(site), report.titles)
    print(f"\n{report.vectors} vectors: {report.body_postings} body postings ({report.body_rejected} vectors refused by the validator); fields accepted "
          f"{dict(report.field_accepted)}, rejected {dict(report.field_rejected)}; scraped kept "
          f"{report.scraped_kept}, rejected {dict(report.scraped_rejected)}; {result['pages']} pages and "
          f"{result['ld_blocks']} JSON-LD blocks checked in Chromium")
    return {"report": report, **result}


def test_representative_vectors_are_inert_in_the_browser(tmp_path, browser, serve):
    result = run_vectors(REPRESENTATIVE, tmp_path, browser, serve)
    assert result["problems"] == [], "\n".join(result["problems"][:40])
    assert result["report"].scraped_kept > 0 and sum(result["report"].field_accepted.values()) > 0
    assert result["ld_blocks"] > 0


def test_the_inspector_catches_a_planted_script(tmp_path, browser, serve):
    """The checks above are only worth something if they fail on a real injection."""
    (tmp_path / "postings" / "planted").mkdir(parents=True)
    page = tmp_path / "postings" / "planted" / "index.html"
    page.write_text('<!doctype html><title>t</title><h1>T</h1><article><img src=x onerror="alert(1)">'
                    '<a href="javascript:alert(2)">x</a></article>'
                    '<script type="application/ld+json">{"title": "Other"}</script>')
    result = check_pages(browser, serve(tmp_path).rstrip("/"), tmp_path, [page], {"planted": "T"})
    found = "\n".join(result["problems"])
    for expected in ("IMG onerror", "A href=javascript:alert(2)", "sentinel hit", "element img", "JSON-LD title"):
        assert expected in found


def test_harmless_formatting_survives(tmp_path, browser, serve):
    site, _ = build_hostile_site(["**bold** and *emphasis*\n\n- one\n- two\n\n[a link](https://ok.example.org/)"], tmp_path)
    html = (site / "postings/body-0/index.html").read_text()
    assert "<strong>bold</strong>" in html and "<em>emphasis</em>" in html and "<li>one</li>" in html
    assert 'href="https://ok.example.org/"' in html


@pytest.mark.slow
@pytest.mark.corpus
def test_full_xss_corpus_is_inert_in_the_browser(tmp_path, browser, serve):
    vectors = [v for vs in corpus_vectors(shared_or_skip("corpus", "badinput", "xss").parents[2]).values() for v in vs]
    result = run_vectors(vectors, tmp_path, browser, serve)
    assert result["problems"] == [], "\n".join(result["problems"][:40])
