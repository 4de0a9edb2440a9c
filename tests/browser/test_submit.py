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
from board.messages import RULES, form_text
from board.policy import load_policy
from board.posting import parse_posting
from tests.browser.conftest import open_page
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
    *[(f"apply-url brackets {u}", make_posting(Apply_URL=u)) for u in (
        "https://[harvestshare.example.org/x", "https://harvest]share.example.org/x", "https://[::1]/x",
        "https://[notip]/x", "https://[v1.x]/x", "https://[vz.x]/x", "https://[1.2.3.4]/x", "https://[01.2.3.4]/x",
        "https://[2001:db8::1]:99999/x", "https://[2001:db8::1%25eth0]/x", "https://[2001:db8::1%]/x",
        "https://[::ffff:1.2.3.4]/x", "https://[1:2:3:4:5:6:7:8]/x", "https://[1:2:3:4:5:6:7:8:9]/x",
        "https://[1::2::3]/x", "https://[:1:2:3:4:5:6:7]/x", "https://[1:2:3:4:5:6:7::]/x", "https://[12345::1]/x",
        "https://u[x]@harvestshare.example.org/x", "https://[::]/x", "https://[fe80::1%eth0]/x",
    )],
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
      ("\x00", "\x07", "\x1b", "\x7f", "\x81", "\u200b", "\u200c", "\u200d", "\u202e", "\u2066")],
    # ZWNJ and ZWJ where a script needs them are text, not controls (board.charclasses)
    ("persian zwnj title", make_posting(Title="ترجمه\u200cی راهنمای کاربر for a nonprofit")),
    ("hindi zwj title", make_posting(Title="Translate a guide into हिन्दी: क्\u200dष style")),
    ("emoji zwj summary", make_posting(Summary="Design a logo for women in tech 👩\u200d💻 meetups, one deliverable.")),
    ("zwj between latin letters", make_posting(Organization="Harvest\u200dShare")),
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
    ("long body", make_posting(body="a" * 45_000)),
    # board.bounds: refused before Markdown renders it, with the line (issue 18, item 2)
    ("body nested too deep", make_posting(body="".join("\t" * i + "- item\n" for i in range(30)))),
    ("quotes nested too deep", make_posting(body="Intro.\n\n" + "> " * 40 + "quoted\n")),
    ("brackets never closed", make_posting(body="Intro line.\n\n" + "[" * 30_000)),
    ("link openers never closed", make_posting(body="Intro.\n\n" + "[x](" * 400 + "\n\nAfter.")),
    ("angle brackets never closed", make_posting(body="<a " * 3_000)),
    ("escaped brackets are fine", make_posting(body="Literal \\[ and \\( and \\< are text.\n\n" + "\\[" * 2_000)),
    # every problem at once: the rules that need Hours, Pay or Posted still run without the others
    ("hours 60 and no pay", make_posting(Hours="60", drop=("Pay",))),
    ("hours 3 and unreadable pay", make_posting(Hours="3", Pay="lots")),
    ("pay below floor and no hours", make_posting(Pay="5 USD total", drop=("Hours",))),
    ("unreadable hours and bad pay", make_posting(Hours="many", Pay="0 USD total")),
    ("no posted and deadline passed", make_posting(Apply_By="2026-11-01", drop=("Posted",))),
    ("no posted and closed in the past", make_posting(Apply_By="2026-11-01", drop=("Posted",), extra=[("Status", "closed")])),
    ("no posted and deadline too far", make_posting(Apply_By="2031-01-01", drop=("Posted",))),
    ("unreadable posted and http link", make_posting(Posted="soon", Apply_URL="http://harvestshare.example.org/x")),
    ("no pay, no body, bad category", make_posting(drop=("Pay",), body="", Category="cooking")),
    ("no pay, title too long, long deliverable", make_posting(drop=("Pay",), Title="T" * 121, Deliverables="d" * 201)),
    ("nothing but a title", "Title: Build a dashboard\n\n"),
    ("no hours, no pay, no posted, bad url", make_posting(drop=("Hours", "Pay", "Posted"), Apply_URL="javascript:alert(1)")),
    ("pay without currency and hours 50", make_posting(Pay="600 total", Hours="50")),
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


def python_problems(slug: str, text: str, policy=POLICY, now=NOW) -> list:
    """What ``make validate`` finds: the file is written and read back from disk (size, BOM)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{slug}.md"
        path.write_bytes(text.encode("utf-8"))
        _, problems = parse_posting(path, policy, now)
    return problems


def python_lines(slug: str, text: str, policy=POLICY, now=NOW) -> list[str]:
    """What ``make validate`` prints."""
    return [p.format(f"{slug}.md") for p in python_problems(slug, text, policy, now)]


def python_said(slug: str, text: str) -> list[list]:
    """Each problem's rule, values and form sentence (the field's key standing in for its label)."""
    return [[p.rule, dict(p.args), form_text(p.rule, dict(p.args), p.field)] for p in python_problems(slug, text)]


JS_RUN = """([rules, cases, now]) => {
  const V = MicroboardSubmit.makeValidator(rules);
  return cases.map(([slug, text]) => {
    const found = V.validate(text, {slug, now, skipCrossFile: true});
    return [found.map(p => V.format(p, slug + ".md")), found.map(p => [p.rule, p.args, V.say(p, p.field)])];
  });
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
    for (label, slug, text), (got, got_said) in zip(cases, js):
        expected = python_lines(slug, text)
        valid, invalid = valid + (not expected), invalid + bool(expected)
        if got != expected:
            mismatches.append(f"{label}:\n  python: {expected}\n  browser: {got}")
        elif got_said != (said := python_said(slug, text)):
            mismatches.append(f"{label} (rules and form sentences):\n  python: {said}\n  browser: {got_said}")
    assert not mismatches, "\n".join(mismatches)
    assert valid >= 40 and invalid >= 120, (valid, invalid)  # both verdicts are exercised
    assert submit_page.js_errors == []


def test_the_page_fetches_the_boards_own_rules(submit_page, built_site):
    """The rules are a built file, fetched after first paint at an address that carries their
    content hash (one computed in Python), and the form runs with what it fetched."""
    src = submit_page.get_attribute("#submit-rules", "data-src")
    path, _, version = src.partition("?v=")
    assert path == "/submit/rules.json"
    written = (built_site / "submit" / "rules.json").read_bytes()
    assert version == hashlib.sha256(written).hexdigest()[:12]
    embedded = submit_page.evaluate("async (src) => (await fetch(src)).json()", src)
    assert submit_page.evaluate("MicroboardSubmit.rules") == embedded
    policy = load_policy(REPO / "board.toml")
    expected = browser_rules(policy)
    assert embedded["pay_floors"] == {k: v for k, v in sorted(policy.pay_floors.items())}
    for key in ("required", "optional", "known", "examples", "categories", "skills", "regex", "max_len",
                "hours_min", "hours_max", "repository"):
        assert embedded[key] == expected[key], key
    # the cross-file checks' data is not inline (it grows with the board): the form fetches it
    assert embedded["taken"] == {} and embedded["open_apply_urls"] == {}
    fetched = submit_page.evaluate("""async () => (await fetch(document.getElementById('submit-rules').dataset.taken)).json()""")
    assert len((built_site / "post-a-project" / "index.html").read_bytes()) < 40_000  # the rules are not inlined
    assert set(fetched) == {"taken", "open_apply_urls"}
    assert set(fetched["taken"]) == {p.stem for p in SAMPLE.glob("*.md")}  # every sample posting
    assert "content/samples/postings/food-bank-donations-dashboard.md" in fetched["open_apply_urls"].values()


def test_duplicate_data_is_fetched_once_when_the_form_first_needs_it(browser, site_url):
    """Opening the page fetches nothing more; the first focus in the form fetches the file once,
    and a posting that reuses a sample's file name is refused after it arrives, even when
    "Check" is pressed while the file is still on its way."""
    with open_page(browser) as page:
        asked: list[str] = []
        page.on("request", lambda r: asked.append(r.url))
        release = []
        page.route("**/submit/taken.json", lambda route: release.append(route))  # held until we say
        page.goto(site_url + "post-a-project/")
        page.wait_for_function("window.MicroboardSubmit !== undefined")
        page.wait_for_timeout(200)
        assert not [u for u in asked if u.endswith("/submit/taken.json")]
        fill_valid(page)
        page.fill("#f-slug", "food-bank-donations-dashboard")
        page.click("button[type=submit]")
        assert page.inner_text("#submit-status").startswith("Checking the file name and link")
        assert page.locator("#submit-result").is_hidden()
        assert len(release) == 1
        release[0].continue_()
        page.wait_for_function("document.getElementById('f-slug-error') && "
                               "document.getElementById('f-slug-error').textContent.includes('is taken by another posting')")
        assert page.locator("#submit-result").is_hidden()
        page.fill("#f-slug", "a-new-dashboard")
        page.click("button[type=submit]")
        page.wait_for_function("document.getElementById('submit-status').textContent.startsWith('No problems found.')")
        assert [u for u in asked if u.endswith("/submit/taken.json")] == [site_url + "submit/taken.json"]
        assert page.js_errors == []


def test_the_form_still_works_when_the_duplicate_data_cannot_load(browser, site_url):
    with open_page(browser) as page:
        page.route("**/submit/taken.json", lambda route: route.abort())
        page.goto(site_url + "post-a-project/")
        page.wait_for_function("window.MicroboardSubmit !== undefined")
        fill_valid(page)
        page.click("button[type=submit]")
        page.wait_for_function("document.getElementById('submit-status').textContent.includes('could not be loaded')")
        assert page.locator("#submit-result").is_visible()
        assert page.js_errors == []


def test_a_check_pressed_while_the_rules_load_waits_for_them(browser, site_url):
    """The form paints before its rules arrive; "Check and preview" pressed meanwhile neither
    passes nor reloads the page: it is checked, with the rules, once they are in."""
    with open_page(browser) as page:
        held = []
        page.route("**/submit/rules.json*", lambda route: held.append(route))  # held until we say
        page.goto(site_url + "post-a-project/")
        page.wait_for_function("window.MicroboardSubmitBoot !== undefined")
        fill_valid(page)
        page.fill("#f-hours", "60")  # one problem the rules find
        page.click("button[type=submit]")
        page.wait_for_function("document.getElementById('submit-status').textContent.startsWith('Loading the board')")
        assert len(held) == 1 and page.url == site_url + "post-a-project/"
        assert page.locator("#submit-result").is_hidden() and page.locator("#error-summary").is_hidden()
        assert page.evaluate("window.MicroboardSubmit") is None
        held[0].continue_()
        page.wait_for_function("!document.getElementById('error-summary').hidden")
        assert "Total hours" in page.inner_text("#f-hours-error")
        assert page.evaluate("document.activeElement.id") == "error-summary"
        assert page.locator("#submit-result").is_hidden()
        page.fill("#f-hours", "15-20")
        page.click("button[type=submit]")
        page.wait_for_function("document.getElementById('submit-status').textContent.startsWith('No problems found')")
        assert page.input_value("#f-slug") == "build-a-donations-dashboard-harvest-share"  # derived though typed early
        assert page.js_errors == []


def test_a_failed_rules_fetch_says_so_and_try_again_recovers(browser, site_url):
    with open_page(browser) as page:
        fail = [True]
        page.route("**/submit/rules.json*", lambda route: route.abort() if fail[0] else route.continue_())
        page.goto(site_url + "post-a-project/")
        alert = page.locator("#rules-failed")
        alert.wait_for(state="visible")
        assert alert.get_attribute("role") == "alert"
        assert "could not be loaded" in alert.inner_text()
        fill_valid(page)
        page.click("button[type=submit]")  # held: nothing passes without the rules
        assert page.locator("#submit-result").is_hidden()
        page.click("#rules-retry")  # fails again: the alert comes back
        alert.wait_for(state="visible")
        assert page.evaluate("window.MicroboardSubmit") is None
        fail[0] = False
        page.click("#rules-retry")
        alert.wait_for(state="hidden")
        page.wait_for_function("window.MicroboardSubmit !== undefined")
        page.wait_for_function("document.getElementById('submit-status').textContent.startsWith('No problems found')")
        assert page.locator("#submit-result").is_visible()  # the press held while failing ran once they came
        assert page.js_errors == []


def test_the_markdown_renderer_loads_on_the_first_preview(browser, site_url):
    with open_page(browser) as page:
        asked: list[str] = []
        page.on("request", lambda r: asked.append(r.url))
        page.goto(site_url + "post-a-project/")
        page.wait_for_function("window.MicroboardSubmit !== undefined")
        assert not [u for u in asked if "marked" in u]
        assert [u.split("?")[0] for u in asked if "rules.json" in u] == [site_url + "submit/rules.json"]
        fill_valid(page)
        page.click("button[type=submit]")
        preview = page.locator("#description-preview")
        assert preview.locator("h2").inner_text() == "What you will do"
        assert preview.locator("li").all_inner_texts() == ["Merge the sheets", "Build three charts"]
        assert [u for u in asked if u.endswith("/vendor/marked/marked.esm.js")] == [site_url + "theme/vendor/marked/marked.esm.js"]
        page.fill("#f-description", "**Bold** move.\n\n100% remote.")
        page.click("button[type=submit]")
        page.wait_for_function("document.querySelector('#description-preview strong')?.textContent === 'Bold'")
        assert len([u for u in asked if "marked" in u]) == 1
        assert page.js_errors == []


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
    assert page.locator("#f-apply-url-error").inner_text() == "Application link must be a full web address starting with https://"
    assert page.locator("#submit-result").is_hidden()
    # the summary links move focus to their field
    summary.locator("a[href='#f-skills']").click()
    assert page.evaluate("document.activeElement.id") == "f-skills"

    # 2. fix everything: pay below the floor first, then enough
    fill_valid(page)
    page.fill("#f-hours", "30-40")
    page.fill("#f-pay-amount", "500")
    page.click("button[type=submit]")
    assert ("Pay works out at 12.50 USD an hour, below the board's minimum of 15 USD an hour"
            in page.locator("#f-pay-amount-error").inner_text())
    page.fill("#f-hours", "15-20")
    page.fill("#f-pay-amount", "600")
    page.click("button[type=submit]")
    assert summary.is_hidden()
    assert page.locator("[aria-invalid=true]").count() == 0

    # 3. the preview reads like the board's card
    card = page.locator("#card-preview .card")
    assert card.locator(".card-title").inner_text() == "Build a donations dashboard"
    facts = card.locator(".facts").inner_text()
    for text in ("600 USD total", "≈ 30–40 USD/h", "15–20 h total", "Students and recent graduates",
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
    assert page.inner_text("#f-slug-error") == ("File name 'food-bank-donations-dashboard' is taken by another posting "
                                               "(content/samples/postings/food-bank-donations-dashboard.md); choose another file name")
    page.fill("#f-slug", "another-dashboard")
    taken_url = re.search(r"^Apply-URL: (.+)$", (SAMPLE / "food-bank-donations-dashboard.md").read_text(), re.M)[1]
    page.fill("#f-apply-url", taken_url)
    page.click("button[type=submit]")
    assert page.inner_text("#f-apply-url-error") == ("Application link is already the link of an open posting "
                                                    "(content/samples/postings/food-bank-donations-dashboard.md); "
                                                    "each posting needs its own link")


def test_form_fits_a_320px_screen(browser, site_url):
    ctx = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = ctx.new_page()
        page.goto(site_url + "post-a-project/")
        page.wait_for_function("window.MicroboardSubmit !== undefined")  # the form runs after first paint
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
        page.wait_for_function("window.MicroboardSubmit !== undefined")  # the form runs after first paint
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
    problems = python_problems(slug, text, policy=load_policy(REPO / "board.toml"), now=NOW)
    assert len(problems) == 2, problems
    said = {p.field: form_text(p.rule, dict(p.args), {"skills": "Skills", "file name": "File name"}[p.field])
            for p in problems}
    assert page.inner_text("#f-skills-error") == said["skills"] == "Skills: choose at most 8 — you listed 9"
    assert page.inner_text("#f-slug-error") == said["file name"]


# ---- one table of rules: every rule is exercised, cross-file ones included ---------------------

#: Rules no posting file written by the form or by hand can reach, and why.
NOT_FROM_A_POSTING_FILE = {
    "file.not_utf8": "the page holds text, never bytes; tests/board cover it",
    "file.unreadable": "the PR check's artifact only (plugins/board_site/pr_report.py)",
    "hours.programme_range": "programmes only",
    "kind.unknown": "entries built in code only", "kind.mismatch": "entries built in code only",
    "pay.currency": "parse_pay only yields known currencies; scraped entries reach it",
    "regions.unknown_code": "read_regions only yields known codes; scraped entries reach it",
    "slug.unsafe": "said first as file.slug on the same line, so never repeated for a file",
    "text.empty": "said first as key.missing on the same line, or as value.control",
    "apply.none": "said first as apply.missing on the same line",
    "description.too_long": "the rendered HTML's length: a body within board.bounds' 40,000 characters of Markdown "
                            "can only pass it by expanding (entities), which the page cannot measure without the "
                            "build's renderer; tests/board/test_bounds.py covers it",
}


def _cross_file_cases(tmp: Path) -> list[tuple[str, str, dict, dict, str]]:
    """(label, new file's path, taken, open apply URLs, the new file's text) over a real folder."""
    existing = tmp / "old" / "food-bank-donations-dashboard.md"
    existing.parent.mkdir()
    existing.write_text(make_posting(), encoding="utf-8")
    url = re.search(r"^Apply-URL: (.+)$", make_posting(), re.M)[1]
    from board.identity import url_key
    taken = {existing.stem: str(existing)}
    urls = {url_key(url): str(existing)}
    return [
        ("same file name", "food-bank-donations-dashboard", taken, urls, make_posting(Title="Another")),
        ("same apply URL spelled differently", "another-dashboard", taken, urls,
         make_posting(Apply_URL=url.replace("https://", "https://www.") + "/?utm_source=x")),
        ("same apply URL, closed", "closed-dashboard", taken, urls, make_posting(extra=[("Status", "closed")])),
    ]


def test_every_rule_in_the_table_is_exercised_by_the_parity_examples(tmp_path):
    cases = _cases()
    hit = {p.rule for _, slug, text in cases for p in python_problems(slug, text)}
    from board.validate import validate_files
    for _, stem, _, _, text in _cross_file_cases(tmp_path):
        path = tmp_path / stem / f"{stem}.md"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        _, errors = validate_files([tmp_path / "old" / "food-bank-donations-dashboard.md", path], POLICY, NOW)
        hit |= {"slug.taken" for e in errors if "is already used by" in e} | {"apply_url.taken" for e in errors if "same apply URL" in e}
    assert "" not in hit  # every problem names its rule
    missing = set(RULES) - hit - set(NOT_FROM_A_POSTING_FILE)
    assert not missing, f"rules no example reaches: {sorted(missing)}"
    assert not hit & set(NOT_FROM_A_POSTING_FILE), hit & set(NOT_FROM_A_POSTING_FILE)


def test_cross_file_rules_agree_with_the_validator_over_real_files(submit_page, tmp_path):
    """board.validate.validate_files on a folder with an existing posting, and the page given the
    same existing files (taken, open apply URLs): the same lines for a clash of name or of link."""
    from board.validate import validate_files
    cases = _cross_file_cases(tmp_path)
    expected, runs = [], []
    for label, stem, taken, urls, text in cases:
        path = tmp_path / stem / f"{stem}.md"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        _, errors = validate_files([tmp_path / "old" / "food-bank-donations-dashboard.md", path], POLICY, NOW)
        expected.append([e for e in errors if e.startswith(str(path))])
        runs.append([browser_rules(POLICY, taken, urls), stem, str(path), text])
    got = submit_page.evaluate("""([runs, now]) => runs.map(([rules, slug, path, text]) => {
      const V = MicroboardSubmit.makeValidator(rules);
      return V.validate(text, {slug, now}).map(p => V.format(p, path));
    })""", [runs, NOW.isoformat()])
    assert got == expected
    assert [len(e) for e in expected] == [1, 1, 0]


# ---- 1. every problem at once, in the form's words and order -----------------------------------


def summary_items(page) -> list[str]:
    return page.locator("#error-summary-list li").all_inner_texts()


def test_an_empty_form_lists_every_problem_in_form_order_in_plain_words(submit_page):
    page = submit_page
    page.click("button[type=submit]")
    items = summary_items(page)
    assert items[:3] == ["Title is required", "Summary is required", "Category is required"], items
    assert not any("slug" in i or ".md" in i or "(expected" in i for i in items), items
    hrefs = page.eval_on_selector_all("#error-summary-list a", "as => as.map(a => a.getAttribute('href'))")
    order = page.eval_on_selector_all("#submit-form [id^=f-]", "ns => ns.map(n => '#' + n.id)")
    positions = [order.index(h) for h in hrefs]
    assert positions == sorted(positions)  # the summary reads top to bottom like the form
    assert "#f-slug" not in hrefs  # the file name follows the title; it is not the thing to fix
    assert page.js_errors == []


def test_hours_are_flagged_while_pay_is_empty(submit_page):
    page = submit_page
    fill_valid(page)
    page.fill("#f-pay-amount", "")
    page.fill("#f-hours", "60")
    page.click("button[type=submit]")
    assert page.inner_text("#f-hours-error") == "Total hours must be between 5 and 40 — you entered 60"
    assert page.inner_text("#f-pay-amount-error") == "Pay is required"
    assert summary_items(page) == ["Total hours must be between 5 and 40 — you entered 60", "Pay is required"]
    page.fill("#f-hours", "3-50")
    assert page.inner_text("#f-hours-error") == "Total hours must be between 5 and 40 — you entered 3-50"


def test_three_mistakes_are_shown_at_once_next_to_their_fields(submit_page):
    page = submit_page
    fill_valid(page)
    page.fill("#f-hours", "45")
    page.fill("#f-pay-amount", "900")
    page.fill("#f-skills", "Python, Gardening")
    page.fill("#f-apply-url", "harvestshare.example.org/jobs")
    page.click("button[type=submit]")
    items = summary_items(page)
    assert items == [
        "Skills: 'Gardening' is not one of the board's skills; pick one from the suggestions",
        "Total hours must be between 5 and 40 — you entered 45",
        "Application link must be a full web address starting with https://",
    ], items
    for field in ("f-skills", "f-hours", "f-apply-url"):
        assert page.locator(f"#{field}").get_attribute("aria-invalid") == "true"


# ---- 2. helpful inputs ------------------------------------------------------------------------


def test_gis_is_a_skill_and_aliases_are_read_as_the_list_names(submit_page):
    page = submit_page
    page.fill("#f-skills", "gis, JS, dataviz, Pyton")
    assert page.inner_text("#f-skills-read") == ("Reads as: GIS (from “gis”), JavaScript (from “JS”), "
                                                 "Data visualization (from “dataviz”), “Pyton” is not on the list.")
    options = page.eval_on_selector_all("#skill-list option", "os => os.map(o => o.value)")
    assert options and all(o.startswith("gis, JS, dataviz, ") for o in options)
    assert "gis, JS, dataviz, Python" in options and "gis, JS, dataviz, JavaScript" not in options
    page.click("button[type=submit]")
    assert "'Pyton' is not one of the board's skills — did you mean Python?" in page.inner_text("#f-skills-error")


@pytest.mark.parametrize("locale, currency", [("en-GB", "GBP"), ("de-AT", "EUR"), ("en-US", "USD"), ("ja-JP", "JPY")])
def test_the_currency_comes_from_the_browsers_locale_and_says_so(browser, site_url, locale, currency):
    ctx = browser.new_context(locale=locale)
    try:
        page = ctx.new_page()
        page.goto(site_url + "post-a-project/")
        page.wait_for_function("window.MicroboardSubmit !== undefined")  # the form runs after first paint
        assert page.input_value("#f-pay-currency") == currency
        assert page.inner_text("#f-pay-currency-note").startswith(f"{currency} is chosen from your browser's language ({locale})")
    finally:
        ctx.close()


def test_without_a_known_locale_the_currency_is_asked_for_never_aud(browser, site_url):
    ctx = browser.new_context(locale="sw-KE")
    try:
        page = ctx.new_page()
        page.goto(site_url + "post-a-project/")
        page.wait_for_function("window.MicroboardSubmit !== undefined")  # the form runs after first paint
        assert page.input_value("#f-pay-currency") == ""
        assert page.inner_text("#f-pay-currency-note") == "Choose the currency you pay in."
        fill_valid(page)
        page.select_option("#f-pay-currency", "")
        page.click("button[type=submit]")
        assert page.inner_text("#f-pay-amount-error") == "Pay needs a currency — you entered '600 total'"
        assert "AUD" not in page.inner_text("#pay-hourly")
    finally:
        ctx.close()


def test_the_effective_hourly_pay_shows_as_hours_and_pay_are_typed(submit_page):
    page = submit_page
    page.select_option("#f-pay-currency", "USD")
    page.fill("#f-hours", "15-20")
    assert page.inner_text("#pay-hourly") == ""
    page.fill("#f-pay-amount", "600")
    assert page.inner_text("#pay-hourly") == "Effective pay: ≈ 30–40 USD/h for 15–20 hours total."
    page.fill("#f-hours", "30-40")
    page.fill("#f-pay-amount", "500")
    assert page.inner_text("#pay-hourly") == ("Effective pay: ≈ 12.50–16.67 USD/h for 30–40 hours total. This works out at "
                                             "12.50 USD an hour, below the board's minimum of 15 USD an hour: pay more or "
                                             "ask for fewer hours")
    page.select_option("#f-pay-unit", "per hour")
    page.fill("#f-pay-amount", "20")
    assert page.inner_text("#pay-hourly") == "Effective pay: 20 USD/h for 30–40 hours total."


def test_the_buttons_use_the_pages_font(submit_page):
    sizes = submit_page.evaluate("""() => ['body', '#submit-form button[type=submit]', '#start-over']
        .map(s => getComputedStyle(document.querySelector(s)).fontSize)""")
    assert sizes[0] == sizes[1] == sizes[2], sizes


def test_the_file_name_is_derived_and_shown_last(submit_page):
    page = submit_page
    page.fill("#f-title", "Map our delivery routes")
    page.fill("#f-organization", "Harvest Share")
    assert page.input_value("#f-slug") == "map-our-delivery-routes-harvest-share"
    fields = page.eval_on_selector_all("#submit-form input, #submit-form select, #submit-form textarea", "ns => ns.map(n => n.id)")
    assert fields[-1] == "f-slug"


# ---- 3. nothing lost --------------------------------------------------------------------------


def test_the_draft_survives_a_reload_and_start_over_clears_it(submit_page):
    page = submit_page
    assert page.locator("#draft-bar").is_hidden()
    fill_valid(page, "Write a grant report")
    page.fill("#f-slug", "grant-report")
    page.reload()
    page.wait_for_function("window.MicroboardSubmit !== undefined")
    assert page.input_value("#f-title") == "Write a grant report"
    assert page.input_value("#f-description").startswith("## What you will do")
    assert page.input_value("#f-pay-currency") == "USD" and page.input_value("#f-skills") == "Python, Excel, data viz"
    assert page.input_value("#f-slug") == "grant-report"
    page.fill("#f-title", "Write a grant report, fast")  # a file name edited by hand stays as it is
    assert page.input_value("#f-slug") == "grant-report"
    assert page.locator("#draft-bar").is_visible()
    assert "restored the draft" in page.inner_text("#draft-status")
    page.click("#start-over")
    assert page.input_value("#f-title") == "" and page.input_value("#f-slug") == ""
    assert page.evaluate("localStorage.length") == 0
    assert page.evaluate("document.activeElement.id") == "f-title"
    page.reload()
    page.wait_for_function("window.MicroboardSubmit !== undefined")  # the form runs after first paint
    assert page.input_value("#f-title") == ""
    page.fill("#f-title", "New one")
    assert page.input_value("#f-slug") == "new-one"  # following the title again


def test_leaving_with_unsaved_changes_asks_first(submit_page):
    page = submit_page
    dialogs: list[str] = []

    def on_dialog(d):
        dialogs.append(d.type)
        d.dismiss()
    page.on("dialog", on_dialog)
    page.click("#f-title")
    page.keyboard.type("Build a thing")  # real key presses: the page has had a user gesture
    page.evaluate("() => { location.href = location.href; }")
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    assert page.input_value("#f-title") == "Build a thing"  # stayed on the page


def test_handing_the_file_over_ends_the_leave_warning(submit_page):
    page = submit_page
    page.evaluate("window.open = (url) => { window.__opened = url; return {}; }")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.type), d.accept()))
    page.click("#f-title")
    page.keyboard.type("x")
    fill_valid(page)
    page.click("button[type=submit]")
    page.click("#github-link")
    page.reload()
    assert dialogs == []


# ---- 5. what happens next ---------------------------------------------------------------------


def test_what_happens_next_without_a_maintainer_address(submit_page):
    page = submit_page
    text = page.inner_text("#next-steps")
    for words in ("You open a pull request", "The posting check runs", "A maintainer reviews it",
                  "usually within 3 working days", "It goes live when merged", "mark it filled"):
        assert words in text
    links = page.eval_on_selector_all("#next-steps a", "as => as.map(a => a.href)")
    assert "https://github.com/microboard/microboard/blob/main/CONTRIBUTING.md#what-happens-to-your-pull-request" in links
    assert "https://github.com/microboard/microboard/blob/main/CONTRIBUTING.md#keeping-the-posting-true" in links
    assert "https://github.com/microboard/microboard/blob/main/README.md#submit-a-posting" in links
    assert page.locator("a[href^='mailto:']").count() == 0
    assert "maintainer opens the pull request" not in page.content()


@pytest.fixture(scope="module")
def site_with_maintainer(tmp_path_factory, serve):
    from tests.site.conftest import build_site, sample_content
    base = tmp_path_factory.mktemp("site-with-maintainer")
    content = sample_content(base / "content")
    out = build_site(content, base / "output", BOARD_MAINTAINER_EMAIL="postings@board.example.org",
                     BOARD_REVIEWERS=["ana-reviews", "@lee"], BOARD_REVIEW_DAYS=1)
    return serve(out)


def test_what_happens_next_with_the_owners_settings(page, site_with_maintainer):
    page.goto(site_with_maintainer + "post-a-project/")
    text = page.inner_text("#next-steps")
    assert "A maintainer reviews it (@ana-reviews, @lee), usually within 1 working day" in text
    assert page.get_attribute("#no-github a", "href") == "mailto:postings@board.example.org"
    fill_valid(page)
    page.click("button[type=submit]")
    assert page.get_attribute("#maintainer-email", "href") == "mailto:postings@board.example.org"
    from axe_playwright_python.sync_playwright import Axe
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}})
    assert [v["id"] for v in results.response["violations"]] == []
    assert page.js_errors == []


# ---- the GitHub link survives a lone surrogate ------------------------------------------------


def test_a_lone_surrogate_in_the_title_still_opens_github(submit_page):
    page = submit_page
    fill_valid(page)
    page.evaluate("""() => { const t = document.getElementById('f-title'); t.value = 'Build a \\ud83d dashboard';
                      t.dispatchEvent(new Event('input', {bubbles: true})); }""")
    page.click("button[type=submit]")
    href = page.get_attribute("#github-link", "href")
    assert "Build%20a%20%EF%BF%BD%20dashboard" in href
    assert page.js_errors == []


# ---- 4. a true preview: the build's Markdown and sanitizer, in the page -------------------------

import hashlib  # noqa: E402

from board.posting import read_header  # noqa: E402
from board.sanitize import clean_html, markdown_to_html  # noqa: E402
from tests.security.vectors import REPRESENTATIVE  # noqa: E402

VENDORED_MARKED = REPO / "theme" / "static" / "vendor" / "marked" / "marked.esm.js"

#: Bodies an employer writes, and hostile ones: raw HTML, scripts, javascript: links.
PREVIEW_BODIES = [
    "<script>alert(1)</script>\n\nHello", "Hello <script>alert(1)</script> there",
    "[click](javascript:alert(1))", "[click](JAVASCRIPT:alert(1)) and [x](  javascript:alert(1))",
    "[rel](/jobs/1) and [scheme-rel](//evil.example/x)", '<a href="javascript:alert(1)">x</a>',
    "![alt](https://example.org/x.png)", '<iframe src="https://evil.example"></iframe>',
    '<div onclick="alert(1)">block <b>bold</b></div>', "<svg><script>alert(1)</script></svg>",
    '<a href="https://ok.example" onclick="x()" rel="opener" target="_blank">ok</a>',
    '[mail](mailto:jobs@example.org) [web](https://example.org "T")', "<https://example.org/auto>",
    "Visit https://example.org/bare now", "# Title\n\nText", "Setext\n======\n\nSub\n---", "> quote\n> more",
    "* a\n* b\n\n1. one\n2. two", "3. three\n4. four", "- a\n    - nested\n- b", "    code block\n    line 2",
    "```\nfenced\n```", "Use `inline <code>` here", "snake_case_word and *em* and **strong** and _em_",
    "line one  \nline two", "1986\\. A great year \\*not em\\*", "&amp; &copy; &#169; &nbsp; AT&T <3",
    "| a | b |\n|---|---|\n| 1 | 2 |", "~~strike~~", "[ref link][1]\n\n[1]: https://example.org/ref",
    "***\n\n---\n\n___", "<table><tr><td onmouseover=x>cell</td></tr></table>", '<p style="color:red">styled</p>',
    "<h1>raw h1</h1>", "<form action=x><input name=a></form>", "<textarea><script>alert(1)</script></textarea>",
    "<object data=x></object><embed src=x>", '<a href="data:text/html,<script>alert(1)</script>">d</a>',
    "\u202eevil\u202c and emoji 😀", "Tabs\tinside\ttext", "<details><summary>s</summary>hidden</details>",
    "**bold *nested em* end**", "A line with trailing backslash\\\nnext", '<p lang="en" title="t" class="c">x</p>',
    '<a href="https://a.example" title="T" lang="en">y</a>', "<xmp><b>x</b></xmp>", "<template><p>t</p></template>",
    "## What you will do\n\n1. Clean the data\n2. Build *three* charts\n\n**Remote**: 100%.\n\n"
    "Questions? [Email us](mailto:jobs@example.org).",
    "Intro paragraph.\n\n### Deliverables\n\n- A report (PDF)\n- A 30-minute call\n\n> We value clarity.\n\nThanks!",
    "Pay: $600 — paid on delivery. 50% up front & 50% after.\n\nNo CV needed; send 3 links.",
    "## Section ##\n\nText with a_b_c and 2*3*4, and a URL in brackets: <https://example.org/jobs?id=1&x=2>.",
]
#: Where marked, set as close as it goes, still reads Markdown unlike Python-Markdown (listed
#: in submit/preview.js); the preview is as safe there, only laid out differently.
PREVIEW_DIFFERENCES = [
    "Para\n- list right after",  # a list needs a blank line before it in Python-Markdown
    "- a\n  - two-space nested\n- b",  # and four spaces of indent to nest
    "```\nfenced\n```",  # no fenced code there: one code span; here the fence lines split the paragraph
]


def starts_with_raw_html(body: str) -> bool:
    """A body that opens with a tag or comment: CommonMark's HTML-block rules (marked) and
    Markdown.pl's (Python-Markdown) cut it differently, so only safety is compared exactly."""
    return re.match(r"\s*<[!A-Za-z/]", body) is not None


def _bodies() -> list[str]:
    files = sorted(SAMPLE.glob("*.md")) + sorted(FIXTURES.glob("*.md"))
    return [read_header(p.read_text(encoding="utf-8"))[0].body for p in files] + PREVIEW_BODIES + REPRESENTATIVE


PREVIEW_RUN = """async ([rules, bodies]) => {
  const V = MicroboardSubmit.makeValidator(rules);
  const P = await MicroboardSubmit.makePreview(rules, V.py);  // marked is loaded on the first preview
  return bodies.map(b => P.markdownToHtml(b));
}"""


def test_the_preview_renders_like_the_build_on_sample_and_hostile_bodies(submit_page):
    bodies = _bodies() + PREVIEW_DIFFERENCES
    got = submit_page.evaluate(PREVIEW_RUN, [browser_rules(POLICY), bodies])
    exact = [(b, g) for b, g in zip(bodies, got) if not starts_with_raw_html(b) and b not in PREVIEW_DIFFERENCES]
    assert len(exact) >= 60
    mismatches = [f"{b!r}\n  build:   {markdown_to_html(b)!r}\n  preview: {g!r}" for b, g in exact if g != markdown_to_html(b)]
    assert not mismatches, "\n".join(mismatches)
    for body, g in zip(PREVIEW_DIFFERENCES, got[-len(PREVIEW_DIFFERENCES):]):
        assert g != markdown_to_html(body), f"now agrees, drop it from PREVIEW_DIFFERENCES: {body!r}"
    raw = [(b, g) for b, g in zip(bodies, got) if starts_with_raw_html(b)]
    agree = sum(g == markdown_to_html(b) for b, g in raw)
    assert len(raw) >= 25 and agree * 2 >= len(raw), (agree, len(raw))  # most raw-HTML bodies agree exactly too
    for body, g in zip(bodies, got):  # and every preview holds only what the build's allow-list keeps
        assert clean_html(g) == g, body
    assert submit_page.js_errors == []


def test_the_preview_never_runs_script_and_shows_the_description(submit_page):
    page = submit_page
    fill_valid(page)
    hostile = ("## Hello\n\n<img src=x onerror=\"window.__pwned=1\"> <svg onload=\"window.__pwned=2\"></svg>\n\n"
               "[click](javascript:window.__pwned=3) <a href=\"https://ok.example/\" onmouseover=\"window.__pwned=4\">ok</a>\n\n"
               "<script>window.__pwned=5</script><iframe srcdoc=\"<script>parent.__pwned=6</script>\"></iframe>\n\n"
               "<noscript><p title=\"</noscript><img src=x onerror=window.__pwned=7>\"></noscript>")
    page.fill("#f-description", hostile + "\n\n100% remote.")
    page.click("button[type=submit]")
    preview = page.locator("#description-preview")
    assert preview.locator("h2").inner_text() == "Hello"
    page.hover("#description-preview a[href='https://ok.example/']")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None
    handlers = page.evaluate("""() => Array.from(document.querySelectorAll('#description-preview *'))
        .flatMap(n => Array.from(n.attributes).map(a => a.name)).filter(n => n.startsWith('on'))""")
    assert handlers == []
    assert page.locator("#description-preview script, #description-preview iframe, #description-preview img, "
                        "#description-preview svg, #description-preview [href^='javascript']").count() == 0
    assert page.get_attribute("#description-preview a", "rel") == "nofollow ugc noopener noreferrer"
    assert page.js_errors == []


def test_the_vendored_markdown_renderer_is_the_pinned_release():
    readme = (VENDORED_MARKED.parent / "README.md").read_text(encoding="utf-8")
    digest = hashlib.sha256(VENDORED_MARKED.read_bytes()).hexdigest()
    assert f"sha256 of `marked.esm.js`: `{digest}`" in readme
    assert VENDORED_MARKED.read_text(encoding="utf-8").startswith("/**\n * marked v18.2.1 - a markdown parser")
    assert "MIT" in (VENDORED_MARKED.parent / "LICENSE").read_text(encoding="utf-8")
    assert "https://" not in (REPO / "theme" / "static" / "js" / "submit" / "preview.js").read_text().split("*/", 1)[1]
