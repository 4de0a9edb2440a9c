"""Watched programme pages: snapshot, meaningful-change test, readable diff, review queue.

A ``kind = "page"`` source (``scrapers/adapters/page.py``) never produces a published
entry. Each run fetches the page through :mod:`scrapers.http` (robots.txt, politeness,
conditional GET), extracts its main text, and compares it with the last accepted
snapshot stored in the source's run state (``<state>/<source>.json``, key ``snapshot``).

What counts as a meaningful change (tested in ``tests/scrapers/test_watch.py``):

* the comparison is over the page's *lines* (one per paragraph, list item, heading, table
  row), each reduced to a key: Unicode NFKC, whitespace collapsed, curly quotes and dashes
  made plain, case folded. Whitespace, line wrapping and markup changes are not changes;
* lines that are footer noise are left out: copyright notices, "All rights reserved",
  "Last updated / modified / reviewed …", a line that is only a date or a time;
* order is ignored: the page changed when the *multiset* of its line keys changed, so
  reordered menus, shuffled cards or a moved paragraph are not changes;
* anything else is: a changed figure ("$18" -> "$20"), a new sentence, a removed one.

First run: the snapshot is stored and nothing is queued (the maintainer writes the
programme file from the page itself; a "first seen" item for every watched page would
only bury the changes). A 304, a noise-only change or a failed fetch or extraction
changes neither the snapshot nor the queue.

On a meaningful change the page goes into the review queue with a plain-text diff
(``- old line`` / ``+ new line``, in page order) and the snapshot moves to the new text,
so each change is queued once. The diff never carries markup: ``<`` and ``>`` from the
page are shown as ``‹`` and ``›``, control characters are dropped.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Sequence

from board.entry import clean_text, format_datetime
from . import storage
from .http import Response
from .review import load_queue, write_queue
from .record import ParseError, SourceConfig

MAX_DIFF_LINES = 40
MAX_SNAPSHOT_LINES = 2_000

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
         r"|\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2})?z?)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})")
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?)?"
_NOISE = [re.compile(p, re.I) for p in (
    r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?\d{4}\b.*$",  # © 2026 Northfield…
    r"^(?:copyright\s+)?(?:©\s*)?.{0,80}\ball rights reserved\.?$",
    rf"^(?:page\s+|this page (?:was )?|content\s+|site\s+)?(?:last\s+)?(?:updated|modified|reviewed|revised|"
    rf"published)(?:\s+on)?\s*:?\s*{_DATE}{_TIME}\.?$",
    rf"^{_DATE}{_TIME}$",
)]
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-",
                         "‐": "-", "‑": "-", "−": "-", "…": "..."})
_SPACE = re.compile(r"\s+")


# ---- what counts as a change ----------------------------------------------------------


def line_key(line: str) -> str:
    """The comparison key of a line: what a reader would call the same sentence."""
    text = unicodedata.normalize("NFKC", line).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().casefold()


def is_noise(line: str) -> bool:
    """Footer noise that changes without the page changing: copyright years, "last updated" dates."""
    key = line_key(line)
    return not key or any(p.match(key) for p in _NOISE)


def content_lines(lines: Sequence[str]) -> list[str]:
    """The lines that take part in the comparison (noise left out), capped for hostile pages."""
    return [line for line in lines if not is_noise(line)][:MAX_SNAPSHOT_LINES]


def text_hash(lines: Sequence[str]) -> str:
    """Hash of the page's content, order-insensitive like the comparison itself."""
    keys = sorted(line_key(line) for line in lines)
    return hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Change:
    added: list[str]
    removed: list[str]
    diff: str

    @property
    def summary(self) -> str:
        return f"{len(self.added)} line(s) added, {len(self.removed)} removed"


def compare(old: Sequence[str], new: Sequence[str]) -> Change | None:
    """The meaningful change from ``old`` to ``new`` content lines, or None if there is none.

    A line counts as added (removed) when its key occurs more often in ``new`` (``old``);
    the diff lists them in page order, a replaced line's ``-`` next to its ``+``.
    """
    old, new = content_lines(old), content_lines(new)
    surplus_new = Counter(map(line_key, new)) - Counter(map(line_key, old))
    surplus_old = Counter(map(line_key, old)) - Counter(map(line_key, new))
    if not surplus_new and not surplus_old:
        return None
    added, removed, out = [], [], []
    matcher = difflib.SequenceMatcher(None, [line_key(x) for x in old], [line_key(x) for x in new], autojunk=False)
    for _op, i1, i2, j1, j2 in matcher.get_opcodes():
        for line in old[i1:i2]:
            if _take(surplus_old, line):
                removed.append(line)
                out.append("- " + plain(line))
        for line in new[j1:j2]:
            if _take(surplus_new, line):
                added.append(line)
                out.append("+ " + plain(line))
    if len(out) > MAX_DIFF_LINES:
        out = out[:MAX_DIFF_LINES] + [f"… {len(out) - MAX_DIFF_LINES} more changed line(s)"]
    return Change(added, removed, "\n".join(out))


def _take(surplus: Counter, line: str) -> bool:
    """Whether ``line`` is one of the surplus copies of its key (and count it off)."""
    key = line_key(line)
    if surplus[key] <= 0:
        return False
    surplus[key] -= 1
    return True


def plain(text: str) -> str:
    """Text safe to show anywhere: no markup characters, no control characters, one line."""
    return clean_text(text).replace("<", "‹").replace(">", "›")


# ---- the review queue -------------------------------------------------------------------
# Page changes go to the same queue as records curation sends to review (scrapers/review.py):
# <out>/review/<source>.json, items of kind "page-change" carrying a plain-text "diff".

# ---- one watched source's run -----------------------------------------------------------


def page_item(source: SourceConfig, url: str, title: str, change: Change, old: dict[str, Any],
              new_hash: str, status: int, now: datetime) -> dict[str, Any]:
    """The review item for one meaningful change of one page."""
    stamp = format_datetime(now)
    return {
        "key": f"page-change:{url}#{new_hash}",
        "kind": "page-change",
        "title": plain(title) or source.name,
        "organization": plain(source.organization or ""),
        "url": url,
        "reason": "page-changed",
        "detail": change.summary,
        "facts": {},
        "evidence": {"source": source.name, "previous_hash": old.get("hash"), "new_hash": new_hash,
                     "previous_snapshot": old.get("since"), "http_status": status},
        "first_queued": stamp,
        "last_seen": stamp,
        "diff": change.diff,
    }


def upsert(items: list[dict], item: dict) -> list[dict]:
    """Add ``item`` or, if its key is queued already, refresh its ``last_seen`` only."""
    for i, old in enumerate(items):
        if old.get("key") == item["key"]:
            items[i] = {**old, "last_seen": item["last_seen"]}
            return items
    return [*items, item]


@dataclass
class Watched:
    """What one watched source's run did, for the summary."""

    status: str  # ok | not-modified
    pages: int  # pages read (not 304)
    queued: list[str]  # keys of the page changes queued this run
    note: str
    state: storage.SourceState


Fetch = Callable[[str, bool], Response]


def watch_source(source: SourceConfig, adapter: ModuleType, urls: list[str], state: storage.SourceState,
                 fetch: Fetch, fingerprint: str, out_dir: Path, now: datetime,
                 guard: storage.Guard = storage.Guard()) -> Watched:
    """Fetch a watched source's pages, queue meaningful changes, return the new state.

    Raises FetchError, ParseError or StorageError (the run reports the source as failed and
    keeps its state, so nothing is half-applied); anything else from the adapter propagates
    as an adapter crash.
    """
    conditional = state.fingerprint == fingerprint
    responses = [fetch(url, conditional and url in state.snapshot) for url in urls]
    snapshot = {url: state.snapshot[url] for url in urls if url in state.snapshot}
    items: list[dict] = []
    firsts = 0
    for url, resp in zip(urls, responses):
        if resp.not_modified:
            continue
        firsts += url not in snapshot
        stored, item = check_page(source, adapter, url, resp, snapshot.get(url), now)
        snapshot[url] = stored
        items += [item] if item else []
    if items:
        queue = load_queue(out_dir, source.name)
        for item in items:
            queue = upsert(queue, item)
        write_queue(out_dir, source.name, queue, now)
    _, new_state, _ = storage.apply_not_modified([], state, now, guard)  # clears failures, dates the success
    new_state = replace(new_state, snapshot=snapshot, fingerprint=fingerprint,
                        http={u: r.validators.to_dict() for u, r in zip(urls, responses) if r.validators})
    pages = sum(not r.not_modified for r in responses)
    notes = ([f"queued {len(items)} page change(s) for review"] if items else []) + \
            ([f"first snapshot of {firsts} page(s) stored; nothing queued"] if firsts else [])
    return Watched("not-modified" if pages == 0 else "ok", pages, sorted(i["key"] for i in items), "; ".join(notes),
                   new_state)


def check_page(source: SourceConfig, adapter: ModuleType, url: str, resp: Response, old: dict[str, Any] | None,
               now: datetime) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """One fetched page against its stored snapshot: (the snapshot to keep, a review item or None)."""
    try:
        page = adapter.extract(resp.body, dict(resp.headers))
    except ParseError as e:
        raise ParseError(f"{resp.url}: {e}") from None
    lines = content_lines(page.lines)
    new_hash = text_hash(lines)
    fresh = {"hash": new_hash, "lines": lines, "since": format_datetime(now), "title": page.title}
    if old is None:
        return fresh, None  # first run: the baseline, nothing to review
    if old.get("hash") == new_hash:
        return old, None  # same content (or only noise and order changed): the snapshot stays as it was
    change = compare(old.get("lines") or [], lines)
    if change is None:  # the stored snapshot predates a rule change; nothing a reader would see
        return {**old, "hash": new_hash}, None
    return fresh, page_item(source, url, page.title, change, old, new_hash, resp.status, now)
