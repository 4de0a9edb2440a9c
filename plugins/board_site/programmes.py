"""Programmes on the site: one page each, the Programmes view, and its Atom, RSS and JSON feeds.

The generator calls in with one line (``Programmes(self).write(finder)``) before
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
from board.paths import Urls

from . import present
from .feedset import Feed
from .site_calendars import write_calendar

VIEW = "programmes"
LABEL = "Micro-internship programmes"
LEDE = ("Recurring schemes that offer paid micro-internships: run by a university, a state or a "
        "platform, often for one school's students or one country. Each entry says who may apply, "
        "what it pays and when, as its own public page says; follow the link to apply there.")


FEED = Feed(VIEW, None, LABEL, f"{VIEW}/", "Programmes that offer paid micro-internships, open now.")


class Programmes:
    def __init__(self, gen):
        self.gen = gen

    def write(self, finder) -> None:
        g, c, u = self.gen, self.gen.catalog, self.gen.urls
        links = FEED.links(u)
        for e in c.programmes:
            self.render_programme(e)
        calendar = self.write_calendar(c.open_programmes)
        g.render("programmes.html", f"{VIEW}/index.html", page_title="Programmes", canonical=u.abs(f"{VIEW}/"),
                 description=LEDE, lede=LEDE, feeds=links, open_programmes=c.open_programmes,
                 closed_programmes=c.closed_programmes, posting_count=len(c.open), calendar=calendar)
        g.entry_feeds(FEED, c.open_programmes)
        finder.add(VIEW, LABEL, FEED, calendar)

    def write_calendar(self, entries: list[Entry]) -> dict:
        """``calendars/programmes.ics``: one event per open cohort's application deadline."""
        g, c, u = self.gen, self.gen.catalog, self.gen.urls
        url_for = lambda e: u.abs(Urls.programme(e.slug))  # noqa: E731
        return write_calendar(
            g, VIEW, None, LABEL, entries, description="Application deadlines of open programme cohorts.",
            url_for=url_for,
            describe=lambda e: f"{e.summary}\n\n{present.schedule_label(e, c.now)}\n\nDetails: {url_for(e)}")

    def render_programme(self, e: Entry) -> None:
        g, c, u = self.gen, self.gen.catalog, self.gen.urls
        path = u.programme(e.slug)
        is_open = e.is_open(c.now)
        ld = script_json(educational_program(e, u.abs(path))) if is_open else None
        g.render(
            "programme.html", f"{path}index.html", entry=e, is_open=is_open, jsonld=ld, noindex=not is_open,
            page_title=f"{e.title} ({e.organization.name})", canonical=u.abs(path), description=e.summary,
            feeds=FEED.links(u), edit_url=present.edit_url(g.policy.repository, e),
        )

    @staticmethod
    def sitemap_rows(u, c: Catalog) -> list[tuple[str, datetime]]:
        """The Programmes view and every currently open programme (closed ones are noindex)."""
        live = c.open_programmes
        if not live:
            return []  # an empty view is not worth indexing
        rows = [(u.abs(f"{VIEW}/"), max(e.modified for e in live))]
        return rows + [(u.abs(u.programme(e.slug)), e.modified) for e in live]
