"""The one HTTP client every adapter fetch goes through.

Everything that makes a scraper a good citizen lives here once, so an adapter cannot
forget it: timeouts, retries with backoff that honour ``Retry-After``, a User-Agent with
a contact URL, robots.txt (RFC 9309, parsed by protego), at most one request at a time
per host with a minimum interval, a size cap and a content-type check on every body,
redirects followed by hand (so robots and politeness apply on every hop), and
conditional requests (ETag / Last-Modified) so an unchanged source costs one 304.

Two rules make it safe against a hostile server too:

* **Public hosts only** (:class:`HostGuard`): every hop, robots.txt included, must go
  to a public address. The check runs where the socket is opened: the connection
  resolves the name once, checks *every* address it got, and connects to those checked
  addresses, so there is no DNS-rebinding window between a check and the connect. A
  URL is also checked before its hop starts (a clear error before robots.txt and
  politeness waits, and the only check when an operator routes through a proxy).
  The lookup itself runs in a thread of its own and counts inside the same deadlines,
  so a resolver that never answers cannot hang a request, a source or a run.
* **Deadlines that hold for any framing**: each attempt gets a watchdog that shuts its
  socket down when ``total_timeout`` (or the caller's :class:`Deadline`, a source's or
  the run's) is up, so a body dripped one byte a second, with or without
  Content-Length, or dripped headers, stop at the deadline.

Concurrency *across* hosts is the caller's job (``scrapers.run`` uses a thread pool);
:class:`Fetcher` is thread-safe and serializes requests per host itself.
"""

from __future__ import annotations

import email.utils
import fnmatch
import heapq
import ipaddress
import math
import os
import socket
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterator, Mapping
from urllib.parse import urljoin, urlsplit

import requests
from protego import Protego
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError, ReadTimeoutError
from urllib3.util import connection as urllib3_connection

BOARD_NAME = "microboard"
ROBOTS_TOKEN = "microboard"  # the product token robots.txt groups are matched against
DEFAULT_CONTACT_URL = "https://github.com/microboard/microboard"
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309 asks parsers to read at least 500 KiB
HOST_POOLS = 512  # hosts whose keep-alive connection a Fetcher keeps (a run has at most 256 source threads)


# ---- errors ------------------------------------------------------------------------


class FetchError(Exception):
    """A fetch that did not produce a usable body; ``code`` is a short reason code."""

    code = "fetch-error"

    def __init__(self, url: str, message: str):
        super().__init__(f"{message} ({url})")
        self.url = url
        self.message = message


class ConnectFailed(FetchError):
    code = "connect"


class FetchTimeout(FetchError):
    code = "timeout"


class HttpStatusError(FetchError):
    code = "http-status"

    def __init__(self, url: str, message: str, status: int):
        super().__init__(url, message)
        self.status = status
        self.code = f"http-{status}"


class RateLimited(HttpStatusError):
    """The server asked us to wait longer than we are willing to; try next run."""


class BodyTooLarge(FetchError):
    code = "too-large"


class TruncatedBody(FetchError):
    code = "truncated"


class WrongContentType(FetchError):
    code = "content-type"


class RobotsDisallowed(FetchError):
    code = "robots"


class RedirectError(FetchError):
    code = "redirect"


class BlockedHost(FetchError):
    """The URL (or a redirect, or its robots.txt) points at a non-public address (SSRF guard)."""

    code = "blocked-host"


class TotalTimeout(FetchTimeout):
    """One attempt outlived ``total_timeout``: the server is too slow by design, so no retry."""


class ResolveTimeout(FetchTimeout):
    """The name's lookup did not finish within the request's deadlines (a resolver that hangs)."""


class DeadlineExceeded(FetchError):
    """The caller's deadline (a source's or the run's) passed, or the run was stopped.

    ``scope`` says whose: ``"source"``, ``"run"`` or ``"stopped"`` (SIGTERM / SIGINT).
    """

    code = "deadline"

    def __init__(self, url: str, message: str, scope: str):
        super().__init__(url, message)
        self.scope = scope


_RETRYABLE = (ConnectFailed, FetchTimeout, TruncatedBody)


# ---- settings and results ----------------------------------------------------------


@dataclass(frozen=True)
class HttpSettings:
    """Knobs of the client; the ``[http]`` table of sources.toml overrides them.

    Tests shrink the delays (``backoff=0.01``) rather than patching sleeps.
    """

    contact_url: str = DEFAULT_CONTACT_URL
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 120.0  # a slow-drip body is abandoned after this long
    retries: int = 3  # extra attempts after the first
    backoff: float = 2.0  # first wait; doubled on each retry
    max_backoff: float = 60.0
    max_retry_after: float = 120.0  # a longer Retry-After means: give up until next run
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    max_crawl_delay: float = 60.0  # a robots Crawl-delay above this is capped
    respect_robots: bool = True
    workers: int = 8  # requests in flight at once (on different hosts); also the connection pool size
    # SSRF guard: only public addresses are fetched. Tests and local development opt in
    # explicitly, either to every private address or to exact "host:port" pairs.
    allow_private_hosts: bool = False
    allowed_hosts: tuple[str, ...] = ()
    source_timeout: float = 600.0  # one source's fetches, retries and waits; then it fails
    run_timeout: float = 1500.0  # the whole run (a shard job has 30 min); then no source starts

    @property
    def user_agent(self) -> str:
        return f"{BOARD_NAME}-scraper/0.1 (+{self.contact_url}; paid remote micro-internships for students)"


@dataclass(frozen=True)
class Validators:
    """What a conditional request sends back: the last ETag and Last-Modified seen."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)

    def to_dict(self) -> dict[str, str]:
        return {k: v for k, v in (("etag", self.etag), ("last_modified", self.last_modified)) if v}

    @classmethod
    def from_dict(cls, data: Mapping[str, str] | None) -> "Validators":
        data = data or {}
        return cls(etag=data.get("etag"), last_modified=data.get("last_modified"))


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    headers: Mapping[str, str]
    url: str  # final URL after redirects
    not_modified: bool = False
    elapsed: float = 0.0  # seconds, including retries and politeness waits
    attempts: int = 1  # requests sent for this fetch (retries and redirects included)
    validators: Validators = field(default_factory=Validators)

    @property
    def content_type(self) -> str:
        return media_type(self.headers.get("Content-Type", ""))


def media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def content_type_allowed(content_type: str, allowed: tuple[str, ...] | list[str]) -> bool:
    """``allowed`` holds media types or fnmatch patterns such as ``application/*+json``."""
    mt = media_type(content_type)
    return bool(mt) and any(fnmatch.fnmatchcase(mt, pattern.lower()) for pattern in allowed)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    current = now if now is not None else datetime.now(timezone.utc).timestamp()
    return max(0.0, when.timestamp() - current)


def origin(url: str) -> str:
    p = urlsplit(url)
    return f"{p.scheme.lower()}://{(p.netloc or '').lower()}"


# ---- politeness --------------------------------------------------------------------


class _HostGate:
    """One request at a time per host, and never sooner than ``next_time``."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.next_time = 0.0

    def defer(self, seconds: float) -> None:
        self.next_time = max(self.next_time, time.monotonic() + seconds)


class _Robots:
    """A host's parsed robots.txt, or the reason everything on it is off limits."""

    def __init__(self, parser: Protego | None, unavailable: FetchError | None = None):
        self.parser = parser
        self.unavailable = unavailable

    def allowed(self, url: str) -> bool:
        if self.unavailable:
            return False
        return self.parser is None or self.parser.can_fetch(url, ROBOTS_TOKEN)

    def crawl_delay(self) -> float:
        if self.parser is None:
            return 0.0
        return float(self.parser.crawl_delay(ROBOTS_TOKEN) or 0.0)


# ---- public hosts only (SSRF) ------------------------------------------------------

_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def is_public_address(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether a scheduled job may connect to ``ip``: globally routable unicast only.

    ``is_global`` alone lets multicast through, and an IPv6 address can carry an IPv4
    one (``::ffff:127.0.0.1``, 6to4, Teredo, NAT64): the embedded address must be
    public too.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = [ip.ipv4_mapped, ip.sixtofour, ip.teredo[1] if ip.teredo else None]
        if ip in _NAT64:
            embedded.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        if any(e is not None and not is_public_address(e) for e in embedded):
            return False
    return ip.is_global and not (ip.is_multicast or ip.is_private or ip.is_reserved or ip.is_loopback
                                 or ip.is_link_local or ip.is_unspecified)


def _describe(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    for attr in ("is_loopback", "is_link_local", "is_multicast", "is_unspecified", "is_private", "is_reserved"):
        if getattr(ip, attr):
            return attr[3:].replace("_", "-")
    return "non-public"


def _host_port(host: str, port: int | None, scheme: str = "http") -> tuple[str, int]:
    host = host.strip("[]").rstrip(".").lower()
    return host, port or (443 if scheme == "https" else 80)


class HostGuard:
    """Resolve a host and refuse it unless every address is public (or explicitly allowed).

    ``allow_private`` turns the check off (tests, local development); ``allowed`` are
    exact ``host:port`` pairs that may be anything (a local test server), every other
    host is still checked. Every resolved address must pass, not just the first: a
    name that also resolves to 127.0.0.1 is refused, whatever order DNS returns.
    """

    def __init__(self, allow_private: bool = False, allowed: tuple[str, ...] = (), *,
                 resolver: Callable[..., list[Any]] = socket.getaddrinfo, resolve_timeout: float = 120.0):
        self.allow_private = allow_private
        self.allowed = frozenset(self._pair(a) for a in allowed)
        self.resolver = resolver  # getaddrinfo's signature; a test points it at a resolver that never answers
        self.resolve_timeout = resolve_timeout  # a lookup outside any request's watch (check_url) waits this long

    @staticmethod
    def _pair(text: str) -> tuple[str, int]:
        parts = urlsplit("//" + text.strip())
        if not parts.hostname or not parts.port:
            raise ValueError(f"allowed_hosts: {text!r} is not host:port")
        return _host_port(parts.hostname, parts.port)

    def exempt(self, host: str, port: int) -> bool:
        return self.allow_private or _host_port(host, port) in self.allowed

    def addresses(self, host: str, port: int, url: str = "",
                  deadline: "Deadline | None" = None) -> list[tuple[int, tuple[Any, ...]]]:
        """``(family, sockaddr)`` of every address of ``host``, all checked; raises :class:`BlockedHost`.

        Raises ``socket.gaierror`` when the name does not resolve.
        """
        # Resolve the name as given (a trailing dot matters to DNS); compare it normalized.
        infos = self._resolve(host.strip("[]"), port, url, deadline)
        found = [(family, sockaddr) for family, _t, _p, _c, sockaddr in infos]
        host, port = _host_port(host, port)
        if self.exempt(host, port):
            return found
        for _family, sockaddr in found:
            ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
            if not is_public_address(ip):
                shown = host if host == str(ip) else f"{host} ({ip})"
                raise BlockedHost(url or f"{host}:{port}",
                                  f"{shown} is a {_describe(ip)} address, not a public host; a scheduled "
                                  "job only fetches public hosts (tests opt in with [http] "
                                  "allow_private_hosts or allowed_hosts)")
        return found

    def _resolve(self, host: str, port: int, url: str, deadline: "Deadline | None") -> list[Any]:
        """``getaddrinfo`` in a thread of its own, so that a resolver that never answers cannot
        hold a request past its deadlines: the wait ends when the attempt's watch fires (its
        ``total_timeout`` or the source's or run's deadline, a stop included) or, outside a
        request, at ``deadline`` or after ``resolve_timeout``. The abandoned lookup ends with its resolver (a
        daemon thread: it never keeps a run from exiting)."""
        done, box = threading.Event(), {}

        def lookup() -> None:
            try:
                box["infos"] = self.resolver(host, port, type=socket.SOCK_STREAM)
            except BaseException as e:  # noqa: BLE001 - handed to the waiting thread
                box["error"] = e
            finally:
                done.set()

        threading.Thread(target=lookup, name=f"resolve {host}", daemon=True).start()
        watch = getattr(_ACTIVE, "watch", None)
        end = time.monotonic() + self.resolve_timeout
        # Polled from 0.5 ms, doubling to 50 ms: a lookup usually answers within a millisecond
        # (a cache, an address literal), and a first poll after 50 ms put 50 ms on every new
        # connection, the first request of each host included; a resolver that hangs is still
        # polled only 20 times a second.
        step = 0.0005
        while not wait_for(done, step):  # not done.wait(): see wait_for (a shifted clock)
            step = min(0.05, step * 2)
            if watch is not None and watch.fired:  # the request's own wrapper says which deadline
                raise ResolveTimeout(url or f"{host}:{port}", f"name resolution of {host} was cut")
            if watch is None and deadline is not None and deadline.expired_scope():
                raise deadline.error(url or host)
            if watch is None and time.monotonic() >= end:
                raise ResolveTimeout(url or f"{host}:{port}", f"name resolution of {host} did not finish "
                                                              f"within total_timeout = {self.resolve_timeout:g} s")
        if "error" in box:
            raise box["error"]
        return box["infos"]

    def check_url(self, url: str, deadline: "Deadline | None" = None) -> None:
        """Refuse ``url`` before anything is sent to it (its robots.txt included); the lookup
        ends at ``deadline`` (a source's or the run's) or ``resolve_timeout``."""
        parts = urlsplit(url)
        try:
            port = parts.port
        except ValueError as e:
            raise FetchError(url, f"invalid URL: {e}") from e
        host, port = _host_port(parts.hostname or "", port, parts.scheme.lower())
        if self.exempt(host, port):
            return
        try:
            self.addresses(host, port, url, deadline)
        except socket.gaierror:
            pass  # not a verdict on the host: the connection resolves again and is retried as before


# ---- deadlines -----------------------------------------------------------------------


class Deadline:
    """A point in (monotonic) time after which a source or a run must stop, and a stop switch.

    A source's deadline has the run's as ``parent``: it expires when either does, and
    :meth:`stop` on the run's (SIGTERM) expires every child at once, shutting down the
    sockets of the requests in flight (their :class:`_Watch`).
    """

    def __init__(self, seconds: float | None, what: str, parent: "Deadline | None" = None):
        self.at = time.monotonic() + seconds if seconds else math.inf
        self.seconds = seconds
        self.what = what
        self.parent = parent
        root = parent.root if parent else None
        self.root: Deadline = root or self
        if root is None:
            self.stopped = threading.Event()
            self.stop_reason = ""
            self._watches: set[_Watch] = set()
            self._on_stop: list[Callable[[], object]] = []
            self._lock = threading.Lock()

    def expired_scope(self) -> str | None:
        """``"stopped"``, ``"run"`` (an ancestor), ``"source"`` (this one) or None while time is left."""
        if self.root.stopped.is_set():
            return "stopped"
        if self.parent and self.parent.expired_scope():
            return self.parent.expired_scope()
        return self.what if time.monotonic() >= self.at else None

    def remaining(self) -> float:
        if self.root.stopped.is_set():
            return 0.0
        left = self.at - time.monotonic()
        if self.parent:
            left = min(left, self.parent.remaining())
        return max(0.0, left)

    def error(self, url: str) -> DeadlineExceeded:
        scope = self.expired_scope()
        if scope == "stopped":
            return DeadlineExceeded(url, f"run stopped ({self.root.stop_reason or 'signal'})", scope)
        owner = self._binding() if scope is None else self._find(scope)
        return DeadlineExceeded(url, f"{owner.what} deadline of {owner.seconds or 0:g} s passed", owner.what)

    def _chain(self) -> list["Deadline"]:
        chain, d = [], self
        while d is not None:
            chain.append(d)
            d = d.parent
        return chain

    def _find(self, what: str) -> "Deadline":
        return next((d for d in self._chain() if d.what == what), self)

    def _binding(self) -> "Deadline":
        """The deadline of the chain that ends first (a timer may wake a hair before it)."""
        return min(self._chain(), key=lambda d: d.at)

    def check(self, url: str) -> None:
        if self.expired_scope():
            raise self.error(url)

    def sleep(self, seconds: float) -> bool:
        """Wait ``seconds``, or less if the deadline comes first; True if the full wait was done."""
        left = self.remaining()
        wait_for(self.root.stopped, min(seconds, left))
        return seconds <= left and not self.root.stopped.is_set()

    def acquire(self, lock: Any) -> bool:
        """Take ``lock`` (a Lock or Semaphore) unless the deadline passes first."""
        while True:
            left = self.remaining()
            if left <= 0:
                return False
            if lock.acquire(timeout=min(left, 0.25)):
                return True

    def stop(self, reason: str) -> None:
        """Expire this deadline and every child now, and cut the requests in flight."""
        root = self.root
        root.stop_reason = reason
        root.stopped.set()
        with root._lock:
            watches, callbacks = list(root._watches), list(root._on_stop)
        for w in watches:
            w.fire()
        for callback in callbacks:
            callback()

    def on_stop(self, callback: Callable[[], object]) -> None:
        """Call ``callback()`` when :meth:`stop` is called (e.g. terminate worker processes)."""
        with self.root._lock:
            self.root._on_stop.append(callback)

    def _register(self, watch: "_Watch") -> None:
        with self.root._lock:
            self.root._watches.add(watch)

    def _unregister(self, watch: "_Watch") -> None:
        with self.root._lock:
            self.root._watches.discard(watch)


def wait_for(event: threading.Event, seconds: float, step: float = 0.05) -> bool:
    """``event.wait(seconds)`` in short sleeps; True if the event was set.

    CPython's timed lock waits hand the kernel an absolute CLOCK_MONOTONIC deadline. Under
    a shifted clock (``faketime -f '+400d' make test``, as the test policy asks) that
    deadline lies 400 days ahead of the kernel's own clock, so ``Event.wait(1)`` never
    returns; ``time.sleep`` is relative and keeps its length. A set event is seen within
    ``step`` seconds.
    """
    end = time.monotonic() + max(0.0, seconds)
    while not event.is_set():
        left = end - time.monotonic()
        if left <= 0:
            return False
        time.sleep(min(left, step))
    return True


class _Watch:
    """One attempt's watchdog: at its limit it shuts the connection's socket down.

    A blocked ``recv`` then returns at once, whatever the framing (Content-Length,
    chunked, close-delimited, or still in the headers, or the TLS handshake), and the
    reader checks :attr:`fired` to tell a cut from a real end of body. The connection is
    found through a thread-local (:data:`_ACTIVE`): requests and urllib3 open it inside
    ``session.get``, on this thread, before we ever see a response object.

    The watch holds its own duplicate descriptor of the socket: ``shutdown`` acts on the
    socket itself, so cutting the duplicate cuts the connection's reads too, even after
    TLS took the original over or the connection let go of it (a close-delimited
    response); and a descriptor of our own can never be one another thread reuses.
    """

    def __init__(self, limit: float):
        self.fired = False
        self._done = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._event = threading.Event()
        _WATCHDOG.add(self, time.monotonic() + max(0.0, limit))

    def fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.fired = True
            sock = self._sock
        self._event.set()
        _shutdown(sock)

    def attach(self, sock: socket.socket | None) -> None:
        """Watch ``sock``: a reused connection's, then a new one's if urllib3 reconnects."""
        if sock is None:
            return
        try:
            dup = socket.socket(fileno=os.dup(sock.fileno()))
        except OSError:
            return
        with self._lock:
            old, self._sock = self._sock, dup
            fired = self.fired
        if old is not None:
            old.close()
        if fired:
            _shutdown(dup)

    def finish(self) -> None:
        with self._lock:
            self._done = True
            sock, self._sock = self._sock, None
        self._event.set()
        if sock is not None:
            sock.close()


class _Watchdog:
    """The one thread that fires every :class:`_Watch` of the process at its limit.

    A thread per attempt cost a thread start (and its wait for the thread to run) on the
    path of every request, 240 of them in a 200-source run. This thread sleeps in short
    relative steps (as :func:`wait_for`, for a shifted clock), fires the watches whose limit
    passed, and ends after a second with nothing to watch, or at once when a Fetcher closes
    with nothing left to watch (:meth:`quiesce`: the next run forks its curation workers
    while it is the process's only thread); the next watch starts it again.
    """

    STEP = 0.05  # seconds: a watch fires at most this late
    IDLE = 1.0  # seconds with nothing to watch before the thread ends

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._heap: list[tuple[float, int, _Watch]] = []
        self._seq = 0
        self._thread: threading.Thread | None = None
        self._quiesce = False

    def add(self, watch: "_Watch", at: float) -> None:
        with self._lock:
            self._quiesce = False
            self._seq += 1
            heapq.heappush(self._heap, (at, self._seq, watch))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="http-deadline", daemon=True)
                self._thread.start()

    def _due(self, now: float) -> tuple[list["_Watch"], float | None]:
        """Pop the watches due at ``now`` (and the finished ones); the next limit, or None."""
        due = []
        while self._heap and (self._heap[0][0] <= now or self._heap[0][2]._done):
            _at, _seq, watch = heapq.heappop(self._heap)
            if not watch._done:
                due.append(watch)
        return due, self._heap[0][0] if self._heap else None

    def _run(self) -> None:
        idle_since = time.monotonic()
        while True:
            now = time.monotonic()
            with self._lock:
                due, upcoming = self._due(now)
                if upcoming is None and not due and (self._quiesce or now - idle_since >= self.IDLE):
                    self._thread, self._quiesce = None, False
                    return
            for watch in due:
                watch.fire()
            if upcoming is not None:
                idle_since = now
            time.sleep(self.STEP if upcoming is None else min(self.STEP, max(0.0, upcoming - now)))


    def quiesce(self) -> None:
        """End the thread now if nothing is left to watch (and wait for it, briefly)."""
        with self._lock:
            if any(not watch._done for _at, _seq, watch in self._heap):
                return
            self._quiesce, thread = True, self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(2 * self.STEP + 1.0)


_WATCHDOG = _Watchdog()


def _shutdown(sock: socket.socket | None) -> None:
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


_ACTIVE = threading.local()  # .watch: the _Watch of the attempt running on this thread


class _GuardedConnection:
    """Mixed into urllib3's connections: connect only to checked addresses, under the watch."""

    guard: HostGuard

    def _new_conn(self) -> socket.socket:  # type: ignore[misc]
        conn: Any = self
        try:
            addresses = self.guard.addresses(conn._dns_host, conn.port)
        except socket.gaierror as e:
            raise NameResolutionError(conn.host, conn, e) from e
        error: Exception | None = None
        for _family, sockaddr in addresses:
            try:
                sock = urllib3_connection.create_connection(
                    (sockaddr[0], sockaddr[1]), conn.timeout, source_address=conn.source_address,
                    socket_options=conn.socket_options)
            except socket.timeout as e:
                error = ConnectTimeoutError(conn, f"Connection to {conn.host} timed out. (connect timeout={conn.timeout})")
                error.__cause__ = e
                continue
            except OSError as e:
                error = NewConnectionError(conn, f"Failed to establish a new connection: {e}")
                continue
            sys.audit("http.client.connect", conn, conn.host, conn.port)
            watch = getattr(_ACTIVE, "watch", None)
            if watch is not None:  # before TLS: a dripped handshake is cut like a dripped body
                watch.attach(sock)
            return sock
        raise error or NewConnectionError(conn, f"no address for {conn.host}")

    def request(self, *args: Any, **kwargs: Any) -> None:
        watch = getattr(_ACTIVE, "watch", None)
        sock = getattr(self, "sock", None)
        if watch is not None and sock is not None:  # a reused keep-alive connection: no _new_conn this time
            watch.attach(sock)
        super().request(*args, **kwargs)  # type: ignore[misc]


class _GuardedAdapter(HTTPAdapter):
    """requests' adapter with connection pools whose connections go through a :class:`HostGuard`."""

    def __init__(self, guard: HostGuard, **kwargs: Any):
        self._guard = guard
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        http_conn = type("GuardedHTTPConnection", (_GuardedConnection, HTTPConnection), {"guard": self._guard})
        https_conn = type("GuardedHTTPSConnection", (_GuardedConnection, HTTPSConnection), {"guard": self._guard})
        self.poolmanager.pool_classes_by_scheme = {
            "http": type("GuardedHTTPConnectionPool", (HTTPConnectionPool,), {"ConnectionCls": http_conn}),
            "https": type("GuardedHTTPSConnectionPool", (HTTPSConnectionPool,), {"ConnectionCls": https_conn}),
        }


# ---- the client --------------------------------------------------------------------


class _Session(requests.Session):
    """A Session that reads the proxy and CA-bundle variables once per origin, not per request.

    ``requests`` re-scans all of ``os.environ`` (and ``no_proxy``) for every request; a
    run does not change its environment, and 200 sources spent a tenth of their HTTP
    time there.
    """

    def __init__(self) -> None:
        super().__init__()
        self._env: dict[tuple[Any, ...], dict[str, Any]] = {}
        self._env_lock = threading.Lock()

    def merge_environment_settings(self, url, proxies, stream, verify, cert):  # type: ignore[no-untyped-def]
        if proxies or not isinstance(verify, (bool, str, type(None))) or not isinstance(cert, (str, type(None))):
            return super().merge_environment_settings(url, proxies, stream, verify, cert)
        key = (origin(url), stream, verify, cert)
        with self._env_lock:
            settings = self._env.get(key)
        if settings is None:
            settings = super().merge_environment_settings(url, proxies, stream, verify, cert)
            with self._env_lock:
                self._env[key] = settings
        return {**settings, "proxies": dict(settings["proxies"])}


class Fetcher:
    """One ``requests.Session`` shared by every adapter and thread of a run."""

    def __init__(self, settings: HttpSettings | None = None,
                 resolver: Callable[..., list[Any]] = socket.getaddrinfo):
        self.settings = settings or HttpSettings()
        self.session = _Session()
        self.session.headers["User-Agent"] = self.settings.user_agent
        self.session.headers["Accept-Encoding"] = "gzip, deflate"
        pool = max(4, self.settings.workers)
        self.guard = HostGuard(self.settings.allow_private_hosts, tuple(self.settings.allowed_hosts),
                               resolver=resolver, resolve_timeout=self.settings.total_timeout)
        # pool_connections is how many hosts keep their connection pool (LRU), not a bound on
        # requests: sized by workers, a run over more hosts than workers dropped a host's
        # keep-alive connection whenever others were asked in between, and every request paid
        # a new connection and name lookup. One request a host at a time needs one connection.
        adapter = _GuardedAdapter(self.guard, pool_connections=HOST_POOLS, pool_maxsize=pool, max_retries=0)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self._lock = threading.Lock()
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, _Robots] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        # A run has a thread per source, most of them parsing or waiting for curation; this
        # is what bounds the requests actually in flight.
        self._inflight = threading.BoundedSemaphore(max(1, self.settings.workers))

    def close(self) -> None:
        self.session.close()
        _WATCHDOG.quiesce()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public ---------------------------------------------------------------------

    def get(
        self,
        url: str,
        *,
        content_types: tuple[str, ...] | list[str],
        min_delay: float = 1.0,
        validators: Validators | None = None,
        accept: str | None = None,
        deadline: Deadline | None = None,
    ) -> Response:
        """Fetch ``url`` politely; return a :class:`Response` or raise a :class:`FetchError`.

        With ``validators`` the request is conditional and a 304 comes back as
        ``Response(not_modified=True, body=b"")``. With ``deadline`` (a source's), no
        wait, retry or read outlives it: :class:`DeadlineExceeded`.
        """
        started = time.monotonic()
        deadline = deadline or Deadline(None, "fetch")
        headers = dict(validators.headers()) if validators else {}
        exact = [t for t in content_types if "*" not in t]  # patterns are ours, not media ranges
        headers["Accept"] = accept or ", ".join([*exact, "*/*;q=0.1"])
        seen = [url]
        attempts = 0
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            _check_scheme(current, url)
            deadline.check(current)
            self.guard.check_url(current, deadline)
            interval = self._interval(current, min_delay, deadline)
            status, resp_headers, body, n = self._fetch_hop(current, headers, interval, content_types, validators,
                                                            deadline=deadline)
            attempts += n
            if status in REDIRECT_STATUSES:
                location = resp_headers.get("Location")
                if not location:
                    raise RedirectError(current, f"HTTP {status} without a Location header")
                target = urljoin(current, location.strip())
                if target in seen:
                    chain = " -> ".join(seen + [target])
                    raise RedirectError(url, f"redirect loop: {chain}")
                seen.append(target)
                current = target
                continue
            not_modified = status == 304
            return Response(
                status=status,
                body=body,
                headers=resp_headers,
                url=current,
                not_modified=not_modified,
                elapsed=time.monotonic() - started,
                attempts=attempts,
                validators=validators if (not_modified and validators) else Validators(
                    etag=resp_headers.get("ETag"), last_modified=resp_headers.get("Last-Modified")
                ),
            )
        raise RedirectError(url, f"more than {self.settings.max_redirects} redirects: {' -> '.join(seen)}")

    # -- one hop, with retries ------------------------------------------------------

    def _fetch_hop(
        self,
        url: str,
        headers: dict[str, str],
        interval: float,
        content_types: tuple[str, ...] | list[str],
        validators: Validators | None,
        max_bytes: int | None = None,
        check_type: bool = True,
        deadline: Deadline | None = None,
    ) -> tuple[int, Mapping[str, str], bytes, int]:
        s = self.settings
        deadline = deadline or Deadline(None, "fetch")
        gate = self._gate(url)
        attempt = 0
        while True:
            attempt += 1
            wait: float | None = None
            try:
                with self._slot(gate, interval, deadline, url):
                    return (*self._attempt(url, headers, content_types, validators, max_bytes, check_type, deadline),
                            attempt)
            except _Retry as r:
                error, wait = r.error, r.wait
            except TotalTimeout:
                raise  # a server that drips past total_timeout is slow by design: retrying multiplies it
            except _RETRYABLE as e:
                error = e
            if attempt > s.retries:
                raise error
            backoff = min(s.max_backoff, s.backoff * 2 ** (attempt - 1))
            if wait is not None:
                if wait > s.max_retry_after:
                    raise RateLimited(
                        url,
                        f"server asked to retry after {wait:.0f} s, more than our cap of "
                        f"{s.max_retry_after:.0f} s; giving up until the next run",
                        getattr(error, "status", 429),
                    )
                backoff = max(backoff, wait)
            # The wait applies to the host, not just this request: other sources on it wait too.
            gate.defer(backoff)

    def _attempt(
        self,
        url: str,
        headers: dict[str, str],
        content_types: tuple[str, ...] | list[str],
        validators: Validators | None,
        max_bytes: int | None,
        check_type: bool,
        deadline: Deadline,
    ) -> tuple[int, Mapping[str, str], bytes]:
        """One request and its body, under a watchdog at ``min(total_timeout, deadline)``."""
        with self._watched(url, deadline):
            return self._request(url, headers, content_types, validators, max_bytes, check_type)

    @contextmanager
    def _watched(self, url: str, deadline: Deadline) -> Iterator[None]:
        """Run one request under a :class:`_Watch`; a cut becomes :class:`TotalTimeout` or
        :class:`DeadlineExceeded`, whatever the reader raised when its socket went away."""
        left = deadline.remaining()
        if left <= 0:
            raise deadline.error(url)
        by_deadline = left < self.settings.total_timeout
        watch = _Watch(min(self.settings.total_timeout, left))
        deadline._register(watch)
        _ACTIVE.watch = watch
        try:
            yield
        except Exception as e:
            if watch.fired:
                raise self._cut(url, deadline, by_deadline) from e
            raise
        finally:
            _ACTIVE.watch = None
            watch.finish()
            deadline._unregister(watch)

    def _cut(self, url: str, deadline: Deadline, by_deadline: bool) -> FetchError:
        """The error for an attempt its watchdog cut: the caller's deadline, or ``total_timeout``."""
        if by_deadline or deadline.expired_scope():
            return deadline.error(url)
        return TotalTimeout(url, f"response not complete within total_timeout = {self.settings.total_timeout:g} s")

    def _request(
        self,
        url: str,
        headers: dict[str, str],
        content_types: tuple[str, ...] | list[str],
        validators: Validators | None,
        max_bytes: int | None,
        check_type: bool,
    ) -> tuple[int, Mapping[str, str], bytes]:
        s = self.settings
        try:
            resp = self.session.get(
                url,
                headers=headers,
                stream=True,
                allow_redirects=False,
                timeout=(s.connect_timeout, s.read_timeout),
            )
        except requests.exceptions.ConnectTimeout as e:
            raise FetchTimeout(url, f"connect timeout after {s.connect_timeout:g} s") from e
        except requests.exceptions.ReadTimeout as e:
            raise FetchTimeout(url, f"no response within {s.read_timeout:g} s") from e
        except requests.exceptions.TooManyRedirects as e:  # pragma: no cover - redirects are manual
            raise RedirectError(url, str(e)) from e
        except requests.exceptions.InvalidURL as e:
            raise FetchError(url, f"invalid URL: {e}") from e
        except requests.exceptions.ConnectionError as e:
            raise ConnectFailed(url, f"connection failed: {_root_cause(e)}") from e
        except requests.exceptions.RequestException as e:
            raise FetchError(url, f"request failed: {e}") from e

        with resp:
            status = resp.status_code
            resp_headers = resp.headers
            if status == 429 or status >= 500:
                wait = parse_retry_after(resp.headers.get("Retry-After"))
                raise _Retry(HttpStatusError(url, f"HTTP {status} {resp.reason or ''}".strip(), status), wait)
            if status == 304:
                # A 304 has no body (RFC 9110 §15.4.5): mark it read, so the connection goes
                # back to the pool. Closing an unread response closes its socket, and an
                # unchanged re-scrape then paid a new connection (and name lookup) per source.
                resp.raw.drain_conn()
                return status, resp_headers, b""
            if status in REDIRECT_STATUSES:
                return status, resp_headers, b""
            if status >= 400:
                raise HttpStatusError(url, f"HTTP {status} {resp.reason or ''}".strip(), status)
            if check_type and not content_type_allowed(resp.headers.get("Content-Type", ""), content_types):
                got = resp.headers.get("Content-Type") or "(none)"
                raise WrongContentType(url, f"unexpected content type {got!r}, expected one of {', '.join(content_types)}")
            body = self._read_body(resp, url, max_bytes or s.max_bytes)
            return status, resp_headers, body

    def _read_body(self, resp: requests.Response, url: str, limit: int) -> bytes:
        """Stream the body, aborting past ``limit`` bytes (decoded) or ``total_timeout``."""
        declared = resp.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise BodyTooLarge(url, f"body of {int(declared):,} bytes exceeds the cap of {limit:,}")
        deadline = time.monotonic() + self.settings.total_timeout
        chunks: list[bytes] = []
        total = 0
        try:
            for chunk in resp.iter_content(64 * 1024):
                total += len(chunk)
                if total > limit:
                    raise BodyTooLarge(url, f"body exceeds the cap of {limit:,} bytes")
                if time.monotonic() > deadline:
                    raise TotalTimeout(url, f"body not complete after {self.settings.total_timeout:g} s")
                chunks.append(chunk)
        except requests.exceptions.ChunkedEncodingError as e:
            raise TruncatedBody(url, f"body ended early after {total:,} bytes: {_root_cause(e)}") from e
        except requests.exceptions.ContentDecodingError as e:
            raise TruncatedBody(url, f"body could not be decoded: {_root_cause(e)}") from e
        except requests.exceptions.ConnectionError as e:
            if any(isinstance(a, ReadTimeoutError) for a in e.args):
                raise FetchTimeout(url, f"body stalled for {self.settings.read_timeout:g} s") from e
            raise TruncatedBody(url, f"connection lost after {total:,} bytes: {_root_cause(e)}") from e
        watch = getattr(_ACTIVE, "watch", None)
        if watch is not None and watch.fired:  # a close-delimited body "ends" when its socket is cut
            raise TotalTimeout(url, f"body not complete after {self.settings.total_timeout:g} s")
        body = b"".join(chunks)
        if declared.isdigit() and not resp.headers.get("Content-Encoding") and len(body) != int(declared):
            raise TruncatedBody(url, f"got {len(body):,} of {int(declared):,} bytes")
        return body

    def head(self, url: str, min_delay: float = 1.0) -> int:
        """Status of one HEAD request (redirects not followed), robots.txt and politeness applied.

        For the link checker: cheap liveness before it falls back to :meth:`get`.
        """
        self.guard.check_url(url)
        interval = self._interval(url, min_delay)  # raises RobotsDisallowed; honours Crawl-delay
        s = self.settings
        deadline = Deadline(None, "fetch")
        with self._slot(self._gate(url), interval, deadline, url), self._watched(url, deadline):
            try:
                resp = self.session.head(url, allow_redirects=False, timeout=(s.connect_timeout, s.read_timeout))
            except requests.exceptions.Timeout as e:
                raise FetchTimeout(url, "HEAD timed out") from e
            except requests.exceptions.RequestException as e:
                raise FetchError(url, f"HEAD failed: {e}") from e
            resp.close()
            return resp.status_code

    # -- robots and politeness --------------------------------------------------------

    def _interval(self, url: str, min_delay: float, deadline: Deadline | None = None) -> float:
        """Minimum seconds between requests to this host; raises if robots.txt says no."""
        if not self.settings.respect_robots:
            return max(0.0, min_delay)
        robots = self._robots_for(url, min_delay, deadline or Deadline(None, "fetch"))
        if isinstance(robots.unavailable, BlockedHost):  # robots.txt redirected to a private address
            raise BlockedHost(url, f"robots.txt: {robots.unavailable.message}")
        if isinstance(robots.unavailable, (ConnectFailed, FetchTimeout)):
            # The host itself is unreachable: say so, rather than blame robots.txt.
            raise type(robots.unavailable)(url, robots.unavailable.message)
        if robots.unavailable:
            raise RobotsDisallowed(url, f"robots.txt unavailable ({robots.unavailable.message}); "
                                        "RFC 9309 says to assume everything is disallowed")
        if not robots.allowed(url):
            raise RobotsDisallowed(url, f"robots.txt disallows this URL for {ROBOTS_TOKEN!r}")
        return max(0.0, min_delay, min(robots.crawl_delay(), self.settings.max_crawl_delay))

    def _robots_for(self, url: str, min_delay: float, deadline: Deadline) -> _Robots:
        key = origin(url)
        with self._lock:
            lock = self._robots_locks.setdefault(key, threading.Lock())
        if not deadline.acquire(lock):  # another source is fetching this host's robots.txt
            raise deadline.error(url)
        try:  # one fetch of robots.txt per host per run, even with many sources on it
            if key not in self._robots:
                # A deadline cut raises and caches nothing: it says nothing about the host.
                self._robots[key] = self._fetch_robots(key, min_delay, deadline)
            return self._robots[key]
        finally:
            lock.release()

    def _fetch_robots(self, base: str, min_delay: float, deadline: Deadline) -> _Robots:
        url = base + "/robots.txt"
        seen = [url]
        current = url
        try:
            for _hop in range(self.settings.max_redirects + 1):
                self.guard.check_url(current, deadline)
                status, headers, body, _n = self._fetch_hop(
                    current, {"Accept": "text/plain, */*;q=0.1"}, max(0.0, min_delay), (), None,
                    max_bytes=ROBOTS_MAX_BYTES, check_type=False, deadline=deadline,
                )
                if status in REDIRECT_STATUSES and headers.get("Location"):
                    current = urljoin(current, headers["Location"])
                    if current in seen or urlsplit(current).scheme not in ("http", "https"):
                        break
                    seen.append(current)
                    continue
                text = body.decode("utf-8", errors="replace")
                return _Robots(Protego.parse(text))
            return _Robots(None)  # RFC 9309: give up following after 5 redirects: no rules
        except DeadlineExceeded:
            raise
        except BodyTooLarge:
            return _Robots(None)
        except HttpStatusError as e:
            if 400 <= e.status < 500 and e.status != 429:
                return _Robots(None)  # RFC 9309: 4xx means no robots.txt, everything allowed
            return _Robots(None, unavailable=e)
        except FetchError as e:
            return _Robots(None, unavailable=e)

    def _gate(self, url: str) -> _HostGate:
        key = origin(url)
        with self._lock:
            return self._gates.setdefault(key, _HostGate())

    @contextmanager
    def _slot(self, gate: _HostGate, interval: float, deadline: Deadline, url: str) -> Iterator[None]:
        """This host's turn and a request slot; every wait ends at ``deadline`` (or a stop)."""
        if not deadline.acquire(gate.lock):
            raise deadline.error(url)
        try:
            delay = gate.next_time - time.monotonic()
            if delay > 0 and not deadline.sleep(delay):
                raise deadline.error(url)
            if not deadline.acquire(self._inflight):
                raise deadline.error(url)
            try:
                yield
            finally:
                self._inflight.release()
                gate.next_time = max(gate.next_time, time.monotonic() + interval)
        finally:
            gate.lock.release()


class _Retry(Exception):
    """Internal: a retryable status, with the server's Retry-After if it gave one."""

    def __init__(self, error: FetchError, wait: float | None):
        super().__init__(str(error))
        self.error = error
        self.wait = wait


def _check_scheme(url: str, original: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        if url == original:
            raise FetchError(url, "not an http(s) URL")
        raise RedirectError(original, f"redirected to a non-http(s) URL {url!r}")


def _root_cause(exc: BaseException) -> str:
    """The innermost message: 'Connection refused' rather than three layers of repr."""
    seen = set()
    while True:
        inner = exc.__cause__ or exc.__context__ or (exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None)
        if inner is None or id(inner) in seen:
            break
        seen.add(id(inner))
        exc = inner
    reason = getattr(exc, "reason", None)
    text = str(reason if isinstance(reason, BaseException) else exc)
    return text[:200]
