"""Watched programme pages (kind "page") through the real run path: ``python -m scrapers``'s
``main`` with a sources file pointing at recorded pages served on 127.0.0.1.

The fixtures in tests/fixtures/pages are one invented career-centre page in three versions:
v1, v2 with a meaningful change (applications open, a new pay floor, new footer dates) and
v3 = v2 with noise only (menu order, copyright and "last updated" lines, cookie banner,
scripts, cache-busting URLs, whitespace).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from werkzeug import Request, Response as WResponse

from scrapers import run as runner, storage, watch
from scrapers.__main__ import main
from scrapers.adapters import page as page_adapter
from scrapers.record import ParseError

REPO = Path(__file__).resolve().parents[2]
PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
NOW = "2026-11-26T12:00:00Z"
LATER = ["2026-11-27T12:00:00Z", "2026-11-28T12:00:00Z", "2026-11-29T12:00:00Z", "2026-11-30T12:00:00Z"]


def fixture(name: str) -> bytes:
    return (PAGES / name).read_bytes()


class Site:
    """Serves one page whose body the test swaps, with an ETag, honouring If-None-Match."""

    def __init__(self, body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200):
        self.body, self.content_type, self.status = body, content_type, status

    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:12] + '"'

    def __call__(self, req: Request) -> WResponse:
        if self.status != 200:
            return WResponse("server trouble", status=self.status)
        if req.headers.get("If-None-Match") == self.etag():
            return WResponse(status=304, headers={"ETag": self.etag()})
        return WResponse(self.body, content_type=self.content_type, headers={"ETag": self.etag()})


def write_sources(path: Path, *sources: dict, max_bytes: int = 5_000_000) -> Path:
    lines = ["[http]", "backoff = 0.01", "retries = 1", "workers = 2", f"max_bytes = {max_bytes}",
             "allow_private_hosts = true", ""]
    for s in sources:
        lines.append("[[source]]")
        lines += [f"{k} = {json.dumps(v)}" for k, v in s.items()]
        lines.append("")
    path.write_text("\n".join(lines))
    return path


def page_source(name: str, url: str) -> dict:
    return {"name": name, "kind": "page", "url": url, "organization": "Northfield State University",
            "attribution": "Northfield State University Career Center", "min_delay": 0}


def scrape(cfg: Path, out: Path, now: str, tmp_path: Path) -> dict:
    summary = tmp_path / "summary.json"
    code = main(["--config", str(cfg), "--out", str(out), "--now", now, "--no-progress",
                 "--summary-json", str(summary), "--processes", "0"])
    assert code == 0
    return {s["name"]: s for s in json.loads(summary.read_text())["sources"]}


def queue_file(out: Path, name: str) -> Path:
    return out / "review" / f"{name}.json"


def requests_to(server, path: str):
    return [req for req, _ in server.log if req.path == path]


def test_first_run_meaningful_change_noise_304_and_failure(server, tmp_path):
    site = Site(fixture("programme-v1.html"))
    server.expect_request("/micro-internships/").respond_with_handler(site)
    out = tmp_path / "out"
    cfg = write_sources(tmp_path / "sources.toml", page_source("nsu-micro", server.url_for("/micro-internships/")))

    # 1. First run: the snapshot is stored, nothing is queued, no entry is published.
    first = scrape(cfg, out, NOW, tmp_path)["nsu-micro"]
    assert first["status"] == "ok" and first["queued"] == [] and "first snapshot" in first["reason"]
    state = storage.Store(out).load_state("nsu-micro")
    [snap] = state.snapshot.values()
    assert "Pay is at least $18 per estimated hour of work." in snap["lines"]
    assert not any("2025" in line and "©" in line for line in snap["lines"])
    assert not queue_file(out, "nsu-micro").exists() and not (out / "nsu-micro.json").exists()

    # 2. Unchanged: a conditional request, a 304, nothing queued, state bytes unchanged.
    state_before = storage.Store(out).state_path("nsu-micro").read_bytes()
    second = scrape(cfg, out, LATER[0], tmp_path)["nsu-micro"]
    assert second["status"] == "not-modified" and second["not_modified"] and second["queued"] == []
    assert requests_to(server, "/micro-internships/")[-1].headers["If-None-Match"] == site.etag()
    assert not queue_file(out, "nsu-micro").exists()

    # 3. A meaningful change: one item with a readable, plain-text diff; the snapshot moves.
    site.body = fixture("programme-v2.html")
    third = scrape(cfg, out, LATER[1], tmp_path)["nsu-micro"]
    assert third["status"] == "ok" and len(third["queued"]) == 1
    queue = json.loads(queue_file(out, "nsu-micro").read_text())
    assert queue["source"] == "nsu-micro"
    [item] = queue["items"]
    assert item["kind"] == "page-change" and item["url"] == server.url_for("/micro-internships/")
    assert item["title"] == "Micro-Internships | Career Center | Northfield State University"
    assert item["organization"] == "Northfield State University" and item["reason"] == "page-changed"
    assert item["first_queued"] == item["last_seen"] == LATER[1]
    assert item["detail"] == "2 line(s) added, 2 removed"
    assert item["diff"].splitlines() == [
        "- Pay is at least $18 per estimated hour of work.",
        "+ Pay is at least $20 per estimated hour of work.",
        "- The winter cohort runs from January 5 to January 30. Applications for the winter cohort will open "
        "in November.",
        "+ The winter cohort runs from January 5 to January 30. Applications for the winter cohort are now "
        "open. Apply on Handshake by December 12.",
    ]  # the footer's new "last updated" date and copyright year are not in it
    assert set(item) >= {"key", "facts", "evidence"} and item["evidence"]["http_status"] == 200
    assert storage.Store(out).state_path("nsu-micro").read_bytes() != state_before

    # 4. Noise only (menu order, footer dates, cookie text, scripts, whitespace): nothing queued.
    site.body = fixture("programme-v3.html")
    queue_before = queue_file(out, "nsu-micro").read_bytes()
    snapshot_before = storage.Store(out).load_state("nsu-micro").snapshot
    fourth = scrape(cfg, out, LATER[2], tmp_path)["nsu-micro"]
    assert fourth["status"] == "ok" and fourth["queued"] == [] and fourth["reason"] == ""
    assert queue_file(out, "nsu-micro").read_bytes() == queue_before
    assert storage.Store(out).load_state("nsu-micro").snapshot == snapshot_before

    # 5. A failing fetch changes nothing but the failure record.
    site.status = 503
    fifth = scrape(cfg, out, LATER[3], tmp_path)["nsu-micro"]
    assert fifth["status"] == "failed" and fifth["reason"].startswith("http-503")
    state = storage.Store(out).load_state("nsu-micro")
    assert state.snapshot == snapshot_before and state.last_error.startswith("http-503")
    assert queue_file(out, "nsu-micro").read_bytes() == queue_before
    assert not (out / "nsu-micro.json").exists()


def test_the_queue_keeps_other_items_sorted_and_a_later_change_is_a_second_item(server, tmp_path):
    site = Site(fixture("programme-v1.html"))
    server.expect_request("/p").respond_with_handler(site)
    out = tmp_path / "out"
    cfg = write_sources(tmp_path / "sources.toml", page_source("nsu", server.url_for("/p")))
    scrape(cfg, out, NOW, tmp_path)
    other = {"key": "a-record:1", "kind": "record", "title": "Someone else's item", "organization": "X",
             "url": "https://example.org/1", "reason": "low-confidence", "detail": "", "facts": {},
             "evidence": {}, "first_queued": NOW, "last_seen": NOW}
    watch.write_queue(out, "nsu", [other], watch_now())
    site.body = fixture("programme-v2.html")
    scrape(cfg, out, LATER[0], tmp_path)
    site.body = fixture("programme-v1.html")  # reverted: that is a change too
    scrape(cfg, out, LATER[1], tmp_path)
    items = json.loads(queue_file(out, "nsu").read_text())["items"]
    assert [i["key"] for i in items] == sorted(i["key"] for i in items)
    assert items[0] == other and [i["kind"] for i in items[1:]] == ["page-change", "page-change"]
    reverted = next(i for i in items[1:] if i["first_queued"] == LATER[1])
    assert "+ Pay is at least $18 per estimated hour of work." in reverted["diff"]


def test_python_m_scrapers_queues_the_change_in_a_real_process(server, tmp_path):
    """The command a maintainer and the cron job run, as a subprocess: first run, then v2."""
    site = Site(fixture("programme-v1.html"))
    server.expect_request("/p").respond_with_handler(site)
    out = tmp_path / "out"
    cfg = write_sources(tmp_path / "sources.toml", page_source("nsu", server.url_for("/p")))
    env = dict(os.environ, PYTHONPATH=str(REPO))

    def cli(now: str) -> str:
        done = subprocess.run([sys.executable, "-m", "scrapers", "--config", str(cfg), "--out", str(out),
                               "--now", now, "--no-progress", "--processes", "0"],
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "first snapshot of 1 page(s) stored" in cli(NOW)
    site.body = fixture("programme-v2.html")
    assert "queued 1 page change(s) for review" in cli(LATER[0])
    [item] = json.loads(queue_file(out, "nsu").read_text())["items"]
    assert "+ Pay is at least $20 per estimated hour of work." in item["diff"]


def test_shard_merge_carries_the_review_queue(tmp_path):
    base, shard = tmp_path / "base", tmp_path / "shard-1"
    base.mkdir()
    item = {"key": "page-change:https://e.example/#1", "kind": "page-change", "diff": "+ x"}
    watch.write_queue(shard, "nsu", [item], watch_now())
    merged = runner.merge_shards([shard], base, watch_now())
    assert str(queue_file(base, "nsu")) in merged.copied
    assert watch.load_queue(base, "nsu") == [{**item, "first_queued": "2026-11-26T12:00:00Z",
                                              "last_seen": "2026-11-26T12:00:00Z"}]


def watch_now():
    from board.entry import parse_datetime

    return parse_datetime(NOW)


HOSTILE = {
    "huge": (b"<html><body><p>" + b"Micro-internship news. " * 400_000 + b"</p></body></html>", "text/html",
             "too-large"),
    "wrong-type": (b"%PDF-1.7 binary programme leaflet", "application/pdf", "content-type"),
    "binary-as-html": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "text/html", "parse"),
    "script-shell": (b"<html><head><script>location='/app'</script></head><body><div id=root></div>"
                     b"<script>" + b"var x=1;" * 5000 + b"</script></body></html>", "text/html", "parse"),
    "huge-text": (b"<html><body>" + b"<p>Line of text that goes on and on.</p>" * 10_000 + b"</body></html>",
                  "text/html", "parse"),
    "element-bomb": (b"<html><body>" + b"<div class=menu>" * 40_000 + b"Applications open" + b"</div>" * 40_000
                     + b"</body></html>", "text/html", "parse"),
    "json-as-html": (b'{"jobs": [{"id": 1, "title": "not a page"}]}', "text/html", "parse"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_pages_are_skipped_and_reported_and_keep_the_snapshot(server, tmp_path, name):
    body, content_type, code = HOSTILE[name]
    site = Site(fixture("programme-v1.html"))
    server.expect_request("/p").respond_with_handler(site)
    server.expect_request("/good").respond_with_handler(Site(fixture("programme-v2.html")))
    out = tmp_path / "out"
    cfg = write_sources(tmp_path / "sources.toml", page_source("target", server.url_for("/p")),
                        page_source("steady", server.url_for("/good")), max_bytes=2_000_000)
    scrape(cfg, out, NOW, tmp_path)
    before = storage.Store(out).load_state("target").snapshot
    site.body, site.content_type = body, content_type
    result = scrape(cfg, out, LATER[0], tmp_path)
    assert result["target"]["status"] == "failed" and result["target"]["reason"].startswith(code)
    assert result["steady"]["status"] in ("ok", "not-modified")
    assert storage.Store(out).load_state("target").snapshot == before
    assert not queue_file(out, "target").exists()


def test_script_tags_and_markup_in_text_never_reach_the_queue(server, tmp_path):
    v1 = fixture("programme-v1.html")
    hostile = v1.replace(
        b"<h2>Who can apply</h2>",
        b"<h2>Who can apply</h2><script>alert('in content')</script><style>p{}</style>"
        b"<p>New: &lt;img src=x onerror=alert(1)&gt; &amp; <b>bold <i>unclosed <p>deadline is <u>soon"
        b"<iframe src=https://evil.example></iframe><!-- <script>x</script> -->")
    site = Site(v1)
    server.expect_request("/p").respond_with_handler(site)
    out = tmp_path / "out"
    cfg = write_sources(tmp_path / "sources.toml", page_source("nsu", server.url_for("/p")))
    scrape(cfg, out, NOW, tmp_path)
    site.body = hostile
    assert len(scrape(cfg, out, LATER[0], tmp_path)["nsu"]["queued"]) == 1
    [item] = json.loads(queue_file(out, "nsu").read_text())["items"]
    assert item["diff"].splitlines() == ["+ New: ‹img src=x onerror=alert(1)› & bold unclosed",
                                         "+ deadline is soon"]
    text = queue_file(out, "nsu").read_text()
    assert "<" not in text and ">" not in text and "alert('in content')" not in text and "evil" not in text


# ---- the rules, directly -----------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "© 2026 Northfield State University. All rights reserved.", "Copyright © 2021-2027 Eastbrook College",
    "(c) 2026 Brightpath Inc.", "All rights reserved.", "Page last updated: October 2, 2025",
    "Last modified 2026-11-26T07:00:01Z", "Updated on 26 November 2026, 09:12", "Last reviewed: 11/26/2026",
    "November 26, 2026", "  ", "This page was last updated on Nov 3, 2026 at 4:05 pm EST",
])
def test_footer_noise_lines(line):
    assert watch.is_noise(line)


@pytest.mark.parametrize("line", [
    "Applications close on November 30, 2026.", "The winter cohort runs from January 5 to January 30.",
    "Pay is at least $20 per estimated hour of work.", "Updated eligibility rules for 2027 are below.",
    "Copyright and licensing questions go to the library.",
])
def test_content_lines_are_not_noise(line):
    assert not watch.is_noise(line)


def test_compare_ignores_order_case_whitespace_quotes_and_noise():
    old = ["Students", "Alumni", "It’s open to all students.", "© 2025 NSU", "Pay: $20 per hour"]
    new = ["Alumni", "  it's   OPEN to all students. ", "Students", "© 2026 NSU", "Pay: $20 per hour",
           "Last updated: 3 March 2026"]
    assert watch.compare(old, new) is None
    assert watch.text_hash(watch.content_lines(old)) == watch.text_hash(watch.content_lines(new))


def test_compare_reports_a_duplicated_line_and_caps_the_diff():
    assert watch.compare(["Apply now."], ["Apply now.", "Apply now."]).diff == "+ Apply now."
    change = watch.compare([], [f"Project {i} is open." for i in range(100)])
    lines = change.diff.splitlines()
    assert len(lines) == watch.MAX_DIFF_LINES + 1 and lines[-1] == "… 60 more changed line(s)"


def test_extract_keeps_content_and_drops_chrome():
    v1 = page_adapter.extract(fixture("programme-v1.html"), {"Content-Type": "text/html; charset=utf-8"})
    assert v1.lines[0] == "Micro-Internships"
    assert "Questions? Write to careers@northfield-state.example." in v1.lines  # a link inside stays one line
    assert "Orientation session | December 2" in v1.lines
    for chrome in ("Skip to main content", "Log in to Handshake", "Alumni", "Accessibility", "Privacy notice",
                   "We use cookies to improve your experience.", "Home › Students › Micro-Internships"):
        assert not any(chrome in line for line in v1.lines), chrome
    assert not any("dataLayer" in line or "cacheBust" in line for line in v1.lines)


def test_malformed_and_deeply_nested_markup_is_read_without_crashing():
    malformed = (b"<html><body><main><h1>Programme<p>Students <b>earn <i>a fixed fee</b> for short projects</i>"
                 b"<table><tr><td>Hours<td>10 to 40</table></p></span></div><li>Apply by June 1"
                 b"<nav><div class=menu><a>Home</a><button>Go</button></div></nav></main>")
    got = page_adapter.extract(malformed, {})
    assert got.lines[:2] == ("Programme", "Students earn a fixed fee for short projects")
    assert "Hours | 10 to 40" in got.lines and "Apply by June 1" in got.lines and "Home" not in got.lines
    nested = b"<html><body>" + b"<div>" * 1_500 + b"<p>A deeply nested paragraph about the programme.</p>" + \
        b"</div>" * 1_500 + b"</body></html>"
    assert page_adapter.extract(nested, {}).lines == ("A deeply nested paragraph about the programme.",)
    with pytest.raises(ParseError, match="nested 2,001 deep"):
        page_adapter.extract(nested.replace(b"<div>" * 1_500, b"<div>" * 2_001), {})


def test_extract_decodes_by_header_then_meta_and_keeps_a_header_that_holds_the_h1():
    body = ("<html><head><meta charset='iso-8859-1'></head><body><article><header class='entry-header'>"
            "<h1>Programme café</h1></header><p>Students earn a fixed fee for a short remote project.</p>"
            "</article></body></html>").encode("latin-1")
    got = page_adapter.extract(body, {"Content-Type": "text/html"})
    assert got.lines == ("Programme café", "Students earn a fixed fee for a short remote project.")
    with pytest.raises(ParseError):
        page_adapter.extract(b"<html><body><nav>only a menu</nav></body></html>", {})
