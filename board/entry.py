"""The one normalized entry type, its normalizers and its rules.

Employer postings (``board.posting``), scraped records (``scrapers``) and programmes
(``board.programme``: ``kind`` "programme", with :class:`Programme` facts) all become an
:class:`Entry`; the Pelican plugin renders only entries. This module imports neither
Pelican nor requests, so the validator, the scrapers and the browser rules can share it.

Derived values (effective hourly pay, open/closed, days left) are properties, never
stored and never typed in by anyone.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from functools import cached_property, lru_cache
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Iterable
from urllib.parse import urlsplit

from . import vocabulary as vocab
from .charclasses import stray_joiner
from .formats import MAX_SLUG_LEN
from .messages import texts
from .policy import Policy
from .urls import host_problem

HOURS_MIN, HOURS_MAX = 5, 40
STATUSES = ("open", "filled", "closed")
#: What an entry is: one project ("posting") or a recurring scheme that offers them ("programme").
KINDS = ("posting", "programme")
#: A programme takes students all year ("rolling") or in cohorts with dates.
SCHEDULES = ("rolling", "cohort")
#: A programme is not "filled"; it runs or it does not.
PROGRAMME_STATUSES = ("open", "closed")
#: Programmes publish hours for several project sizes (e.g. 25 or 45 h); the smallest must fit
#: the board's 5-40 h, the largest may go up to this.
PROGRAMME_HOURS_MAX = 2 * HOURS_MAX
#: A programme's page may say nothing about work permits; we then say so, not guess.
UNSTATED = "unstated"
PAY_UNITS = ("total", "hour")
SOURCE_KINDS = ("employer", "scraper")

# Oversize input breaks layouts and feeds; these limits are generous for honest text.
MAX_LEN = {
    "title": 120,
    "organization": 100,
    "summary": 300,
    "deliverable": 200,
    "description": 20_000,
    "url": 2_000,
    "note": 500,  # a programme's pay, eligibility or how-to-apply notes
    "institution": 120,
}
MAX_INSTITUTIONS = 40
#: A posting lists at most this many skills and deliverables (the slug's length limit is
#: ``board.formats.MAX_SLUG_LEN``). Named once: the validator and the Submit page read them.
MAX_SKILLS = 8
MAX_DELIVERABLES = 20
#: How far ahead of "now" a Posted date may be (a time zone ahead of UTC is already tomorrow).
POSTED_AHEAD = timedelta(days=1)

#: The largest amount of pay we show (any currency): beyond it a figure is a typo or an attack,
#: and float('inf') from a 400-digit number would make every JSON output invalid.
MAX_AMOUNT = 10_000_000
#: Dates from outside must fall in a window every later stage (calendars, feeds) can add days to.
EARLIEST_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)
MAX_DEADLINE_AHEAD = timedelta(days=3 * 366)  # an open deadline more than ~3 years after now
MAX_DEADLINE_AHEAD_LABEL = "three years"

#: Control, bidi and invisible characters: they hide text, fake a name ("Harvest\u2060Share") or
#: reorder it. C1 controls (NEL is a line separator, below), soft hyphen, Arabic letter mark,
#: Mongolian vowel separator, word joiner and the invisible operators, BOM/ZWNBSP, Hangul
#: fillers and the tag characters are invisible too. ZWNJ and ZWJ go only where they join
#: nothing: Persian, Hindi or an emoji sequence needs them (``board.charclasses``).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u061c\u115f\u1160\u180e"
                      "\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0"
                      "\U000e0000-\U000e007f]|" + stray_joiner())
#: Characters a URL may not carry unencoded (RFC 3986): invalid HTML in an href, and "\\" is a
#: path separator to Python but part of the host to a browser.
URL_UNSAFE = re.compile(r'[<>"`{}|\\^]')
#: A port as written after the host ("" when there is none or it is empty, as browsers allow).
PORT = re.compile(r"(?:[0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])?")
#: Only the address: a mailto: link reads %40, ?, & and = in the local part as another
#: recipient or a header (``jobs%40evil.example?cc=…``), so the local part is the common
#: subset of RFC 5322 that no mail client reads twice.
_EMAIL = re.compile(r"^[A-Za-z0-9_'+-]+(?:\.[A-Za-z0-9_'+-]+)*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r"\s+")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: A bare date (``2027-03-15``): the start of that day, or the end of it for a deadline.
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def valid_slug(slug: str) -> bool:
    """A safe file name and URL segment: lower-case words joined by hyphens, not too long."""
    return bool(SLUG_RE.match(slug)) and len(slug) <= MAX_SLUG_LEN


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field, phrased so the author can fix it."""

    field: str
    message: str
    expected: str = ""
    line: int | None = None
    #: The ``board.messages.RULES`` entry it was written from, and the values that filled it.
    rule: str = ""
    args: tuple[tuple[str, Any], ...] = ()

    def at(self, field: str, line: int | None) -> "Problem":
        """The same problem, named by a file's key and placed on its line."""
        return replace(self, field=field, line=line)

    def format(self, path: str = "") -> str:
        where = f"{path}:{self.line or 1}: " if path else ""
        tail = f" (expected {self.expected})" if self.expected else ""
        return f"{where}{self.field}: {self.message}{tail}"


def problem(field: str, rule: str, line: int | None = None, **args: Any) -> Problem:
    """A :class:`Problem` written from its rule's templates (``board.messages``)."""
    message, expected = texts(rule, args)
    return Problem(field, message, expected, line, rule, tuple(sorted(args.items())))


class RuleError(ValueError):
    """A value that cannot be read, with the rule that says why (``parse_*`` raise it)."""

    def __init__(self, rule: str, **args: Any) -> None:
        self.rule, self.args_ = rule, args
        super().__init__(texts(rule, args)[0])


@dataclass(frozen=True)
class Organization:
    name: str
    url: str | None = None

    @property
    def slug(self) -> str:
        """The name's slug; a name with no Latin letters (東京大学, МГУ) gets a stable one of its own."""
        return vocab.slugify(self.name) or "org-" + hashlib.sha1(
            unicodedata.normalize("NFC", self.name).encode("utf-8", "replace")).hexdigest()[:10]


@dataclass(frozen=True)
class Hours:
    """Total hours of work for the whole project (not per week)."""

    min: int
    max: int


@dataclass(frozen=True)
class Compensation:
    """What the student is paid: a fixed total or an hourly rate, amount or range."""

    min: float
    max: float
    currency: str
    unit: str = "total"  # "total" (fixed fee for the project) or "hour"

    def hourly_range(self, hours: Hours) -> tuple[float, float]:
        """Effective pay per hour: the worst case divides the lowest fee by the most hours."""
        if self.unit == "hour":
            return (self.min, self.max)
        return (self.min / hours.max, self.max / hours.min)

    def total_range(self, hours: Hours) -> tuple[float, float]:
        if self.unit == "total":
            return (self.min, self.max)
        return (self.min * hours.min, self.max * hours.max)


@dataclass(frozen=True)
class Eligibility:
    regions: tuple[str, ...] = ("WORLDWIDE",)
    timezones: tuple[float, float] | None = None  # UTC offsets in hours, west..east
    students: str = "enrolled-or-recent"
    work_authorization: str = "not-required"


@dataclass(frozen=True)
class Source:
    """Where an entry came from; scraped entries may be reached from several sources."""

    kind: str = "employer"  # "employer" or "scraper"
    name: str = "employer"
    url: str | None = None  # link back to the original posting
    attribution: str | None = None
    jsonld: bool = True  # may we emit JobPosting structured data for it?
    ids: tuple[str, ...] = ()  # "source:id" of every source that carried it


@dataclass(frozen=True)
class Programme:
    """What only a programme has; its hours, pay and eligibility live on the :class:`Entry`.

    A programme is listed for what its own public page says, so the page (``source_url``)
    and the day someone last read it (``verified``) are part of the entry. Cohort dates
    are optional: a cohort whose dates passed makes the programme "not currently open",
    never an invalid file, so programme files do not decay with the calendar.
    """

    schedule: str = "rolling"  # "rolling" or "cohort"
    source_url: str = ""
    verified: datetime | None = None
    starts: datetime | None = None  # the next (or last published) cohort's first day
    ends: datetime | None = None
    institutions: tuple[str, ...] = ()  # empty: students of any institution
    partner: str | None = None  # the platform it runs on, e.g. "Parker Dewey"
    pay_note: str = ""  # pay as the programme publishes it, e.g. "$375 for 25 hours"
    eligibility_note: str = ""
    how_to_apply: str = ""


@dataclass(frozen=True)
class Entry:
    slug: str
    title: str
    organization: Organization
    summary: str
    description_html: str
    hours: Hours
    compensation: Compensation
    category: str
    posted: datetime
    apply_url: str | None = None
    apply_email: str | None = None
    apply_by: datetime | None = None
    deliverables: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    eligibility: Eligibility = field(default_factory=Eligibility)
    updated: datetime | None = None
    status: str = "open"
    source: Source = field(default_factory=Source)
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    last_verified: datetime | None = None
    kind: str = "posting"  # one of KINDS
    programme: Programme | None = None  # set exactly when kind == "programme"

    # ---- derived -------------------------------------------------------------
    @cached_property
    def digest(self) -> str:
        """A digest of every field (their ``repr``), for caches of what is made from an entry.

        Kept on the (frozen) entry and pickled with it by the catalog's caches, so a warm
        build does not ``repr`` 10,000 entries again; ``replace`` makes a new entry, without it.
        """
        return hashlib.sha1(repr(self).encode("utf-8")).hexdigest()

    @property
    def hourly(self) -> tuple[float, float]:
        return self.compensation.hourly_range(self.hours)


    @property
    def apply_link(self) -> str:
        return self.apply_url or f"mailto:{self.apply_email}"

    @property
    def modified(self) -> datetime:
        return self.updated or self.posted

    @property
    def closes(self) -> datetime | None:
        """When applications close: the deadline, else (for a cohort) the cohort's start."""
        if self.apply_by is not None or self.programme is None:
            return self.apply_by
        return self.programme.starts

    def is_open(self, now: datetime) -> bool:
        """Open means status open and deadline not passed: expiry needs nobody."""
        if self.status != "open":
            return False
        closes = self.closes
        return closes is None or closes >= now

    def days_left(self, now: datetime) -> int | None:
        if self.apply_by is None:
            return None
        return (self.apply_by.date() - now.date()).days

    def with_status(self, status: str) -> "Entry":
        return replace(self, status=status)

    # ---- storage -------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with sorted keys and ISO dates, for readable git diffs.

        A posting is stored without ``kind`` and ``programme`` (``from_dict`` fills them in),
        exactly as before programmes existed, so no stored scraped file changes for them.
        """
        d = _jsonable(self)
        if self.kind == "posting" and self.programme is None:
            del d["kind"], d["programme"]
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Entry":
        d = dict(data)
        d["organization"] = Organization(**d["organization"])
        d["hours"] = Hours(**d["hours"])
        d["compensation"] = Compensation(**d["compensation"])
        e = dict(d.get("eligibility") or {})
        if e.get("timezones"):
            e["timezones"] = tuple(e["timezones"])
        e["regions"] = tuple(e.get("regions") or ("WORLDWIDE",))
        d["eligibility"] = Eligibility(**e)
        s = dict(d.get("source") or {})
        s["ids"] = tuple(s.get("ids") or ())
        d["source"] = Source(**s)
        if d.get("programme"):
            p = dict(d["programme"])
            p["institutions"] = tuple(p.get("institutions") or ())
            for key in ("verified", "starts", "ends"):
                if p.get(key):
                    p[key] = parse_datetime(p[key])
            d["programme"] = Programme(**p)
        for key in ("deliverables", "skills"):
            d[key] = tuple(d.get(key) or ())
        for key in ("posted", "apply_by", "updated", "first_seen", "last_seen", "last_verified"):
            if d.get(key):
                d[key] = parse_datetime(d[key])
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in d.items() if k in known})


def _jsonable(value: Any) -> Any:
    """Plain JSON values; walks dataclasses by their fields (``asdict`` deep-copies, which
    the scrapers paid for on every record of every run)."""
    names = _FIELD_NAMES.get(type(value))
    if names is None and is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[type(value)] = tuple(sorted(f.name for f in fields(value)))
    if names is not None:
        return {name: _jsonable(getattr(value, name)) for name in names}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in sorted(value.items())}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return format_datetime(value)
    return value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # dataclass -> its field names, sorted


# ---- normalizers: every string from outside goes through one of these ------------


def clean_text(value: Any, limit: int | None = None) -> str:
    """Plain text: NFC, no control or bidi-override characters, single spaces.

    Lone surrogates (JSON can carry ``"\\ud800"``) cannot be written as UTF-8: they
    become U+FFFD here rather than crashing a later write.
    """
    text = str(value if value is not None else "")
    text = _SURROGATE.sub("\ufffd", text)
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


#: Line separators other than \n: the HTML parser keeps them as text, so a page, a feed or an .ics
#: line would carry them; in running text they are a space.
_SEPARATORS = {0x85: " ", 0x2028: " ", 0x2029: " "}


#: The ASCII members of :data:`_CONTROL`, derived from it (the joiner and separator rules
#: only concern non-ASCII characters).
_ASCII_CONTROL = re.compile("[" + "".join(f"\\x{c:02x}" for c in range(0x80) if _CONTROL.fullmatch(chr(c))) + "]")


def without_invisible(text: str) -> str:
    """``text`` without control, bidi and invisible characters, other line separators as spaces:
    what :func:`clean_text` removes, for text (an HTML body) whose line breaks and spacing stay.

    ASCII text can hold only :data:`_ASCII_CONTROL` of all that: a plain class, scanned ~5x
    faster than the full pattern with its joiner alternative (twice per body in ``clean_html``)."""
    if text.isascii():
        return _ASCII_CONTROL.sub("", text)
    return _CONTROL.sub("", text.translate(_SEPARATORS))


def has_control_chars(value: str) -> bool:
    return bool(_CONTROL.search(value))


def utc(dt: datetime) -> datetime:
    """Aware UTC datetime; naive input is taken as UTC."""
    if dt.tzinfo is None:
        return dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def parse_datetime(value: Any, end_of_day: bool = False) -> datetime:
    """ISO 8601 date or datetime -> aware UTC datetime. Raises ValueError otherwise.

    A bare date means the start of that day in UTC, or its last second when
    ``end_of_day`` (deadlines: "apply by 20 December" includes the 20th).
    """
    if isinstance(value, datetime):
        return utc(value)
    if isinstance(value, date):
        return datetime.combine(value, time.max if end_of_day else time.min, timezone.utc).replace(microsecond=0)
    text = str(value).strip()
    if ISO_DATE.fullmatch(text):
        return parse_datetime(date.fromisoformat(text), end_of_day)
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return utc(datetime.fromisoformat(text))
    except OverflowError:  # e.g. 0001-01-01T00:00+05:00 has no UTC equivalent
        raise ValueError(f"{text!r} is out of range") from None


@lru_cache(maxsize=65536)
def format_datetime(dt: datetime) -> str:
    """ISO 8601 in UTC to the second ("2026-11-26T12:00:00Z"). Memoized (each posting's dates
    are written in ~20 places): datetimes that compare equal are one instant, one spelling."""
    return utc(dt).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@lru_cache(maxsize=16384)
def url_rule(url: str, https_only: bool = True) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """Why this URL may not be published, as ``(rule, args)`` of ``board.messages``, or None.

    Cached: a pure function of its arguments, asked four times per scraped record,
    mostly about the same few URLs (a source's organization URL, its apply pages).
    """
    schemes = ("schemes", "https://" if https_only else "http(s)://")
    if len(url) > MAX_LEN["url"]:
        return "url.too_long", (("length", str(len(url))), schemes)
    if has_control_chars(url) or re.search(r"\s", url):
        return "url.spaces", (schemes,)
    if m := URL_UNSAFE.search(url):  # must be percent-encoded; browsers and Python read "\\" apart
        return "url.unsafe_char", (("char", repr(m.group())), schemes)
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. "https://[example.org": an unclosed IPv6 bracket
        return "url.invalid", (schemes,)
    allowed = ("https",) if https_only else ("https", "http")
    if parts.scheme.lower() not in allowed:
        return "url.scheme", (("scheme", repr(parts.scheme or "(none)")), schemes)
    if not parts.hostname or "." not in parts.hostname:
        return "url.no_host", (schemes,)
    if parts.hostname.endswith("."):  # example.org. is example.org to a browser, not to a duplicate check
        return "url.host_dot", (schemes,)
    if "@" in parts.netloc:  # an empty user name ("https://@evil.example") is userinfo too
        return "url.credentials", (schemes,)
    if not PORT.fullmatch(parts.netloc.rpartition("]")[2].partition(":")[2]):
        return "url.port", (schemes,)
    if why := host_problem(parts.hostname):
        return why[0], (*why[1].items(), schemes)
    return None


def url_problem(url: str, https_only: bool = True) -> str | None:
    """Why this URL may not be published (the message of :func:`url_rule`), or None if it is fine."""
    why = url_rule(url, https_only)
    return texts(why[0], dict(why[1]))[0] if why else None


def email_problem(email: str) -> str | None:
    if len(email) > 254 or not _EMAIL.match(email):
        return texts("email.invalid", {})[0]
    return None


def normalize_skills(values: Iterable[str]) -> tuple[tuple[str, ...], list[str]]:
    """Canonical, de-duplicated skills in given order, plus the unknown spellings."""
    out: list[str] = []
    unknown: list[str] = []
    for raw in values:
        raw = clean_text(raw)
        if not raw:
            continue
        name = vocab.canonical_skill(raw)
        if name is None:
            unknown.append(raw)
        elif name not in out:
            out.append(name)
    return tuple(out), unknown


# ---- rules that apply to every entry, however it arrived ------------------------


def date_window_problems(entry: Entry, now: datetime) -> list[Problem]:
    """Dates outside the window later stages can compute with (``9999-12-31`` overflows a calendar)."""
    problems = []
    for name, value in (("posted", entry.posted), ("updated", entry.updated), ("apply-by", entry.apply_by),
                        ("last-verified", entry.last_verified)):
        if value is not None and value < EARLIEST_DATE:
            problems.append(problem(name, "date.too_early", date=str(value.date()), year=str(EARLIEST_DATE.year)))
    if entry.apply_by is not None and entry.apply_by > max(now, entry.posted) + MAX_DEADLINE_AHEAD:
        problems.append(problem("apply-by", "apply_by.too_far", date=str(entry.apply_by.date()),
                                ahead=MAX_DEADLINE_AHEAD_LABEL))
    return problems


def _entered(low: Any, high: Any) -> str:
    """A range as the author typed it: ``60`` or ``50-60``."""
    return f"{low}" if low == high else f"{low}-{high}"


def check(entry: Entry, policy: Policy, now: datetime, https_only: bool = True,
          allow_expired: bool = False) -> list[Problem]:
    """Semantic rules shared by the posting validator and the scrapers.

    ``allow_expired`` is for the site build: a posting past its deadline is shown as
    closed automatically, whereas a submission with a past deadline is an error.

    With ``allow_expired`` the rules are **monotone in** ``now``: an entry that passes as
    of one "now" passes as of every later one (a rule may refuse a date too far *ahead* of
    "now", never one too far behind it). The build relies on it: a cached entry that passed
    yesterday is not checked again today (``board.catalog``; tested in
    ``tests/board/test_catalog.py``). A rule that refuses what has grown old must be
    applied elsewhere, or the catalog's caches keyed on the day.
    """
    problems: list[Problem] = []
    add = lambda f, rule, **a: problems.append(problem(f, rule, **a))  # noqa: E731
    programme = entry.kind == "programme"
    _text_checks(entry, add)
    _hours_check(entry, programme, add)
    _pay_checks(entry, policy, add)
    if entry.category not in vocab.CATEGORIES and not (programme and not entry.category):
        add("category", "category.unknown", category=repr(entry.category), choices=", ".join(vocab.CATEGORIES))
    _link_checks(entry, https_only, add)
    statuses = PROGRAMME_STATUSES if programme else STATUSES
    if entry.status not in statuses:
        add("status", "status.unknown", status=repr(entry.status), choices=" or ".join(statuses))
    _date_checks(entry, now, programme, allow_expired, add)
    problems.extend(date_window_problems(entry, now))
    _list_checks(entry, programme, add)
    if entry.kind not in KINDS:
        add("kind", "kind.unknown", kind=repr(entry.kind), choices=" or ".join(KINDS))
    elif programme != (entry.programme is not None):
        add("kind", "kind.mismatch")
    if entry.programme is not None:
        problems.extend(check_programme(entry, now, https_only))
    return problems


def _text_checks(entry: Entry, add) -> None:
    if not valid_slug(entry.slug):
        add("slug", "slug.unsafe", slug=repr(entry.slug), max=str(MAX_SLUG_LEN))
    for name, value in (("title", entry.title), ("organization", entry.organization.name), ("summary", entry.summary)):
        if not value:
            add(name, "text.empty")
        elif len(value) > MAX_LEN[name]:
            add(name, "text.too_long", length=str(len(value)), max=str(MAX_LEN[name]))
    if len(entry.description_html) > MAX_LEN["description"] * 2:
        add("description", "description.too_long", max=str(MAX_LEN["description"]))
    if not entry.description_html.strip():
        add("description", "description.empty")


def _hours_check(entry: Entry, programme: bool, add) -> None:
    h = entry.hours
    span = dict(min=str(h.min), max=str(h.max), lo=str(HOURS_MIN), hi=str(HOURS_MAX), entered=_entered(h.min, h.max))
    if programme and not (HOURS_MIN <= h.min <= HOURS_MAX and h.min <= h.max <= PROGRAMME_HOURS_MAX):
        add("hours", "hours.programme_range", top=str(PROGRAMME_HOURS_MAX), **span)
    elif not programme and not (HOURS_MIN <= h.min <= h.max <= HOURS_MAX):
        add("hours", "hours.range", **span)


def _pay_checks(entry: Entry, policy: Policy, add) -> None:
    c, h = entry.compensation, entry.hours
    if c.currency not in vocab.currencies():
        add("pay", "pay.currency", currency=repr(c.currency))
    elif not (math.isfinite(c.min) and math.isfinite(c.max)) or c.max > MAX_AMOUNT:
        add("pay", "pay.too_large", max=f"{MAX_AMOUNT:,}")
    elif c.min <= 0 or c.max < c.min:
        add("pay", "pay.not_positive", min=f"{c.min:g}", max=f"{c.max:g}")
    elif 0 < h.min <= h.max:  # hours like 15-0 are reported above; no division by zero
        floor = policy.pay_floor(c.currency)
        low = entry.hourly[0]
        if floor is not None and low < floor:
            add("pay", "pay.floor", hourly=f"{low:.2f}", currency=c.currency, floor=f"{floor:g}")


def _link_checks(entry: Entry, https_only: bool, add) -> None:
    if not entry.apply_url and not entry.apply_email:
        add("apply", "apply.none")
    if entry.apply_url and (why := url_rule(entry.apply_url, https_only)):
        add("apply-url", why[0], **dict(why[1]))
    if entry.apply_email and email_problem(entry.apply_email):
        add("apply-email", "email.invalid")
    if entry.organization.url and (why := url_rule(entry.organization.url, https_only)):
        add("organization-url", why[0], **{**dict(why[1]), "schemes": "https://"})
    if entry.source.kind == "scraper" and entry.source.url and (why := url_rule(entry.source.url, False)):
        add("source-link", why[0], **dict(why[1]))  # the "found on" link back to the posting at its source


def _date_checks(entry: Entry, now: datetime, programme: bool, allow_expired: bool, add) -> None:
    # A programme's passed cohort deadline only makes it "not currently open".
    if (not allow_expired and not programme and entry.status == "open" and entry.apply_by is not None
            and entry.apply_by < now):
        add("apply-by", "apply_by.passed", date=str(entry.apply_by.date()))
    if not programme and entry.apply_by is not None and entry.apply_by < entry.posted:
        add("apply-by", "apply_by.before_posted")
    if entry.posted > now + POSTED_AHEAD:
        add("posted", "posted.future", date=str(entry.posted.date()))


def _list_checks(entry: Entry, programme: bool, add) -> None:
    if len(entry.deliverables) > MAX_DELIVERABLES or any(len(d) > MAX_LEN["deliverable"] for d in entry.deliverables):
        add("deliverables", "deliverables.too_many", max=str(MAX_DELIVERABLES), length=str(MAX_LEN["deliverable"]))
    for region in entry.eligibility.regions:
        if region not in vocab.REGIONS and region not in vocab.countries():
            add("eligible-regions", "regions.unknown_code", region=repr(region), regions=", ".join(vocab.REGIONS))
    if entry.eligibility.students not in vocab.STUDENT_STATUS:
        add("students", "value.unknown", value=repr(entry.eligibility.students), choices=" or ".join(vocab.STUDENT_STATUS))
    wa = entry.eligibility.work_authorization
    if wa not in vocab.WORK_AUTHORIZATION and not (programme and wa == UNSTATED):
        add("work-authorization", "value.unknown", value=repr(wa),
            choices=" or ".join(vocab.WORK_AUTHORIZATION) + (f" or {UNSTATED}" if programme else ""))


def check_programme(entry: Entry, now: datetime, https_only: bool = True) -> list[Problem]:
    """Rules only a programme has. None depends on "now" except that nothing is verified
    or posted in the future: a past cohort date is history, not an error."""
    p = entry.programme
    assert p is not None
    problems: list[Problem] = []
    add = lambda f, m, x="": problems.append(Problem(f, m, x))  # noqa: E731
    if p.schedule not in SCHEDULES:
        add("schedule", f"unknown schedule {p.schedule!r}", " or ".join(SCHEDULES))
    elif p.schedule == "rolling" and (entry.apply_by or p.starts or p.ends):
        add("schedule", "a rolling programme has no deadline or cohort dates",
            "Schedule: cohort with the dates, or no Apply-By, Starts and Ends")
    if p.starts and p.ends and p.ends < p.starts:
        add("ends", "is before Starts", "the cohort's last day, after its first")
    if not p.source_url:
        add("source-url", "is missing", "the public page the facts are taken from, https://…")
    elif why := url_problem(p.source_url, https_only):
        add("source-url", why, "an https:// URL")
    if p.verified is None:
        add("verified", "is missing", "the date you read the source page, e.g. 2026-12-01")
    elif p.verified > now + timedelta(days=1):
        add("verified", f"{p.verified.date()} is in the future", "the date you read the source page")
    if len(p.institutions) > MAX_INSTITUTIONS or any(len(i) > MAX_LEN["institution"] for i in p.institutions):
        add("institutions", "too many or too long",
            f"at most {MAX_INSTITUTIONS} names of {MAX_LEN['institution']} characters")
    if p.partner is not None and not 0 < len(p.partner) <= MAX_LEN["organization"]:
        add("partner", "is empty or too long", f"a name of at most {MAX_LEN['organization']} characters")
    for name, value in (("pay-note", p.pay_note), ("eligibility", p.eligibility_note),
                        ("how-to-apply", p.how_to_apply)):
        if len(value) > MAX_LEN["note"]:
            add(name, f"is {len(value)} characters long", f"at most {MAX_LEN['note']}")
    return problems
