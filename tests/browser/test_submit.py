"""The Submit page: submit.js gives the verdict of ``make validate``; the form works end to end.

Parity: every valid and invalid example (the fixtures, the sample content, and one
mutation per rule of board/posting.py and board/entry.check) is checked by Python's
``parse_posting`` and by ``submit.js`` in Chromium with rules from
``board.browser_rules``; the problem lines must be identical, message for message.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import tomllib

from board.browser_rules import rules as browser_rules
from board.policy import load_policy
from board.posting import parse_posting
from tests.board.board_testkit import FIXTURES, NOW, POLICY, REPO, VALID_BODY, make_posting

SAMPLE = REPO / "content" / "samples" / "postings"
#: The URLs Python and the browser may read apart (tests/board/test_urls_browser.py compares us with
#: Chromium's new URL()); the form must give make validate's verdict on each (those without a line break).
URL_CORPUS = [c["url"] for c in tomllib.loads((REPO / "tests/board/url_corpus.toml").read_text(encoding="utf-8"))["cases"]
              if not re.search(r"[\r\n]", c["url"])]
BOARD_NOW = "2026-11-26T12:00:00Z"  # tests/site/conftest.py NOW, which the built site is pinned to

# ---- the examples ---------------------------------------------------------------------------

MUTATIONS: list[tuple[str, str]] = [
    # header structure
    ("no blank line", make_posting().replace("\n\n## What", "\n## What")),
    ("bad header line", make_posting().replace("Category: data\n", "Category data\n")),
    ("duplicate key", make_posting(extra=[("Title", "Another title")])),
    ("unknown key suggestion", make_posting(extra=[("Titel", "x")])),
    ("unknown hyphen keys", make_posting(extra=[("Deadline-By", "x"), ("Apply-Bye", "2027-01-01")])),
    ("unknown key no hint", make_posting(extra=[("Zzzzzz", "x")])),
    ("keys case/underscore", make_posting().replace("Apply-By:", "apply_by:").replace("Title:", "TITLE:")),
    ("empty file", ""),
    ("only body", "\nJust a body.\n"),
    ("no body", make_posting(body="")),
    ("whitespace body", make_posting(body="   \n\t\n")),
    ("crlf", make_posting().replace("\n", "\r\n")),
    ("bom", "\ufeff" + make_posting()),
    ("form feed line break", make_posting().replace("Category: data\n", "Category: data\x0c")),
    *[(f"key smuggled after U+{ord(sep):04X}", make_posting().replace(
        "Category: data\n", f"Category: data{sep}Apply-URL: https://evil.example/phish\n"))
      for sep in ("\u2028", "\u2029", "\x85", "\x0b", "\x1e")],
    ("old mac line breaks", make_posting().replace("\n", "\r")),
    ("deadline year 9999", make_posting(Apply_By="9999-12-31")),
    ("deadline four years on", make_posting(Apply_By="2030-12-31")),
    ("posted in 1999", make_posting(Posted="1999-12-31")),
    ("updated in year 1", make_posting(extra=[("Updated", "0001-01-01")])),
    ("pay 400 digits", make_posting(Pay="9" * 400 + " USD total")),
    *[(f"organization with U+{ord(ch):04X}", make_posting(Organization=f"Harvest{ch}Share"))
      for ch in ("\u2060", "\u00ad", "\u061c", "\u3164", "\U000e0041")],
    *[(f"apply url with {ch!r}", make_posting(Apply_URL=f"https://harvestshare.example.org/a?x={ch}y"))
      for ch in ("<", ">", '"', "`", "{", "|", "\\", "^")],
    *[(f"apply email {addr}", make_posting(drop=("Apply-URL",), extra=[("Apply-Email", addr)]))
      for addr in ("jobs%40evil.example?cc=a@harvestshare.example.org", "jobs@harvestshare.example.org?bcc=x@evil.example",
                   "a&b=c@harvestshare.example.org", "first.last+tag@harvestshare.example.org", "o'neil@harvestshare.example.org",
                   "double..dot@harvestshare.example.org")],
    ("apply url trailing dot host", make_posting(Apply_URL="https://harvestshare.example.org./apply")),
    ("apply url backslash host", make_posting(Apply_URL="https://evil.example\\.harvestshare.example.org/apply")),
    *[(f"apply url corpus {u!r}", make_posting(Apply_URL=u)) for u in URL_CORPUS],
    ("org url homoglyph", make_posting(Organization_URL="https://hаrvestshare.example.org")),
    ("pay eleven million", make_posting(Pay="11000000 USD total")),
    ("continuation after bad line", make_posting().replace("Category: data\n", "Category data\n    more\n")),
    ("tab continuation", make_posting(Deliverables="One\n\tTwo\n\tThree")),
    ("long bad line", make_posting().replace("Category: data\n", "Category data " + "x" * 90 + "\n")),
    # required / empty
    *[(f"missing {k}", make_posting(drop=(k,))) for k in
      ("Title", "Organization", "Summary", "Category", "Skills", "Hours", "Pay", "Apply-By", "Posted")],
    ("empty summary", make_posting(Summary="")),
    ("no way to apply", make_posting(drop=("Apply-URL",))),
    ("everything missing", "Foo: bar\n\nbody\n"),
    # hours
    ("hours unreadable", make_posting(Hours="lots")),
    *[(f"hours {h}", make_posting(Hours=h, Pay="50 USD per hour")) for h in ("3", "4-10", "20-10", "30-41", "100", "0")],
    ("hours reversed zero", make_posting(Hours="15-0")),
    ("hours spellings", make_posting(Hours="15 to 20 hours")),
    ("hours en dash", make_posting(Hours="15–20")),
    ("hours arabic digits", make_posting(Hours="١٥-٢٠")),
    ("hours fullwidth", make_posting(Hours="１５")),
    ("hours 4 digits", make_posting(Hours="1000")),
    # pay
    *[(f"pay {p}", make_posting(Pay=p)) for p in (
        "lots of money", "600 USD", "600 QQQ total", "600 total", "0 USD total", "700-500 USD total",
        "£15 per hour", "€400 total", "₹300-400 per hour", "$30/hour", "AUD 35 hourly", "45,000 INR total",
        "650 eur fixed", "20.50 CAD an hour", "$500 to $700 flat", "100 USD total", "299.99 USD total",
        "5 USD total", "1234565 USD total", "1234565-5 USD total", "12345.25-1 USD total", "0.125 USD total",
        "9" * 30 + " USD total", "10 usd per hour", "14.99 USD per hour", "15 USD per hour", "600 JPY total",
        "600 XAU total", "600 CHF. total", "600 US$ total", "600\tUSD\ttotal", "600 USD\u00a0total",
        "٦٠٠ USD total", "600 USD total extra", "600 euros total", "5 USD total",
    )],
    ("pay more hours", make_posting(Hours="30-40", Pay="500 USD total")),
    ("pay continuation", make_posting(Pay="600 USD\n    total")),
    # dates
    *[(f"apply-by {d}", make_posting(Apply_By=d)) for d in (
        "31/12/2027", "2027-02-30", "2027-13-01", "2027-1-1", "20270315", "2027-03-15T10:00",
        "2027-03-15T10:00:00Z", "2027-03-15 10:00+02:00", "2027-03-15T25:00", "2027-03-15T10:61",
        "2027-03-15T10:00:00.5Z", "garbageZ", "２０２７-０３-１５", "0000-01-01", "2026-11-26", "2026-11-25",
        "2026-11-26T11:00:00Z", "2027-03-15T10:00+0200",
    )],
    ("past deadline", make_posting(Apply_By="2026-11-01", Posted="2026-10-01")),
    ("deadline before posted", make_posting(Apply_By="2026-12-01", Posted="2026-12-02")),
    ("posted tomorrow", make_posting(Posted="2026-11-27")),
    ("posted in future", make_posting(Posted="2026-11-28")),
    ("posted yesterday", make_posting(Posted="yesterday")),
    ("posted out of range", make_posting(Posted="0001-01-01T00:00+05:00")),
    ("updated bad", make_posting(extra=[("Updated", "soon")])),
    ("last verified ok", make_posting(extra=[("Last-Verified", "2026-11-20")])),
    ("closed past", make_posting(Apply_By="2026-11-01", Posted="2026-10-01", extra=[("Status", "closed")])),
    # urls and e-mail
    *[(f"apply-url {u}", make_posting(Apply_URL=u)) for u in (
        "http://example.org/x", "javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,hi", "vbscript:x",
        "ftp://example.org/x", "/jobs/1", "https://user:pw@example.org/x", "https://localhost/x",
        "https://exa mple.org", "https://example.org/" + "a" * 2000, "https:example.org", "https://[::1]/x",
        "https://example.org:8443/apply", "https://EXAMPLE.ORG/A", "https://example.org/x\u200b",
    )],
    ("org url http", make_posting(Organization_URL="http://harvestshare.example.org")),
    *[(f"email {e}", make_posting(drop=("Apply-URL",), extra=[("Apply-Email", e)])) for e in (
        "jobs@harvestshare", "jobs at example.org", "@example.org", "jobs@exa mple.org", "jobs@example.org",
        "a" * 250 + "@example.org",
    )],
    ("both url and email", make_posting(extra=[("Apply-Email", "jobs@example.org")])),
    # vocabularies
    *[(f"category {c}", make_posting(Category=c)) for c in (
        "cooking", "Data", "Data & analytics", "Design & UX", "finance", "constructor", "__proto__", "Écriture")],
    *[(f"skills {s}", make_posting(Skills=s)) for s in (
        "Pythn, JS", "Javascript", "Pyhton", "Zzzz", "Python, SQL, R, Excel, Tableau, Figma, SEO, Git, Editing",
        "python, PY, Python3", ", , Python,", "html/css, node.js, C#", "constructor", "Dataviz", "x" * 250,
        "Machine-learning, Power BI, UX",
    )],
    *[(f"regions {r}", make_posting(Eligible_Regions=r)) for r in (
        "US, Narnia", "usa, UK, germany", "EU, eea, Worldwide", ",", "Côte d'Ivoire", "constructor",
        "United States", "Latin America",
    )],
    *[(f"{k} {v}", make_posting(**{k.replace("-", "_"): v})) for k, v in (
        ("Students", "alumni"), ("Students", "ANYONE"), ("Students", ""), ("Work-Authorization", "maybe"),
        ("Status", "paused"), ("Status", "Filled"),
    )],
    *[(f"timezones {t}", make_posting(Timezones=t)) for t in (
        "UTC+25", "UTC+5 to UTC-5", "GMT+1", "UTCA1", "UTC-8 to UTC-5 to UTC+1", "Pacific", "UTC",
        "UTC+5:30", "UTC+0530", "UTC−3 .. UTC+1", "utc-3:30 to utc+14", "UTC+1–UTC+3", "UTC+13:99",
        "UTC+1to UTC+2", "UTC+ 5", "UTC+\t12", "UTC-0 to UTC+0", "UTC+123",
    )],
    # lengths and characters
    ("long title", make_posting(Title="T" * 121)),
    ("title at limit", make_posting(Title="T" * 120)),
    ("long summary emoji", make_posting(Summary="😀" * 301)),
    ("summary emoji ok", make_posting(Summary="😀" * 300)),
    ("long org", make_posting(Organization="O" * 101)),
    *[(f"control {c!r}", make_posting(Title=f"Build a{c} dashboard")) for c in
      ("\x00", "\x07", "\x1b", "\x7f", "\u200b", "\u202e", "\u2066")],
    ("control in summary", make_posting(Summary="Nice \u202egnp.exe")),
    ("only invisible title", make_posting(Title="\u200b")),
    ("quotes in category", make_posting(Category="it's \"x\"")),
    ("quote in category", make_posting(Category="it's")),
    ("nbsp title", make_posting(Title="Build\u00a0a\u2003dashboard")),
    ("deliverables many", make_posting(Deliverables="\n    ".join(f"item {i}" for i in range(21)))),
    ("deliverables 20", make_posting(Deliverables="; ".join(f"item {i}" for i in range(20)))),
    ("deliverable long", make_posting(Deliverables="d" * 201)),
    ("html in fields", make_posting(Title="<script>alert(1)</script>", Summary="a & b < c")),
    ("big body", make_posting(body="x" * 100_001)),
    ("body control char", make_posting(body="Hello\n\nbell \x07 here\nand \x1b\n")),
]


def _cases() -> list[tuple[str, str, str]]:
    """(label, slug, text): fixtures, the sample content, and the mutations."""
    cases = [(f"fixture {p.name}", p.stem, p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.md"))]
    cases += [(f"sample {p.name}", p.stem, p.read_text(encoding="utf-8")) for p in sorted(SAMPLE.glob("*.md"))]
    cases += [(label, "valid-posting", text) for label, text in MUTATIONS]
    cases += [("bad slug", "Bad_Slug", make_posting()), ("long slug", "a" * 81, make_posting()),
              ("empty slug", "", make_posting())]
    return cases


def python_lines(slug: str, text: str, policy=POLICY, now=NOW) -> list[str]:
    """What ``make validate`` says: the file is written and read back from disk (size, BOM)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{slug}.md"
        path.write_bytes(text.encode("utf-8"))
        _, problems = parse_posting(path, policy, now)
    return [p.format(f"{slug}.md") for p in problems]


JS_RUN = """([rules, cases, now]) => {
  const V = MicroboardSubmit.makeValidator(rules);
  return cases.map(([slug, text]) => V.validate(text, {slug, now, skipCrossFile: true}).map(p => V.format(p, slug + ".md")));
}"""


@pytest.fixture
def submit_page(page, site_url):
    page.goto(site_url + "post-a-project/")
    page.wait_for_function("window.MicroboardSubmit !== undefined")
    return page


def test_browser_validator_agrees_with_python_on_every_example(submit_page):
    cases = _cases()
    rules = browser_rules(POLICY)
    js = submit_page.evaluate(JS_RUN, [rules, [[slug, text] for _, slug, text in cases], NOW.isoformat()])
    mismatches = []
    valid = invalid = 0
    for (label, slug, text), got in zip(cases, js):
        expected = python_lines(slug, text)
        valid, invalid = valid + (not expected), invalid + bool(expected)
        if got != expected:
            mismatches.append(f"{label}:\n  python: {expected}\n  browser: {got}")
    assert not mismatches, "\n".join(mismatches)
    assert valid >= 40 and invalid >= 120, (valid, invalid)  # both verdicts are exercised
    assert submit_page.js_errors == []


def test_the_page_embeds_the_boards_own_rules(submit_page, built_site):
    embedded = submit_page.evaluate("JSON.parse(document.getElementById('submit-rules').textContent)")
    policy = load_policy(REPO / "board.toml")
    expected = browser_rules(policy)
    assert embedded["pay_floors"] == {k: v for k, v in sorted(policy.pay_floors.items())}
    for key in ("required", "optional", "known", "examples", "categories", "skills", "regex", "max_len",
                "hours_min", "hours_max", "repository"):
        assert embedded[key] == expected[key], key
    # the cross-file checks know every sample posting
    assert set(embedded["taken"]) == {p.stem for p in SAMPLE.glob("*.md")}


def test_sample_postings_validate_in_the_page_with_the_published_rules(submit_page):
    """With the embedded (board.toml) rules, and today's clock, the page agrees with make validate."""
    policy = load_policy(REPO / "board.toml")
    cases = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SAMPLE.glob("*.md"))]
    got = submit_page.evaluate(
        """([cases, now]) => cases.map(([slug, text]) => MicroboardSubmit.validate(text, {slug, now, skipCrossFile: true}).length)""",
        [cases, NOW.isoformat()])
    expected = [len(python_lines(slug, text, policy=policy)) for slug, text in cases]
    assert got == expected


# ---- the form, end to end -------------------------------------------------------------------


def fill_valid(page, slug_title="Build a donations dashboard"):
    page.fill("#f-title", slug_title)
    page.fill("#f-organization", "Harvest Share")
    page.fill("#f-organization-url", "https://harvestshare.example.org")
    page.fill("#f-summary", "Turn donation spreadsheets into a one-page dashboard.")
    page.select_option("#f-category", "data")
    page.fill("#f-skills", "Python, Excel, data viz")
    page.fill("#f-hours", "15-20")
    page.fill("#f-pay-amount", "600")
    page.select_option("#f-pay-currency", "USD")
    page.select_option("#f-pay-unit", "total")
    page.fill("#f-apply-url", "https://harvestshare.example.org/jobs/new-dashboard")
    page.fill("#f-apply-by", "2027-03-15")
    page.fill("#f-eligible-regions", "US, CA")
    page.fill("#f-timezones", "UTC-8 to UTC-5")
    page.fill("#f-deliverables", "A cleaned dataset\nA one-page dashboard")
    page.fill("#f-description", "## What you will do\n\n- Merge the sheets\n- Build three charts\n\n100% remote.")


def test_fill_see_errors_fix_preview_and_open_github(submit_page):
    page = submit_page
    page.evaluate("window.open = (url) => { window.__opened = url; return {}; }")
    # 1. an incomplete, partly wrong posting
    page.fill("#f-title", "Build a donations dashboard")
    page.fill("#f-organization", "Harvest Share")
    page.fill("#f-hours", "60")
    page.fill("#f-pay-amount", "100")
    page.fill("#f-apply-url", "http://harvestshare.example.org/jobs")
    page.click("button[type=submit]")
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    links = summary.locator("a")
    hrefs = {links.nth(i).get_attribute("href") for i in range(links.count())}
    assert {"#f-summary", "#f-category", "#f-skills", "#f-apply-by", "#f-apply-url", "#f-description"} <= hrefs
    for field in ("f-summary", "f-category", "f-skills", "f-apply-url"):
        el = page.locator(f"#{field}")
        assert el.get_attribute("aria-invalid") == "true"
        described = el.get_attribute("aria-describedby").split()
        assert f"{field}-error" in described
        assert page.locator(f"#{field}-error").is_visible()
    assert "uses scheme 'http'" in page.locator("#f-apply-url-error").inner_text()
    assert page.locator("#submit-result").is_hidden()
    # the summary links move focus to their field
    summary.locator("a[href='#f-skills']").click()
    assert page.evaluate("document.activeElement.id") == "f-skills"

    # 2. fix everything: pay below the floor first, then enough
    fill_valid(page)
    page.fill("#f-hours", "30-40")
    page.fill("#f-pay-amount", "500")
    page.click("button[type=submit]")
    assert "below the board's floor of 15 USD/hour" in page.locator("#f-pay-amount-error").inner_text()
    page.fill("#f-hours", "15-20")
    page.fill("#f-pay-amount", "600")
    page.click("button[type=submit]")
    assert summary.is_hidden()
    assert page.locator("[aria-invalid=true]").count() == 0

    # 3. the preview reads like the board's card
    card = page.locator("#card-preview .card")
    assert card.locator(".card-title").inner_text() == "Build a donations dashboard"
    facts = card.locator(".facts").inner_text()
    for text in ("600 USD total", "≈ 30–40 USD/h", "15–20 hours total", "Students and recent graduates",
                 "United States, Canada"):
        assert text in facts
    assert card.locator(".skills li").all_inner_texts() == ["Python", "Excel", "Data visualization"]

    # 4. the GitHub link: the repository's new-file page with the file name and the text
    slug = page.input_value("#f-slug")
    assert slug == "build-a-donations-dashboard-harvest-share"
    text = page.input_value("#file-text")
    assert text.startswith("Title: Build a donations dashboard\nOrganization: Harvest Share\n")
    assert "Deliverables: A cleaned dataset\n    A one-page dashboard\n" in text
    assert "Pay: 600 USD total\n" in text
    href = page.get_attribute("#github-link", "href")
    value = quote(text, safe="-_.!~*'()")  # what encodeURIComponent leaves alone
    expected = f"https://github.com/microboard/microboard/new/main/content/postings?filename={slug}.md&value={value}"
    assert href == expected
    q = parse_qs(urlsplit(href).query)
    assert q["filename"] == [f"{slug}.md"] and q["value"] == [text]
    page.click("#github-link")
    assert page.evaluate("window.__opened") == expected
    # the file the form built is valid for the Python validator too
    assert python_lines(slug, text, policy=load_policy(REPO / "board.toml"), now=NOW) == []
    assert page.js_errors == []


def test_download_and_copy_fallbacks(submit_page, context):
    page = submit_page
    fill_valid(page, "Write a grant report")
    page.click("button[type=submit]")
    with page.expect_download() as info:
        page.click("#download-file")
    download = info.value
    assert download.suggested_filename == "write-a-grant-report-harvest-share.md"
    assert Path(download.path()).read_text(encoding="utf-8") == page.input_value("#file-text")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click("#copy-file")
    page.wait_for_function("document.getElementById('submit-status').textContent.includes('Copied')")
    assert page.evaluate("navigator.clipboard.readText()") == page.input_value("#file-text")


def test_existing_slug_and_apply_url_are_refused(submit_page):
    page = submit_page
    fill_valid(page)
    page.fill("#f-slug", "food-bank-donations-dashboard")
    page.click("button[type=submit]")
    assert "is already used by content/samples/postings/food-bank-donations-dashboard.md" in page.inner_text("#f-slug-error")
    page.fill("#f-slug", "another-dashboard")
    taken_url = re.search(r"^Apply-URL: (.+)$", (SAMPLE / "food-bank-donations-dashboard.md").read_text(), re.M)[1]
    page.fill("#f-apply-url", taken_url)
    page.click("button[type=submit]")
    assert "same apply URL as content/samples/postings/food-bank-donations-dashboard.md" in page.inner_text("#f-apply-url-error")


def test_form_fits_a_320px_screen(browser, site_url):
    ctx = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = ctx.new_page()
        page.goto(site_url + "post-a-project/")
        page.click("button[type=submit]")  # with the error summary and field errors showing
        fill_valid(page)
        page.click("button[type=submit]")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"page scrolls sideways: {width}px"
        for sel in ("#f-title", "#f-pay-amount", "#f-pay-currency", "#github-link", "#card-preview .card"):
            box = page.locator(sel).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 320, sel
    finally:
        ctx.close()


def test_every_form_control_has_a_label(submit_page):
    unlabeled = submit_page.evaluate("""() => Array.from(document.querySelectorAll('#submit-form input, #submit-form select, #submit-form textarea'))
        .filter(el => !el.labels || el.labels.length === 0).map(el => el.id)""")
    assert unlabeled == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_submit_page_passes_axe_with_errors_and_with_preview(browser, site_url, scheme):
    """axe-core WCAG 2.x A/AA (contrast included): the error state and the preview state."""
    from axe_playwright_python.sync_playwright import Axe

    ctx = browser.new_context(color_scheme=scheme)
    try:
        page = ctx.new_page()
        page.goto(site_url + "post-a-project/")
        options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}}
        page.fill("#f-apply-url", "http://example.org")
        page.click("button[type=submit]")
        for state in ("errors", "preview"):
            results = Axe().run(page, options=options)
            violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
            assert violations == [], (state, violations)
            fill_valid(page)
            page.click("button[type=submit]")
        assert page.locator("#card-preview .card").is_visible()
    finally:
        ctx.close()


URL_KEYS = [  # (url, another spelling of the same posting, or None)
    ("https://www.acme.org/jobs/42/", "https://acme.org/jobs/42?utm_source=x"),
    ("HTTP://WWW.Example.org:443/jobs/1/?utm_medium=x&b=2&a=1#apply", "https://example.org/jobs/1?a=1&b=2"),
    ("https://acme.org./jobs/42", "https://acme.org/jobs/42"),
    ("https://acme.org:8443/jobs/42", None),
    ("https://acme.org:99999/jobs", None),
    ("https://[2001:db8::1]:443/x/", "https://[2001:db8::1]/x"),
    ("https://[2001:db8::1/x", None),
    ("https://jobs.lever.co/acme/AbC-123?lever-source=board&ref=hn", "https://jobs.lever.co/acme/abc-123"),
    ("https://acme.org/apply?id=7&gclid=z&fbclid=y&mc_cid=1", "https://acme.org/apply?id=7"),
    ("https://user@acme.org/jobs/1", "https://acme.org/jobs/1"),
    ("  https://acme.org/jobs/1  ", "https://acme.org/jobs/1"),
    ("mailto:jobs@acme.org", None),
    ("https://acme.org/a?x=1&&y=%20", None),
]


def test_the_form_and_the_validator_agree_on_which_postings_are_one(submit_page):
    """board.identity.url_key and submit.js's urlKey give the same key for every spelling."""
    from board.identity import url_key
    urls = [u for pair in URL_KEYS for u in pair if u]
    js = submit_page.evaluate("""([rules, urls]) => {
      const V = MicroboardSubmit.makeValidator(rules);
      return urls.map(u => V.urlKey(u));
    }""", [browser_rules(POLICY), urls])
    assert js == [url_key(u) for u in urls]
    for url, same in URL_KEYS:
        if same:
            assert url_key(url) == url_key(same), url
    assert url_key("https://acme.org/jobs/1") != url_key("https://acme.org/jobs/2")


def test_the_form_finds_a_duplicate_spelled_differently(submit_page):
    """An open posting's apply URL, written with www., a slash and a tracking parameter, is the same posting."""
    rules = browser_rules(POLICY, {}, {"https://harvestshare.example.org/volunteer/dashboard-project":
                                       "content/postings/food-bank-donations-dashboard.md"})
    text = make_posting(Apply_URL="https://www.harvestshare.example.org/volunteer/dashboard-project/?utm_source=x")
    got = submit_page.evaluate("""([rules, text, now]) => {
      const V = MicroboardSubmit.makeValidator(rules);
      return V.validate(text, {slug: "copy", now}).map(p => V.format(p, "copy.md"));
    }""", [rules, text, NOW.isoformat()])
    assert got == ["copy.md:1: apply-url: same apply URL as content/postings/food-bank-donations-dashboard.md "
                   "(expected one posting per application link)"]


def test_the_form_refuses_what_the_validator_refuses_at_each_limit(submit_page):
    """One skill over the limit and a file name one character too long: the form says what
    make validate says, in the fields' error lines; the file name the form proposes fits."""
    page = submit_page
    limit = browser_rules(POLICY)["max_skills"]
    skills = ", ".join(["Python", "SQL", "R", "Excel", "Tableau", "Figma", "SEO", "Git", "Editing"][:limit + 1])
    fill_valid(page, "Build a dashboard " + "with many charts " * 6)
    proposed = page.input_value("#f-slug")
    assert len(proposed) <= browser_rules(POLICY)["max_slug_len"] and not proposed.endswith("-")
    slug = "a" * (browser_rules(POLICY)["max_slug_len"] + 1)
    page.fill("#f-skills", skills)
    page.fill("#f-slug", slug)
    page.click("button[type=submit]")
    text = page.input_value("#file-text")
    expected = python_lines(slug, text, policy=load_policy(REPO / "board.toml"), now=NOW)
    assert len(expected) == 2, expected
    messages = {line.split(": ", 1)[1].split(": ", 1)[0]: line.split(": ", 2)[2] for line in expected}
    assert page.inner_text("#f-skills-error") == messages["skills"]
    assert page.inner_text("#f-slug-error") == messages["file name"]


def test_a_lone_surrogate_in_the_title_still_gives_a_github_link(submit_page):
    """Issue 18 (item 13): half an emoji in the title made encodeURIComponent throw URIError
    and the form showed nothing."""
    page = submit_page
    fill_valid(page)
    page.evaluate("""() => { const t = document.querySelector('#f-title');
        t.value = 'Build a dashboard \\ud83d'; t.dispatchEvent(new Event('input', {bubbles: true})); }""")
    page.click("button[type=submit]")
    href = page.get_attribute("#github-link", "href")
    assert href and "Build%20a%20dashboard%20%EF%BF%BD" in href
    assert page.js_errors == []
