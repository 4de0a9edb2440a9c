"""How entries read on the page: labels, money, deadlines, links (Jinja filters).

Kept apart from the generator so templates, feeds and the search index say things
the same way ("600 USD total", "≈ 30–40 USD/h", "Closes in 4 days").
"""

from __future__ import annotations

import html
import json
import os
from datetime import date, datetime
from functools import lru_cache

from markupsafe import Markup

from board import samples
from board import vocabulary as vocab
from board.browser_rules import browser_formats
from board.entry import Entry, format_datetime
from board.jsonld import script_json
from board import formats
from board.formats import money, money_range, number
from board.paths import Urls, browser_paths
from board.rates import table as rates_table
from board.search_terms import search_tables

from .feeds import item_summary

KIND_LABELS = {"categories": "Category", "skills": "Skill", "organizations": "Organization"}
KIND_TITLES = {"categories": "Categories", "skills": "Skills", "organizations": "Organizations"}

# Numbers, money and slugs are board.formats' (one definition, emitted to board.js and
# the Submit page); ``money`` and ``number`` are registered as filters below.


def pay_label(e: Entry) -> str:
    """ "600 USD total", "20 USD/hour" (``board.formats.WORDING``, as the Submit preview writes it)."""
    c = e.compensation
    return formats.pay_words(money_range(c.min, c.max, c.currency), c.unit)


def hourly_label(e: Entry) -> str:
    """ "≈ 30–40 USD/h": the worst and best case, each rounded once (``board.formats``)."""
    low, high = e.hourly
    return formats.hourly_words(money_range(low, high, e.compensation.currency), e.compensation.unit)


def hourly_data(e: Entry) -> str:
    """The card's ``data-hourly``: "low high currency unit", exact, for ``fx.js`` to convert."""
    low, high = e.hourly
    return f"{_num(low)} {_num(high)} {e.compensation.currency} {e.compensation.unit}"


def fx_json() -> str:
    """The rate table (``board.rates``) and the number rules, inline in the board page:
    the student's currency is on the cards from the first paint, without another request."""
    from board.rates import browser_rates
    return script_json({"fx": browser_rates(), "formats": browser_formats()})


#: How many monogram colours the theme has (``.monogram.m0`` ... in board.css).
MONOGRAM_COLOURS = 8


def monogram(name: str) -> tuple[str, int]:
    """An organization's generated monogram: the initials of its first two words and a
    colour picked from its name ("Harvest Share" -> ("HS", 5)); emitted in the index's
    organization table, so board.js never computes it."""
    words = [w for w in vocab.slugify(name).split("-") if w and w[0].isalpha()]
    letters = "".join(w[0] for w in words[:2]).upper() or "#"
    h = 0
    for ch in name:
        h = (h * 31 + ord(ch)) % 2**32
    return letters, h % MONOGRAM_COLOURS


def posted_html(e: Entry) -> Markup:
    """The posting date in a ``<time data-ago>`` ("Posted 3 Nov 2026" without JavaScript: short,
    as the card's corner beside the pay must be, board.css);
    countdown.js writes "Posted 3 days ago" by the reader's clock, so the card does not change
    only because a day passed (the render cache keys it on the open state, not the day)."""
    return Markup(f'<time datetime="{format_datetime(e.posted)}" data-ago>Posted {e.posted.strftime("%-d %b %Y")}</time>')


def hours_short(e: Entry) -> str:
    """ "15–20 h total": the card's effort (``board.formats.hours_short``, as board.js writes it)."""
    return formats.hours_short(e.hours.min, e.hours.max)


def hours_label(e: Entry) -> str:
    """ "15–20 hours total" (``board.formats.hours_long``)."""
    return formats.hours_long(e.hours.min, e.hours.max)


def state_label(e: Entry, now: datetime | None = None) -> str | None:
    """ "Filled", "Closed" or "Open until filled" (``board.formats.WORDING``), or None: a date
    to show. Without ``now`` a deadline is not compared with the day (feeds print the date)."""
    w = formats.WORDING["state"]
    if e.status != "open":
        return w["filled"] if e.status == "filled" else w["closed"]
    if e.apply_by is None:
        return w["open"]
    return None if now is None or e.is_open(now) else w["closed"]


def deadline_label(e: Entry, now: datetime) -> str:
    """The deadline as a page shows it before its script runs: "Closes 15 March 2027".

    Never a countdown: theme/static/js/countdown.js turns the ``<time data-countdown>``
    around it into "Closes in 3 days" by the reader's clock. ``now`` is read only to tell
    open from closed, so a page changes on the day a posting closes, not every day (the
    render cache relies on this: rendercache.global_fingerprint).
    """
    return state_label(e, now) or f"Closes {human_date(e.apply_by)}"


def deadline_html(e: Entry, now: datetime) -> Markup:
    """The deadline label in a ``<time>``; an open deadline's is counted down in the browser."""
    label = html.escape(deadline_label(e, now))
    if e.apply_by is None:
        return Markup(label)
    countdown = " data-countdown" if e.is_open(now) else ""
    return Markup(f'<time datetime="{format_datetime(e.apply_by)}"{countdown}>{label}</time>')


def human_date(dt: date | None) -> str:
    """ "15 March 2027". Memoized on the calendar day (not the datetime: two datetimes in
    different zones can compare equal and fall on different days), ~13 uses a posting."""
    if not dt:
        return ""
    return _day_words(dt.date() if isinstance(dt, datetime) else dt)


@lru_cache(maxsize=8192)
def _day_words(day: date) -> str:
    return day.strftime("%-d %B %Y")


def apply_by_label(e: Entry) -> str:
    """The deadline as a date ("Apply by 15 March 2027"), for text read later than the build
    (feeds, calendars): a countdown ("Closes in 303 days") would freeze when it was written."""
    if e.status != "open" or e.apply_by is None:
        return state_label(e)
    from .calendars import is_all_day
    text = f"Apply by {human_date(e.apply_by)}"
    return text if is_all_day(e.apply_by) else text + e.apply_by.strftime(", %H:%M UTC")


def apply_href(e: Entry) -> str:
    """The Apply button's link: the URL, or a mailto: with the subject "Application: <title>"."""
    if e.apply_url:
        return e.apply_url
    from urllib.parse import quote
    return f"mailto:{e.apply_email}?subject={quote('Application: ' + e.title)}"


def timezone_label(e: Entry) -> str:
    tz = e.eligibility.timezones
    if not tz:
        return "Any time zone"
    def off(x: float) -> str:
        sign = "+" if x >= 0 else "−"
        h, m = divmod(abs(round(x * 60)), 60)
        return f"UTC{sign}{h}" + (f":{m:02d}" if m else "")
    return off(tz[0]) if tz[0] == tz[1] else f"{off(tz[0])} to {off(tz[1])}"


def regions_label(e: Entry) -> str:
    return ", ".join(vocab.region_label(r) for r in e.eligibility.regions)


def who_label(e: Entry) -> str:
    """The card's "Who may apply" line (``board.formats.who_words``, as board.js and the preview write it)."""
    return formats.who_words(regions_label(e), vocab.STUDENT_STATUS.get(e.eligibility.students, e.eligibility.students))


def taxonomy_label(kind: str, slug: str, entries: list[Entry]) -> str:
    if kind == "categories":
        return vocab.category_label(slug)
    if kind == "skills":
        for e in entries:
            for s in e.skills:
                if vocab.slugify(s) == slug:
                    return s
    if kind == "organizations" and entries:
        return entries[0].organization.name
    return slug


def edit_url(repository: str, e: Entry) -> str | None:
    """GitHub's edit page of an employer's posting file ("Mark as filled", "Extend"), or of
    a programme's file ("Update these facts")."""
    if not repository or e.source.kind != "employer":
        return None
    return f"https://github.com/{repository}/edit/main/{samples.posting_path(e)}"


# ---- programmes -------------------------------------------------------------------


def programme_state(e: Entry, now: datetime) -> str:
    """"open", "between-cohorts" (a cohort's dates passed) or "closed" (status)."""
    if e.status != "open":
        return "closed"
    return "open" if e.is_open(now) else "between-cohorts"


def schedule_label(e: Entry, now: datetime) -> str:
    """When a student can join, in words: 'Rolling: apply at any time of year' etc."""
    p = e.programme
    if p is None:
        return ""
    state = programme_state(e, now)
    if state == "closed":
        return "Closed: the programme is not running"
    if p.schedule == "rolling":
        return "Rolling: apply at any time of year"
    if state == "between-cohorts":
        last = f" (the last published cohort started {human_date(p.starts)})" if p.starts else ""
        return f"Not currently open: between cohorts{last}; see the programme's page for the next one"
    if e.apply_by:
        return f"Cohort: apply by {human_date(e.apply_by)}" + (f", starts {human_date(p.starts)}" if p.starts else "")
    if p.starts:
        return f"Cohort: starts {human_date(p.starts)}"
    return "Cohorts: dates are on the programme's page"


#: A programme's facts read longer ago than this get a "may be out of date" note on its page.
STALE_DAYS = 180


def verified_age(e: Entry, today: date) -> int | None:
    """Whole days since the programme's source page was read (None: not a programme)."""
    if e.programme is None or e.programme.verified is None:
        return None
    return max(0, (today - e.programme.verified.date()).days)


def work_authorization_label(value: str) -> str:
    return vocab.WORK_AUTHORIZATION.get(value, "Not stated on the programme's page")


def programme_summary(e: Entry, now: datetime) -> str:
    """The feed item HTML of a programme: the facts a student decides on, escaped."""
    p = e.programme
    rows = [
        f"Run by: {e.organization.name}" + (f" with {p.partner}" if p and p.partner else ""),
        f"Pay: {pay_label(e)}" + (f" ({p.pay_note})" if p and p.pay_note else ""),
        f"Hours: {hours_label(e)} per project",
        schedule_label(e, now),
        "Who may apply: " + (", ".join(p.institutions) if p and p.institutions else regions_label(e)),
    ]
    items = "".join(f"<li>{html.escape(r)}</li>" for r in rows if r)
    return f"<p>{html.escape(e.summary)}</p><ul>{items}</ul>"


def feed_summary(e: Entry, now: datetime) -> str:
    return item_summary(e, pay_label(e), f"{hours_label(e)} ({hourly_label(e)})", apply_by_label(e))


def index_row(e: Entry, now: datetime, orgs: dict[str, int] | None = None,
              skills: dict[str, int] | None = None) -> dict:
    """One entry in search/entries.json: short keys, numbers, no HTML, defaults left out.

    Nothing derivable is stored (gzip cannot squeeze what it cannot see repeated): the
    posting's URL is the index's ``paths`` "posting" template filled with the slug, and the slug, when it starts with the
    slugified ASCII title (or its first ``l`` characters), is stored as the rest ``x``
    (else in full as ``s``);
    effective hourly and total pay follow from ``m`` (pay) and ``h`` (hours); days are
    whole days relative to the build's "now" (``d`` until the deadline, ``p`` since
    posting). With ``orgs`` and ``skills`` (name -> position in the index's tables)
    organizations and skills are numbers. Summaries live in search/text.json.
    """
    c = e.compensation
    stem = vocab.slugify(e.title) if e.title.isascii() else ""
    common = len(os.path.commonprefix([stem, e.slug]))
    if common >= 8:  # the slug starts with (a cut of) the slugified title
        row: dict = {"x": e.slug[common:]}
        if common < len(stem):
            row["l"] = common
    else:
        row = {"s": e.slug}
    row.update({
        "t": e.title,
        "o": orgs[e.organization.name] if orgs is not None else e.organization.name,
        "c": e.category,
        "k": [skills[s] for s in e.skills] if skills is not None else list(e.skills),
        "h": [e.hours.min, e.hours.max],
        "m": [_num(c.min), _num(c.max), c.currency, c.unit],
        "p": max(0, (now.date() - e.posted.date()).days),
        "pd": format_datetime(e.posted),  # the card's <time data-ago>, counted by the reader's clock
    })
    if e.apply_by:
        row["d"] = e.days_left(now)
    if tuple(e.eligibility.regions) != ("WORLDWIDE",):
        row["r"] = list(e.eligibility.regions)
    if e.eligibility.timezones:
        row["z"] = [_num(x) for x in e.eligibility.timezones]
    if e.eligibility.students != "enrolled-or-recent":
        row["st"] = e.eligibility.students
    if e.eligibility.work_authorization == "required":
        row["wa"] = 1
    if e.source.kind == "scraper":
        row["v"] = e.source.attribution or e.source.name
    if samples.is_sample(e):
        row["sm"] = 1  # the card's "Sample" badge
    return row


def _num(x: float) -> float | int:
    """Whole numbers without ".0"; others exactly as given: board.js rounds what it shows with
    board.formats' rule and computes hourly pay from these, so a figure rounded here would
    be rounded twice (1234.565 USD would read 1,234.57 instead of 1,234.56)."""
    return int(x) if float(x).is_integer() else x


def row_slug(row: dict, title: str | None = None) -> str:
    """The posting slug of an index row (what board.js computes the same way)."""
    if "s" in row:
        return row["s"]
    stem = vocab.slugify(title or row["t"])
    return stem[: row.get("l", len(stem))] + row["x"]


def search_index(entries: list[Entry], now: datetime, floors: dict[str, float]) -> dict[str, str]:
    """The in-browser filter index, as {relative path: JSON text}.

    ``search/entries.json`` has every fact the filters and cards need (tables of
    organizations, skills, labels and regions, then one row per open entry, newest
    first); ``search/text.json`` has the summaries, aligned with the rows, loaded only
    when someone types a search.
    """
    from .regions import members

    org_names: dict[str, int] = {}
    org_rows: list[list[str]] = []
    skill_names: dict[str, int] = {}
    for e in entries:
        if e.organization.name not in org_names:
            org_names[e.organization.name] = len(org_rows)
            org_rows.append([e.organization.name, e.organization.slug, *monogram(e.organization.name)])
        for s in e.skills:
            skill_names.setdefault(s, len(skill_names))
    skills = [[s, vocab.slugify(s)] for s in skill_names]
    rows = [index_row(e, now, org_names, skill_names) for e in entries]
    used_regions = sorted({r for e in entries for r in e.eligibility.regions})
    facts = {
        "v": 2,
        "generated": format_datetime(now),
        "count": len(rows),
        "paths": browser_paths(),  # board.paths: a posting's page is the "posting" template
        "categories": vocab.CATEGORIES,
        "skills": skills,
        "orgs": org_rows,
        "regions": {r: vocab.region_label(r) for r in used_regions},
        "members": members(),
        "students": vocab.STUDENT_STATUS,
        "floors": floors,
        "formats": browser_formats(),  # board.formats: numbers, money and slugs
        "search": search_tables(list(skill_names)),  # board.search_terms: aliases, countries, rules
        "countries": [list(kv) for kv in sorted(vocab.countries().items(), key=lambda kv: kv[1])],  # "I live in"
        "entries": rows,
    }
    text = {"v": 2, "generated": format_datetime(now), "s": [e.summary for e in entries]}
    dump = lambda d: json.dumps(d, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    return {"search/entries.json": dump(facts), "search/text.json": dump(text)}


def filter_options(entries: list[Entry]) -> dict:
    """What the board's filter form offers: only values that occur among open entries."""
    currencies: dict[str, int] = {}
    skills: dict[str, int] = {}
    categories: dict[str, int] = {}
    for e in entries:
        currencies[e.compensation.currency] = currencies.get(e.compensation.currency, 0) + 1
        categories[e.category] = categories.get(e.category, 0) + 1
        for s in e.skills:
            skills[s] = skills.get(s, 0) + 1
    return {
        "currencies": sorted(currencies, key=lambda c: (-currencies[c], c)),
        "categories": [(slug, label, categories.get(slug, 0)) for slug, label in vocab.CATEGORIES.items()],
        "skills": sorted(((s, vocab.slugify(s), n) for s, n in skills.items()), key=lambda x: x[0].lower()),
        "countries": sorted(vocab.countries().items(), key=lambda kv: kv[1]),
        "regions": [(k, v) for k, v in vocab.REGIONS.items() if k != "WORLDWIDE"],
    }


def install(env, urls, now: datetime) -> None:
    """Register filters and globals on Pelican's Jinja environment.

    A filter that closes over ``now`` may read it only to tell open from closed (the
    render cache keys pages on each entry's open state, not on the day); one that counts
    days closes over ``today`` instead, and its pages are keyed on the day.
    """
    today = now.date()
    env.filters.update(
        money=money, number=number, apply_by_label=apply_by_label, apply_href=apply_href, pay_label=pay_label,
        hourly_label=hourly_label, hourly_data=hourly_data, hours_label=hours_label, hours_short=hours_short,
        deadline_label=lambda e: deadline_label(e, now), deadline_html=lambda e: deadline_html(e, now),
        posted_html=posted_html, monogram=monogram, human_date=human_date, isodate=format_datetime,
        timezone_label=timezone_label, regions_label=regions_label, who_label=who_label, slugify=vocab.slugify,
        category_label=vocab.category_label, region_label=vocab.region_label, is_sample=samples.is_sample,
        schedule_label=lambda e: schedule_label(e, now), programme_state=lambda e: programme_state(e, now),
        work_authorization_label=work_authorization_label,
        verified_age=lambda e: verified_age(e, today),  # counts days: closes over the day, not "now"
    )
    env.globals.update(
        now=now,
        urls=urls,
        href=urls.href,
        absolute=urls.abs,
        posting_href=lambda e: urls.href(Urls.posting(e.slug)),
        programme_href=lambda e: urls.href(Urls.programme(e.slug)),
        taxonomy_href=lambda kind, slug: urls.href(Urls.taxonomy(kind, slug)),
        skill_href=lambda name: urls.href(Urls.taxonomy("skills", vocab.slugify(name))),
        feed_href=lambda kind, fmt, slug=None: urls.href(Urls.feed(kind, slug, fmt)),
        CATEGORIES=vocab.CATEGORIES,
        SKILLS=sorted(vocab.SKILLS),
        STUDENT_STATUS=vocab.STUDENT_STATUS,
        WORK_AUTHORIZATION=vocab.WORK_AUTHORIZATION,
        KIND_LABELS=KIND_LABELS,
        KIND_TITLES=KIND_TITLES,
        STALE_DAYS=STALE_DAYS,
        escape=html.escape,
        filter_options=filter_options,
        fx_json=fx_json,
        RATES_LABEL=rates_table().label(),
        RATE_CURRENCIES=[(c, vocab.currencies().get(c, c)) for c in rates_table().rates],
    )
