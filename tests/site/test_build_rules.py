"""The build refuses invalid postings, survives bad scraped data, and rebuilds cheaply."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from board.catalog import InvalidPostings
from plugins.board_site.present import row_slug

from .conftest import NOW, ROOT, build_site, sample_content, scraped_entry, write_scraped


def test_build_refuses_invalid_posting_with_validator_message(tmp_path):
    content = sample_content(tmp_path / "content")
    (content / "postings" / "broken.md").write_text(
        "Title: Broken\nOrganization: X\nHourz: 10\nPay: 5 USD total\n\nBody\n", encoding="utf-8")
    with pytest.raises(Exception) as info:
        build_site(content, tmp_path / "out")
    exc = info.value
    while not isinstance(exc, InvalidPostings) and exc.__cause__ is not None:
        exc = exc.__cause__
    message = str(exc)
    assert "broken.md:3: hourz: unknown key; did you mean 'Hours'?" in message
    assert "broken.md:1: summary: is missing" in message


def test_bad_scraped_records_are_skipped_not_fatal(tmp_path):
    content = sample_content(tmp_path / "content")
    write_scraped(content, "bad-source", [
        scraped_entry(),
        scraped_entry(slug="evil-link-x", apply_url="javascript:alert(1)"),
        {"slug": "half-a-record"},
        scraped_entry(slug="xss-body-x", apply_url="https://jobs.example.com/2",
                      description_html="<p>ok</p><script>alert(1)</script><a href='javascript:x'>x</a>"),
    ])
    (content / "scraped" / "garbage.json").write_text("{not json", encoding="utf-8")
    out = build_site(content, tmp_path / "out")
    assert (out / "postings/survey-analysis-sprint-openfields-a1b2c3/index.html").exists()
    assert not (out / "postings/evil-link-x").exists()
    assert not (out / "postings/half-a-record").exists()
    body = (out / "postings/xss-body-x/index.html").read_text()
    assert "<script>alert" not in body and "javascript:" not in body


def test_unchanged_rebuild_rewrites_no_generated_file(tmp_path):
    content = sample_content(tmp_path / "content")
    out = build_site(content, tmp_path / "out")
    generated = [p for p in out.rglob("*") if p.is_file() and "theme" not in p.parts]
    before = {p: p.stat().st_mtime_ns for p in generated}
    build_site(content, tmp_path / "out")
    changed = [p for p in generated if p.stat().st_mtime_ns != before[p]]
    # Pelican itself rewrites its pages/ output; everything the board writes is left alone.
    assert [p for p in changed if p.parts[-2] not in ("about", "post-a-project")] == []


def test_search_index_lists_open_entries(tmp_path):
    content = sample_content(tmp_path / "content")
    out = build_site(content, tmp_path / "out")
    data = json.loads((out / "search/entries.json").read_text())
    posting = data["paths"]["templates"]["posting"]  # how board.js makes them (format.js path)
    urls = {"/" + posting.replace("{slug}", row_slug(row)) for row in data["entries"]}
    board = (out / "index.html").read_text()
    assert urls and all(u.startswith("/postings/") for u in urls)
    assert f'href="/{posting.replace("{slug}", row_slug(data["entries"][0]))}"' in board


def test_editing_one_posting_rewrites_only_the_board_pages_that_show_it(tmp_path):
    """The filter form depends on the set of options, not on every entry (render cache)."""
    content = sample_content(tmp_path / "content")
    out = build_site(content, tmp_path / "out", BOARD_PER_PAGE=4)
    pages = sorted([out / "index.html", *out.glob("page/*/index.html")])
    assert len(pages) >= 4
    later = "".join(p.read_text() for p in pages[1:])  # a posting on a later page, not the first

    def title(path):
        return next(line for line in path.read_text().splitlines() if line.startswith("Title:"))

    posting = next(p for p in sorted((content / "samples" / "postings").glob("*.md")) if f">{title(p)[6:].strip()}</a>" in later)
    before = {p: (p.stat().st_mtime_ns, p.read_text()) for p in pages}
    keys = json.loads((tmp_path / "cache" / "board" / "render.json").read_text())["pages"]
    posting.write_text(posting.read_text().replace(title(posting), title(posting) + " (paid)"))
    build_site(content, tmp_path / "out", BOARD_PER_PAGE=4)
    rewritten = [p for p in pages if p.stat().st_mtime_ns != before[p][0]]
    assert len(rewritten) == 1, [str(p.relative_to(out)) for p in rewritten]
    assert " (paid)</a>" in rewritten[0].read_text()
    assert all(before[p][1] == p.read_text() for p in pages if p not in rewritten)
    # Rendered again (its cache key changed): the one board page that shows the posting.
    new_keys = json.loads((tmp_path / "cache" / "board" / "render.json").read_text())["pages"]
    board = {str(p.relative_to(out)) for p in pages}
    assert [k for k in sorted(board) if new_keys[k][0] != keys[k][0]] == [str(rewritten[0].relative_to(out))]


OUT_OF_RANGE = [
    pytest.param({"apply_by": "9999-12-31T23:59:59Z"}, "apply-by", id="deadline-year-9999"),
    pytest.param({"apply_by": "2031-01-01T00:00:00Z"}, "apply-by", id="deadline-four-years-away"),
    pytest.param({"posted": "0001-01-01T00:00:00Z"}, "posted", id="posted-year-1"),
    pytest.param({"compensation": {"min": 1e400, "max": 1e400, "currency": "USD", "unit": "total"}}, "pay",
                 id="amount-infinite"),
    pytest.param({"compensation": {"min": 5e7, "max": 5e7, "currency": "USD", "unit": "total"}}, "pay",
                 id="amount-fifty-million"),
    pytest.param({"apply_url": "https://jobs.еxample.com/bad"}, "apply-url", id="homoglyph-apply-host"),
    pytest.param({"organization": {"name": "OpenFields", "url": "https://openfiеlds.example.com"}}, "organization-url",
                 id="homoglyph-organization-host"),
]


@pytest.mark.parametrize("change, field", OUT_OF_RANGE)
def test_one_out_of_range_scraped_record_is_skipped_and_the_build_survives(tmp_path, caplog, change, field):
    """A far-future date once broke every build in the calendars; an inf amount every JSON file."""
    content = sample_content(tmp_path / "content")
    bad = scraped_entry(**{"slug": "bad-record-a1b2c3", "apply_url": "https://jobs.example.com/bad", **change})
    write_scraped(content, "example-board", [scraped_entry(), bad])
    out = build_site(content, tmp_path / "out")
    assert not (out / "postings" / "bad-record-a1b2c3").exists()
    assert (out / "postings" / "survey-analysis-sprint-openfields-a1b2c3" / "index.html").exists()
    assert any("bad-record-a1b2c3" in r.getMessage() and f"{field}:" in r.getMessage() for r in caplog.records)
    for path in [out / "search" / "entries.json", out / "feeds" / "all.json"]:
        json.loads(path.read_text(encoding="utf-8"), parse_constant=lambda c: pytest.fail(f"{path}: {c}"))


@pytest.mark.parametrize("header, field", [
    ("Apply-By: 9999-12-31", "apply-by"),
    ("Pay: " + "9" * 400 + " USD total", "pay"),
])
def test_out_of_range_posting_fails_validation_not_the_build(tmp_path, header, field):
    content = sample_content(tmp_path / "content")
    text = (content / "samples" / "postings" / "food-bank-donations-dashboard.md").read_text(encoding="utf-8")
    key = header.split(":")[0]
    text = "\n".join(header if line.startswith(key + ":") else line for line in text.splitlines()) + "\n"
    (content / "postings" / "far.md").write_text(text.replace("harvestshare.example.org/", "harvestshare.example.org/far/"),
                                                 encoding="utf-8")
    with pytest.raises(Exception) as info:
        build_site(content, tmp_path / "out")
    exc = info.value
    while not isinstance(exc, InvalidPostings) and exc.__cause__ is not None:
        exc = exc.__cause__
    assert isinstance(exc, InvalidPostings) and f"far.md:" in str(exc) and f": {field}:" in str(exc), str(exc)


def test_hand_edited_scraped_text_is_cleaned_again_on_the_way_in(tmp_path):
    """content/scraped/*.json is data in git, not trust: bidi, zero-width and line separators go."""
    content = sample_content(tmp_path / "content")
    dirty = scraped_entry(title="Survey\u202e analysis\u2028sprint\u200b", summary="Analyse\u0085 400 answers\u2060.",
                          organization={"name": "Open\u2060Fields\u061c", "url": "https://openfields.example.com"})
    write_scraped(content, "example-board", [dirty])
    out = build_site(content, tmp_path / "out")
    page = (out / "postings" / dirty["slug"] / "index.html").read_text(encoding="utf-8")
    for ch in ("\u202e", "\u2028", "\u200b", "\u0085", "\u2060", "\u061c"):
        assert ch not in page, f"U+{ord(ch):04X}"
    assert "Survey analysis sprint" in page and "OpenFields" in page
    ics = "".join(p.read_text(encoding="utf-8") for p in (out / "calendars").rglob("*.ics"))
    assert "\u2028" not in ics and "\u0085" not in ics


def test_an_employer_posting_and_its_scraped_copy_spelled_differently_are_one_entry(tmp_path, caplog):
    """www., a trailing slash and a tracking parameter do not make a second posting (board.identity)."""
    content = sample_content(tmp_path / "content")
    copy = scraped_entry(slug="food-bank-dashboard-copy-a1b2c3",
                         apply_url="http://www.harvestshare.example.org/volunteer/dashboard-project/?utm_source=feed")
    write_scraped(content, "example-board", [scraped_entry(), copy])
    out = build_site(content, tmp_path / "out")
    assert not (out / "postings" / "food-bank-dashboard-copy-a1b2c3").exists()
    assert (out / "postings" / "food-bank-donations-dashboard").exists()
    assert any("food-bank-dashboard-copy-a1b2c3: duplicate" in r.getMessage() for r in caplog.records)


def test_pelican_command_line_prints_the_validator_lines_not_a_traceback(tmp_path):
    """Issue 18 (item 13): ``make html`` printed a Pelican traceback around every message, and
    rich wrapped each ``path:line:`` line at the terminal's width."""
    content = sample_content(tmp_path / "content")
    (content / "postings" / "broken.md").write_text("Title: Broken\nHourz: 10\n\nBody\n", encoding="utf-8")
    done = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "pelican"), str(content), "-o", str(tmp_path / "out"),
         "-s", str(ROOT / "pelicanconf.py"), "-e", f'BOARD_NOW="{NOW}"', f'CACHE_PATH="{tmp_path / "cache"}"'],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "60"})
    out = done.stdout + done.stderr
    assert done.returncode == 1
    assert "Traceback" not in out and "CRITICAL" not in out
    lines = out.splitlines()
    assert f"{content}/postings/broken.md:2: hourz: unknown key; did you mean 'Hours'? (expected one of: " \
           "title, organization," in "\n".join(lines)  # one line, however narrow the terminal
    assert any(line.startswith(f"{content}/postings/broken.md:1: summary: is missing") for line in lines)


#: What a hand edit can hide in a scraped description: line and paragraph separators, NEL, bidi
#: overrides and isolates, zero-width and other invisible characters (issue #18, item 12).
HIDDEN = ("\u2028", "\u2029", "\u0085", "\u202e", "\u2066", "\u2069", "\u200b", "\u200f", "\u2060", "\ufeff",
          "\u061c", "\u00ad", "\u180e", "\U000e0041")


def test_hand_edited_scraped_description_is_cleaned_again_everywhere_it_goes(tmp_path):
    """Pages, feeds, JSON-LD, search and calendars all take the description from the re-cleaned entry."""
    content = sample_content(tmp_path / "content")
    body = ("<p>A 20-hour\u2028project,\u2029100%\u0085remote, paid \u202e500 USD\u202c on completion.</p>"
            "<p>Apply\u200b now\u2060: \u2066the\u2069 team\ufeff reads\u00ad every\u180e answer\u200f\U000e0041.</p>"
            "<p>As&#x2028;entities&#8233;too&#x202E;&#x200b;.</p>")
    dirty = scraped_entry(description_html=body,
                          source={**scraped_entry()["source"], "jsonld": True})
    write_scraped(content, "example-board", [dirty])
    out = build_site(content, tmp_path / "out")
    page = (out / "postings" / dirty["slug"] / "index.html").read_text(encoding="utf-8")
    assert "A 20-hour project, 100% remote, paid 500 USD on completion." in page
    assert "application/ld+json" in page and "Apply now: the team reads every answer." in page
    assert "As entities too." in page
    files = [p for p in out.rglob("*") if p.suffix in (".html", ".xml", ".json", ".ics", ".txt")]
    assert len(files) > 50 and any(p.suffix == ".ics" for p in files)
    for path in files:
        text = path.read_text(encoding="utf-8")
        found = [f"U+{ord(ch):04X}" for ch in HIDDEN if ch in text]
        assert not found, f"{path.relative_to(out)}: {found}"


def test_prose_deadline_of_a_scraped_record_reaches_the_board(tmp_path):
    """A closing date said only in a scraped posting's text ("Applications close 15 January 2027"):
    the real Greenhouse adapter, curation and storage write it as the entry's deadline, and the
    built board shows it on the posting's page and in the "Closing soon"-aware search index."""
    from board.entry import parse_datetime
    from board.policy import load_policy
    from scrapers import adapters
    from scrapers.curation import CurationRules, curate
    from scrapers.record import SourceConfig
    from scrapers.storage import Store
    from tests.scrapers.support import greenhouse_with_prose_deadline

    now = parse_datetime(NOW)
    src = SourceConfig("greenhouse-acme", "greenhouse", "https://boards-api.greenhouse.io/v1/boards/acme/jobs",
                       organization="Acme Analytics", attribution="Posted on Acme Analytics's careers board (Greenhouse)")
    body = greenhouse_with_prose_deadline("15 January 2027")
    decisions = [curate(r, src, CurationRules(), load_policy(ROOT / "board.toml"), now)
                 for r in adapters.parse(adapters.get("greenhouse"), body, src)]
    [entry] = [d.entry for d in decisions if d.keep]
    content = tmp_path / "content"
    Store(content / "scraped").save_entries(src.name, [entry], now)
    stored = json.loads((content / "scraped" / "greenhouse-acme.json").read_text())["entries"]
    assert [e["apply_by"] for e in stored] == ["2027-01-15T23:59:59Z"]
    out = build_site(content, tmp_path / "out")
    page = (out / "postings" / entry.slug / "index.html").read_text()
    assert '<time datetime="2027-01-15T23:59:59Z" data-countdown>Closes 15 January 2027</time>' in page
    assert f'data-slug="{entry.slug}"' in (out / "index.html").read_text()
