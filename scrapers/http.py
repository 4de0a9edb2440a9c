"""The one HTTP client every adapter fetch goes through.

Everything that makes a scraper a good citizen lives here once, so an adapter cannot
forget it: timeouts, retries with backoff that honour ``Retry-After``, a User-Agent with
a contact URL, robots.txt (RFC 9309, parsed by protego), at most one request at a time
per host with a minimum interval, a size cap and a content-type check on every body,
redirects followed by hand (so robots and politeness apply on every hop), and
conditional requests (ETag / Last-Modified) so an unchanged source costs one 304.

Concurrency *across* hosts is the caller's job (``scrapers.run`` uses a thread pool);
:class:`Fetcher` is thread-safe and serializes requests per host itself.
"""

from __future__ import annotations

import email.utils
import fnmatch
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Iterator, Mapping
from urllib.parse import urljoin, urlsplit

import requests
from protego import Protego
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ReadTimeoutError

BOARD_NAME = "microboard"
ROBOTS_TOKEN = "microboard"  # the product token robots.txt groups are matched against
DEFAULT_CONTACT_URL = "https://github.com/microboard/microboard"
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309 asks parsers to read at least 500 KiB


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

    def __init__(self, settings: HttpSettings | None = None):
        self.settings = settings or HttpSettings()
        self.session = _Session()
        self.session.headers["User-Agent"] = self.settings.user_agent
        self.session.headers["Accept-Encoding"] = "gzip, deflate"
        pool = max(4, self.settings.workers)
        adapter = HTTPAdapter(pool_connections=pool, pool_maxsize=pool, max_retries=0)
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
    ) -> Response:
        """Fetch ``url`` politely; return a :class:`Response` or raise a :class:`FetchError`.

        With ``validators`` the request is conditional and a 304 comes back as
        ``Response(not_modified=True, body=b"")``.
        """
        started = time.monotonic()
        headers = dict(validators.headers()) if validators else {}
        exact = [t for t in content_types if "*" not in t]  # patterns are ours, not media ranges
        headers["Accept"] = accept or ", ".join([*exact, "*/*;q=0.1"])
        seen = [url]
        attempts = 0
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            _check_scheme(current, url)
            interval = self._interval(current, min_delay)
            status, resp_headers, body, n = self._fetch_hop(current, headers, interval, content_types, validators)
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
    ) -> tuple[int, Mapping[str, str], bytes, int]:
        s = self.settings
        gate = self._gate(url)
        attempt = 0
        while True:
            attempt += 1
            wait: float | None = None
            try:
                with self._slot(gate, interval):
                    return (*self._attempt(url, headers, content_types, validators, max_bytes, check_type), attempt)
            except _Retry as r:
                error, wait = r.error, r.wait
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
            if status in REDIRECT_STATUSES or status == 304:
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
                    raise FetchTimeout(url, f"body not complete after {self.settings.total_timeout:g} s")
                chunks.append(chunk)
        except requests.exceptions.ChunkedEncodingError as e:
            raise TruncatedBody(url, f"body ended early after {total:,} bytes: {_root_cause(e)}") from e
        except requests.exceptions.ContentDecodingError as e:
            raise TruncatedBody(url, f"body could not be decoded: {_root_cause(e)}") from e
        except requests.exceptions.ConnectionError as e:
            if any(isinstance(a, ReadTimeoutError) for a in e.args):
                raise FetchTimeout(url, f"body stalled for {self.settings.read_timeout:g} s") from e
            raise TruncatedBody(url, f"connection lost after {total:,} bytes: {_root_cause(e)}") from e
        body = b"".join(chunks)
        if declared.isdigit() and not resp.headers.get("Content-Encoding") and len(body) != int(declared):
            raise TruncatedBody(url, f"got {len(body):,} of {int(declared):,} bytes")
        return body

    def head(self, url: str, min_delay: float = 1.0) -> int:
        """Status of one HEAD request (redirects not followed), robots.txt and politeness applied.

        For the link checker: cheap liveness before it falls back to :meth:`get`.
        """
        interval = self._interval(url, min_delay)  # raises RobotsDisallowed; honours Crawl-delay
        s = self.settings
        with self._slot(self._gate(url), interval):
            try:
                resp = self.session.head(url, allow_redirects=False, timeout=(s.connect_timeout, s.read_timeout))
            except requests.exceptions.Timeout as e:
                raise FetchTimeout(url, "HEAD timed out") from e
            except requests.exceptions.RequestException as e:
                raise FetchError(url, f"HEAD failed: {e}") from e
            resp.close()
            return resp.status_code

    # -- robots and politeness --------------------------------------------------------

    def _interval(self, url: str, min_delay: float) -> float:
        """Minimum seconds between requests to this host; raises if robots.txt says no."""
        if not self.settings.respect_robots:
            return max(0.0, min_delay)
        robots = self._robots_for(url, min_delay)
        if isinstance(robots.unavailable, (ConnectFailed, FetchTimeout)):
            # The host itself is unreachable: say so, rather than blame robots.txt.
            raise type(robots.unavailable)(url, robots.unavailable.message)
        if robots.unavailable:
            raise RobotsDisallowed(url, f"robots.txt unavailable ({robots.unavailable.message}); "
                                        "RFC 9309 says to assume everything is disallowed")
        if not robots.allowed(url):
            raise RobotsDisallowed(url, f"robots.txt disallows this URL for {ROBOTS_TOKEN!r}")
        return max(0.0, min_delay, min(robots.crawl_delay(), self.settings.max_crawl_delay))

    def _robots_for(self, url: str, min_delay: float) -> _Robots:
        key = origin(url)
        with self._lock:
            lock = self._robots_locks.setdefault(key, threading.Lock())
        with lock:  # one fetch of robots.txt per host per run, even with many sources on it
            if key not in self._robots:
                self._robots[key] = self._fetch_robots(key, min_delay)
            return self._robots[key]

    def _fetch_robots(self, base: str, min_delay: float) -> _Robots:
        url = base + "/robots.txt"
        seen = [url]
        current = url
        try:
            for _hop in range(self.settings.max_redirects + 1):
                status, headers, body, _n = self._fetch_hop(
                    current, {"Accept": "text/plain, */*;q=0.1"}, max(0.0, min_delay), (), None,
                    max_bytes=ROBOTS_MAX_BYTES, check_type=False,
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
    def _slot(self, gate: _HostGate, interval: float) -> Iterator[None]:
        with gate.lock:
            delay = gate.next_time - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            try:
                with self._inflight:
                    yield
            finally:
                gate.next_time = max(gate.next_time, time.monotonic() + interval)


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
