"""Git is the database: one pretty-printed JSON file of entries per source.

``content/scraped/<source>.json`` holds ``{"source", "updated", "entries"}`` with the
entries sorted by slug and every key sorted, so a scheduled commit is a readable diff.
The Pelican plugin reads ``entries`` with :meth:`board.entry.Entry.from_dict`.

Guarantees (see scrapers/README.md):

* Writes are atomic: a temp file in the same folder, fsync, ``os.replace``. A killed
  run leaves the previous file whole.
* A source that fails keeps its previous entries untouched (the file is not rewritten).
* A source that suddenly returns nothing, or fewer than half the records of its last
  accepted run, closes nothing until that is confirmed over ``confirm_runs``
  consecutive runs (new and changed entries still come in meanwhile).
* An entry that disappears from its source is marked ``closed``, never deleted.
* ``first_seen`` never moves; ``last_seen`` and ``last_success`` are refreshed at most
  once per ``seen_resolution`` (a day), so an unchanged board makes no commit.
* The same posting reached from two sources is one entry (see :func:`dedupe`).

Per-source run state (the shrink counter, last success, HTTP validators) lives apart,
in ``<state dir>/<source>.json``, so each source's files are written by exactly one
shard of a sharded run.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
import re
import tempfile
import time
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable

import orjson

from board import vocabulary as vocab
from board.entry import Entry, format_datetime, parse_datetime
from board.dedupe import DedupeResult, dedupe, dedupe_keys  # noqa: F401 - the store's dedupe
from board.identity import url_key

STATE_DIRNAME = ".state"
REVIEW_DIRNAME = "review"  # the review queue (scrapers.review), next to the entries
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


class StorageError(Exception):
    """A stored file cannot be read; the run leaves it alone and reports it."""


@dataclass(frozen=True)
class Guard:
    """How cautious storage is about a source that suddenly shrinks."""

    confirm_runs: int = 3  # consecutive short runs before disappearances are applied
    shrink_ratio: float = 0.5  # "short" = fewer records than this share of the last accepted run
    seen_resolution: timedelta = timedelta(hours=24)


@dataclass
class SourceState:
    """What a source's next run needs to know about its previous ones."""

    last_count: int | None = None  # records in the last accepted run
    consecutive_short: int = 0
    failing_since: datetime | None = None  # first failure of the current streak (a date, not a
    # counter, so a source that stays down does not change its state file on every run)
    last_success: datetime | None = None
    last_error: str | None = None
    fingerprint: str | None = None  # config + curation + adapter code the validators were earned with
    http: dict[str, dict[str, str]] = field(default_factory=dict)  # url -> {"etag", "last_modified"}
    # Watched pages (kind "page", scrapers/watch.py): url -> the last accepted text
    # {"hash", "lines", "since", "title"}. Written only when present, so the state files of
    # other sources keep their bytes.
    snapshot: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "failing_since": format_datetime(self.failing_since) if self.failing_since else None,
            "consecutive_short": self.consecutive_short,
            "fingerprint": self.fingerprint,
            "http": {u: dict(sorted(v.items())) for u, v in sorted(self.http.items())},
            "last_count": self.last_count,
            "last_error": self.last_error,
            "last_success": format_datetime(self.last_success) if self.last_success else None,
        }
        if self.snapshot:
            data["snapshot"] = {u: dict(sorted(v.items())) for u, v in sorted(self.snapshot.items())}
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "SourceState":
        last = data.get("last_success")
        return cls(
            last_count=data.get("last_count"),
            consecutive_short=int(data.get("consecutive_short") or 0),
            failing_since=parse_datetime(data["failing_since"]) if data.get("failing_since") else None,
            last_success=parse_datetime(last) if last else None,
            last_error=data.get("last_error"),
            fingerprint=data.get("fingerprint"),
            http={str(k): dict(v) for k, v in (data.get("http") or {}).items()},
            snapshot={str(k): dict(v) for k, v in (data.get("snapshot") or {}).items() if isinstance(v, dict)},
        )


@dataclass
class Outcome:
    """What storage did with one source's run, for the summary."""

    action: str  # applied | held | confirmed | not-modified | failed
    new: int = 0
    updated: int = 0
    closed: int = 0
    reopened: int = 0
    held_back: int = 0  # entries that would have closed but are held by the shrink guard
    total: int = 0
    note: str = ""


# ---- atomic files ---------------------------------------------------------------------


def atomic_write_json(path: Path, data: Any) -> None:
    """Write JSON so that readers see the old file or the new one, never half of either.

    The JSON is encoded in one piece by :func:`dumps` and written to a temp file in the
    same folder (same file system, so ``os.replace`` is atomic), fsynced, renamed over
    ``path``, and the folder fsynced so the rename survives a crash. Any failure removes the temp file and re-raises.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fp:
            fp.write(dumps(data))
            fp.flush()
            os.fsync(fp.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    with suppress(OSError):  # not every platform can fsync a directory
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


_ORJSON_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE


def dumps(data: Any) -> str:
    """Sorted, 2-space indented JSON text with a final newline: readable git diffs.

    orjson writes byte for byte what ``json.dumps(indent=2, sort_keys=True,
    ensure_ascii=False)`` writes; the stdlib encoder is pure Python once ``indent`` is
    set, and a scrape writes every source's file (what that cost: BENCHMARKS.md, Scrape).
    What orjson refuses (an int past 64 bits, a lone surrogate) goes through ``json``.
    """
    try:
        return orjson.dumps(data, option=_ORJSON_OPTIONS).decode("utf-8")
    except (orjson.JSONEncodeError, UnicodeDecodeError):
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise StorageError(f"{path}: cannot read ({e})") from e


# ---- the store ------------------------------------------------------------------------


class Store:
    """Files of one output folder: ``<out>/<source>.json`` and ``<state>/<source>.json``."""

    def __init__(self, out_dir: Path | str, state_dir: Path | str | None = None):
        self.out_dir = Path(out_dir)
        self.state_dir = Path(state_dir) if state_dir else self.out_dir / STATE_DIRNAME

    def entries_path(self, name: str) -> Path:
        _check_name(name)
        return self.out_dir / f"{name}.json"

    def state_path(self, name: str) -> Path:
        _check_name(name)
        return self.state_dir / f"{name}.json"

    def sources(self) -> list[str]:
        """Names of every source with an entries file in the folder."""
        if not self.out_dir.is_dir():
            return []
        return sorted(p.stem for p in self.out_dir.glob("*.json") if not p.name.startswith("."))

    def has_entries(self, name: str) -> bool:
        return self.entries_path(name).exists()

    def load_entries(self, name: str) -> list[Entry]:
        path = self.entries_path(name)
        if not path.exists():
            return []
        data = read_json(path)
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            raise StorageError(f"{path}: not an entries file (no 'entries' list)")
        try:
            return [Entry.from_dict(e) for e in data["entries"]]
        except (TypeError, ValueError, KeyError) as e:
            raise StorageError(f"{path}: an entry cannot be read ({e})") from e

    def save_entries(self, name: str, entries: Iterable[Entry], now: datetime) -> bool:
        """Write the file if its entries changed; return whether it was written."""
        path = self.entries_path(name)
        new = [e.to_dict() for e in sorted(entries, key=_sort_key)]
        if path.exists():
            with suppress(StorageError):
                old = read_json(path)
                if isinstance(old, dict) and old.get("entries") == new and old.get("source") == name:
                    return False
        atomic_write_json(path, {"source": name, "updated": format_datetime(now), "entries": new})
        return True

    def load_state(self, name: str) -> SourceState:
        path = self.state_path(name)
        if not path.exists():
            return SourceState()
        data = read_json(path)
        if not isinstance(data, dict):
            raise StorageError(f"{path}: not a state file")
        return SourceState.from_dict(data)

    def save_state(self, name: str, state: SourceState) -> bool:
        path = self.state_path(name)
        data = state.to_dict()
        if path.exists():
            with suppress(StorageError):
                if read_json(path) == data:
                    return False
        atomic_write_json(path, data)
        return True

    def clean_stale_temp(self, older_than: float = 3600.0, now: float | None = None) -> list[Path]:
        """Remove temp files a killed run left behind (only old ones: a live run may own new ones).

        Age is compared with the file system's clock (``now`` defaults to ``time.time()``);
        tests pass ``now`` so the answer does not depend on the machine's date.
        """
        removed = []
        cutoff = (time.time() if now is None else now) - older_than
        for folder in (self.out_dir, self.state_dir, self.out_dir / REVIEW_DIRNAME):
            if not folder.is_dir():
                continue
            for p in folder.glob(".*.tmp"):
                with suppress(OSError):
                    if p.stat().st_mtime < cutoff:
                        p.unlink()
                        removed.append(p)
        return removed


def _check_name(name: str) -> None:
    if not _NAME_RE.match(name) or len(name) > 80:
        raise StorageError(f"source name {name!r} is not a safe file name")


def _sort_key(e: Entry) -> tuple[str, str]:
    return (e.slug, ",".join(e.source.ids))


# ---- merging one source's run into its file -------------------------------------------


def own_ids(entry: Entry, source_name: str) -> set[str]:
    prefix = source_name + ":"
    return {i for i in entry.source.ids if i.startswith(prefix)}


def _bump(previous: datetime | None, now: datetime, resolution: timedelta) -> datetime:
    """``now`` if the stored time is missing or older than ``resolution``, else unchanged."""
    if previous is None or now - previous >= resolution or previous > now:
        return now
    return previous


def apply_run(
    source_name: str,
    previous: list[Entry],
    fresh: list[Entry],
    record_count: int,
    state: SourceState,
    now: datetime,
    guard: Guard = Guard(),
    uncertain_ids: frozenset[str] = frozenset(),
) -> tuple[list[Entry], SourceState, Outcome]:
    """Merge a successful fetch of a source into its previous entries.

    ``record_count`` is how many records the source returned (kept or not): the shrink
    guard compares it with the last accepted run. ``uncertain_ids`` are this source's
    ids whose records could not be curated this run; their entries stay as they were.
    """
    state, short, confirmed = _count_run(state, record_count, now, guard)
    outcome = Outcome(action="applied" if not short else ("confirmed" if confirmed else "held"))
    result = _merge(source_name, previous, fresh, now, guard, uncertain_ids, confirmed, outcome)
    outcome.total = len(result)
    if short and not confirmed:
        outcome.note = (f"{record_count} records vs {state.last_count} last time: holding "
                        f"({state.consecutive_short}/{guard.confirm_runs})")
    elif short:
        outcome.note = f"shrink to {record_count} records confirmed over {guard.confirm_runs} runs"
    return result, state, outcome


def _count_run(state: SourceState, record_count: int, now: datetime, guard: Guard
               ) -> tuple[SourceState, bool, bool]:
    """The state after a successful fetch, whether it came back short, and whether the shrink is confirmed."""
    state = replace(state, http=dict(state.http))
    short = bool(state.last_count) and record_count < state.last_count * guard.shrink_ratio
    if short:
        state.consecutive_short += 1
        confirmed = state.consecutive_short >= guard.confirm_runs
    else:
        state.consecutive_short = 0
        confirmed = True
    if confirmed:
        state.consecutive_short = 0
        state.last_count = record_count
    state.failing_since = None
    state.last_error = None
    state.last_success = _bump(state.last_success, now, guard.seen_resolution)
    return state, short, confirmed


def _merge(source_name: str, previous: list[Entry], fresh: list[Entry], now: datetime, guard: Guard,
           uncertain_ids: frozenset[str], confirmed: bool, outcome: Outcome) -> list[Entry]:
    """Stored entries matched to fresh ones (by id, else slug), the unmatched closed or held; then the new.

    Counts what happened in ``outcome``.
    """
    by_id: dict[str, Entry] = {}
    by_slug: dict[str, Entry] = {}
    for e in fresh:
        for i in own_ids(e, source_name):
            by_id[i] = e
        by_slug.setdefault(e.slug, e)
    result: list[Entry] = []
    used: set[int] = set()
    for old in previous:
        ids = own_ids(old, source_name)
        match = next((by_id[i] for i in sorted(ids) if i in by_id), None)
        if match is None and not ids:
            match = by_slug.get(old.slug)
        if match is not None and id(match) not in used:
            used.add(id(match))
            merged = _carry_over(old, match, now, guard)
            if old.status == "closed" and merged.status == "open":
                outcome.reopened += 1
            elif merged != old:
                outcome.updated += 1
            result.append(merged)
        elif ids & uncertain_ids or old.status != "open":
            result.append(old)
        elif not confirmed:
            outcome.held_back += 1
            result.append(old)
        else:
            outcome.closed += 1
            result.append(old.with_status("closed"))
    for e in fresh:
        if id(e) in used:
            continue
        used.add(id(e))
        outcome.new += 1
        result.append(replace(e, first_seen=now, last_seen=now))
    return result


def _carry_over(old: Entry, new: Entry, now: datetime, guard: Guard) -> Entry:
    """The fresh entry, keeping the history the stored one knew and the slug it was published under."""
    ids = tuple(sorted(set(old.source.ids) | set(new.source.ids)))
    return replace(
        new,
        slug=old.slug,
        source=replace(new.source, ids=ids),
        first_seen=old.first_seen or new.first_seen or now,
        last_seen=_bump(old.last_seen, now, guard.seen_resolution),
    )


def apply_not_modified(
    previous: list[Entry], state: SourceState, now: datetime, guard: Guard = Guard()
) -> tuple[list[Entry], SourceState, Outcome]:
    """A 304: the source is unchanged, so its open entries were seen again."""
    state = replace(state, http=dict(state.http))
    state.failing_since = None
    state.last_error = None
    state.last_success = _bump(state.last_success, now, guard.seen_resolution)
    result = [
        replace(e, last_seen=_bump(e.last_seen, now, guard.seen_resolution)) if e.status == "open" else e
        for e in previous
    ]
    return result, state, Outcome(action="not-modified", total=len(result))


def apply_failure(state: SourceState, error: str, now: datetime) -> tuple[SourceState, Outcome]:
    """A failed source: entries untouched, the failure dated and remembered."""
    state = replace(state, http=dict(state.http))
    state.failing_since = state.failing_since or now
    state.last_error = error[:500]
    return state, Outcome(action="failed", note=error[:200])


# ---- dedupe across sources ------------------------------------------------------------


@lru_cache(maxsize=65536)
def normalize_url(url: str) -> str:
    """A comparison key for apply URLs (``board.identity.url_key``: the board's one rule)."""
    return url_key(url)


def dedupe_store(store: Store, now: datetime, known: dict[str, list[Entry]] | None = None) -> DedupeResult:
    """Run :func:`dedupe` over every file of the store and rewrite the files it changed.

    ``known``: entries the caller just wrote (a run's sources), used instead of reading
    those files back.
    """
    known = known or {}
    files = {name: known[name] if name in known else store.load_entries(name) for name in store.sources()}
    result = dedupe(files)
    for name in sorted(result.changed):
        store.save_entries(name, result.files[name], now)
    return result
