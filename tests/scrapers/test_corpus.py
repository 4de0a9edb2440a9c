"""Every real recorded payload in ../shared through its adapter and curation, in place.

../shared sits beside the repository in the team workspace and in CI; a fresh clone has
none, so everything here skips with a reason. Nothing from ../shared is copied into the repo.
Run with ``-s`` (or see the printed table) for per-payload record and kept counts.
"""

from __future__ import annotations

import collections
import json
import re

import pytest

from scrapers import adapters, normalize
from scrapers.curation import CurationRules, curate
from scrapers.record import ParseError, SourceConfig
from board.entry import Compensation, Hours

from .corpus import BAD_FEEDS, PAYLOADS, SKIP_REASON, bodies, kind_for, payload_files
from .support import NOW, POLICY

pytestmark = [pytest.mark.corpus, pytest.mark.skipif(not PAYLOADS.is_dir(), reason=SKIP_REASON)]

#: ATS boards do not name the employer in each record; sources.toml gives it, and so do we.
NEEDS_ORG = {"greenhouse", "lever", "ashby", "workable"}
#: Records each real payload holds (from INDEX.tsv and a count of the items in each file).
EXPECTED = {
    "MoaviaMahmood__Arbeitnow-Jobs-ETL-Pipeline__bronze_jobs.json": 100,
    "lubobali__aws-job-streamer__ashby_jobs.json": 4,
    "grnhse__greenhouse_io__job_with_questions.yml#0": 1,
    "grnhse__greenhouse_io__jobs.yml#0": 2,
    "grnhse__greenhouse_io__jobs_with_content.yml#0": 2,
    "lubobali__aws-job-streamer__greenhouse_jobs.json": 4,
    "omoji-personal__careerkit__greenhouse.json": 2,
    "ikevinxie__remote-jobs-collector__himalayas.json": 4,
    # top-level comments with a "Company | Role" line (301), plus the posts without one that name a
    # company in their lead phrase or link, or at least read like a post (curation reviews those)
    "nacefmoula__internship-hunter__hn_comments.json": 314,
    "nacefmoula__internship-hunter__hn_search.json": 0,  # story hits: the monthly threads, not postings
    "go-api-libs__jobicy__2024-12-05.yaml#0": 8,
    "dinie__coverletterer__indeed_job.html": 1,
    "omoji-personal__careerkit__teamtailor.json": 2,
    "lubobali__aws-job-streamer__lever_postings.json": 4,
    "omoji-personal__careerkit__lever.json": 2,
    "omoji-personal__careerkit__recruitee.json": 2,
    "nacefmoula__internship-hunter__remoteok.json": 99,
    "nacefmoula__internship-hunter__remotive.json": 18,
    "N0teveryth1ng__Atlas_OPS__smartrecruiters.json#normal.listing": 1,
    "N0teveryth1ng__Atlas_OPS__smartrecruiters.json#normal": 1,
    "ikevinxie__remote-jobs-collector__wwr.xml": 4,
    "N0teveryth1ng__Atlas_OPS__workable.json#normal": 1,
    "N0teveryth1ng__Atlas_OPS__workable.json#empty": 0,
}
UNSAFE_HTML = re.compile(r"<script|<iframe|<object|<embed|<form|<img|<svg|<style|javascript:|vbscript:|data:|"
                         r"\son[a-z]+\s*=|style\s*=|href\s*=\s*[\"']?(?!https?://|mailto:)", re.I)

FILES = [p for p in payload_files() if p.name != "INDEX.tsv"]


def source_for(kind: str) -> SourceConfig:
    return SourceConfig(name=f"corpus-{kind}", kind=kind, url="https://example.org/corpus",
                        organization="Corpus Employer" if kind in NEEDS_ORG else None)


def run(body, kind):
    return adapters.parse(adapters.get(kind), body.data, source_for(kind), body.headers)


@pytest.mark.parametrize("path", FILES, ids=[p.name[:60] for p in FILES])
def test_real_payload_parses_with_title_organization_url(path):
    kind = kind_for(path)
    for body in bodies(path):
        if not body.recorded:  # a wrapper's synthetic failure case: a clear ParseError at most
            try:
                run(body, kind)
            except ParseError:
                pass
            continue
        records = run(body, kind)  # a real response: no exception at all
        if body.label in EXPECTED:
            assert len(records) == EXPECTED[body.label], body.label
        for r in records:
            assert r.title.strip() and (r.organization or "").strip(), (body.label, r.source_id)
            assert normalize.safe_url(r.url), (body.label, r.url)


def test_real_payload_summary_and_curation_never_crashes(capsys):
    """Per payload: records, kept, and reasons (printed). Real data holds no micro-internship."""
    table, totals = [], collections.Counter()
    for path in FILES:
        kind = kind_for(path)
        for body in bodies(path):
            if not body.recorded:
                continue
            records = run(body, kind)
            reasons = collections.Counter(curate(r, source_for(kind), CurationRules(), POLICY, NOW).reason
                                          for r in records)
            kept = sum(n for code, n in reasons.items() if code.startswith(("KEPT", "FORCED")))
            totals.update(reasons)
            table.append(f"{body.label[:62]:62} {kind:15} records={len(records):3} kept={kept}  "
                         + ", ".join(f"{c}={n}" for c, n in reasons.most_common()))
    with capsys.disabled():
        print("\n" + "\n".join(table))
        print("TOTAL " + ", ".join(f"{c}={n}" for c, n in totals.most_common()))
    assert sum(totals.values()) >= 500
    assert totals["KEPT_MICRO"] == 0  # precision: none of ~560 real records is a micro-internship


# ---- hostile feeds from feedparser's own test suite ------------------------------------------

def _manifest() -> dict[str, dict]:
    path = BAD_FEEDS / "MANIFEST.jsonl"
    if not path.exists():
        return {}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row["file"]: row for row in map(json.loads, lines)}


BAD = sorted(p for p in BAD_FEEDS.glob("*") if p.is_file() and p.name != "MANIFEST.jsonl") if BAD_FEEDS.is_dir() else []


@pytest.mark.parametrize("path", BAD, ids=[p.name for p in BAD])
def test_bad_feed_only_parse_error_and_nothing_unsafe_survives(path):
    headers = _manifest().get(path.name, {}).get("headers") or {}
    src = SourceConfig(name="badfeed", kind="feed", url="https://example.org/feed.xml")
    try:
        records = list(adapters.get("feed").parse(path.read_bytes(), src, headers=headers))
    except ParseError:
        return
    for r in records:
        e = normalize.to_entry(r, src, NOW, hours=Hours(20, 20), compensation=Compensation(400, 400, "USD"))
        assert not UNSAFE_HTML.search(e.description_html), (path.name, e.description_html[:300])
        for url in (e.apply_url, e.source.url, e.organization.url):
            assert url is None or re.match(r"https?://", url), (path.name, url)
        for text in (e.title, e.organization.name, e.summary):
            assert "<script" not in text.lower()
        curate(r, src, CurationRules(), POLICY, NOW)  # must not raise
