"""The review queue: records a person must look at before they can be published.

Curation sends a record to review when it is a micro-internship in every fact but one
(pay said without an amount, hours or remote not stated, the organization unreadable).
Such a record is never published; it waits here, one file per source next to the
entries, until a maintainer accepts it (an ``[[include]]`` row in ``curation.toml`` with
the facts they checked) or declines it (an ``[[exclude]]`` row).

``<out>/review/<source>.json``::

    {"source": "remotive",
     "items": [{"key": "remotive:123", "kind": "record", "title": …, "organization": …,
                "url": …, "reason": "REVIEW_PAY_UNSTATED", "detail": …, "facts": {…},
                "evidence": {…}, "first_queued": ISO, "last_seen": ISO}, …]}

Items are sorted by key and the file is written atomically (``storage.atomic_write_json``).
Other kinds of item share the file through :func:`load_queue` / :func:`write_queue` (the
page watcher adds ``"kind": "page-change"`` items with a ``"diff"``); a run replaces only
the items of the kinds it owns, so neither side erases the other's.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable

from . import storage

REVIEW_DIR = storage.REVIEW_DIRNAME
RECORD = "record"
_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,99}$")


def queue_path(out_dir: Path | str, source: str) -> Path:
    if not _NAME.match(source) or ".." in source:
        raise ValueError(f"bad source name {source!r}")
    return Path(out_dir) / REVIEW_DIR / f"{source}.json"


def _iso(when: datetime) -> str:
    return when.isoformat().replace("+00:00", "Z")


def load_queue(out_dir: Path | str, source: str) -> list[dict[str, Any]]:
    """The source's queued items (sorted by key); a missing or unreadable file is an empty queue."""
    path = queue_path(out_dir, source)
    if not path.exists():
        return []
    try:
        data = storage.read_json(path)
    except (OSError, ValueError, storage.StorageError):  # a broken file is rewritten by the next run
        return []
    items = data.get("items") if isinstance(data, dict) else None
    return sorted((i for i in items or [] if isinstance(i, dict) and isinstance(i.get("key"), str)),
                  key=lambda i: i["key"])


def write_queue(out_dir: Path | str, source: str, items: Iterable[dict[str, Any]], now: datetime) -> bool:
    """Write the source's queue (every kind of item) atomically; remove the file when it is empty.

    ``first_queued`` is kept from the stored copy of an item with the same key; ``last_seen``
    is ``now`` for items that do not carry one. Returns whether the file changed.
    """
    path = queue_path(out_dir, source)
    old = {i["key"]: i for i in load_queue(out_dir, source)}
    merged: dict[str, dict[str, Any]] = {}
    for item in items:
        item = dict(item)
        before = old.get(item["key"], {})
        item["first_queued"] = before.get("first_queued") or item.get("first_queued") or _iso(now)
        item.setdefault("last_seen", _iso(now))
        item.setdefault("kind", RECORD)
        merged[item["key"]] = item
    new_items = [merged[k] for k in sorted(merged)]
    if not new_items:
        if path.exists():
            path.unlink()
            return True
        return False
    data = {"source": source, "items": new_items}
    try:
        if path.exists() and storage.read_json(path) == data:
            return False
    except storage.StorageError:
        pass
    storage.atomic_write_json(path, data)
    return True


def record_item(key: str, record: Any, decision: Any, now: datetime) -> dict[str, Any]:
    """A queue item for a record curation sent to review."""
    return {
        "key": key, "kind": RECORD, "title": (record.title or "")[:200],
        "organization": (record.organization or "")[:200] or None,
        "url": record.url or record.apply_url, "reason": decision.reason, "detail": decision.detail,
        "facts": decision.facts, "evidence": decision.evidence, "last_seen": _iso(now),
    }


def update_records(out_dir: Path | str, source: str, items: list[dict[str, Any]], now: datetime,
                   decided: set[str] | None = None) -> tuple[bool, list[str]]:
    """Replace the source's record items with this run's (other kinds are kept as they are).

    Records that left review (kept, rejected, or gone from the source) leave the queue;
    ``decided`` keys (a maintainer's include/exclude row exists) are never re-queued.
    Returns (file changed, keys new to the queue).
    """
    current = load_queue(out_dir, source)
    known = {i["key"] for i in current if i.get("kind", RECORD) == RECORD}
    others = [i for i in current if i.get("kind", RECORD) != RECORD]
    fresh = [i for i in items if not decided or i["key"] not in decided]
    changed = write_queue(out_dir, source, others + fresh, now)
    return changed, sorted(i["key"] for i in fresh if i["key"] not in known)


def sources(out_dir: Path | str) -> list[str]:
    folder = Path(out_dir) / REVIEW_DIR
    return sorted(p.stem for p in folder.glob("*.json")) if folder.is_dir() else []


# ---- accepting and declining: a row in curation.toml -----------------------------------------


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


_PAY = re.compile(r"^\s*(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?\s*([A-Za-z]{3})\s*(total|hour|hourly|/h|per hour)?\s*$")


def parse_pay(text: str) -> dict[str, Any]:
    """"600 USD total", "20-25 EUR hour" -> the pay table of a curation.toml row."""
    m = _PAY.match(text or "")
    if not m:
        raise ValueError(f'pay must read like "600 USD total" or "20 EUR hour", not {text!r}')
    low = float(m.group(1))
    high = float(m.group(2) or low)
    unit = "total" if (m.group(4) or "total") == "total" else "hour"
    return {"min": low, "max": high, "currency": m.group(3).upper(), "unit": unit}


def parse_hours(text: str) -> tuple[int, int]:
    """"20" or "15-20" -> total hours (min, max)."""
    m = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+))?\s*", text or "")
    if not m:
        raise ValueError(f'hours must be a total like "20" or "15-20", not {text!r}')
    low, high = int(m.group(1)), int(m.group(2) or m.group(1))
    return min(low, high), max(low, high)


def curation_row(section: str, key: str, reason: str, hours: tuple[int, int] | None = None,
                 pay: dict[str, Any] | None = None) -> str:
    """The TOML text of one include/exclude row for ``key``."""
    if section not in ("include", "exclude"):
        raise ValueError("section is include or exclude")
    lines = [f"[[{section}]]", f"id = {_toml_str(key)}", f"reason = {_toml_str(reason)}"]
    if hours:
        lines.append(f"hours = [{hours[0]}, {hours[1]}]")
    if pay:
        lines.append(f'pay = {{ min = {pay["min"]:g}, max = {pay["max"]:g}, currency = {_toml_str(pay["currency"])}, '
                     f'unit = {_toml_str(pay["unit"])} }}')
    return "\n".join(lines) + "\n"


def decide_item(out_dir: Path | str, curation_path: Path | str, key: str, accept: bool, reason: str,
                now: datetime, hours: tuple[int, int] | None = None, pay: dict[str, Any] | None = None) -> str:
    """Accept or decline a queued record: append the curation.toml row, drop the item from the queue.

    An accepted record still needs the facts it was missing: hours and pay come from the
    maintainer (or from the facts curation read). The row is checked by loading the file
    again, so a bad value never reaches the next run. Returns the row written.
    """
    from .curation import load_rules  # curation imports nothing from here; keep it that way

    source = key.partition(":")[0]
    items = load_queue(out_dir, source)
    item = next((i for i in items if i["key"] == key), None)
    if item is None:
        raise KeyError(f"{key} is not in the review queue of {source!r}")
    if item.get("kind", RECORD) != RECORD:
        raise ValueError(f"{key} is a {item.get('kind')!r} item; only records become curation.toml rows")
    facts = item.get("facts") or {}
    if accept:
        hours = hours or (tuple(facts["hours"]) if facts.get("hours") else None)  # type: ignore[assignment]
        pay = pay or facts.get("pay")
        if not hours or not pay:
            raise ValueError(f"{key}: accepting needs the hours and the pay (--hours 20 --pay \"600 USD total\"); "
                             f"the queue has hours={facts.get('hours')} pay={facts.get('pay')}")
    row = curation_row("include" if accept else "exclude", key, reason or ("accepted in review" if accept else
                                                                         "declined in review"), hours, pay)
    path = Path(curation_path)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    text = old + ("" if not old or old.endswith("\n\n") else ("\n" if old.endswith("\n") else "\n\n")) + row
    tmp = path.with_name(f".{path.name}.check")
    tmp.write_text(text, encoding="utf-8")
    try:
        load_rules(tmp)
    finally:
        tmp.unlink()
    path.write_text(text, encoding="utf-8")
    write_queue(out_dir, source, [i for i in items if i["key"] != key], now)
    return row


def format_queue(out_dir: Path | str, names: Iterable[str] | None = None) -> str:
    """The queue as a maintainer reads it: one block per item, facts and quoted evidence."""
    lines: list[str] = []
    for source in names or sources(out_dir):
        for item in load_queue(out_dir, source):
            lines.append(f"{item['key']}  [{item.get('kind', RECORD)}] {item.get('reason', '')}")
            lines.append(f"  {item.get('title', '')} — {item.get('organization') or '?'}")
            if item.get("url"):
                lines.append(f"  {item['url']}")
            if item.get("detail"):
                lines.append(f"  why: {item['detail']}")
            facts = item.get("facts") or {}
            if facts:
                lines.append("  facts: " + ", ".join(f"{k}={v}" for k, v in facts.items() if v not in (None, False)))
            for name, quote in (item.get("evidence") or {}).items():
                lines.append(f"    {name}: {quote!r}")
            if item.get("diff"):
                lines.append("  diff:\n" + "\n".join("    " + x for x in str(item["diff"]).splitlines()[:40]))
            lines.append(f"  queued {item.get('first_queued', '?')}, last seen {item.get('last_seen', '?')}")
    return "\n".join(lines) if lines else "the review queue is empty"


# ---- the scheduled workflow's pull request ---------------------------------------------------


def new_keys(summary_paths: Iterable[Path | str]) -> list[str]:
    """Keys new to the queue in a run, from its ``--summary-json`` files (one per shard)."""
    keys: set[str] = set()
    for path in summary_paths:
        try:
            data = storage.read_json(Path(path))
        except (OSError, storage.StorageError):
            continue
        for src in data.get("sources", []) if isinstance(data, dict) else []:
            if isinstance(src, dict):
                keys.update(k for k in src.get("queued") or [] if isinstance(k, str))
    return sorted(keys)


def pr_body(out_dir: Path | str, new: list[str]) -> str:
    """The review pull request's description: the new candidates first, then how to decide."""
    items = {i["key"]: i for s in sources(out_dir) for i in load_queue(out_dir, s)}
    lines = [f"{len(new)} new candidate(s) this run; {len(items)} item(s) in the queue.", "",
             "| key | reason | title | organization | facts |", "| --- | --- | --- | --- | --- |"]
    for key in new:
        item = items.get(key, {"key": key})
        facts = item.get("facts") or {}
        shown = ", ".join(f"{k}={v}" for k, v in facts.items() if v not in (None, False) and not k.endswith("_by"))
        cells = [key, item.get("reason", ""), item.get("title", ""), item.get("organization") or "", shown]
        lines.append("| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ")[:160] for c in cells) + " |")
    lines += ["", "Decide on this branch, then merge (see scrapers/README.md, \"Review the curation queue\"):", "",
              "```", "python -m scrapers review                      # facts and quoted evidence of every item",
              'python -m scrapers review accept KEY --hours 20 --pay "600 USD total" --reason "checked with employer"',
              'python -m scrapers review decline KEY --reason "not a micro-internship"', "```"]
    return "\n".join(lines) + "\n"
