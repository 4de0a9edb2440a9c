"""iCalendar (RFC 5545) subscriptions of application deadlines, written by hand.

One VEVENT per open posting with a deadline: an all-day event on the apply-by date
when the posting gave only a date (the deadline is then the end of that day, UTC), or
an event at the exact instant when the source gave a time. Output is deterministic:
DTSTAMP and LAST-MODIFIED are the entry's own modified time, never the build time, so
an unchanged board rewrites no calendar and subscribed apps see no spurious updates.

Text values are escaped (``\\``, ``;``, ``,`` and newlines, RFC 5545 §3.3.11) and every
content line is folded at 75 octets without splitting a UTF-8 sequence (§3.1); lines
end in CRLF.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Callable, Iterable

from board.entry import Entry, utc

PRODID = "-//Micro-internship board//Deadline calendar 1.0//EN"
REFRESH = "PT12H"  # how often a subscribed app should re-fetch (RFC 7986 REFRESH-INTERVAL)


def escape_text(value: str) -> str:
    """A TEXT property value: backslash, semicolon, comma and newlines escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str, limit: int = 75) -> str:
    """Fold one content line into chunks of at most ``limit`` octets, joined by CRLF + space.

    Continuation lines start with a single space, which counts towards their 75 octets.
    A multi-octet UTF-8 character is never split across lines.
    """
    if line.isascii():  # one octet per character: plain slices (most lines, and much faster)
        if len(line) <= limit:
            return line
        rest = line[limit:]
        return "\r\n ".join([line[:limit], *(rest[i:i + limit - 1] for i in range(0, len(rest), limit - 1))])
    if limit > 4:  # every character fits a line: cut the octets greedily, backing off to a character start
        data = line.encode("utf-8")
        if len(data) <= limit:
            return line
        chunks, start, budget = [], 0, limit
        while start < len(data):
            end = min(start + budget, len(data))
            while end < len(data) and data[end] & 0xC0 == 0x80:  # inside a multi-octet character
                end -= 1
            chunks.append(data[start:end].decode("utf-8"))
            start, budget = end, limit - 1
        return "\r\n ".join(chunks)
    out: list[str] = []
    current, size = "", 0
    budget = limit
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > budget:
            out.append(current)
            current, size, budget = "", 0, limit - 1
        current += ch
        size += n
    out.append(current)
    return "\r\n ".join(out)


def ical_datetime(dt: datetime) -> str:
    return utc(dt).strftime("%Y%m%dT%H%M%SZ")


def is_all_day(deadline: datetime) -> bool:
    """A bare ``Apply-By`` date is stored as its last second (23:59:59 UTC)."""
    return utc(deadline).time().replace(microsecond=0) == time(23, 59, 59)


def event_lines(e: Entry, *, host: str, url: str, description: str, now: datetime) -> list[str]:
    """The content lines of one posting's (or programme cohort's) deadline event (unfolded).

    A programme's UID is prefixed with its kind: a posting and a programme may share a slug.
    """
    assert e.apply_by is not None
    stamp = ical_datetime(min(e.modified, now))
    uid = e.slug if e.kind == "posting" else f"{e.kind}-{e.slug}"
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}@{host}",
        f"DTSTAMP:{stamp}",
        f"LAST-MODIFIED:{stamp}",
    ]
    deadline = utc(e.apply_by)
    if is_all_day(deadline):
        day = deadline.date()
        lines += [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}"]
    else:  # a DATE-TIME start without DTEND is an event at that instant (RFC 5545 §3.6.1)
        lines.append(f"DTSTART:{ical_datetime(deadline)}")
    lines += [
        f"SUMMARY:{escape_text(f'Apply by: {e.title} ({e.organization.name})')}",
        f"DESCRIPTION:{escape_text(description)}",
        f"URL:{url}",
        *([f"CATEGORIES:{escape_text(e.category)}"] if e.category else []),  # a programme may have none
        "TRANSP:TRANSPARENT",  # a deadline does not make anyone busy
        "STATUS:CONFIRMED",
        "CLASS:PUBLIC",
        "END:VEVENT",
    ]
    return lines


def render_calendar(entries: Iterable[Entry], *, name: str, description: str, host: str, now: datetime,
                    url_for: Callable[[Entry], str], describe: Callable[[Entry], str],
                    source_url: str = "") -> str:
    """A whole VCALENDAR of the open entries' deadlines, earliest first, CRLF-terminated."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape_text(name)}",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"X-WR-CALDESC:{escape_text(description)}",
        "X-WR-TIMEZONE:UTC",
        f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}",
        f"X-PUBLISHED-TTL:{REFRESH}",
    ]
    if source_url:
        lines.append(f"SOURCE;VALUE=URI:{source_url}")
    dated = sorted((e for e in entries if e.apply_by is not None and e.is_open(now)),
                   key=lambda e: (e.apply_by, e.slug))
    for e in dated:
        lines += event_lines(e, host=host, url=url_for(e), description=describe(e), now=now)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
