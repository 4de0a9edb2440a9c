"""board/catalog.py: posting, programme and scraped files in a content folder become one
Catalog; an employer's posting beats its scraped copy; a broken scraped record is skipped
and reported while the rest loads; parsed files are cached by path and bytes, not by day."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import markdown
import nh3
import pytest

from board.catalog import InvalidPostings, build_catalog, load_catalog, load_postings, load_scraped
from board.entry import check
from board.identity import url_key
from tests.board.board_testkit import NOW, POLICY, line_of, make_posting
from tests.site.conftest import scraped_entry, write_scraped

#: A programme file valid as of NOW (verified before it, open all year round).
PROGRAMME = """\
Title: Example College Micro-Internships
Organization: Example College
Summary: Paid winter-break projects for Example College students.
Hours: 25-45
Pay: 15 USD per hour
Schedule: rolling
Students: enrolled
Work-Authorization: unstated
Apply-URL: https://college.example.edu/micro
Source-URL: https://college.example.edu/micro
Verified: 2026-11-20

A programme.
"""

EMPLOYER_URL = "https://harvestshare.example.org/jobs/dashboard"


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """Two employer postings (one past its Apply-By), one programme, one scraped source."""
    root = tmp_path / "content"
    write(root / "postings", "donations-dashboard.md", make_posting())
    write(root / "postings", "old-survey.md", make_posting(
        Title="Clean up an old survey", Apply_URL="https://harvestshare.example.org/jobs/survey",
        Apply_By="2026-11-20", Posted="2026-11-01"))
    write(root / "programmes", "example-college.md", PROGRAMME)
    write_scraped(root, "example-board", [scraped_entry()])
    return root


def test_load_catalog_reads_postings_programmes_and_scraped_files(content: Path):
    catalog = load_catalog(content, POLICY, NOW)

    assert [e.slug for e in catalog.open] == ["survey-analysis-sprint-openfields-a1b2c3", "donations-dashboard"]
    assert [e.slug for e in catalog.closed] == ["old-survey"]
    employer, scraped = catalog.open[1], catalog.open[0]
    assert (employer.title, employer.organization.name, employer.apply_url) == (
        "Build a donations dashboard", "Harvest Share", EMPLOYER_URL)
    assert (scraped.title, scraped.source.name, scraped.apply_url) == (
        "Survey analysis sprint", "example-board", "https://jobs.example.com/openfields/123")
    assert [p.title for p in catalog.programmes] == ["Example College Micro-Internships"]
    assert [p.title for p in catalog.open_programmes] == ["Example College Micro-Internships"]
    assert all(p.slug not in {e.slug for e in catalog.all} for p in catalog.programmes)  # postings stay postings
    assert catalog.warnings == []


def test_an_empty_content_folder_is_an_empty_catalog(tmp_path: Path):
    catalog = load_catalog(tmp_path / "content", POLICY, NOW)
    assert (catalog.open, catalog.closed, catalog.programmes, catalog.warnings) == ([], [], [], [])


@pytest.mark.parametrize("copy_url", [
    EMPLOYER_URL,
    "https://www.harvestshare.example.org/jobs/dashboard/",
    "http://harvestshare.example.org:443/Jobs/Dashboard?utm_source=feed#apply",
])
def test_an_employers_posting_wins_over_its_scraped_copy(content: Path, copy_url: str):
    assert url_key(copy_url) == url_key(EMPLOYER_URL)
    write_scraped(content, "example-board", [scraped_entry(apply_url=copy_url)])

    catalog = load_catalog(content, POLICY, NOW)

    assert [e.slug for e in catalog.open] == ["donations-dashboard"]
    assert catalog.open[0].source.kind != "scraper"
    assert catalog.warnings == ["example-board: survey-analysis-sprint-openfields-a1b2c3: duplicate of an "
                                "entry already on the board; skipped"]


def test_a_closed_scraped_copy_of_the_same_url_is_kept(tmp_path: Path):
    """Only open entries compete for an apply URL: a closed copy stays as history."""
    write(tmp_path / "postings", "donations-dashboard.md", make_posting())
    postings = load_postings(tmp_path / "postings", POLICY, NOW)
    write_scraped(tmp_path, "example-board", [scraped_entry(apply_url=EMPLOYER_URL, status="closed")])
    scraped, warnings = load_scraped(tmp_path / "scraped", POLICY, NOW)
    assert warnings == [] and len(scraped) == 1
    catalog = build_catalog(postings, scraped, NOW)
    assert sorted(e.slug for e in catalog.all) == ["donations-dashboard", "survey-analysis-sprint-openfields-a1b2c3"]
    assert catalog.warnings == []


def test_a_broken_scraped_record_is_skipped_and_reported_and_the_rest_loads(content: Path):
    good = scraped_entry()
    broken = scraped_entry(slug="broken-one-d4e5f6", apply_url="https://jobs.example.com/openfields/124")
    del broken["title"]
    unsafe = scraped_entry(slug="unsafe-link-a7b8c9", apply_url="javascript:alert(1)")
    write_scraped(content, "example-board", [broken, good, unsafe])
    path = content / "scraped" / "example-board.json"

    catalog = load_catalog(content, POLICY, NOW)

    assert "survey-analysis-sprint-openfields-a1b2c3" in [e.slug for e in catalog.open]
    assert not {"broken-one-d4e5f6", "unsafe-link-a7b8c9"} & {e.slug for e in catalog.all}
    assert len(catalog.warnings) == 2
    assert catalog.warnings[0].startswith(f"{path}: entry 0: ") and catalog.warnings[0].endswith("; skipped")
    assert catalog.warnings[1].startswith(f"{path}: unsafe-link-a7b8c9: ") and "apply" in catalog.warnings[1]


@pytest.mark.parametrize("text", ["{not json", json.dumps({"source": "x"}), json.dumps([1, 2])])
def test_an_unreadable_scraped_file_is_skipped_and_reported(content: Path, text: str):
    write(content / "scraped", "hand-edited.json", text)
    catalog = load_catalog(content, POLICY, NOW)
    assert catalog.warnings and catalog.warnings[0].startswith(f"{content / 'scraped' / 'hand-edited.json'}: "
                                                               "unreadable (")
    assert "survey-analysis-sprint-openfields-a1b2c3" in [e.slug for e in catalog.open]


def test_scraped_text_is_cleaned_again_on_load(content: Path):
    write_scraped(content, "example-board", [scraped_entry(
        title="Survey\u202e analysis\u200b sprint",
        description_html='<p onclick="x()">Paid.</p><script>alert(1)</script>')])
    (entry,), warnings = load_scraped(content / "scraped", POLICY, NOW)
    assert warnings == []
    assert entry.title == "Survey analysis sprint"
    assert "script" not in entry.description_html and "onclick" not in entry.description_html
    assert "Paid." in entry.description_html


def test_an_invalid_posting_stops_the_load_with_file_line_and_message(content: Path):
    text = make_posting(Apply_URL="https://harvestshare.example.org/x", Pay="lots")
    path = write(content / "postings", "bad-pay.md", text)
    with pytest.raises(InvalidPostings) as caught:
        load_catalog(content, POLICY, NOW)
    assert caught.value.errors == [f"{path}:{line_of(text, 'Pay')}: pay: cannot read 'lots' (expected e.g. "
                                   "600 USD total, 500-700 EUR total or 25 GBP per hour)"]


def test_two_postings_with_one_apply_url_are_refused(content: Path):
    """The same url_key as for scraped copies: two files for one link are one posting twice."""
    copy = write(content / "postings", "copy.md", make_posting(
        Title="Same job again", Apply_URL="https://www.harvestshare.example.org/jobs/dashboard/"))
    with pytest.raises(InvalidPostings) as caught:
        load_catalog(content, POLICY, NOW)
    (error,) = caught.value.errors
    first = content / "postings" / "donations-dashboard.md"
    assert error == f"{first}:1: apply-url: same apply URL as {copy} (expected one posting per application link)"


def test_the_cache_skips_unchanged_files_and_rereads_changed_ones(content: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    folder = content / "postings"
    path = folder / "donations-dashboard.md"
    first = load_postings(folder, POLICY, NOW, cache)
    assert (cache / "postings.pickle").is_file()
    assert load_postings(folder, POLICY, NOW, cache) == first

    # The key is the file's bytes, not its size and mtime: an edit that keeps both is read.
    stat = path.stat()
    path.write_text(make_posting(Title="Build a donations dashboarD"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    titles = [e.title for e in load_postings(folder, POLICY, NOW, cache)]
    assert "Build a donations dashboarD" in titles and len(titles) == 2


@pytest.fixture
def converters(monkeypatch) -> dict[str, int]:
    """Calls of the real Markdown converter and of nh3's sanitizer, counted by wrappers
    around them (both still do their work)."""
    calls = {"markdown": 0, "nh3": 0}
    convert, clean = markdown.Markdown.convert, nh3.clean

    def counted_convert(self, text):
        calls["markdown"] += 1
        return convert(self, text)

    def counted_clean(*args, **kwargs):
        calls["nh3"] += 1
        return clean(*args, **kwargs)

    monkeypatch.setattr(markdown.Markdown, "convert", counted_convert)
    monkeypatch.setattr(nh3, "clean", counted_clean)
    return calls


def test_the_next_day_from_a_warm_cache_is_that_days_cold_load_without_markdown(
        content: Path, tmp_path: Path, converters: dict[str, int]):
    """The daily build: the cache of yesterday's build gives exactly today's cold catalog
    (a posting whose Apply-By was yesterday is closed now, a sample moved on by a day) and
    neither Markdown nor the sanitizer runs again."""
    write(content / "postings", "closes-today.md", make_posting(
        Title="Tidy a volunteer rota", Apply_URL="https://harvestshare.example.org/jobs/rota",
        Apply_By=NOW.date().isoformat(), Posted="2026-11-20"))
    write(content / "samples" / "postings", "sample-rota.md", make_posting(
        Title="Sample rota", Apply_URL="https://sample.example.org/jobs/rota", Apply_By="2026-11-30"))
    cache = tmp_path / "cache"
    today = load_catalog(content, POLICY, NOW, cache_dir=cache, with_samples=True)
    assert "closes-today" in [e.slug for e in today.open]
    tomorrow = NOW + timedelta(days=1)
    cold = load_catalog(content, POLICY, tomorrow, with_samples=True)
    assert converters["markdown"] > 0 and converters["nh3"] > 0  # the wrappers see the real calls

    converters.update(markdown=0, nh3=0)
    warm = load_catalog(content, POLICY, tomorrow, cache_dir=cache, with_samples=True)
    assert converters == {"markdown": 0, "nh3": 0}
    assert (warm.open, warm.closed, warm.programmes, warm.warnings) == (
        cold.open, cold.closed, cold.programmes, cold.warnings)
    assert "closes-today" in [e.slug for e in warm.closed]
    (sample,) = [e for e in warm.open if e.slug == "sample-rota"]
    assert sample.apply_by.date().isoformat() == "2026-12-01"  # written as of AS_OF, a day on


def test_a_cached_posting_invalid_on_the_build_day_reports_a_cold_loads_problems(content: Path, tmp_path: Path):
    """A clock set back (Posted is then in the future) fails a cached entry as it fails a fresh
    parse: the same file, line and message, not a stale entry."""
    write(content / "postings", "fresh.md", make_posting(
        Title="Sort a fresh survey", Apply_URL="https://harvestshare.example.org/jobs/fresh", Posted="2026-11-26"))
    cache = tmp_path / "cache"
    load_catalog(content, POLICY, NOW, cache_dir=cache)
    earlier = NOW - timedelta(days=3)
    with pytest.raises(InvalidPostings) as cold:
        load_catalog(content, POLICY, earlier)
    with pytest.raises(InvalidPostings) as warm:
        load_catalog(content, POLICY, earlier, cache_dir=cache)
    assert warm.value.errors == cold.value.errors
    assert any("fresh.md" in e and "posted" in e for e in warm.value.errors)


def test_a_corrupt_cache_is_a_miss(content: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "postings.pickle").write_bytes(b"not a pickle")
    (cache / "scraped.pickle").write_bytes(b"\x80\x04garbage")
    cold = load_catalog(content, POLICY, NOW)
    warm = load_catalog(content, POLICY, NOW, cache_dir=cache)
    assert [e.slug for e in warm.all] == [e.slug for e in cold.all] and warm.all


def test_cached_scraped_files_keep_their_warnings(content: Path, tmp_path: Path):
    broken = scraped_entry(slug="broken-one-d4e5f6")
    del broken["title"]
    write_scraped(content, "example-board", [scraped_entry(), broken])
    cache = tmp_path / "cache"
    first = load_scraped(content / "scraped", POLICY, NOW, cache)
    second = load_scraped(content / "scraped", POLICY, NOW, cache)
    assert (cache / "scraped.pickle").is_file()
    assert len(first[1]) == 1 and "entry 1" in first[1][0]
    assert [e.slug for e in second[0]] == [e.slug for e in first[0]] == ["survey-analysis-sprint-openfields-a1b2c3"]
    assert second[1] == first[1]



def _passes_from(entry, days: list, **kw) -> list[bool]:
    return [not check(entry, POLICY, day, allow_expired=True, **kw) for day in days]


def test_the_date_rules_never_refuse_on_a_later_day_what_they_passed_on_an_earlier_one():
    """The catalog's caches trust an entry that passed as of an earlier "now" (``check``'s
    docstring): every date rule may refuse a date too far ahead of "now", none one left behind.

    Postings and a programme with dates from years before to years after a run of days
    (posted, deadline, updated, verified), checked on each day: once one passes, it passes
    on every later day. Some fail early and pass later, so the rules that read "now" are in play.
    """
    from board.programme import parse_programme
    from board.posting import parse_posting

    days = [NOW + timedelta(days=d) for d in range(-1200, 1300, 50)] + [NOW + timedelta(hours=h) for h in range(-48, 49, 6)]
    days.sort()
    base, problems = parse_posting(Path("p.md"), POLICY, NOW, text=make_posting())
    programme, programme_problems = parse_programme(Path("content/programmes/x.md"), POLICY, NOW, text=PROGRAMME)
    assert base and programme and not problems and not programme_problems
    offsets = [timedelta(days=d) for d in (-1500, -400, -30, -1, 0, 1, 2, 30, 400, 1100, 1500)]
    variants = [replace(base, posted=NOW + p, apply_by=NOW + p + a, updated=NOW + p + u)
                for p in offsets for a in offsets[5:] for u in (timedelta(0), timedelta(days=3))]
    variants += [replace(programme, programme=replace(programme.programme, verified=NOW + v)) for v in offsets]
    late_starters = 0
    for entry in variants:
        for https_only in (True, False):  # as postings and as scraped records are checked
            passes = _passes_from(entry, days, https_only=https_only)
            first = passes.index(True) if True in passes else len(passes)
            assert all(passes[first:]), (entry.posted, entry.apply_by, days[first + passes[first:].index(False)])
            late_starters += 0 < first < len(passes)
    assert late_starters > 0
