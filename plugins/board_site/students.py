"""What the board does for students beyond the listing: deadline calendars, JSON Feeds,
"New this week" and "Closing soon" views with their feeds, organization open-days, the
stats page and the feed-and-calendar finder.

The generator calls in at three points (kept to one line each in ``generator.py``):
``Students(self)`` at the end of ``generate_context``, ``write_json_feed`` from
``write_feeds``, and ``.write(opml, feed_rows)`` before the OPML and the feed page are
written. Pure numbers live in ``stats``; drawing in ``charts``; formats in
``calendars`` and ``jsonfeed``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from board import vocabulary as vocab
from board.entry import Entry

from . import charts, present, stats
from .calendars import render_calendar
from .jsonfeed import render_json_feed

NEW_DAYS = 7
#: Finder sections, in page order: (key, heading).
SECTIONS = (
    ("everything", "Everything"),
    ("views", "New and closing soon"),
    ("programmes", "Programmes"),
    ("categories", "Categories"),
    ("skills", "Skills"),
    ("organizations", "Organizations"),
)
CALENDAR_KINDS = ("categories", "skills")


def write_json_feed(gen, kind: str, slug: str | None, label: str, entries: list[Entry], page: str) -> None:
    """The JSON Feed twin of one Atom/RSS pair (same title, items and ids)."""
    u = gen.urls
    path = u.feed(kind, slug, "json")
    gen.write(path, render_json_feed(
        title=f"Micro-internships: {label}", site_url=u.public_url, page_url=u.abs(page), feed_url=u.abs(path),
        entries=entries, entry_url=lambda e: u.abs(u.posting(e.slug)),
        describe=lambda e: present.feed_summary(e, gen.catalog.now), now=gen.catalog.now,
        description=f"Paid, remote, 5-40 hour projects for students: {label}.",
    ))


def calendar_description(e: Entry, url: str) -> str:
    """Plain text for an event's DESCRIPTION (escaped and folded by ``calendars``)."""
    return "\n".join([
        e.summary,
        "",
        f"Organization: {e.organization.name}",
        f"Pay: {present.pay_label(e)}" + (f" ({present.hourly_label(e)})" if e.compensation.unit == "total" else ""),
        f"Effort: {present.hours_label(e)}",
        present.apply_by_label(e),  # a date, never a countdown
        "",
        f"Details and how to apply: {url}",
    ])


class Students:
    def __init__(self, gen):
        self.gen = gen
        c = gen.catalog
        self.open_days = {slug: stats.median_days_open(entries, c.now)
                          for slug, entries in c.by_organization().items()}
        gen.env.globals["org_open_days"] = self.open_days.get
        gen.env.globals["finder_sections"] = SECTIONS
        slugs = {"categories": set(c.by_category()), "skills": set(c.by_skill())}
        gen.env.globals["calendar_href"] = lambda kind, slug: (
            gen.urls.href(gen.urls.calendar(kind, slug)) if slug in slugs.get(kind, ()) else None)

    # ---- everything, in the order the feed page needs it ---------------------------
    def write(self, opml: list[tuple[str, str, str]], feed_rows: list[dict]) -> None:
        self.write_views(opml, feed_rows)
        self.write_calendars(feed_rows)
        self.write_stats()
        prefix = len(self.gen.urls.site_url) + 1
        for row in feed_rows:
            first = row["page"][prefix:].split("/", 1)[0]
            section = "everything" if not first else "views" if first in ("new", "closing-soon") else first
            row.setdefault("section", section)

    def write_views(self, opml: list, feed_rows: list[dict]) -> None:
        g, c, u = self.gen, self.gen.catalog, self.gen.urls
        days = g.policy.closing_soon_days
        views = [
            ("new", "New this week", stats.new_since(c.open, c.now, NEW_DAYS),
             f"Open postings that arrived on the board in the last {NEW_DAYS} days, newest first."),
            ("closing-soon", "Closing soon", c.closing_soon(days),
             f"Open postings whose deadline is {days} days away or less, earliest deadline first. Apply now."),
        ]
        at = 1 if feed_rows else 0
        for key, label, entries, lede in views:
            page = f"{key}/"
            links = g.feed_links(key, None, label)
            g.render_board(entries, f"{page}index.html", page, template="view.html", title=label, feeds=links,
                           lede=lede, view=key, description=lede)
            g.write_feeds(key, None, label, entries, page)
            opml.insert(at, (label, u.abs(u.feed(key, None, "atom")), u.abs(page)))
            feed_rows.insert(at, {"name": label, "page": u.href(page), "links": links})
            at += 1

    def write_calendars(self, feed_rows: list[dict]) -> None:
        g, c, u = self.gen, self.gen.catalog, self.gen.urls
        host = urlsplit(u.public_url).hostname or "localhost"
        targets = [("all", None, "All open micro-internships", c.open, "")]
        groups = {"categories": c.by_category(), "skills": c.by_skill()}
        for kind in CALENDAR_KINDS:
            for slug, entries in groups[kind].items():
                targets.append((kind, slug, present.taxonomy_label(kind, slug, entries), entries,
                                u.taxonomy(kind, slug)))
        by_page = {}
        for kind, slug, label, entries, page in targets:
            path = u.calendar(kind, slug)
            dated = [e for e in entries if e.apply_by is not None and e.is_open(c.now)]  # what the calendar lists
            exact = any(e.modified > c.now for e in dated)  # event stamps are min(modified, now)
            g.cached(f"calendar:{path}", ("calendar", path, label, host, dated, c.now if exact else None),
                               lambda path=path, entries=entries, label=label: g.write(path, render_calendar(
                entries, name=f"Micro-internship deadlines: {label}", host=host, now=c.now,
                description=f"Application deadlines of open micro-internships: {label}.",
                url_for=lambda e: u.abs(u.posting(e.slug)),
                describe=lambda e: calendar_description(e, u.abs(u.posting(e.slug))),
                source_url=u.abs(path),
            )))
            absolute = u.abs(path)
            by_page[u.href(page)] = {
                "title": f"{label} deadlines (iCalendar)", "href": u.href(path), "abs": absolute,
                "webcal": "webcal://" + absolute.split("://", 1)[-1],
            }
        for row in feed_rows:
            if row["page"] in by_page:
                row.setdefault("calendar", by_page[row["page"]])

    # ---- stats page -------------------------------------------------------------
    def charts(self) -> list[charts.Chart]:
        c, floors = self.gen.catalog, self.gen.policy.pay_floors
        by_cat = stats.open_by_category(c.open)
        pay, skipped = stats.pay_distribution(c.open, floors)
        hours = stats.hours_distribution(c.open)
        weeks = stats.postings_per_week(c.all, c.now)
        week_rows = [(f"{w:%-d %b}", n) for w, n in weeks]
        out = [
            charts.bar_chart(charts.Chart(
                "chart-categories", "Open postings by category",
                "Open postings per category. " + charts.describe_counts(by_cat, "postings"),
                "Category", "Open postings", by_cat)),
            charts.bar_chart(charts.Chart(
                "chart-pay", "Effective hourly pay, relative to the board's floor for its currency",
                "Open postings by worst-case hourly pay divided by the minimum the board accepts in that "
                "posting's currency. " + charts.describe_counts(pay, "postings"),
                "Hourly pay ÷ floor", "Open postings", pay,
                notes=[f"Open postings pay in {len({e.compensation.currency for e in c.open})} currencies and the "
                       "board converts none of them (no exchange rates at build time). Instead each posting's effective hourly pay (the worst case: lowest "
                       "fee over the most hours) is divided by the board's minimum for its own currency, so 1.5× "
                       "means 50% above the floor in any currency. The table after the chart gives the actual "
                       "numbers per currency."]
                + ([f"{skipped} posting{'s' if skipped != 1 else ''} in a currency without a floor "
                    "are left out of this chart."] if skipped else []))),
            charts.bar_chart(charts.Chart(
                "chart-hours", "Total hours a project asks for",
                "Open postings by the most hours they ask for in total. " + charts.describe_counts(hours, "postings"),
                "Most hours", "Open postings", hours,
                notes=["Bucketed by the most hours a posting asks for in total: what to plan around."])),
            charts.column_chart(charts.Chart(
                "chart-weeks", "Postings per week",
                f"New postings per week (week starting Monday, by the date the board first saw them), "
                f"open or since closed, over the last {len(weeks)} weeks. " + charts.describe_counts(week_rows, "postings"),
                "Week of", "New postings", week_rows,
                notes=["Counted by the week the board first saw a posting (scraped entries) or its posted date "
                       "(employer postings), including postings that have closed since."])),
        ]
        return out

    def write_stats(self) -> None:
        g, c, u = self.gen, self.gen.catalog, self.gen.urls
        floors = g.policy.pay_floors
        g.render(
            "stats.html", "stats/index.html", page_title="Stats", canonical=u.abs("stats/"),
            description="The board at a glance: open postings by category, pay, hours and postings per week.",
            charts=self.charts(), pay_rows=stats.pay_by_currency(c.open, floors),
            open_count=len(c.open), org_count=len({e.organization.slug for e in c.open}),
            programme_count=len(c.open_programmes),
            new_count=len(stats.new_since(c.open, c.now, NEW_DAYS)),
            closing_count=len(c.closing_soon(g.policy.closing_soon_days)),
            closing_days=g.policy.closing_soon_days, new_days=NEW_DAYS,
            median_open=stats.median_days_open(c.all, c.now), categories=vocab.CATEGORIES,
        )
