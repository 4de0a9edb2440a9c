"""One scrape run: fetch every chosen source, curate its records, store the entries.

Per source: skip it if disabled or if its terms forbid reuse; fetch each of the
adapter's URLs through :mod:`scrapers.http`; parse the bodies into raw records; send
every record to ``scrapers.curation.curate``; merge the kept entries into the source's
file with :mod:`scrapers.storage`. Nothing a source does can crash the run: a failure
is counted, reported and leaves that source's entries as they were.

Sources run concurrently in a thread pool; the HTTP client serializes requests per
host, so concurrency is across hosts only. After the sources, entries reached from two
sources are merged (:func:`scrapers.storage.dedupe`), except in a shard run, whose
``--merge`` step does it once for all shards.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import json
import sys
import threading
import time
import zlib
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterable, TextIO
from urllib.parse import urlsplit

from board.entry import Entry, format_datetime
from . import adapters, pool as curation_pool, review, storage
from .curation import Decision
from .curator import Curate, default_curation
from .config import Config
from .http import Deadline, DeadlineExceeded, FetchError, Fetcher, HttpSettings, Response, Validators, wait_for
from .record import ParseError, RawRecord, SourceConfig

MAX_THREADS = 256  # threads of a run, one per source up to this
MAX_FOLLOW = 500  # detail pages fetched per source and run, whatever follow() returns
START_WAIT = 1.0  # seconds the later sources wait at most for every host's first source to reach its first request
DEFAULT_CONTENT_TYPES = ("application/json", "application/*+json", "application/*xml", "text/xml",
                         "text/html", "application/xhtml+xml")

GetAdapter = Callable[[str], ModuleType]


# ---- results --------------------------------------------------------------------------


@dataclass
class SourceResult:
    """Everything the summary table and ``--summary-json`` say about one source."""

    name: str
    kind: str
    status: str = "ok"  # ok | not-modified | held | failed | skipped | not-run (run deadline or stop)
    reason: str = ""  # why skipped or failed (reason code + message)
    urls: int = 0
    requests: int = 0
    bytes: int = 0
    fetched: int = 0  # raw records parsed
    kept: int = 0
    rejected: Counter = field(default_factory=Counter)  # reason code -> count
    reviewed: Counter = field(default_factory=Counter)  # REVIEW_* code -> count (queued, never published)
    queued: list[str] = field(default_factory=list)  # keys new to the review queue this run
    errors: int = 0  # records whose curation raised, plus a failed fetch or parse
    error_messages: list[str] = field(default_factory=list)
    not_modified: bool = False
    new: int = 0
    closed: int = 0
    total: int = 0  # entries in the source's file afterwards
    written: bool = False
    seconds: float = 0.0
    explain: list[str] = field(default_factory=list)
    entries: list[Entry] | None = field(default=None, repr=False)  # the source's file as written (for dedupe)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "kind": self.kind, "status": self.status, "reason": self.reason,
            "urls": self.urls, "requests": self.requests, "bytes": self.bytes, "fetched": self.fetched,
            "kept": self.kept, "rejected": dict(sorted(self.rejected.items())),
            "review": dict(sorted(self.reviewed.items())), "queued": self.queued, "errors": self.errors,
            "error_messages": self.error_messages[:20], "not_modified": self.not_modified, "new": self.new,
            "closed": self.closed, "total": self.total, "written": self.written, "seconds": round(self.seconds, 3),
        }


@dataclass
class RunResult:
    now: datetime
    shard: tuple[int, int] | None
    sources: list[SourceResult]
    merged: list[tuple[str, str, str]] = field(default_factory=list)  # dedupe: slug, from, into
    dedupe_error: str = ""
    stopped: str = ""  # why the run stopped early ("SIGTERM", "run deadline …"), else empty

    @property
    def failed(self) -> list[SourceResult]:
        return [s for s in self.sources if s.status == "failed"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "now": format_datetime(self.now),
            "shard": f"{self.shard[0]}/{self.shard[1]}" if self.shard else None,
            "sources": [s.to_dict() for s in self.sources],
            "totals": {
                "sources": len(self.sources),
                "failed": len(self.failed),
                "skipped": sum(s.status == "skipped" for s in self.sources),
                "not_run": sum(s.status == "not-run" for s in self.sources),
                "not_modified": sum(s.not_modified for s in self.sources),
                "fetched": sum(s.fetched for s in self.sources),
                "kept": sum(s.kept for s in self.sources),
                "errors": sum(s.errors for s in self.sources),
            },
            "dedupe": {"merged": [list(m) for m in self.merged], "error": self.dedupe_error},
            "stopped": self.stopped,
        }


# ---- choosing sources -----------------------------------------------------------------


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/4"`` -> ``(2, 4)``; shards are numbered from 1."""
    try:
        k, n = (int(x) for x in text.split("/"))
    except ValueError:
        raise ValueError(f"--shard must look like K/N (e.g. 2/4), not {text!r}") from None
    if not (n >= 1 and 1 <= k <= n):
        raise ValueError(f"--shard {text}: need 1 <= K <= N")
    return k, n


def host_of(source: SourceConfig) -> str:
    return (urlsplit(source.url).hostname or "").lower()


def shard_sources(sources: Iterable[SourceConfig], k: int, n: int) -> list[SourceConfig]:
    """The sources of shard ``k`` of ``n``.

    Sources are split by *host*, so every source on one host lands in one shard and
    per-host politeness holds across parallel shard jobs. A host's shard is a stable
    hash of its name (crc32), so adding a source never moves the others.
    """
    return [s for s in sources if zlib.crc32(host_of(s).encode()) % n == k - 1]


def select_sources(config: Config, names: Iterable[str] | None, shard: tuple[int, int] | None) -> list[SourceConfig]:
    chosen = list(config.sources)
    if names:
        wanted = list(dict.fromkeys(names))
        known = {s.name for s in chosen}
        missing = [n for n in wanted if n not in known]
        if missing:
            raise ValueError(f"unknown source(s): {', '.join(missing)}; known: {', '.join(sorted(known))}")
        chosen = [s for s in chosen if s.name in wanted]
    if shard:
        chosen = shard_sources(chosen, *shard)
    return chosen


# ---- adapters and curation ------------------------------------------------------------


def default_get_adapter(kind: str) -> ModuleType:
    """An adapter module by kind; a dotted kind names a module outside scrapers/adapters."""
    if "." in kind:
        return importlib.import_module(kind)
    return adapters.get(kind)


def fingerprint(source: SourceConfig, adapter: ModuleType, extra_files: Iterable[Path]) -> str:
    """A hash of what decided this source's entries. A 304 is only trusted if it is unchanged:
    new curation rules or a fixed adapter must re-read an unchanged source."""
    h = hashlib.sha256(repr(source).encode())
    files = [Path(inspect.getsourcefile(adapter) or "")] if getattr(adapter, "__file__", None) else []
    for path in [*files, *extra_files]:
        h.update(_file_digest(path))
    return h.hexdigest()[:16]


_DIGESTS: dict[tuple[str, int, int], bytes] = {}  # (path, mtime_ns, size) -> sha256 of the bytes


def _file_digest(path: Path) -> bytes:
    """A code file's hash, read once per version of the file (every source of a run hashes the same files)."""
    try:
        st = path.stat()
        key = (str(path), st.st_mtime_ns, st.st_size)
        digest = _DIGESTS.get(key)
        if digest is None:
            digest = _DIGESTS[key] = hashlib.sha256(path.read_bytes()).digest()
        return digest
    except OSError:
        return str(path).encode()


# ---- the run --------------------------------------------------------------------------


@dataclass
class Context:
    store: storage.Store
    fetcher: Fetcher
    now: datetime
    curate: Curate
    rules: Any
    get_adapter: GetAdapter
    guard: storage.Guard
    explain: bool
    code_files: list[Path]
    pool: curation_pool.CurationPool | None = None
    deadline: Deadline = field(default_factory=lambda: Deadline(None, "run"))  # the run's; sources get children
    source_timeout: float | None = None
    starting: "_Starting | None" = None  # the first round of sources, until each reached its first request

    def decide(self, records: list[RawRecord], source: SourceConfig) -> list[Decision]:
        if self.pool is not None:
            return self.pool.decide(records, source, self.now)
        return curation_pool.decide(self.curate, self.rules, records, source, self.now)


def run(
    config: Config,
    out_dir: Path | str,
    *,
    names: Iterable[str] | None = None,
    shard: tuple[int, int] | None = None,
    now: datetime | None = None,
    state_dir: Path | str | None = None,
    http: HttpSettings | None = None,
    curate: Curate | None = None,
    rules: Any = None,
    rules_path: Path | None = None,
    get_adapter: GetAdapter = default_get_adapter,
    guard: storage.Guard = storage.Guard(),
    explain: bool = False,
    dedupe: bool | None = None,
    progress: "Progress | None" = None,
    processes: int | None = None,
    deadline: Deadline | None = None,
) -> RunResult:
    """Run the chosen sources and return what happened; never raises for a source's fault.

    ``processes``: worker processes for the default curation (see :mod:`scrapers.pool`);
    None picks by the number of sources and CPUs, 0 curates in the fetching threads.
    ``deadline``: the run's (default ``http.run_timeout`` from now); the CLI keeps it to
    :meth:`~scrapers.http.Deadline.stop` the run on SIGTERM. Each source also gets
    ``http.source_timeout``. A source the run's deadline (or a stop) reaches before it
    stored anything is ``not-run``: untouched, and not counted as a failure of the source.
    The dedupe still runs, so a stopped run leaves a consistent store.
    """
    now = now or datetime.now(timezone.utc).replace(microsecond=0)
    sources = select_sources(config, names, shard)
    store = storage.Store(out_dir, state_dir)
    store.clean_stale_temp()
    default, code_files, curation_error = curate is None, [], ""
    if default:
        curate, rules, code_files, curation_error = _default_curation_or_error(rules_path)
    settings = http or config.http
    deadline = deadline or Deadline(settings.run_timeout, "run")
    ctx = Context(store, ctx_fetcher := Fetcher(settings), now, curate, rules, get_adapter, guard, explain, code_files,  # type: ignore[arg-type]
                  deadline=deadline, source_timeout=settings.source_timeout)
    if processes is None:
        processes = curation_pool.auto_processes(sum(s.enabled and s.reuse_allowed for s in sources))
    if default and not curation_error and processes > 0:
        _start_pool(ctx, processes, rules_path)
    progress = progress or Progress(len(sources), enabled=False)
    try:
        results = _run_sources(sources, ctx, progress, max(1, settings.workers, min(len(sources), MAX_THREADS)),
                               curation_error)
    finally:
        ctx_fetcher.close()
        if ctx.pool is not None:
            ctx.pool.close()
        progress.finish()
    result = RunResult(now=now, shard=shard, sources=[results[s.name] for s in sources])
    result.stopped = _stop_reason(result, deadline, settings.run_timeout)
    if dedupe if dedupe is not None else shard is None:  # a shard's --merge step dedupes all shards at once
        _dedupe(result, store, now)
    return result


def _stop_reason(result: RunResult, deadline: Deadline, run_timeout: float | None) -> str:
    """Why the run ended early ("" when every source ran): a stop, or the run's deadline."""
    scope = deadline.expired_scope()
    if scope == "stopped":
        return deadline.root.stop_reason
    if any(s.status == "not-run" for s in result.sources):
        return f"run deadline of {run_timeout:g} s"
    return result.stopped


def _dedupe(result: RunResult, store: storage.Store, now: datetime) -> None:
    """Merge entries reached from two sources; a storage failure is reported, the run still returns."""
    try:
        known = {s.name: s.entries for s in result.sources if s.entries is not None}
        result.merged = storage.dedupe_store(store, now, known).merged
    except storage.StorageError as e:
        result.dedupe_error = str(e)


def _default_curation_or_error(rules_path: Path | None) -> tuple[Any, Any, list[Path], str]:
    """:func:`default_curation`, or why it is unavailable: a broken curation module fails every
    source, loudly, not the run."""
    try:
        return (*default_curation(rules_path), "")
    except Exception as e:
        return None, None, [], f"curation unavailable: {type(e).__name__}: {e}"


def _start_pool(ctx: Context, processes: int, rules_path: Path | None) -> None:
    """Curation in worker processes; where none can start (a sandbox, a limit) it stays in the threads."""
    try:
        ctx.pool = curation_pool.CurationPool(processes, rules_path, ctx.curate, ctx.rules)
        ctx.deadline.on_stop(ctx.pool.terminate)  # SIGTERM: the workers go first, no orphan
    except (OSError, ValueError) as e:
        print(f"warning: curation stays in-thread: {type(e).__name__}: {e}", file=sys.stderr)


def _run_sources(sources: list[SourceConfig], ctx: Context, progress: "Progress", threads: int,
                 curation_error: str) -> dict[str, SourceResult]:
    """Every source in its own thread; with curation unavailable, every source that would run fails.

    A thread per source (up to MAX_THREADS): a source's thread spends most of its time
    queued at its host's gate or waiting for curation, and must not hold up the fetches
    of other sources meanwhile. Requests in flight are bounded by ``http.workers``.

    The first source of every host starts first, and the others only once each of those
    reached its first request (:class:`_Starting`): a source reads its state and hashes its
    adapter before it fetches, and 200 threads doing that at once under the GIL held back
    every host's first request (the last one by 0.4 s of a 2.6 s run); the later sources
    only queue at a gate their host's first source already holds.
    """
    results: dict[str, SourceResult] = {}
    rounds = _rounds(sources)
    ctx.starting = _Starting([s.name for s in rounds[0]] if rounds else [])
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="scrape") as pool:
        futures = {}
        for k, batch in enumerate(rounds):
            if k == 1:
                wait_for(ctx.starting.done, START_WAIT, step=0.002)
            for source in batch:
                if curation_error and source.enabled and source.reuse_allowed:
                    results[source.name] = _failed_result(source, "curation", curation_error)
                    ctx.starting.reached(source.name)
                    continue
                futures[source.name] = pool.submit(_run_source_safely, source, ctx, progress)
        for name, fut in futures.items():
            results[name] = fut.result()
    return results


class _Starting:
    """The sources of the first round that have not yet reached their first request (or ended)."""

    def __init__(self, names: list[str]):
        self._left, self._lock, self.done = set(names), threading.Lock(), threading.Event()
        if not self._left:
            self.done.set()

    def reached(self, name: str) -> None:
        with self._lock:
            self._left.discard(name)
            if not self._left:
                self.done.set()


def fetch_order(sources: list[SourceConfig]) -> list[SourceConfig]:
    """The order sources start in: one source of every host, then a second of each, and so
    on, the hosts with the most sources first (ties in config order).

    A run lasts as long as its busiest host: its requests go one at a time, ``min_delay``
    apart, so its queue must start at once. In config order (sources are usually grouped by
    kind, and one kind is one API host) that host's queue began only after every thread before
    it started, and with more sources than threads or more hosts than ``workers`` it waited for
    hosts with one request to finish. Results are still reported in config order.
    """
    return [s for batch in _rounds(sources) for s in batch]


def _rounds(sources: list[SourceConfig]) -> list[list[SourceConfig]]:
    """Round k holds the k-th source of every host that has one, busiest hosts first."""
    by_host: dict[str, list[SourceConfig]] = {}
    for source in sources:
        by_host.setdefault(host_of(source), []).append(source)
    queues = sorted(by_host.values(), key=len, reverse=True)  # sorted() is stable: ties keep config order
    return [[q[i] for q in queues if i < len(q)] for i in range(len(queues[0]) if queues else 0)]


def _failed_result(source: SourceConfig, code: str, message: str) -> SourceResult:
    r = SourceResult(source.name, source.kind, status="failed", reason=f"{code}: {message}", errors=1)
    r.error_messages.append(message)
    return r


def _not_run(source: SourceConfig, why: str) -> SourceResult:
    """A source the run's deadline or a stop reached first: nothing of it was touched."""
    return SourceResult(source.name, source.kind, status="not-run", reason=f"not run: {why}")


def _run_source_safely(source: SourceConfig, ctx: Context, progress: "Progress") -> SourceResult:
    started = time.monotonic()
    progress.start(source.name)
    try:
        if ctx.deadline.expired_scope():  # past the run's deadline, or stopped: start nothing more
            result = _not_run(source, ctx.deadline.error(source.url).message)
        else:
            result = run_source(source, ctx)
    except Exception as e:  # the last line of defence: a bug in one source never ends the run
        result = _failed_result(source, "internal", f"{type(e).__name__}: {e}")
    result.seconds = time.monotonic() - started
    if ctx.starting is not None:  # it ended without a request (skipped, failed): the next round need not wait
        ctx.starting.reached(source.name)
    progress.done(source.name)
    return result


class _Failed(Exception):
    """A step of one source's run ended it: ``code`` and ``message`` go into its result."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


@dataclass
class _SourceRun:
    """One source's run in progress: what its steps (fetch, follow, parse, curate, store) share."""

    source: SourceConfig
    ctx: Context
    result: SourceResult
    previous: list[Entry]
    state: storage.SourceState
    deadline: Deadline
    adapter: ModuleType | None = None
    urls: list[str] = field(default_factory=list)
    content_types: tuple[str, ...] = DEFAULT_CONTENT_TYPES
    fingerprint: str = ""

    def fetch(self, url: str, use_validators: bool) -> Response:
        if self.ctx.starting is not None:
            self.ctx.starting.reached(self.source.name)
        validators = Validators.from_dict(self.state.http.get(url)) if use_validators else None
        resp = self.ctx.fetcher.get(url, content_types=self.content_types, min_delay=self.source.min_delay,
                                    validators=validators or None, deadline=self.deadline)
        self.result.requests += resp.attempts
        self.result.bytes += len(resp.body)
        return resp

    def fail(self, code: str, message: str) -> SourceResult:
        """The source failed: its entries stay as they were, its state counts the failure."""
        if code == "deadline" and self.ctx.deadline.expired_scope():  # the run's time, not the source's fault
            return _not_run(self.source, message)
        new_state, _ = storage.apply_failure(self.state, f"{code}: {message}", self.ctx.now)
        self.ctx.store.save_state(self.source.name, new_state)
        failed = _failed_result(self.source, code, message)
        if self.state.failing_since:
            failed.reason += f" (failing since {self.state.failing_since.date()})"
        failed.urls, failed.requests, failed.bytes = self.result.urls, self.result.requests, self.result.bytes
        failed.total = len(self.previous) if self.previous else _stored_count(self.ctx.store, self.source.name)
        return failed


def _stored_count(store: storage.Store, name: str) -> int:
    """How many entries the source's file holds (a fetch failed before the run read them)."""
    try:
        return len(store.load_entries(name))
    except storage.StorageError:
        return 0


def _skipped(source: SourceConfig) -> SourceResult | None:
    """A source the run does not touch at all: its terms forbid reuse, or it is disabled."""
    if not source.reuse_allowed:
        why = "terms: the source's terms forbid reuse (reuse_allowed = false)"
    elif not source.enabled:
        why = "disabled: enabled = false"
    else:
        return None
    return SourceResult(source.name, source.kind, status="skipped", reason=why)


def run_source(source: SourceConfig, ctx: Context) -> SourceResult:
    """One source: fetch → follow → parse → curate → store; a failing step fails only this source."""
    if skipped := _skipped(source):
        return skipped
    try:
        state = ctx.store.load_state(source.name)
    except storage.StorageError as e:
        return _failed_result(source, "storage", str(e))
    job = _SourceRun(source, ctx, SourceResult(source.name, source.kind), [], state,
                     Deadline(ctx.source_timeout, "source", parent=ctx.deadline))
    try:
        _load_adapter(job)
        if getattr(job.adapter, "WATCH", False):
            return _watch_source(source, job.adapter, job.urls, state, job.fetch, ctx, job.result, job.fail)
        responses = _fetch(job)
        # The stored entries are read once the source's requests are answered, not before: at
        # the start 200 threads reading their files under the GIL held back every host's first
        # request, and a host whose queue starts late finishes late.
        job.previous = ctx.store.load_entries(source.name)
        if responses and all(r.not_modified for r in responses):
            return _store_not_modified(job)
        # Some URLs changed and some did not: the unchanged bodies are not stored, so refetch them.
        responses = [job.fetch(url, False) if r.not_modified else r for url, r in zip(job.urls, responses)]
        bodies, partial = _follow(job, responses)
        records = _parse(job, bodies)
    except FetchError as e:
        return job.fail(e.code, e.message + (f" ({e.url})" if e.url else ""))
    except _Failed as e:
        return job.fail(e.code, e.message)
    except storage.StorageError as e:  # its entries file cannot be read: left as it is, as before any fetch
        return _failed_result(source, "storage", str(e))
    fresh, queue, uncertain = _curate(job, records, partial)
    if ctx.deadline.expired_scope() == "stopped":  # SIGTERM while curating: store nothing half-decided
        return _not_run(source, ctx.deadline.error(source.url).message)
    return _store(job, len(records), responses, fresh, queue, uncertain, partial)


def _load_adapter(job: _SourceRun) -> None:
    """The adapter, its URLs and content types, and the fingerprint that makes a 304 trustworthy."""
    source = job.source
    try:
        job.adapter = job.ctx.get_adapter(source.kind)
    except Exception as e:
        raise _Failed("adapter", f"no adapter for kind {source.kind!r}: {type(e).__name__}: {e}") from e
    try:  # urls() is optional in the adapter protocol (scrapers/record.py)
        job.urls = list(job.adapter.urls(source)) if hasattr(job.adapter, "urls") else [source.url]
    except Exception as e:
        raise _Failed("adapter", f"urls() failed: {type(e).__name__}: {e}") from e
    job.content_types = tuple(getattr(job.adapter, "CONTENT_TYPES", None) or DEFAULT_CONTENT_TYPES)
    job.result.urls = len(job.urls)
    job.fingerprint = fingerprint(source, job.adapter, job.ctx.code_files)


def _fetch(job: _SourceRun) -> list[Response]:
    """Every URL once, conditionally only when what decided the stored entries is unchanged."""
    store, state = job.ctx.store, job.state
    conditional = (store.has_entries(job.source.name) and state.fingerprint == job.fingerprint
                   and state.consecutive_short == 0)
    return [job.fetch(url, conditional) for url in job.urls]


def _store_not_modified(job: _SourceRun) -> SourceResult:
    """Every URL answered 304: the stored entries stand, seen again."""
    store, result = job.ctx.store, job.result
    entries, new_state, outcome = storage.apply_not_modified(job.previous, job.state, job.ctx.now, job.ctx.guard)
    result.status, result.not_modified = "not-modified", True
    # Usually nothing changed at all (last_seen moves once a day): skip the comparison with the file.
    result.written = entries != job.previous and store.save_entries(job.source.name, entries, job.ctx.now)
    store.save_state(job.source.name, new_state)
    result.entries = entries
    result.total = outcome.total
    return result


def _follow(job: _SourceRun, responses: list[Response]) -> tuple[list[Response], bool]:
    """Listing bodies plus the detail pages ``follow()`` names (SmartRecruiters); and whether one failed.

    A detail that cannot be fetched makes the run partial: nothing is closed this time.
    """
    bodies, partial = list(responses), False
    if not hasattr(job.adapter, "follow"):  # follow() is optional in the adapter protocol
        return bodies, partial
    for resp in responses:
        try:
            more = list(job.adapter.follow(resp.body, job.source))[:MAX_FOLLOW]
        except Exception as e:
            raise _Failed("adapter-crash", f"follow() failed: {type(e).__name__}: {e}") from e
        for url in more:
            try:
                bodies.append(job.fetch(url, False))
            except DeadlineExceeded as e:  # out of time: the source fails, not just one detail
                raise _Failed(e.code, e.message + f" ({e.url})") from e
            except FetchError as e:
                partial = True
                job.result.errors += 1
                job.result.error_messages.append(f"follow {e.code}: {e.message}"[:300])
    return bodies, partial


def _parse(job: _SourceRun, bodies: list[Response]) -> list[RawRecord]:
    """Every body's records; a later body describes a posting better (a detail after its listing)."""
    by_id: dict[str, RawRecord] = {}
    for resp in bodies:
        try:
            for record in adapters.parse(job.adapter, resp.body, job.source, dict(resp.headers)):
                by_id.pop(str(record.source_id), None)  # last wins, in the later body's place
                by_id[str(record.source_id)] = record
        except ParseError as e:
            raise _Failed("parse", f"{resp.url}: {e}") from e
        except Exception as e:  # an adapter bug on a hostile payload: the source fails, not the run
            raise _Failed("adapter-crash", f"{resp.url}: {type(e).__name__}: {e}") from e
    job.result.fetched = len(by_id)
    return list(by_id.values())


def _curate(job: _SourceRun, records: list[RawRecord], partial: bool
            ) -> tuple[list[Entry], list[dict[str, Any]], set[str]]:
    """Kept entries, review-queue items, and the ids whose records could not be decided this run."""
    source, ctx, result = job.source, job.ctx, job.result
    fresh: list[Entry] = []
    queue: list[dict[str, Any]] = []
    uncertain = {i for e in job.previous for i in storage.own_ids(e, source.name)} if partial else set()
    for record, decided in zip(records, ctx.decide(records, source)):
        rid = f"{source.name}:{record.source_id}"
        if decided.error:
            uncertain.add(rid)
            message = f"record {record.source_id!r}: {decided.error}"
            result.errors += 1
            result.error_messages.append(message[:300])
            _count_decision(result, ctx, record, "reject", "curation-error", message)
            continue
        entry = decided.entry
        if decided.keep and entry is not None:
            if rid not in entry.source.ids:
                entry = replace(entry, source=replace(entry.source, ids=tuple(sorted({*entry.source.ids, rid}))))
            fresh.append(entry)
        if decided.outcome == "review":
            queue.append(review.record_item(rid, record, decided, ctx.now))
        _count_decision(result, ctx, record, decided.outcome, decided.reason, decided.detail, decided.evidence)
    return fresh, queue, uncertain


def _store(job: _SourceRun, record_count: int, responses: list[Response], fresh: list[Entry],
           queue: list[dict[str, Any]], uncertain: set[str], partial: bool) -> SourceResult:
    """Merge the kept entries into the source's file, and remember validators only for a clean run."""
    source, ctx, result, store = job.source, job.ctx, job.result, job.ctx.store
    entries, new_state, outcome = storage.apply_run(
        source.name, job.previous, fresh, record_count, job.state, ctx.now, ctx.guard, frozenset(uncertain)
    )
    if outcome.action in ("applied", "confirmed") and not uncertain:
        new_state.http = {url: r.validators.to_dict() for url, r in zip(job.urls, responses) if r.validators}
        new_state.fingerprint = job.fingerprint
    else:  # held or partly uncertain: make the next run look again in full
        new_state.http = {}
        new_state.fingerprint = None
    result.written = store.save_entries(source.name, entries, ctx.now)
    if not partial:  # a partial fetch says nothing about the records it did not reach
        changed, result.queued = review.update_records(store.out_dir, source.name, queue, ctx.now)
        result.written = result.written or changed
    store.save_state(source.name, new_state)
    result.entries = entries
    result.status = "held" if outcome.action == "held" else "ok"
    result.reason = outcome.note
    result.new, result.closed, result.total = outcome.new, outcome.closed, outcome.total
    return result


def _watch_source(source: SourceConfig, adapter: ModuleType, urls: list[str], state: storage.SourceState,
                  fetch: Callable[[str, bool], Response], ctx: Context, result: SourceResult,
                  fail: Callable[[str, str], SourceResult]) -> SourceResult:
    """A watched page (kind "page"): no entries, only review items (see :mod:`scrapers.watch`)."""
    from . import watch

    fp = fingerprint(source, adapter, [Path(watch.__file__)])
    try:
        done = watch.watch_source(source, adapter, urls, state, fetch, fp, ctx.store.out_dir, ctx.now, ctx.guard)
    except FetchError as e:
        return fail(e.code, e.message + (f" ({e.url})" if e.url else ""))
    except ParseError as e:
        return fail("parse", str(e))
    except storage.StorageError as e:
        return fail("storage", str(e))
    except Exception as e:  # an extractor bug on a hostile page: the source fails, not the run
        return fail("adapter-crash", f"{type(e).__name__}: {e}")
    ctx.store.save_state(source.name, done.state)
    result.status, result.not_modified = done.status, done.status == "not-modified"
    result.queued, result.reason = done.queued, done.note  # fetched stays 0: a page yields no records
    return result


def _count_decision(result: SourceResult, ctx: Context, record: RawRecord, outcome: str, reason: str,
                    detail: str, evidence: dict[str, str] | None = None) -> None:
    """Count one record's outcome in the source's result (and explain it when asked)."""
    if outcome == "keep":
        result.kept += 1
    elif outcome == "review":
        result.reviewed[reason or "unknown"] += 1
    else:
        result.rejected[reason or "unknown"] += 1
    if ctx.explain:
        title = (record.title or "").replace("\n", " ")[:70]
        tail = f"  [{detail[:160]}]" if detail else ""
        quotes = "; ".join(f"{k}={v[:80]!r}" for k, v in (evidence or {}).items())
        result.explain.append(f"{result.name}\t{outcome.upper()}\t{reason or 'unknown'}\t"
                              f"{record.source_id}\t{title}{tail}" + (f"  evidence: {quotes}" if quotes else ""))


# ---- merging shard outputs --------------------------------------------------------------


@dataclass
class MergeResult:
    copied: list[str]
    conflicts: list[str]
    merged: list[tuple[str, str, str]]


def merge_shards(shard_dirs: Iterable[Path | str], out_dir: Path | str, now: datetime,
                 state_dir: Path | str | None = None) -> MergeResult:
    """Fold the output folders of shard runs into ``out_dir``, then dedupe once.

    Each shard started from the same checkout and wrote only its own sources' files, so
    a file that differs from ``out_dir`` in exactly one shard is that shard's result.
    If two shards changed one file (a source ran twice), the entries file with the later
    ``updated`` wins and the conflict is reported.
    """
    store = storage.Store(out_dir, state_dir)
    candidates: dict[Path, list[Path]] = {}
    for d in sorted(Path(p) for p in shard_dirs):
        if not d.is_dir():
            raise ValueError(f"--merge: {d} is not a folder")
        for sub, target_dir in ((d, store.out_dir), (d / storage.STATE_DIRNAME, store.state_dir),
                                (d / review.REVIEW_DIR, store.out_dir / review.REVIEW_DIR)):
            for f in sorted(sub.glob("*.json")):
                target = target_dir / f.name
                if target.exists() and target.read_bytes() == f.read_bytes():
                    continue
                candidates.setdefault(target, []).append(f)
    copied, conflicts = [], []
    for target, files in sorted(candidates.items()):
        distinct = {f.read_bytes(): f for f in files}
        chosen = files[0]
        if len(distinct) > 1:
            chosen = max(files, key=_updated_of)
            conflicts.append(f"{target.name}: changed by {len(distinct)} shards; took {chosen}")
        storage.read_json(chosen)  # refuse to copy a file that is not JSON
        storage.atomic_write_json(target, json.loads(chosen.read_text(encoding="utf-8")))
        copied.append(str(target))
    merged = storage.dedupe_store(store, now).merged
    return MergeResult(copied, conflicts, merged)


def _updated_of(path: Path) -> str:
    try:
        return str(json.loads(path.read_text(encoding="utf-8")).get("updated") or "")
    except (OSError, ValueError, AttributeError):
        return ""


# ---- terminal output ------------------------------------------------------------------


class Progress:
    """A one-line progress bar on stderr for interactive runs (no dependency needed)."""

    def __init__(self, total: int, stream: TextIO | None = None, enabled: bool | None = None):
        self.total = total
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.finished = 0
        self.running: list[str] = []
        self.lock = threading.Lock()

    def start(self, name: str) -> None:
        with self.lock:
            self.running.append(name)
            self._draw()

    def done(self, name: str) -> None:
        with self.lock:
            if name in self.running:
                self.running.remove(name)
            self.finished += 1
            self._draw()

    def _draw(self) -> None:
        if not self.enabled or not self.total:
            return
        width = 24
        filled = width * self.finished // self.total
        names = ", ".join(self.running)[:40]
        line = f"\r[{'#' * filled}{'.' * (width - filled)}] {self.finished}/{self.total} {names}"
        self.stream.write(line.ljust(80)[:100])
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled and self.total:
            self.stream.write("\r" + " " * 100 + "\r")
            self.stream.flush()


def format_summary(result: RunResult) -> str:
    """The table every run ends with: one row per source."""
    head = ("source", "result", "fetched", "kept", "rejected (by reason)", "errors", "304", "time")
    rows = [head]
    for s in result.sources:
        rejected = ", ".join(f"{k} {v}" for k, v in s.rejected.most_common(4))
        if len(s.rejected) > 4:
            rejected += f", +{len(s.rejected) - 4} more"
        if s.reviewed:
            rejected += ("; " if rejected else "") + "review: " + ", ".join(f"{k} {v}" for k, v in s.reviewed.most_common())
        status = s.status if not s.written else f"{s.status}*"
        rows.append((s.name, status, str(s.fetched), str(s.kept), rejected or "-", str(s.errors),
                     "yes" if s.not_modified else "-", f"{s.seconds:.1f}s"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes = [f"  {s.name}: {s.reason}" for s in result.sources if s.reason]
    if notes:
        lines += ["", "notes:", *notes]
    if result.merged:
        lines += ["", f"dedupe: {len(result.merged)} duplicate(s) merged"]
        lines += [f"  {slug}: {src} -> {dst}" for slug, src, dst in result.merged[:20]]
    if result.dedupe_error:
        lines += ["", f"dedupe skipped: {result.dedupe_error}"]
    if result.stopped:
        lines += ["", f"run stopped early: {result.stopped}"]
    totals = result.to_dict()["totals"]
    lines += ["", f"{totals['sources']} sources, {totals['failed']} failed, {totals['skipped']} skipped, "
                  f"{totals['not_run']} not run, {totals['not_modified']} not modified; {totals['fetched']} records, {totals['kept']} kept"
                  "  (* = file written)"]
    return "\n".join(lines)


def write_summary_json(result: RunResult, path: Path | str) -> None:
    storage.atomic_write_json(Path(path), result.to_dict())

