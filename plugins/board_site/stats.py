"""Numbers about the board, as pure functions of entries (no Pelican, no I/O).

The stats page, the "New this week" view and organization pages all read these, and
the tests recompute them independently from the catalog.

Conventions, stated once:

- An entry's *arrival* is when the board first saw it: ``first_seen`` for scraped
  entries, else its ``posted`` date.
- *Effective hourly pay* is the worst case, ``Entry.hourly[0]`` (lowest fee over most
  hours), the same number the pay floor checks. Currencies are never converted (no
  exchange rates at build time): the chart divides each posting's pay by the board's
  floor for *its* currency, so "1.5×" means 50% above the floor whatever the currency,
  and a table gives the actual numbers per currency.
- *Hours* are bucketed by the most hours a posting asks for (``hours.max``): that is what
  a student has to plan around.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable, Mapping

from board import vocabulary as vocab
from board.entry import Entry, utc


def arrival(e: Entry) -> datetime:
    return utc(e.first_seen or e.posted)


def new_since(entries: Iterable[Entry], now: datetime, days: int = 7) -> list[Entry]:
    """Open entries that arrived in the last ``days`` days, newest first."""
    since = now - timedelta(days=days)
    fresh = [e for e in entries if e.is_open(now) and arrival(e) >= since]
    return sorted(fresh, key=lambda e: (arrival(e), e.slug), reverse=True)


# ---- how long postings stay open ------------------------------------------------


def days_open(e: Entry, now: datetime) -> int | None:
    """Whole days from arrival to the deadline, or to closing for a filled/closed entry.

    A posting filled or closed by hand closed at the earliest evidence we have of it
    (``last_seen`` for scraped entries, the ``updated`` date of an edited posting, the
    deadline otherwise). An open posting without a deadline has no answer yet.
    """
    start = arrival(e)
    if e.status != "open":
        evidence = [d for d in (e.last_seen, e.updated, e.apply_by) if d is not None]
        end = min(evidence) if evidence else None
    else:
        end = e.apply_by
    if end is None:
        return None
    return max(0, (utc(end).date() - start.date()).days)


@dataclass(frozen=True)
class OpenDays:
    median: float
    count: int  # postings the median is over

    @property
    def label(self) -> str:
        days = round(self.median)
        return "less than a day" if days == 0 else f"{days} day{'' if days == 1 else 's'}"


def median_days_open(entries: Iterable[Entry], now: datetime) -> OpenDays | None:
    values = [d for d in (days_open(e, now) for e in entries) if d is not None]
    if not values:
        return None
    return OpenDays(statistics.median(values), len(values))


# ---- distributions ---------------------------------------------------------------


def open_by_category(entries: Iterable[Entry]) -> list[tuple[str, int]]:
    """(category label, open postings) for every category, in vocabulary order."""
    counts = {slug: 0 for slug in vocab.CATEGORIES}
    for e in entries:
        counts[e.category] = counts.get(e.category, 0) + 1
    return [(vocab.category_label(slug), n) for slug, n in counts.items()]


#: (label, lower bound inclusive, upper bound exclusive) of pay / floor.
PAY_BUCKETS = (
    ("up to 1.25×", 0.0, 1.25),
    ("1.25–1.5×", 1.25, 1.5),
    ("1.5–2×", 1.5, 2.0),
    ("2–3×", 2.0, 3.0),
    ("3× or more", 3.0, float("inf")),
)


def pay_ratio(e: Entry, floors: Mapping[str, float]) -> float | None:
    floor = floors.get(e.compensation.currency)
    return e.hourly[0] / floor if floor else None


def pay_distribution(entries: Iterable[Entry], floors: Mapping[str, float]) -> tuple[list[tuple[str, int]], int]:
    """(bucket label, count) of effective hourly pay relative to its currency's floor,
    plus how many entries were left out because their currency has no floor."""
    counts = [0] * len(PAY_BUCKETS)
    skipped = 0
    for e in entries:
        ratio = pay_ratio(e, floors)
        if ratio is None:
            skipped += 1
            continue
        for i, (_, low, high) in enumerate(PAY_BUCKETS):
            if low <= ratio < high:
                counts[i] += 1
                break
    return [(label, n) for (label, _, _), n in zip(PAY_BUCKETS, counts)], skipped


@dataclass(frozen=True)
class CurrencyPay:
    currency: str
    count: int
    low: float
    median: float
    high: float
    floor: float | None


def pay_by_currency(entries: Iterable[Entry], floors: Mapping[str, float]) -> list[CurrencyPay]:
    """Effective hourly pay (worst case) per currency: lowest, median, highest."""
    groups: dict[str, list[float]] = {}
    for e in entries:
        groups.setdefault(e.compensation.currency, []).append(e.hourly[0])
    rows = [CurrencyPay(cur, len(v), min(v), statistics.median(v), max(v), floors.get(cur))
            for cur, v in groups.items()]
    return sorted(rows, key=lambda r: (-r.count, r.currency))


HOUR_BUCKETS = ((5, 10), (11, 15), (16, 20), (21, 25), (26, 30), (31, 35), (36, 40))


def hours_distribution(entries: Iterable[Entry]) -> list[tuple[str, int]]:
    """(bucket label, count) by the most hours a posting asks for."""
    counts = [0] * len(HOUR_BUCKETS)
    for e in entries:
        for i, (low, high) in enumerate(HOUR_BUCKETS):
            if low <= e.hours.max <= high:
                counts[i] += 1
                break
    return [(f"{low}–{high} h", n) for (low, high), n in zip(HOUR_BUCKETS, counts)]


def week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def postings_per_week(entries: Iterable[Entry], now: datetime, max_weeks: int = 26) -> list[tuple[date, int]]:
    """(Monday of the week, entries that arrived that week), oldest first, no gaps,
    ending with the current week; at most the last ``max_weeks`` weeks."""
    counts: dict[date, int] = {}
    for e in entries:
        week = week_start(arrival(e).date())
        counts[week] = counts.get(week, 0) + 1
    last = max([week_start(now.date()), *counts])
    first = min(counts, default=last)
    first = max(first, last - timedelta(weeks=max_weeks - 1))
    weeks = []
    w = first
    while w <= last:
        weeks.append((w, counts.get(w, 0)))
        w += timedelta(weeks=1)
    return weeks
