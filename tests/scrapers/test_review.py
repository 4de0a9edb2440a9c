"""The review queue: written by a real run, read and decided by ``python -m scrapers review``.

Every test works on real files in a tmp folder; the run fetches from a local server on
127.0.0.1 through the real Remotive adapter and the real curation. The clock is passed in.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from scrapers import review
from scrapers.__main__ import main
from scrapers.curation import load_rules

from .test_run import write_config

DEV = Path(__file__).resolve().parent / "curation_dev" / "remotive"
NOW = "2026-11-26T12:00:00Z"
LATER = "2026-11-27T12:00:00Z"
T0 = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)


def payload(*cases: str) -> dict:
    """One Remotive payload holding the jobs of these development-set cases."""
    jobs = [job for case in cases for job in json.loads((DEV / f"{case}.json").read_text())["jobs"]]
    return {"0-legal-notice": "test", "job-count": len(jobs), "jobs": jobs}


def scrape(server, tmp_path: Path, now: str, *extra: str) -> int:
    cfg = write_config(tmp_path / "sources.toml", {"name": "rev-src", "kind": "remotive",
                                                  "url": server.url_for("/api/remote-jobs"), "min_delay": 0,
                                                  "attribution": "Remotive"})
    return main(["--config", str(cfg), "--out", str(tmp_path / "out"), "--now", now, "--no-progress", *extra])


def test_run_queues_review_records_keeps_other_kinds_and_a_maintainer_accepts(server, tmp_path, capsys):
    server.expect_request("/api/remote-jobs").respond_with_json(payload("hours-unstated", "daily-and-weeks"))
    out = tmp_path / "out"
    assert scrape(server, tmp_path, NOW, "--explain") == 0
    printed = capsys.readouterr().out
    assert "rev-src\tREVIEW\tREVIEW_HOURS_UNSTATED" in printed and "evidence:" in printed
    queue_file = out / "review" / "rev-src.json"
    data = json.loads(queue_file.read_text())
    assert data["source"] == "rev-src" and len(data["items"]) == 1
    item = data["items"][0]
    assert item["kind"] == "record" and item["reason"] == "REVIEW_HOURS_UNSTATED" and item["key"].startswith("rev-src:")
    assert item["first_queued"] == item["last_seen"] == NOW
    assert item["facts"]["pay"]["min"] == 250 and "pay" in item["evidence"]
    published = json.loads((out / "rev-src.json").read_text())["entries"]
    assert item["title"] not in {e["title"] for e in published}  # a review record is never published

    # the page watcher shares the file through the same two functions
    watcher = {"key": "page:riipen-labs", "kind": "page-change", "title": "Riipen Labs", "diff": "- 30 h\n+ 35 h"}
    review.write_queue(out, "rev-src", [*review.load_queue(out, "rev-src"), watcher], T0)
    assert scrape(server, tmp_path, LATER) == 0
    items = {i["key"]: i for i in review.load_queue(out, "rev-src")}
    assert set(items) == {item["key"], "page:riipen-labs"}
    assert items[item["key"]]["first_queued"] == NOW and items[item["key"]]["last_seen"] == LATER
    capsys.readouterr()

    assert main(["review", "--out", str(out)]) == 0
    listing = capsys.readouterr().out
    assert item["key"] in listing and "REVIEW_HOURS_UNSTATED" in listing and "page-change" in listing

    cur = tmp_path / "curation.toml"
    cur.write_text("# maintainers' rows\n")
    assert main(["review", "accept", item["key"], "--out", str(out), "--curation", str(cur)]) == 2
    assert "needs the hours" in capsys.readouterr().err
    assert main(["review", "accept", item["key"], "--hours", "10", "--reason", "employer says 10 h",
                 "--out", str(out), "--curation", str(cur), "--now", LATER]) == 0
    rules = load_rules(cur)
    assert rules.include[0].id == item["key"] and rules.include[0].hours.max == 10
    assert rules.include[0].pay.min == 250 and rules.include[0].reason == "employer says 10 h"
    assert [i["key"] for i in review.load_queue(out, "rev-src")] == ["page:riipen-labs"]

    assert scrape(server, tmp_path, LATER, "--curation", str(cur)) == 0  # now kept, and not queued again
    published = json.loads((out / "rev-src.json").read_text())["entries"]
    assert item["title"] in {e["title"] for e in published}
    assert [i["key"] for i in review.load_queue(out, "rev-src")] == ["page:riipen-labs"]


def test_decline_writes_an_exclude_row_and_bad_facts_never_reach_the_file(tmp_path):
    out = tmp_path / "out"
    items = [{"key": "src-a:2", "title": "B"}, {"key": "src-a:1", "title": "A", "facts": {"hours": [20, 20]}}]
    assert review.write_queue(out, "src-a", items, T0)
    assert [i["key"] for i in review.load_queue(out, "src-a")] == ["src-a:1", "src-a:2"]  # sorted by key
    assert not review.write_queue(out, "src-a", items, T0)  # unchanged: no write
    cur = tmp_path / "curation.toml"
    row = review.decide_item(out, cur, "src-a:2", False, "not a micro-internship", T0)
    assert row.startswith("[[exclude]]") and load_rules(cur).exclude[0].id == "src-a:2"
    with pytest.raises(ValueError, match="pay must"):
        review.parse_pay("lots")
    with pytest.raises(ValueError, match="unknown currency"):
        review.decide_item(out, cur, "src-a:1", True, "", T0, pay={"min": 5, "max": 5, "currency": "XXQ", "unit": "total"})
    assert "XXQ" not in cur.read_text() and [i["key"] for i in review.load_queue(out, "src-a")] == ["src-a:1"]
    with pytest.raises(KeyError):
        review.decide_item(out, cur, "src-a:404", False, "", T0)
    assert review.parse_pay("20-25 eur hour") == {"min": 20, "max": 25, "currency": "EUR", "unit": "hour"}
    assert review.write_queue(out, "src-a", [], T0) and not (out / "review" / "src-a.json").exists()


@pytest.mark.parametrize("name", ["../x", "A B", ""])
def test_queue_file_names_are_checked(tmp_path, name):
    with pytest.raises(ValueError):
        review.queue_path(tmp_path, name)


def test_a_hostile_queue_file_reads_as_empty(tmp_path):
    path = tmp_path / "review" / "src-b.json"
    path.parent.mkdir()
    path.write_text('{"items": [1, "x", {"no": "key"}, {"key": 5}]')
    assert review.load_queue(tmp_path, "src-b") == []
    path.write_text('{"items": [1, {"key": "src-b:1"}]}')
    assert review.load_queue(tmp_path, "src-b") == [{"key": "src-b:1"}]


def test_pull_request_body_lists_the_new_candidates(tmp_path, capsys):
    out = tmp_path / "out"
    review.write_queue(out, "src-c", [{"key": "src-c:1", "title": "Survey | design", "reason": "REVIEW_PAY_UNSTATED",
                                       "facts": {"hours": [10, 10], "remote": True, "pay": None}},
                                      {"key": "src-c:2", "title": "Old one"}], T0)
    summary = tmp_path / "shard-1.json"
    summary.write_text(json.dumps({"sources": [{"name": "src-c", "queued": ["src-c:1"]}, {"name": "x"}]}))
    assert main(["review", "--out", str(out), "--pr-body", str(summary), str(tmp_path / "missing.json")]) == 0
    body = capsys.readouterr().out
    assert "1 new candidate(s) this run; 2 item(s)" in body and "src-c:1" in body and "src-c:2" not in body
    assert "Survey \\| design" in body and "hours=[10, 10]" in body and "review accept KEY" in body
    summary.write_text(json.dumps({"sources": [{"name": "src-c", "queued": []}]}))
    assert main(["review", "--out", str(out), "--pr-body", str(summary)]) == 3
