"""Programmes on the site: one page each, the Programmes view, and its Atom, RSS and JSON feeds.

The generator calls in with one line (``Programmes(self).write(opml, feed_rows)``) before
the feed finder is written, and asks ``sitemap_rows`` for the pages search engines may
index. Entries come from ``Catalog.programmes``; paths from the generator's ``Urls``.
A programme gets no JobPosting JSON-LD (Google wants that for single jobs only): an open
programme's page carries ``EducationalOccupationalProgram`` instead (``board.jsonld``).
"""

from __future__ import annotations

from datetime import datetime

from board.catalog import Catalog
from board.entry import Entry
from board.jsonld import educational_program, script_json

from urllib.parse import urlsplit

from . import feeds, present
from .calendars import render_calendar
from .jsonfeed import render_json_feed

VIEW = "programmes"
LABEL = "Micro-internship programmes"
LEDE = ("Recurring schemes that offer paid micro-internships: run by a university, a state or a "
        "platform, often for one school's students or one country. Each entry says who may apply, "
        "what it pays and when, as its own public page says; follow the link to apply there.")


class Programmes:
    def __init__(self, gen):
        self.gen = gen

    def write(self, opml: list[tuple[str, str, str]], feed_rows: list[dict]) -> None:
        g, c, u = self.gen, self.gen.catalog, self.gen.urls
        links = g.feed_links(VIEW, None, LABEL)
        for e in c.programmes:
            self.render_programme(e)
        calendar = self.write_calendar(c.open_programmes)
        g.render("programmes.html", f"{VIEW}/index.html", page_title="Programmes", canonical=u.abs(f"{VIEW}/"),
                 description=LEDE, lede=LEDE, feeds=links, open_programmes=c.open_programmes,
                 closed_programmes=c.closed_programmes, posting_count=len(c.open), calendar=calendar)
        self.write_feeds(c.open_programmes)
        at = 1 if feed_rows else 0  # after "everything", like New and Closing soon
        opml.insert(at, (LABEL, u.abs(u.feed(VIEW, None, "atom")), u.abs(f"{VIEW}/")))
        feed_rows.insert(at, {"name": LABEL, "page": u.href(f"{VIEW}/"), "links": links, "section": VIEW,
                              "calendar": calendar})

    def write_calendar(self, entries: list[Entry]) -> dict:
        """``calendars/programmes.ics``: one event per open cohort's application deadline."""
        g, c, u = self.gen, self.gen.catalog, self.gen.urls
        path = u.calendar(VIEW, None)
        host = urlsplit(u.public_url).hostname or "localhost"
        dated = [e for e in entries if e.apply_by is not None]
        exact = any(e.modified > c.now for e in dated)  # event stamps are min(modified, now)
        g.cached(f"calendar:{path}", ("calendar", path, host, dated, c.now if exact else None),
                           lambda: g.write(path, render_calendar(
                               dated, name=f"Micro-internship deadlines: {LABEL}", host=host, now=c.now,
                               description="Application deadlines of open programme cohorts.",
                               url_for=lambda e: u.abs(u.programme(e.slug)),
                               describe=lambda e: f"{e.summary}\n\n{present.schedule_label(e, c.now)}\n\n"
                                                  f"Details: {u.abs(u.programme(e.slug))}",
                               source_url=u.abs(path))))
        absolute = u.abs(path)
        return {"title": f"{LABEL} deadlines (iCalendar)", "href": u.href(path), "abs": absolute,
                "webcal": "webcal://" + absolute.split("://", 1)[-1]}

    def render_programme(self, e: Entry) -> None:
        g, c, u = self.gen, self.gen.catalog, self.gen.urls
        path = u.programme(e.slug)
        is_open = e.is_open(c.now)
        ld = script_json(educational_program(e, u.abs(path))) if is_open else None
        g.render(
            "programme.html", f"{path}index.html", entry=e, is_open=is_open, jsonld=ld, noindex=not is_open,
            page_title=f"{e.title} ({e.organization.name})", canonical=u.abs(path), description=e.summary,
            feeds=g.feed_links(VIEW, None, LABEL), edit_url=present.edit_url(g.policy.repository, e),
        )

    def write_feeds(self, entries: list[Entry]) -> None:
        g, c = self.gen, self.gen.catalog
        exact = not entries or any(e.posted > c.now or e.modified > c.now for e in entries)
        g.cached(f"feeds:{VIEW}", ("feeds", VIEW, entries, c.now if exact else None),
                           lambda: self._write_feeds(entries))

    def _write_feeds(self, entries: list[Entry]) -> None:
        g, c, u = self.gen, self.gen.catalog, self.gen.urls
        limit = int(g.settings.get("BOARD_FEED_LIMIT", 100))
        entries = entries[:limit]
        entry_url = lambda e: u.abs(u.programme(e.slug))  # noqa: E731
        entry_path = lambda e: f"{VIEW}/{e.slug}"  # noqa: E731 - tag: ids never collide with postings'
        describe = lambda e: present.programme_summary(e, c.now)  # noqa: E731
        description = "Programmes that offer paid micro-internships, open now."
        for fmt in ("atom", "rss"):
            path = u.feed(VIEW, None, fmt)
            g.write(path, feeds.render_feed(
                fmt, title=f"Micro-internships: {LABEL}", site_url=u.public_url, page_url=u.abs(f"{VIEW}/"),
                feed_url=u.abs(path), feed_path=path, entries=entries, entry_url=entry_url, describe=describe,
                now=c.now, description=description, entry_path=entry_path, stylesheet=u.href(feeds.FEED_XSL),
            ))
        path = u.feed(VIEW, None, "json")
        g.write(path, render_json_feed(
            title=f"Micro-internships: {LABEL}", site_url=u.public_url, page_url=u.abs(f"{VIEW}/"),
            feed_url=u.abs(path), entries=entries, entry_url=entry_url, describe=describe, now=c.now,
            description=description, entry_path=entry_path,
        ))

    @staticmethod
    def sitemap_rows(u, c: Catalog) -> list[tuple[str, datetime]]:
        """The Programmes view and every currently open programme (closed ones are noindex)."""
        live = c.open_programmes
        if not live:
            return []  # an empty view is not worth indexing
        rows = [(u.abs(f"{VIEW}/"), max(e.modified for e in live))]
        return rows + [(u.abs(u.programme(e.slug)), e.modified) for e in live]
