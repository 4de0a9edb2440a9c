"""scrapers.http against a real local server: the good path and every injected failure."""

from __future__ import annotations

import sys
import threading
import time
from contextlib import ExitStack, contextmanager
from email.utils import format_datetime as http_date
from datetime import datetime, timedelta, timezone
from typing import Iterator

import pytest
from hypothesis import given, settings as hsettings, strategies as st
from werkzeug import Request, Response as WResponse

from scrapers import http
from scrapers.http import Fetcher, Validators

from .conftest import DripServer, fast_settings, free_port

JSON = ("application/json",)


def get(fetcher: Fetcher, url: str, **kw) -> http.Response:
    kw.setdefault("content_types", JSON)
    kw.setdefault("min_delay", 0.0)
    return fetcher.get(url, **kw)


def requests_to(server, path: str) -> list[Request]:
    return [req for req, _resp in server.log if req.path == path]


def test_ok_sends_user_agent_with_contact_and_accept(server, settings):
    server.expect_request("/jobs").respond_with_json({"jobs": []})
    with Fetcher(settings) as f:
        r = get(f, server.url_for("/jobs"))
    assert r.status == 200 and r.body.startswith(b"{") and not r.not_modified
    assert r.content_type == "application/json"
    req = requests_to(server, "/jobs")[0]
    ua = req.headers["User-Agent"]
    assert "microboard" in ua and settings.contact_url in ua
    assert req.headers["Accept"].startswith("application/json")


def test_etag_second_run_is_a_304_costing_no_body(server, settings):
    body = b'{"jobs": [' + b'{"id": 1, "title": "x"},' * 2000 + b'{"id": 2, "title": "y"}]}'

    def handler(req: Request) -> WResponse:
        if req.headers.get("If-None-Match") == '"v1"':
            return WResponse(status=304, headers={"ETag": '"v1"'})
        return WResponse(body, content_type="application/json", headers={"ETag": '"v1"'})

    server.expect_request("/jobs").respond_with_handler(handler)
    with Fetcher(settings) as f:
        first = get(f, server.url_for("/jobs"))
        assert first.validators == Validators(etag='"v1"')
        stored = first.validators.to_dict()  # what the run persists between runs
    with Fetcher(settings) as f:  # the next run: a new session
        second = get(f, server.url_for("/jobs"), validators=Validators.from_dict(stored))
    assert len(first.body) == len(body)
    assert second.not_modified and second.status == 304 and second.body == b""
    assert second.validators == Validators(etag='"v1"')
    reqs = requests_to(server, "/jobs")
    assert "If-None-Match" not in reqs[0].headers
    assert reqs[1].headers["If-None-Match"] == '"v1"'


def test_last_modified_becomes_if_modified_since(server, settings):
    stamp = "Wed, 04 Mar 2026 10:00:00 GMT"
    server.expect_request("/feed").respond_with_data("<rss/>", content_type="application/rss+xml",
                                                     headers={"Last-Modified": stamp})
    with Fetcher(settings) as f:
        r = get(f, server.url_for("/feed"), content_types=("application/*xml",))
        get(f, server.url_for("/feed"), content_types=("application/*xml",), validators=r.validators)
    assert requests_to(server, "/feed")[1].headers["If-Modified-Since"] == stamp


def test_timeout_is_retried_then_reported(server):
    release = threading.Event()
    calls = []

    def slow(req: Request) -> WResponse:
        calls.append(req.path)  # counted on arrival: the log only records finished requests
        release.wait(2)
        return WResponse("{}", content_type="application/json")

    server.expect_request("/slow").respond_with_handler(slow)
    settings = fast_settings(read_timeout=0.2, retries=1)
    try:
        with Fetcher(settings) as f, pytest.raises(http.FetchTimeout) as err:
            get(f, server.url_for("/slow"))
    finally:
        release.set()
    assert err.value.code == "timeout"
    assert len(calls) == 2  # first try + one retry


def test_500_then_success_is_retried(server, settings):
    server.expect_oneshot_request("/flaky").respond_with_data("oops", status=500)
    server.expect_oneshot_request("/flaky").respond_with_data("oops", status=503)
    server.expect_oneshot_request("/flaky").respond_with_json({"jobs": []})
    with Fetcher(settings) as f:
        r = get(f, server.url_for("/flaky"))
    assert r.status == 200 and r.attempts == 3


def test_persistent_500_gives_a_status_error(server, settings):
    server.expect_request("/down").respond_with_data("oops", status=500)
    with Fetcher(settings) as f, pytest.raises(http.HttpStatusError) as err:
        get(f, server.url_for("/down"))
    assert err.value.status == 500 and err.value.code == "http-500"
    assert len(requests_to(server, "/down")) == settings.retries + 1


def test_404_is_not_retried(server, settings):
    server.expect_request("/gone").respond_with_data("no", status=404)
    with Fetcher(settings) as f, pytest.raises(http.HttpStatusError) as err:
        get(f, server.url_for("/gone"))
    assert err.value.status == 404 and len(requests_to(server, "/gone")) == 1


def test_429_with_retry_after_is_honoured(server, settings):
    server.expect_oneshot_request("/limited").respond_with_data("slow down", status=429, headers={"Retry-After": "0"})
    server.expect_oneshot_request("/limited").respond_with_json({"jobs": []})
    with Fetcher(settings) as f:
        r = get(f, server.url_for("/limited"))
    assert r.status == 200 and r.attempts == 2


def test_429_asking_for_too_long_gives_up_without_hammering(server, settings):
    server.expect_request("/limited").respond_with_data("slow down", status=429, headers={"Retry-After": "3600"})
    with Fetcher(settings) as f, pytest.raises(http.RateLimited) as err:
        get(f, server.url_for("/limited"))
    assert err.value.status == 429 and "3600" in err.value.message
    assert len(requests_to(server, "/limited")) == 1


def test_retry_after_http_date():
    now = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)
    later = http_date(now + timedelta(seconds=90), usegmt=True)
    assert http.parse_retry_after(later, now=now.timestamp()) == pytest.approx(90)
    assert http.parse_retry_after("120") == 120
    assert http.parse_retry_after("soon") is None
    assert http.parse_retry_after(http_date(now - timedelta(hours=1), usegmt=True), now=now.timestamp()) == 0


def test_truncated_body_is_an_error(server, settings):
    resp = WResponse(b'{"jobs": [{"id": 1')
    resp.headers["Content-Type"] = "application/json"
    resp.automatically_set_content_length = False
    resp.headers["Content-Length"] = "5000"
    server.expect_request("/cut").respond_with_response(resp)
    with Fetcher(settings) as f, pytest.raises(http.TruncatedBody) as err:
        get(f, server.url_for("/cut"))
    assert err.value.code == "truncated"


def test_declared_oversize_body_is_refused_before_download(server):
    server.expect_request("/huge").respond_with_data(b"x" * 5000, content_type="application/json")
    with Fetcher(fast_settings(max_bytes=1000)) as f, pytest.raises(http.BodyTooLarge):
        get(f, server.url_for("/huge"))


def test_streamed_oversize_body_is_aborted(server):
    def chunks():
        for _ in range(1000):  # 1000 x 1 KiB, no Content-Length: only streaming can stop it
            yield b"x" * 1024

    server.expect_request("/stream").respond_with_response(WResponse(chunks(), content_type="application/json"))
    with Fetcher(fast_settings(max_bytes=20_000)) as f, pytest.raises(http.BodyTooLarge) as err:
        get(f, server.url_for("/stream"))
    assert "20,000" in err.value.message


def test_wrong_content_type_is_refused(server, settings):
    server.expect_request("/html").respond_with_data("<html>login</html>", content_type="text/html")
    with Fetcher(settings) as f, pytest.raises(http.WrongContentType) as err:
        get(f, server.url_for("/html"))
    assert "text/html" in err.value.message


def test_content_type_patterns():
    assert http.content_type_allowed("application/rss+xml; charset=utf-8", ("application/*xml",))
    assert http.content_type_allowed("Application/JSON", ("application/json",))
    assert not http.content_type_allowed("", ("application/json",))
    assert not http.content_type_allowed("text/html", ("application/json", "text/xml"))


def test_robots_disallow_is_respected_and_fetched_once(server, settings):
    server.clear()
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private\n\nUser-agent: microboard\nDisallow: /jobs/secret\n",
        content_type="text/plain")
    server.expect_request("/jobs/open").respond_with_json({"jobs": []})
    server.expect_request("/jobs/secret").respond_with_json({"jobs": []})
    with Fetcher(settings) as f:
        assert get(f, server.url_for("/jobs/open")).status == 200
        with pytest.raises(http.RobotsDisallowed):
            get(f, server.url_for("/jobs/secret"))
        get(f, server.url_for("/jobs/open"))
    assert requests_to(server, "/jobs/secret") == []
    assert len(requests_to(server, "/robots.txt")) == 1


def test_robots_server_error_means_disallow(server, settings):
    server.clear()
    server.expect_request("/robots.txt").respond_with_data("down", status=503)
    server.expect_request("/jobs").respond_with_json({"jobs": []})
    with Fetcher(settings) as f, pytest.raises(http.RobotsDisallowed):
        get(f, server.url_for("/jobs"))
    assert requests_to(server, "/jobs") == []


def test_robots_crawl_delay_raises_the_interval_capped(server):
    server.clear()
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nCrawl-delay: 30\n")
    f = Fetcher(fast_settings(max_crawl_delay=0.05))
    with f:
        assert f._interval(server.url_for("/x"), 0.01) == pytest.approx(0.05)
        assert f._interval(server.url_for("/x"), 0.2) == pytest.approx(0.2)


def test_redirect_is_followed(server, settings):
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    server.expect_request("/new").respond_with_json({"jobs": []})
    with Fetcher(settings) as f:
        r = get(f, server.url_for("/old"))
    assert r.url.endswith("/new") and r.attempts == 2


def test_redirect_loop_is_an_error(server, settings):
    server.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    server.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    with Fetcher(settings) as f, pytest.raises(http.RedirectError) as err:
        get(f, server.url_for("/a"))
    assert "loop" in err.value.message


def test_too_many_redirects_is_an_error(server, settings):
    for i in range(10):
        server.expect_request(f"/r{i}").respond_with_data("", status=302, headers={"Location": f"/r{i + 1}"})
    with Fetcher(settings) as f, pytest.raises(http.RedirectError) as err:
        get(f, server.url_for("/r0"))
    assert "more than 5 redirects" in err.value.message
    assert len([r for r, _ in server.log if r.path.startswith("/r") and r.path != "/robots.txt"]) == 6


def test_redirect_to_another_scheme_is_an_error(server, settings):
    server.expect_request("/evil").respond_with_data("", status=302, headers={"Location": "file:///etc/passwd"})
    with Fetcher(settings) as f, pytest.raises(http.RedirectError):
        get(f, server.url_for("/evil"))


def test_connection_refused(settings):
    with Fetcher(settings) as f, pytest.raises(http.ConnectFailed) as err:
        get(f, f"http://127.0.0.1:{free_port()}/jobs")
    assert err.value.code == "connect" and "refused" in err.value.message.lower()


def test_one_request_at_a_time_per_host(server, settings):
    active, peak, lock = [0], [0], threading.Lock()

    def handler(req: Request) -> WResponse:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.02)
        with lock:
            active[0] -= 1
        return WResponse("{}", content_type="application/json")

    server.expect_request("/p").respond_with_handler(handler)
    with Fetcher(settings) as f:
        threads = [threading.Thread(target=get, args=(f, server.url_for("/p"))) for _ in range(5)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert len(requests_to(server, "/p")) == 5
    assert peak[0] == 1


def test_different_hosts_are_fetched_concurrently(server, other_server, settings):
    # Each handler waits until the other host's handler has started: that only
    # completes if the two requests are in flight at the same time.
    both = threading.Barrier(2, timeout=5)

    def handler(req: Request) -> WResponse:
        both.wait()
        return WResponse("{}", content_type="application/json")

    server.expect_request("/c").respond_with_handler(handler)
    other_server.expect_request("/c").respond_with_handler(handler)
    results = []
    with Fetcher(settings) as f:
        threads = [threading.Thread(target=lambda u=u: results.append(get(f, u).status))
                   for u in (server.url_for("/c"), other_server.url_for("/c"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert results == [200, 200]


def test_requests_in_flight_never_exceed_workers_across_hosts(settings):
    """Six hosts and six threads, but ``workers = 2``: at most two requests are open at once."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from concurrent.futures import ThreadPoolExecutor

    state = {"now": 0, "max": 0}
    lock = threading.Lock()

    class Slow(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            with lock:
                state["now"] += 1
                state["max"] = max(state["max"], state["now"])
            time.sleep(0.15)
            body = b"User-agent: *\nAllow: /\n" if self.path == "/robots.txt" else b'{"jobs": []}'
            self.send_response(200)
            self.send_header("Content-Type", "text/plain" if self.path == "/robots.txt" else "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            with lock:
                state["now"] -= 1

    servers = [ThreadingHTTPServer((f"127.0.0.{i}", 0), Slow) for i in range(2, 8)]
    for srv in servers:
        threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        urls = [f"http://{srv.server_address[0]}:{srv.server_address[1]}/jobs" for srv in servers]
        with Fetcher(fast_settings(workers=2)) as f, ThreadPoolExecutor(6) as ex:
            responses = list(ex.map(lambda u: get(f, u), urls))
    finally:
        for srv in servers:
            srv.shutdown()
            srv.server_close()
    assert [r.status for r in responses] == [200] * 6
    assert state["max"] == 2


# ---- public hosts only (SSRF) -----------------------------------------------------------

_CONNECTS: list[tuple] | None = None  # socket.connect targets while a test records them


def _audit(event: str, args: tuple) -> None:
    if event == "socket.connect" and _CONNECTS is not None:
        _CONNECTS.append(args[1])


sys.addaudithook(_audit)  # audit hooks cannot be removed: this one only records inside recording()


@contextmanager
def recording() -> Iterator[list[tuple]]:
    """Every address a socket of this process tries to connect to, meanwhile."""
    global _CONNECTS
    _CONNECTS = []
    try:
        yield _CONNECTS
    finally:
        _CONNECTS = None


def only(server) -> http.HttpSettings:
    """Production rules, with the single exact host:port of ``server`` allowed."""
    return fast_settings(allow_private_hosts=False, allowed_hosts=(f"127.0.0.1:{server.port}",))


def test_production_settings_block_private_hosts_by_default(server):
    assert http.HttpSettings().allow_private_hosts is False and http.HttpSettings().allowed_hosts == ()
    server.expect_request("/jobs").respond_with_json({"jobs": []})
    with Fetcher(fast_settings(allow_private_hosts=False)) as f, pytest.raises(http.BlockedHost) as err:
        get(f, server.url_for("/jobs"))
    assert err.value.code == "blocked-host" and "loopback" in err.value.message
    assert server.log == []  # not even robots.txt


def test_a_redirect_to_another_local_port_is_refused(server, other_server):
    server.expect_request("/jobs").respond_with_data("", status=302, headers={"Location": other_server.url_for("/admin")})
    other_server.expect_request("/admin").respond_with_json({"secret": True})
    with Fetcher(only(server)) as f, pytest.raises(http.BlockedHost) as err:
        get(f, server.url_for("/jobs"))
    assert err.value.code == "blocked-host" and str(other_server.port) in err.value.url
    assert len(requests_to(server, "/jobs")) == 1
    assert other_server.log == []  # neither /admin nor its robots.txt


def test_a_robots_txt_redirecting_to_a_private_host_is_refused(server, other_server):
    server.clear()
    server.expect_request("/robots.txt").respond_with_data("", status=301,
                                                           headers={"Location": other_server.url_for("/robots.txt")})
    server.expect_request("/jobs").respond_with_json({"jobs": []})
    with Fetcher(only(server)) as f, pytest.raises(http.BlockedHost) as err:
        get(f, server.url_for("/jobs"))
    assert "robots.txt" in err.value.message
    assert other_server.log == [] and requests_to(server, "/jobs") == []


@pytest.mark.parametrize("host", ["2130706433", "0x7f.1", "0x7f000001", "0177.0.0.1", "127.1", "localhost",
                                  "localhost.", "0", "0.0.0.0", "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]"])
def test_other_spellings_of_loopback_are_refused(server, host):
    """Only the exact pair "127.0.0.1:<port>" is allowed: any other name of it is checked, and refused."""
    server.expect_request("/jobs").respond_with_json({"jobs": []})
    with Fetcher(only(server)) as f, recording() as connects, pytest.raises(http.BlockedHost) as err:
        get(f, f"http://{host}:{server.port}/jobs")
    assert err.value.code == "blocked-host"
    assert connects == [] and server.log == []


@pytest.mark.parametrize("host", ["169.254.169.254", "10.0.0.1", "172.16.5.4", "192.168.1.1", "100.64.0.1",
                                  "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255", "[fe80::1]",
                                  "[fc00::1]", "[fd12:3456::1]", "[ff02::1]", "[::]", "[64:ff9b::a00:1]",
                                  "[2002:a00:1::1]"])
def test_private_link_local_and_reserved_addresses_are_refused_without_a_connection(host):
    with Fetcher(fast_settings(allow_private_hosts=False)) as f, recording() as connects:
        with pytest.raises(http.BlockedHost) as err:
            get(f, f"http://{host}/latest/meta-data/")
        with pytest.raises(http.BlockedHost):  # the link checker's HEAD too
            f.head(f"http://{host}/", min_delay=0.0)
    assert err.value.code == "blocked-host"
    assert connects == []


def test_the_connection_itself_refuses_an_unchecked_address(server):
    """No DNS-rebinding window: even a request that skipped the URL check is refused where the
    socket is opened (the connection resolves, checks and connects to the checked address)."""
    server.expect_request("/jobs").respond_with_json({"jobs": []})
    with Fetcher(fast_settings(allow_private_hosts=False)) as f, recording() as connects:
        with pytest.raises(http.BlockedHost):
            f.session.get(server.url_for("/jobs"), timeout=2)
    assert connects == [] and server.log == []


def test_public_addresses_pass_and_the_allow_list_is_exact():
    from ipaddress import ip_address

    assert all(http.is_public_address(ip_address(a)) for a in ("8.8.8.8", "1.1.1.1", "2606:4700::1111"))
    guard = http.HostGuard(allowed=("127.0.0.1:8080", "[::1]:9000"))
    assert guard.exempt("127.0.0.1", 8080) and guard.exempt("[::1]", 9000) and guard.exempt("::1", 9000)
    assert not guard.exempt("127.0.0.1", 8081) and not guard.exempt("localhost", 8080)
    with pytest.raises(ValueError):
        http.HostGuard(allowed=("127.0.0.1",))


# ---- a total deadline for any framing ---------------------------------------------------


@pytest.mark.parametrize("mode", ["length", "close", "chunked", "headers"])
def test_total_timeout_stops_a_dripped_response_whatever_its_framing(mode):
    """1 byte every 0.2 s never trips the 2 s read timeout; total_timeout = 1 s must stop it, once."""
    with DripServer(mode) as drip, Fetcher(fast_settings(total_timeout=1.0)) as f:
        started = time.monotonic()
        with pytest.raises(http.FetchTimeout) as err:
            get(f, drip.url)
        took = time.monotonic() - started
    assert isinstance(err.value, http.TotalTimeout) and err.value.code == "timeout"
    assert "total_timeout" in err.value.message or "after 1 s" in err.value.message
    assert drip.hits == 1  # a deliberately slow server is not retried
    assert took < 8  # a hang guard only, not a timing assertion


def test_total_timeout_stops_a_dripped_tls_handshake():
    """CPython bounds a handshake by the socket timeout (30 s here); total_timeout must come first."""
    settings = fast_settings(total_timeout=1.0, connect_timeout=30.0, read_timeout=30.0, respect_robots=False)
    with DripServer("tls") as drip, Fetcher(settings) as f:
        started = time.monotonic()
        with pytest.raises(http.TotalTimeout):
            get(f, drip.url.replace("http://", "https://"))
        assert time.monotonic() - started < 8  # a hang guard only
    assert drip.hits == 1


def test_a_callers_deadline_cuts_an_attempt_and_a_politeness_wait(server):
    with DripServer("length") as drip, Fetcher(fast_settings()) as f:
        with pytest.raises(http.DeadlineExceeded) as err:
            get(f, drip.url, deadline=http.Deadline(1.0, "source"))
    assert err.value.code == "deadline" and err.value.scope == "source" and "source deadline" in err.value.message
    server.expect_request("/jobs").respond_with_data("busy", status=503, headers={"Retry-After": "4"})
    with Fetcher(fast_settings()) as f:
        started = time.monotonic()
        with pytest.raises(http.DeadlineExceeded):  # the retry would wait 4 s: the deadline comes first
            get(f, server.url_for("/jobs"), deadline=http.Deadline(0.5, "source"))
        assert time.monotonic() - started < 3.5
    assert len(requests_to(server, "/jobs")) == 1


def test_stopping_a_run_deadline_cuts_requests_in_flight_at_once():
    run = http.Deadline(600, "run")
    errors: list[BaseException] = []
    with DripServer("close") as drip, Fetcher(fast_settings(total_timeout=600)) as f:
        def fetch() -> None:
            try:
                get(f, drip.url, deadline=http.Deadline(600, "source", parent=run))
            except http.FetchError as e:
                errors.append(e)

        t = threading.Thread(target=fetch)
        t.start()
        deadline = time.monotonic() + 5
        while drip.hits == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        run.stop("SIGTERM")
        t.join(10)
    assert not t.is_alive()
    assert [(type(e), e.scope) for e in errors] == [(http.DeadlineExceeded, "stopped")]
    assert "SIGTERM" in errors[0].message


def test_a_head_with_dripped_headers_stops_at_total_timeout():
    """The link checker's HEAD goes through the same watchdog."""
    with DripServer("headers") as drip, Fetcher(fast_settings(total_timeout=1.0)) as f:
        with pytest.raises(http.TotalTimeout):
            f.head(drip.url, min_delay=0.0)


BLOCKED_V4 = ["0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
              "192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4"]


@given(st.sampled_from(BLOCKED_V4), st.integers(min_value=0, max_value=2 ** 32 - 1),
       st.sampled_from(["plain", "mapped", "6to4", "nat64"]))
@hsettings(max_examples=300, deadline=None)
def test_property_no_address_in_a_blocked_range_is_public_in_any_ipv6_disguise(net, n, disguise):
    from ipaddress import IPv4Network, IPv6Address

    network = IPv4Network(net)
    v4 = network[n % network.num_addresses]
    ip = {"plain": v4, "mapped": IPv6Address(f"::ffff:{v4}"),
          "6to4": IPv6Address((0x2002 << 112) | (int(v4) << 80) | 1),
          "nat64": IPv6Address(f"64:ff9b::{v4}")}[disguise]
    assert not http.is_public_address(ip)


# ---- name resolution inside the deadlines ------------------------------------------------


class SilentDNS:
    """A DNS server on 127.0.0.1 (UDP) that reads every query and never answers.

    :meth:`resolve` is a stub resolver with ``getaddrinfo``'s signature that asks it and
    waits for the answer as a system resolver with no timeout would: forever. (glibc reads
    its nameserver only from /etc/resolv.conf, so the resolver, not the name server, is
    what the fetcher is given.)"""

    def __init__(self) -> None:
        import socket
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.queries: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="silent-dns", daemon=True)
        self._thread.start()
        self.clients: list = []

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                data, _addr = self.sock.recvfrom(512)
            except OSError:
                continue
            self.queries.append(data)  # and no reply

    def resolve(self, host: str, port: int, *args, **kwargs):
        import socket
        import struct
        query = struct.pack(">HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0) + b"".join(
            bytes([len(p)]) + p.encode("ascii") for p in host.split(".")) + b"\x00" + struct.pack(">HH", 1, 1)
        client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.clients.append(client)
        client.sendto(query, self.sock.getsockname())
        client.recvfrom(512)  # blocks: the server never answers (the socket is closed at the end of the test)
        raise socket.gaierror(socket.EAI_AGAIN, "no answer")

    def close(self) -> None:
        self._stop.set()
        for client in self.clients:
            client.close()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def silent_dns():
    dns = SilentDNS()
    yield dns
    dns.close()


@pytest.mark.parametrize("private", [False, True], ids=["public-only-check-before-the-hop", "lookup-at-connect"])
def test_a_resolver_that_never_answers_is_cut_at_total_timeout(silent_dns, private):
    """Before, getaddrinfo ran outside every deadline: a hung resolver hung the run."""
    with Fetcher(fast_settings(total_timeout=1.0, allow_private_hosts=private), resolver=silent_dns.resolve) as f:
        started = time.monotonic()
        with pytest.raises(http.FetchTimeout) as err:
            get(f, "http://jobs.example.org/feed")
        assert time.monotonic() - started < 20  # a hang guard only, not a timing assertion
    assert err.value.code == "timeout" and "total_timeout" in err.value.message
    assert silent_dns.queries and b"\x04jobs\x07example\x03org" in silent_dns.queries[0]


def test_a_resolver_that_never_answers_is_cut_by_the_source_deadline_and_a_stop(silent_dns):
    with Fetcher(fast_settings(total_timeout=600.0, allow_private_hosts=False), resolver=silent_dns.resolve) as f:
        with pytest.raises(http.DeadlineExceeded) as err:
            get(f, "http://jobs.example.org/feed", deadline=http.Deadline(1.0, "source"))
        assert err.value.scope == "source"
        run = http.Deadline(600, "run")
        errors: list[BaseException] = []

        def fetch() -> None:
            try:
                get(f, "http://other.example.org/feed", deadline=http.Deadline(600, "source", parent=run))
            except http.FetchError as e:
                errors.append(e)

        t = threading.Thread(target=fetch)
        t.start()
        deadline = time.monotonic() + 5
        while len(silent_dns.queries) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        run.stop("SIGTERM")
        t.join(10)
    assert not t.is_alive()
    assert [(type(e), e.scope) for e in errors] == [(http.DeadlineExceeded, "stopped")]



@contextmanager
def keep_alive_server() -> Iterator[tuple[str, list[tuple[int, bool]]]]:
    """A local HTTP/1.1 server that keeps connections open (the shared fixture's closes each one).

    It answers ``/jobs`` with 304 to ``If-None-Match: "v1"``, else 200, and logs each
    request's client port and whether it was conditional.
    """
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    log: list[tuple[int, bool]] = []  # /jobs requests only (robots.txt is answered 200 too)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # quiet
            pass

        def do_GET(self):
            conditional = self.headers.get("If-None-Match") == '"v1"'
            if self.path == "/jobs":
                log.append((self.client_address[1], conditional))
            self.send_response(304 if conditional else 200)
            self.send_header("ETag", '"v1"')
            if not conditional:
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "2")
            self.end_headers()
            if not conditional:
                self.wfile.write(b"{}")

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}/jobs", log
    finally:
        srv.shutdown()
        srv.server_close()


def test_a_304_leaves_its_connection_open_for_the_next_request(settings):
    """An unchanged re-scrape is all 304s: each must reuse the host's connection, not open one.

    The server's log says which client port every request came from: one port, one connection.
    """
    with keep_alive_server() as (url, log), Fetcher(settings) as f:
        results = [get(f, url, validators=Validators(etag='"v1"')) for _ in range(3)]
        results.append(get(f, url))  # and a 200 after them, on the same connection
    assert [r.status for r in results] == [304, 304, 304, 200]
    assert [c for _port, c in log] == [True, True, True, False]
    assert len({port for port, _c in log}) == 1  # robots.txt opened it; every /jobs request reused it


def test_every_host_keeps_its_connection_when_a_run_has_more_hosts_than_workers():
    """A run talks to more hosts than it has ``workers`` (8 by default, tens of hosts): each
    host's keep-alive connection must survive the requests to the others, not be dropped
    (and reopened, with a new name lookup) because the client kept only ``workers`` hosts' pools.

    Six hosts, two workers, every host asked three times in turn; each server's log says
    which client port every request came from: one port a host, one connection.
    """
    with ExitStack() as stack, Fetcher(fast_settings(workers=2)) as f:
        hosts = [stack.enter_context(keep_alive_server()) for _ in range(6)]
        statuses = [get(f, url).status for _round in range(3) for url, _log in hosts]
    assert statuses == [200] * 18
    assert [len(log) for _url, log in hosts] == [3] * 6
    assert [len({port for port, _c in log}) for _url, log in hosts] == [1] * 6
