"""Employer posting files: ``content/postings/<slug>.md`` -> :class:`Entry`.

The format is Pelican's native Markdown metadata: ``Key: value`` lines at the top
(continuation lines indented by four spaces), a blank line, then the Markdown body.
We parse the header ourselves so every problem can name its line.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import vocabulary as vocab
from .entry import (
    MAX_SKILLS, Compensation, Eligibility, Entry, Hours, Organization, Problem, RuleError, Source,
    check, clean_text, has_control_chars, normalize_skills, parse_datetime, problem, valid_slug,
)
from .bounds import markdown_problems
from .policy import Policy
from .sanitize import markdown_to_html

REQUIRED = ("title", "organization", "summary", "category", "skills", "hours", "pay", "apply-by", "posted")
OPTIONAL = ("organization-url", "apply-url", "apply-email", "deliverables", "eligible-regions", "timezones",
            "students", "work-authorization", "updated", "status", "last-verified")
KNOWN = REQUIRED + OPTIONAL
#: Keys as written in a file (``Apply-URL``), in the order the form and the scaffold write them.
DISPLAY = {
    "title": "Title", "organization": "Organization", "organization-url": "Organization-URL",
    "summary": "Summary", "category": "Category", "skills": "Skills", "hours": "Hours", "pay": "Pay",
    "apply-url": "Apply-URL", "apply-email": "Apply-Email", "apply-by": "Apply-By", "posted": "Posted",
    "eligible-regions": "Eligible-Regions", "timezones": "Timezones", "students": "Students",
    "work-authorization": "Work-Authorization", "deliverables": "Deliverables",
}
MAX_FILE_BYTES = 100_000
#: The file name the "not a valid slug" message gives as an example.
SLUG_EXAMPLE = "data-dashboard-harvest-share"
#: What an unknown skill should be instead.
SKILLS_EXPECTED = "skills from the list in README (ask for a new one in your pull request)"

EXAMPLES = {
    "title": "a short job title, e.g. Build a volunteer-rota dashboard",
    "organization": "the organization's name, e.g. Harvest Share",
    "summary": "one plain-text sentence, at most 300 characters",
    "category": "one of " + ", ".join(vocab.CATEGORIES),
    "skills": "comma-separated skills, e.g. Python, SQL, Data visualization",
    "hours": "total project hours, e.g. 15-20 (between 5 and 40)",
    "pay": "e.g. 600 USD total, 500-700 EUR total or 25 GBP per hour",
    "apply-by": "a date like 2026-12-31",
    "posted": "a date like 2026-11-20",
    "updated": "a date like 2026-11-22",
    "last-verified": "a date like 2026-11-22",
    "timezones": "a UTC offset range, e.g. UTC-8 to UTC+2",
    "eligible-regions": "country codes or regions, e.g. US, CA or WORLDWIDE",
}

#: Each optional part carries its own leading spaces, so no two ``\s*`` meet around an optional
#: group: a value of "1", thousands of spaces and "x" is refused in linear time, not cubic
#: (the browser's form runs the same pattern, emitted by ``board.browser_rules``).
_PAY = re.compile(
    r"""^(?P<cur1>[A-Za-z]{3}|[$€£₹¥])?\s*
        (?P<min>\d[\d,]*(?:\.\d+)?)
        (?:\s*(?:-|–|—|to)\s*(?:(?P<cur2>[$€£₹¥])\s*)?(?P<max>\d[\d,]*(?:\.\d+)?))?
        (?:\s*(?P<cur3>[A-Za-z]{3}))?
        \s*(?P<unit>total|fixed|flat|(?:per|/|an?)\s*(?:hour|hr|h)|hourly)$""",
    re.X | re.I,
)
_HOURS = re.compile(r"^(\d{1,3})(?:\s*(?:-|–|to)\s*(\d{1,3}))?(?:\s*(?:h|hours?|hrs?))?$", re.I)
#: Minutes are 00-59: "UTC+1:99" is not read as UTC+2:39 (here and in the form, which runs this pattern).
_TZ = re.compile(r"^UTC\s*([+\-−]\s*\d{1,2}(?::?([0-5]\d))?)?$", re.I)
#: One header line, ``Key: value`` (keys as Pelican reads them).
HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)\s*:\s*(.*)$")
#: Between the two ends of a Timezones range: ``..``, ``to`` or an en dash. (?<!\s): a separator
#: is tried only where a run of spaces starts; tried inside the run too, split rescanned it from
#: every space, quadratic in its length.
TZ_SPLIT = re.compile(r"(?<!\s)\s*(?:\.\.|\bto\b|–)\s*", re.I)
#: Between deliverables written on one line, or on continuation lines.
DELIVERABLE_SPLIT = re.compile(r"[;\n]")


_BODY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: What ``str.splitlines`` also splits at: in a posting file each is an error, never a line break
#: (``Summary: x\u2028Apply-URL: https://evil`` must not become a second key).
LINE_SEPARATORS = {"\x0b": "a vertical tab", "\x0c": "a form feed", "\x1c": "a file separator",
                     "\x1d": "a group separator", "\x1e": "a record separator", "\x85": "a next-line (NEL)",
                     "\u2028": "a line separator (U+2028)", "\u2029": "a paragraph separator (U+2029)"}
_OTHER_SEPARATOR = re.compile("[" + "".join(LINE_SEPARATORS) + "]")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def split_lines(text: str, keepends: bool = False) -> list[str]:
    """Lines end at ``\n``, ``\r\n`` or ``\r`` only (unlike ``str.splitlines``)."""
    parts = _LINE.findall(text)
    return parts if keepends else [p.rstrip("\r\n") for p in parts]


def has_line_separator(value: str) -> bool:
    """True for a value holding a character other readers take as a line break (U+2028, FF, NEL…)."""
    return bool(_OTHER_SEPARATOR.search(value))


def separator_problems(lines: list[str]) -> list[Problem]:
    """Every other line-separator character, with its line: shown to the author, never obeyed."""
    return [problem("text", "text.separator", n, what=LINE_SEPARATORS[m.group()])
            for n, line in enumerate(lines, start=1) if (m := _OTHER_SEPARATOR.search(line))]


@dataclass
class Header:
    """The metadata block: values plus the line each key was on."""

    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1


def read_header(text: str) -> tuple[Header, list[Problem]]:
    header = Header()
    lines = split_lines(text)
    problems = separator_problems(lines)
    current: str | None = None
    i = 0
    for i, raw in enumerate(lines, start=1):
        if not raw.strip():
            break
        if raw.startswith(("    ", "\t")) and current:
            header.values[current] += "\n" + raw.strip()
            continue
        m = HEADER_LINE.match(raw)
        if not m:
            problems.append(problem("header", "header.line", i, text=repr(raw[:60])))
            current = None
            continue
        key = m.group(1).lower().replace("_", "-")
        if key in header.values:
            problems.append(problem(key, "key.twice", i, first=str(header.lines[key])))
            continue
        current = key
        header.values[key] = m.group(2).strip()
        header.lines[key] = i
    else:
        i = len(lines) + 1
    header.body = "\n".join(lines[i:])
    header.body_line = i + 1
    return header, problems


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word.lower(), [c.lower() for c in choices], n=1, cutoff=0.6)
    if close:
        return next(c for c in choices if c.lower() == close[0])
    return ""


def parse_pay(text: str) -> Compensation:
    m = _PAY.match(text.strip())
    if not m:
        raise RuleError("value.unreadable", text=repr(text), example=EXAMPLES["pay"])
    cur_raw = m.group("cur1") or m.group("cur3") or m.group("cur2") or ""
    currency = vocab.canonical_currency(cur_raw) if cur_raw else None
    if currency is None:
        raise RuleError("pay.no_currency", text=repr(text), example=EXAMPLES["pay"])
    low = float(m.group("min").replace(",", ""))
    high = float(m.group("max").replace(",", "")) if m.group("max") else low
    unit = "total" if m.group("unit").lower() in ("total", "fixed", "flat") else "hour"
    return Compensation(min=low, max=high, currency=currency, unit=unit)


def parse_hours(text: str) -> Hours:
    m = _HOURS.match(text.strip())
    if not m:
        raise RuleError("value.unreadable", text=repr(text), example=EXAMPLES["hours"])
    low = int(m.group(1))
    return Hours(low, int(m.group(2)) if m.group(2) else low)


def parse_offset(text: str) -> float:
    m = _TZ.match(text.strip().replace("−", "-"))
    if not m:
        raise RuleError("value.unreadable", text=repr(text), example=EXAMPLES["timezones"])
    if not m.group(1):
        return 0.0
    raw = m.group(1).replace(" ", "")
    sign = -1 if raw[0] == "-" else 1
    hours, _, minutes = raw[1:].partition(":")
    if not minutes and len(hours) > 2:
        hours, minutes = hours[:-2], hours[-2:]
    value = int(hours) + int(minutes or 0) / 60
    if value > 14:
        raise RuleError("tz.not_real", text=repr(text), example=EXAMPLES["timezones"])
    return sign * value


def parse_timezones(text: str) -> tuple[float, float]:
    parts = TZ_SPLIT.split(text.strip())
    if len(parts) == 1:
        off = parse_offset(parts[0])
        return (off, off)
    if len(parts) != 2:
        raise RuleError("value.unreadable", text=repr(text), example=EXAMPLES["timezones"])
    west, east = parse_offset(parts[0]), parse_offset(parts[1])
    if west > east:
        raise RuleError("tz.east_west", text=repr(text), example=EXAMPLES["timezones"])
    return (west, east)


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """A content file's text, or None and the reason (too big, not UTF-8)."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        return None, [problem("file", "file.too_big", 1, bytes=str(len(raw)), max=str(MAX_FILE_BYTES))]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        return None, [problem("file", "file.not_utf8", 1, reason=exc.reason, at=str(exc.start))]


def parse_regions(text: str) -> tuple[list[str], list[str]]:
    """Comma-separated countries or regions -> (codes in order, words not understood)."""
    regions: list[str] = []
    unknown: list[str] = []
    for word in text.split(","):
        if not word.strip():
            continue
        code = vocab.canonical_region(word)
        if code is None:
            unknown.append(word.strip())
        elif code not in regions:
            regions.append(code)
    return regions, unknown


def add_unknown_skill(add, word: str, expected: str) -> None:
    """'unknown skill …; did you mean …?' (postings and programmes say it the same way)."""
    choices = list(vocab.SKILLS) + [a for al in vocab.SKILLS.values() for a in al]
    hint = did_you_mean(word, choices)
    hint = vocab.canonical_skill(hint) if hint else ""
    if hint:
        add("skills", "skills.unknown_hint", word=repr(word), hint=hint, expected=expected)
    else:
        add("skills", "skills.unknown", word=repr(word), expected=expected)


def read_keys(path: Path, text: str, known, required, examples: dict[str, str], slug_example: str):
    """The checks every kind of file shares, in the order both validators report them.

    Returns the header, the problem list, ``add(field, rule, **args)`` (at the field's
    line; ``example`` is the field's example unless given) and ``parsed(key, fn,
    default=None)`` (``fn``'s ValueError becomes a problem at the key's line).
    """
    header, problems = read_header(text)
    v, at = header.values, header.lines

    def add(f: str, rule: str, **args) -> None:
        problems.append(problem(f, rule, at.get(f, 1), **{"example": examples.get(f, ""), **args}))

    if not valid_slug(path.stem):
        problems.append(problem("file name", "file.slug", 1, name=repr(path.name), example=slug_example))
    for key in v:
        if key not in known:
            hint = did_you_mean(key, known)
            if hint:
                add(key, "key.unknown_hint", hint=hint.title(), known=", ".join(known))
            else:
                add(key, "key.unknown", known=", ".join(known))
    for key in required:
        if not v.get(key):
            problems.append(problem(key, "key.missing", at.get(key, 1), example=examples.get(key, "")))

    def parsed(key: str, fn, default=None):
        if not v.get(key):
            return default
        try:
            return fn(v[key])
        except RuleError as exc:
            add(key, exc.rule, **exc.args_)
        except ValueError as exc:  # Python's own reason, e.g. from date.fromisoformat
            add(key, "value.invalid", error=str(exc))
        return default

    return header, problems, add, parsed


def read_regions(values: dict[str, str], add) -> list[str]:
    """Eligible-Regions as codes (default WORLDWIDE); each unknown word is a problem."""
    regions, unknown = parse_regions(values.get("eligible-regions") or "WORLDWIDE")
    for word in unknown:
        add("eligible-regions", "regions.unknown", word=repr(word))
    return regions


def control_problems(header: Header, add) -> None:
    for key, value in header.values.items():
        if has_control_chars(value):
            add(key, "value.control")


@dataclass
class Typed:
    """The typed values of a posting's header; None where missing or unreadable (a problem says why)."""

    hours: Hours | None
    pay: Compensation | None
    posted: datetime | None
    apply_by: datetime | None
    updated: datetime | None
    last_verified: datetime | None
    timezones: tuple[float, float] | None


@dataclass
class Words:
    """The vocabulary fields of a posting's header, each word checked against its list."""

    category: str
    skills: tuple[str, ...]
    regions: list[str]
    deliverables: tuple[str, ...]


def parse_posting(path: Path, policy: Policy, now: datetime, text: str | None = None,
                  allow_expired: bool = False) -> tuple[Entry | None, list[Problem]]:
    """Read one posting file; return its entry (None if unusable) and every problem found."""
    if text is None:
        text, unreadable = read_text(path)
        if text is None:
            return None, unreadable
    header, problems, add, parsed = read_keys(path, text, KNOWN, REQUIRED, EXAMPLES, SLUG_EXAMPLE)
    if not header.values.get("apply-url") and not header.values.get("apply-email"):
        problems.append(problem("apply-url", "apply.missing", 1))
    control_problems(header, add)
    typed = read_typed(parsed)
    words = read_words(header.values, add)
    description = read_body(header, problems)
    # Every rule runs even when Hours, Pay or Posted is missing or unreadable, so the author
    # sees every problem at once; those fields get stand-ins whose problems are not reported.
    stand_ins = {"hours": typed.hours is None, "pay": typed.pay is None, "posted": typed.posted is None}
    entry = posting_entry(path.stem, header.values, typed, words, description, now)
    checked = [p for p in check(entry, policy, now, allow_expired=allow_expired) if not _about_stand_in(p, stand_ins)]
    problems.extend(located(checked, header, problems))
    return (None if problems or any(stand_ins.values()) else entry), problems


def read_typed(parsed) -> Typed:
    """Hours, pay, dates and time zones, each read by its own parser at its own line."""
    return Typed(
        hours=parsed("hours", parse_hours),
        pay=parsed("pay", parse_pay),
        posted=parsed("posted", parse_datetime),
        apply_by=parsed("apply-by", lambda s: parse_datetime(s, end_of_day=True)),
        updated=parsed("updated", parse_datetime),
        last_verified=parsed("last-verified", parse_datetime),
        timezones=parsed("timezones", parse_timezones),
    )


def read_category(value: str) -> str:
    """The category's slug; its label (``Data & analytics``) is accepted for it."""
    category = vocab.slugify(value)
    if value and category not in vocab.CATEGORIES:
        by_label = {vocab.slugify(label): slug for slug, label in vocab.CATEGORIES.items()}
        category = by_label.get(category, category)
    return category


def read_words(v: dict[str, str], add) -> Words:
    """Category, skills (at most 8, each known), regions and deliverables."""
    skills, unknown = normalize_skills(v.get("skills", "").split(","))
    for word in unknown:
        add_unknown_skill(add, word, SKILLS_EXPECTED)
    if v.get("skills") and len(skills) > MAX_SKILLS:
        add("skills", "skills.too_many", count=str(len(skills)), max=str(MAX_SKILLS))
    deliverables = tuple(clean_text(d) for d in DELIVERABLE_SPLIT.split(v.get("deliverables", "")) if clean_text(d))
    return Words(read_category(v.get("category", "")), skills, read_regions(v, add), deliverables)


def read_body(header: Header, problems: list[Problem]) -> str:
    """The body as sanitized HTML, or "" when it is empty or outside :mod:`board.bounds`.

    A body too long, too deeply nested or with too many link openers is refused with its
    line before Python-Markdown sees it (it would take minutes or raise RecursionError).
    """
    problems.extend(body_problems(header))
    if not header.body.strip():
        return ""
    refused = markdown_problems(header.body, header.body_line)
    problems.extend(refused)
    return "" if refused else markdown_to_html(header.body)



def posting_entry(slug: str, v: dict[str, str], typed: Typed, words: Words, description: str,
                  now: datetime) -> Entry:
    """The entry the header describes (``check`` then applies the shared rules to it); a
    missing Hours, Pay or Posted gets its stand-in (see ``_about_stand_in``)."""
    return Entry(
        slug=slug,
        title=clean_text(v.get("title")),
        organization=Organization(clean_text(v.get("organization")), v.get("organization-url") or None),
        summary=clean_text(v.get("summary")),
        description_html=description,
        hours=typed.hours or STAND_IN_HOURS,
        compensation=typed.pay or STAND_IN_PAY,
        category=words.category,
        posted=typed.posted or now,
        apply_url=v.get("apply-url") or None,
        apply_email=v.get("apply-email") or None,
        apply_by=typed.apply_by,
        deliverables=words.deliverables,
        skills=words.skills,
        eligibility=Eligibility(
            regions=tuple(words.regions) or ("WORLDWIDE",),
            timezones=typed.timezones,
            students=v.get("students", "enrolled-or-recent").strip().lower(),
            work_authorization=v.get("work-authorization", "not-required").strip().lower(),
        ),
        updated=typed.updated,
        status=v.get("status", "open").strip().lower(),
        source=Source(kind="employer", name="employer"),
        last_verified=typed.last_verified,
    )


#: Stand-ins for a missing Hours or Pay while the other rules run: 0 hours skips the pay floor.
STAND_IN_HOURS = Hours(0, 0)
STAND_IN_PAY = Compensation(1.0, 1.0, "USD")


def _about_stand_in(p: Problem, stand_ins: dict[str, bool]) -> bool:
    """A problem that only a stand-in value caused (a missing Posted dates Apply-By against now)."""
    return (stand_ins.get(p.field, False)
            or (stand_ins["posted"] and p.rule == "apply_by.before_posted"))


def body_problems(header: Header) -> list[Problem]:
    """The first line of the Markdown body with a control character, if any."""
    for n, line in enumerate(split_lines(header.body), start=header.body_line):
        if _BODY_CONTROL.search(line):
            return [problem("body", "body.control", n)]
    return []


def located(checked: list[Problem], header: Header, found: list[Problem]) -> list[Problem]:
    """``check``'s problems named by the file's keys, on their lines; none already ``found``."""
    seen = {(p.field, p.line) for p in found}
    body_refused = any(p.field == "body" for p in found)  # a body refused unread is not also "empty"
    out: list[Problem] = []
    for p in checked:
        key = {"apply": "apply-url", "description": "body", "slug": "file name"}.get(p.field, p.field)
        line = header.body_line if key == "body" else header.lines.get(key, 1)
        if (key, line) not in seen and not (body_refused and key == "body" and p.rule == "description.empty"):
            out.append(p.at(key, line))
    return out
