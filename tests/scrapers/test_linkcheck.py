"""scrapers.linkcheck against a local HTTPS server: live, dead, redirecting, slow, robots-disallowed.

Postings must link over https, so the server is pytest-httpserver with a throwaway
self-signed certificate for 127.0.0.1 (made with the openssl CLI) that the fetcher trusts.
"""

from __future__ import annotations

import json
import shutil
import ssl
import subprocess
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from board.policy import load_policy
from board.posting import parse_posting
from scrapers.http import Fetcher
from scrapers.linkcheck import check_url, load_state, run, set_header
from tests.board.board_testkit import make_posting
from tests.site.conftest import scraped_entry, write_scraped

from .conftest import fast_settings

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)
TODAY = "2026-11-26"


@pytest.fixture(scope="module")
def cert(tmp_path_factory) -> Path:
    if not shutil.which("openssl"):
        pytest.skip("the openssl CLI is needed to make a test certificate")
    d = tmp_path_factory.mktemp("tls")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(d / "key.pem"),
                    "-out", str(d / "cert.pem"), "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
    return d


@pytest.fixture(scope="module")
def _https(cert):
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert / "cert.pem", cert / "key.pem")
    srv = HTTPServer(host="127.0.0.1", port=0, ssl_context=ctx, threaded=True)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def https(_https):
    _https.clear()
    _https.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    yield _https
    _https.clear()


@pytest.fixture
def fetcher(cert, monkeypatch):
    # requests lets these variables override session.verify; the test CA must win.
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    f = Fetcher(fast_settings(read_timeout=0.5, connect_timeout=0.5, retries=1, total_timeout=2.0))
    f.session.verify = str(cert / "cert.pem")
    yield f
    f.close()


def base(srv: HTTPServer) -> str:
    return f"https://127.0.0.1:{srv.port}"


def slow(_request):
    time.sleep(1.5)
    return Response("late", status=200)


def serve_links(srv: HTTPServer) -> None:
    srv.expect_request("/live").respond_with_data("<p>apply</p>", content_type="text/html")
    srv.expect_request("/gone").respond_with_data("gone", status=410)
    srv.expect_request("/missing").respond_with_data("no", status=404)
    srv.expect_request("/moved").respond_with_data("", status=301, headers={"Location": "/live"})
    srv.expect_request("/slow").respond_with_handler(slow)
    srv.expect_request("/broken").respond_with_data("oops", status=503)
    srv.expect_request("/private/apply").respond_with_data("secret", content_type="text/html")
    srv.expect_request("/forbidden").respond_with_data("no bots", status=403)
    srv.expect_request("/no-head", method="HEAD").respond_with_data("", status=405)
    srv.expect_request("/no-head", method="GET").respond_with_data("<p>ok</p>", content_type="text/html")


# ---- one link ---------------------------------------------------------------------------


@pytest.mark.parametrize("path, state, reason", [
    ("/live", "live", "HTTP 200 (HEAD)"),
    ("/gone", "dead", "http-410"),
    ("/missing", "dead", "http-404"),
    ("/moved", "live", "HTTP 200 via"),
    ("/slow", "unreachable", "timeout"),
    ("/broken", "unreachable", "http-50"),
    ("/private/apply", "skipped", "robots"),
    ("/forbidden", "skipped", "http-403"),
    ("/no-head", "live", "HTTP 200"),
])
def test_check_url(https, fetcher, path, state, reason):
    serve_links(https)
    verdict = check_url(fetcher, base(https) + path, min_delay=0)
    assert verdict.state == state
    assert verdict.reason.startswith(reason), verdict.reason


def test_head_first_then_get_only_when_needed(https, fetcher):
    serve_links(https)
    check_url(fetcher, base(https) + "/live", min_delay=0)
    check_url(fetcher, base(https) + "/no-head", min_delay=0)
    seen = [(r.method, r.path) for r, _ in https.log if r.path in ("/live", "/no-head")]
    assert seen == [("HEAD", "/live"), ("HEAD", "/no-head"), ("GET", "/no-head")]


def test_robots_disallowed_link_is_never_requested(https, fetcher):
    serve_links(https)
    check_url(fetcher, base(https) + "/private/apply", min_delay=0)
    assert "/private/apply" not in [r.path for r, _ in https.log]
    assert "/robots.txt" in [r.path for r, _ in https.log]


def test_requests_to_one_host_keep_the_interval(https, fetcher):
    serve_links(https)
    started = time.monotonic()
    for _ in range(3):
        check_url(fetcher, base(https) + "/live", min_delay=0.3)
    assert time.monotonic() - started >= 0.6  # three HEADs, two waits (robots.txt shares the slot)


def test_refused_connection_is_unreachable_not_dead(fetcher):
    from .conftest import free_port
    verdict = check_url(fetcher, f"https://127.0.0.1:{free_port()}/apply", min_delay=0)
    assert verdict.state == "unreachable" and verdict.reason.startswith("connect")


def test_unresolvable_host_is_unreachable_not_dead(fetcher):
    verdict = check_url(fetcher, "https://no-such-host.invalid/apply", min_delay=0)
    assert verdict.state == "unreachable", verdict


# ---- a whole run over a content folder ---------------------------------------------------


@pytest.fixture
def content(tmp_path, https) -> Path:
    serve_links(https)
    posts = tmp_path / "content" / "postings"
    posts.mkdir(parents=True)
    b = base(https)
    for slug, path in (("live-one", "/live"), ("dead-one", "/gone"), ("moved-one", "/moved"),
                       ("slow-one", "/slow"), ("robots-one", "/private/apply")):
        (posts / f"{slug}.md").write_text(make_posting(Apply_URL=b + path), encoding="utf-8")
    (posts / "closed-one.md").write_text(make_posting(Apply_URL=b + "/missing", extra=[("Status", "filled")]),
                                         encoding="utf-8")
    (posts / "email-one.md").write_text(make_posting(drop=("Apply-URL",), extra=[("Apply-Email", "a@example.org")]),
                                        encoding="utf-8")
    write_scraped(tmp_path / "content", "example-board", [scraped_entry(
        apply_url=b + "/live", apply_by="2027-01-31T23:59:59Z")])
    return tmp_path / "content"


def test_run_records_verification_and_closes_after_three_dead_checks(content, fetcher, https):
    posts = content / "postings"
    before = {p.name: p.read_text() for p in posts.glob("*.md")}
    report, state = run(content, NOW, fetcher=fetcher, min_delay=0)
    verdicts = {t.key: v.state for t, v in report.checked}
    assert verdicts == {"postings/live-one": "live", "postings/dead-one": "dead", "postings/moved-one": "live",
                        "postings/slow-one": "unreachable", "postings/robots-one": "skipped",
                        "scraped/example-board/survey-analysis-sprint-openfields-a1b2c3": "live"}
    # live postings: one new header line, nothing else changed; the page shows it
    live = (posts / "live-one.md").read_text()
    assert live.count(f"Last-Verified: {TODAY}\n") == 1
    assert live.replace(f"Last-Verified: {TODAY}\n", "") == before["live-one.md"]
    entry, problems = parse_posting(posts / "live-one.md", load_policy(), NOW)
    assert problems == [] and entry.last_verified.date().isoformat() == TODAY
    # dead, skipped, closed and e-mail postings are untouched for now
    for name in ("dead-one.md", "slow-one.md", "robots-one.md", "closed-one.md", "email-one.md"):
        assert (posts / name).read_text() == before[name], name
    scraped = json.loads((content / "scraped" / "example-board.json").read_text())
    assert scraped["entries"][0]["last_verified"] == f"{TODAY}T00:00:00Z"
    saved = load_state(content / ".linkcheck.json")
    assert saved["links"]["postings/dead-one"]["failures"] == 1
    assert saved["links"]["postings/live-one"]["failures"] == 0
    assert "postings/robots-one" in saved["links"] and "failures" not in saved["links"]["postings/robots-one"]
    assert "failures" not in saved["links"]["postings/slow-one"]  # a timeout is no evidence
    assert saved["links"]["postings/slow-one"]["last_result"].startswith("timeout")
    assert "postings/closed-one" not in saved["links"]  # only open postings are checked

    run(content, NOW, fetcher=fetcher, min_delay=0)
    assert "Status:" not in (posts / "dead-one.md").read_text()  # two dead checks: not yet
    report, state = run(content, NOW, fetcher=fetcher, min_delay=0)
    assert sorted(report.closed) == ["postings/dead-one"]  # the slow one never answered: still open
    assert (posts / "slow-one.md").read_text() == before["slow-one.md"]
    dead = (posts / "dead-one.md").read_text()
    assert dead.replace("Status: closed\n", "") == before["dead-one.md"]
    entry, _ = parse_posting(posts / "dead-one.md", load_policy(), NOW)
    assert entry.status == "closed" and not entry.is_open(NOW)
    md = report.markdown(3, state)
    assert "**Closed**" in md and "`postings/dead-one`" in md and "robots" in md
    assert "No answer" in md and "`postings/slow-one`" in md
    # a closed posting is no longer checked, and its count is forgotten
    report, state = run(content, NOW, fetcher=fetcher, min_delay=0)
    assert "postings/dead-one" not in {t.key for t, _ in report.checked}
    assert "postings/dead-one" not in state["links"]


def test_a_live_check_resets_the_count(content, fetcher, https):
    state_file = content / ".linkcheck.json"
    state_file.write_text(json.dumps({"version": 1, "links": {"postings/live-one": {
        "url": base(https) + "/live", "failures": 2}}}))
    run(content, NOW, fetcher=fetcher, min_delay=0)
    assert load_state(state_file)["links"]["postings/live-one"]["failures"] == 0


def test_dry_run_changes_nothing(content, fetcher):
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    run(content, NOW, fetcher=fetcher, min_delay=0, dry_run=True)
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("text, expected", [
    ("Title: A\nStatus: open\n\nBody\n", "Title: A\nStatus: closed\n\nBody\n"),
    ("Title: A\n\nBody\n", "Title: A\nStatus: closed\n\nBody\n"),
    ("Title: A\r\n\r\nBody\r\n", "Title: A\r\nStatus: closed\r\n\r\nBody\r\n"),
    ("Title: A\nstatus: open\n    more\nPay: 1\n\nB", "Title: A\nStatus: closed\nPay: 1\n\nB"),
    ("Title: A", "Title: A\nStatus: closed\n"),
])
def test_set_header_touches_one_line(text, expected):
    assert set_header(text, "Status", "closed") == expected


# ---- a network fault is never evidence ----------------------------------------------------


@pytest.fixture
def mostly_unreachable(tmp_path, https) -> Path:
    """One reachable host and two that give no answer (an unresolvable name, a closed port)."""
    from .conftest import free_port
    serve_links(https)
    posts = tmp_path / "content" / "postings"
    posts.mkdir(parents=True)
    for slug, url in (("live-one", base(https) + "/live"), ("nowhere", "https://no-such-host.invalid/apply"),
                      ("refused", f"https://127.0.0.1:{free_port()}/apply")):
        (posts / f"{slug}.md").write_text(make_posting(Apply_URL=url), encoding="utf-8")
    return tmp_path / "content"


def test_mostly_unreachable_run_stops_and_changes_nothing(mostly_unreachable, fetcher):
    from scrapers.linkcheck import NetworkProblem
    state = mostly_unreachable / ".linkcheck.json"
    state.write_text(json.dumps({"version": 1, "links": {"postings/nowhere": {
        "url": "https://no-such-host.invalid/apply", "failures": 2}}}))
    before = {p: p.read_bytes() for p in mostly_unreachable.rglob("*") if p.is_file()}
    for _ in range(3):
        with pytest.raises(NetworkProblem, match="2 of 3 hosts gave no answer"):
            run(mostly_unreachable, NOW, fetcher=fetcher, min_delay=0)
    assert {p: p.read_bytes() for p in mostly_unreachable.rglob("*") if p.is_file()} == before


def test_mostly_unreachable_cli_exits_non_zero_with_a_clear_message(mostly_unreachable, cert, monkeypatch, capsys):
    from scrapers import linkcheck
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert / "cert.pem"))
    monkeypatch.setattr(linkcheck, "LINKCHECK_SETTINGS", fast_settings(read_timeout=0.5, connect_timeout=0.5,
                                                                        retries=1, total_timeout=2.0))
    before = {p: p.read_bytes() for p in mostly_unreachable.rglob("*") if p.is_file()}
    rc = linkcheck.main(["--content", str(mostly_unreachable), "--now", "2026-11-26", "--interval", "0"])
    assert rc == 3
    assert "network problem" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in mostly_unreachable.rglob("*") if p.is_file()} == before


def test_a_minority_of_unreachable_hosts_changes_only_what_answered(content, fetcher, https):
    """Unreachable links among answering hosts: the run goes on, they keep their count."""
    from .conftest import free_port
    (content / "postings" / "refused.md").write_text(
        make_posting(Apply_URL=f"https://127.0.0.1:{free_port()}/apply"), encoding="utf-8")
    for _ in range(3):
        report, state = run(content, NOW, fetcher=fetcher, min_delay=0)
    assert "Status:" not in (content / "postings" / "refused.md").read_text()
    assert {t.key: v.state for t, v in report.checked}["postings/refused"] == "unreachable"
    assert "postings/dead-one" in report.closed or "Status: closed" in (content / "postings" / "dead-one.md").read_text()


# ---- programmes: the page their facts come from must stay alive ---------------------------


def programme_text(source_url: str, apply_url: str) -> str:
    text = (Path(__file__).resolve().parents[2] / "content" / "programmes" / "riipen-labs.md").read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        key = line.split(":", 1)[0]
        line = {"Source-URL": f"Source-URL: {source_url}", "Apply-URL": f"Apply-URL: {apply_url}",
                "Verified": "Verified: 2026-11-20"}.get(key, line)
        lines.append(line)
    return "\n".join(lines) + "\n"


def test_programme_source_pages_are_checked_and_a_dead_one_closes_the_programme(tmp_path, https, fetcher):
    serve_links(https)
    folder = tmp_path / "content" / "programmes"
    folder.mkdir(parents=True)
    b = base(https)
    (folder / "alive.md").write_text(programme_text(b + "/live", b + "/no-head"), encoding="utf-8")
    (folder / "gone.md").write_text(programme_text(b + "/gone", b + "/live"), encoding="utf-8")
    before = {p.name: p.read_text() for p in folder.glob("*.md")}
    for _ in range(2):
        report, _ = run(tmp_path / "content", NOW, fetcher=fetcher, min_delay=0)
    verdicts = {t.key: v.state for t, v in report.checked}
    assert verdicts == {"programmes/alive": "live", "programmes/alive/apply": "live",
                        "programmes/gone": "dead", "programmes/gone/apply": "live"}
    assert {p.name: p.read_text() for p in folder.glob("*.md")} == before  # a live link is no reading of the facts
    report, _ = run(tmp_path / "content", NOW, fetcher=fetcher, min_delay=0)
    assert report.closed == ["programmes/gone"]
    gone = (folder / "gone.md").read_text()
    assert gone.replace("Status: closed\n", "") == before["gone.md"]
    from board.programme import parse_programme
    entry, problems = parse_programme(folder / "gone.md", load_policy(), NOW)
    assert problems == [] and entry.status == "closed"
    assert (folder / "alive.md").read_text() == before["alive.md"]
