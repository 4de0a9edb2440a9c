"""The Pelican generator that turns the board's entries into pages, feeds and data.

Pelican drives it (settings, theme, Jinja environment, the build loop); the entries
come from ``board.catalog``. Every URL the site uses is made by :class:`Urls`, so
paths are designed once and cannot collide: postings, categories, skills and
organizations each live under their own prefix, and so do their feeds.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from jinja2 import FileSystemBytecodeCache
from pelican.generators import Generator

from board import samples
from board import vocabulary as vocab
from board.browser_rules import wording_module
from board.catalog import Catalog, load_catalog, refuse_samples
from board.forkmap import fork_map
from board.entry import Entry, format_datetime, parse_datetime
from board.jsonld import job_posting, remote_statement, script_json
from board.paths import PATHS, Urls
from board.policy import load_policy

from . import digest, feeds, present, rendercache, site_calendars, stats, submit
from .cardstore import CARD_TEMPLATE, ROW, ROW_TEMPLATE, CardStore
from .feeds import Item
from .feedset import Feed, FeedMemo, entry_clamped, entry_item, write_feeds
from .finder import SECTIONS, Finder, write_finder
from .programmes import Programmes
from .saved import write_saved_page
from .stats_page import write_stats_page
from .views import write_views
from .workers import MIN_UNITS, Pool, Unit, worker_count

log = logging.getLogger(__name__)


TAXONOMIES = ("categories", "skills", "organizations")
#: How many postings the board's "Closing soon" box lists (board.html shows them all).
CLOSING_BOX = 6
#: Rows per page of a category, skill or organization (BOARD_ROWS_PER_PAGE): one line each.
ROWS_PER_PAGE = 100
#: The headings list pages render cards with (board.html: h3; view.html: h2; taxonomy.html shows rows).
CARD_HEADINGS = ("h3", "h2")


def page_title(title: str | None, n: int) -> str | None:
    """A paginated list's <title>: page 2 and later say so ("Skills: Python · page 2")."""
    if n == 1:
        return title
    return f"{title or 'Open micro-internships'} · page {n}"


def board_now(settings: dict) -> datetime:
    """One "now" for the whole build (pinned by BOARD_NOW for reproducible builds)."""
    if not settings.get("BOARD_NOW"):
        settings["BOARD_NOW"] = format_datetime(datetime.now(timezone.utc))
    return parse_datetime(settings["BOARD_NOW"])


def site_urls(settings: dict) -> Urls:
    return Urls(settings.get("SITEURL", ""), settings.get("BOARD_PUBLIC_URL") or settings.get("SITEURL", ""))


def install_template_helpers(generator) -> None:
    """Every generator (ours and Pelican's pages) gets the same filters and links."""
    present.install(generator.env, site_urls(generator.settings), board_now(generator.settings))
    from .submit import install as install_submit; install_submit(generator.env, generator.settings)  # noqa: E702


class BoardGenerator(Generator):
    """Reads every entry in ``generate_context`` and writes the board in ``generate_output``."""

    last_summary: str = ""  # the last build's one-line summary (not a setting: settings are digested)

    def generate_context(self) -> None:
        s = self.settings
        now = board_now(s)
        self.policy = load_policy(s.get("BOARD_POLICY"))
        cache_dir = Path(s.get("CACHE_PATH", "cache")) / "board" if s.get("BOARD_CACHE", True) else None
        with_samples = bool(s.get("BOARD_SAMPLES"))
        self.catalog: Catalog = load_catalog(Path(self.path), self.policy, now, cache_dir, with_samples,
                                             workers=worker_count(s))
        if not with_samples:  # a published board: a sample copied into content/postings is refused
            refuse_samples([e for e in self.catalog.all if e.source.kind == "employer"] + self.catalog.programmes)
        for warning in self.catalog.warnings:
            log.warning(warning)
        self.urls = site_urls(s)
        self.env.auto_reload = False  # one build: no stat() of every template on every render
        if cache_dir is not None:  # compiled templates kept by their source's checksum: a rebuild compiles none
            (cache_dir / "jinja").mkdir(parents=True, exist_ok=True)
            self.env.bytecode_cache = FileSystemBytecodeCache(str(cache_dir / "jinja"))
        self.context["board_catalog"] = self.catalog
        self.written: set[str] = set()
        self.render_cache = rendercache.RenderCache.for_build(self)  # off: BOARD_RENDER_CACHE = False
        self.pool = self.worker_pool()
        # Memos of one build (an entry is in many feeds and on many list pages):
        self.feed_memo = FeedMemo()  # each entry's feed item, and each item's XML per format
        self.cards: dict[tuple[int, str], str] = {}  # (id(entry), heading or ROW) -> its card's (row's) HTML
        self.card_entries: dict[int, Entry] = {}  # the entries of board pages queued for the workers
        self.row_entries: dict[int, Entry] = {}  # the entries of row lists (taxonomy pages) queued for them
        self.item_entries: dict[int, Entry] = {}  # the entries of feeds queued for the workers
        self.install_globals()
        # card_html and row_html render these: a page calling one is made of that template too
        self.render_cache.global_templates.update(card_html=CARD_TEMPLATE, row_html=ROW_TEMPLATE)
        self.card_store = CardStore.for_build(self.render_cache)  # cards kept between builds (cardstore.py)

    def worker_pool(self) -> Pool | None:
        """With ``BOARD_WORKERS`` > 1 (default: one per CPU), outputs render in forked workers (workers.py)."""
        n = worker_count(self.settings)
        if n <= 1:
            return None
        cache = self.render_cache

        def done(unit: Unit, paths: list[str]) -> None:
            self.written.update(paths)
            cache.record(unit.name, unit.key, paths)
        cache.pool = Pool(n, lambda unit: cache.produce(unit.produce), done)
        return cache.pool

    def install_globals(self) -> None:
        """The board's own template globals, all set here (present.install sets the shared ones).

        Each closes over what it reads (a dict, the catalog's slugs), never over the
        generator's mutable state, so the render cache can fingerprint it.
        """
        c, u = self.catalog, self.urls
        self.env.globals.update(
            finder_sections=SECTIONS,
            calendar_href=site_calendars.calendar_href(c, u),
            email_digest=digest.email_link(self.settings, u.abs(Urls.feed("digest", None, "rss"))),
            card_html=self.card_html,
            row_html=self.row_html,
        )

    def card_html(self, e: Entry, heading: str = "h3") -> str:
        """A posting's card (theme/templates/_card.html), rendered once per build and heading.

        A card depends only on its entry (and the site: code, templates, settings), and a
        posting is on a dozen list pages; each reuses the first rendering's HTML, and the
        card store (cardstore.py) keeps it for the next build.
        """
        return self._kept(e, heading, lambda: self.env.get_template(CARD_TEMPLATE).module.card(e, heading))

    def row_html(self, e: Entry) -> str:
        """A posting's line on a category, skill or organization page or a digest week
        (theme/templates/_row.html), rendered once per build and kept like a card."""
        return self._kept(e, ROW, lambda: self.env.get_template(ROW_TEMPLATE).module.row(e))

    def _kept(self, e: Entry, heading: str, render: Callable[[], str]) -> str:
        """``e``'s card (row) under ``heading``: this build's, else the card store's, else ``render()``."""
        key = (id(e), heading)
        html = self.cards.get(key)
        if html is None:
            stored = self.card_store.key(e, heading)
            html = self.card_store.get(stored)
            if html is None:
                html = render()
                self.card_store.put(stored, html)
            self.cards[key] = html
        return html

    def prerender(self) -> None:
        """Make the cards of the queued list pages and the items of the queued feeds once
        each, spread over the workers, before the pages and feeds are.

        The workers inherit them (fork). Without this each worker would make most of them
        itself: a posting is on a dozen list pages and feeds, and those are dealt to every worker.
        """
        store = self.card_store
        for queue, headings in ((self.card_entries, CARD_HEADINGS), (self.row_entries, (ROW,))):
            for e in list(queue.values()):  # cards and rows the card store holds are not made again
                htmls = [store.get(store.key(e, h)) for h in headings]
                if all(htmls):
                    self.cards.update(((id(e), h), html) for h, html in zip(headings, htmls))
                    del queue[id(e)]
        cards, rows, items = self.card_entries, self.row_entries, self.item_entries
        entries = list({**cards, **rows, **items}.values())

        def make(e: Entry) -> tuple:
            headings = (CARD_HEADINGS if id(e) in cards else ()) + ((ROW,) if id(e) in rows else ())
            htmls = [self.row_html(e) if h == ROW else self.card_html(e, h) for h in headings]
            return list(zip(headings, htmls)), self.feed_item(e) if id(e) in items else None
        workers = self.pool.workers if len(entries) >= MIN_UNITS else 1
        for e, (made, item) in zip(entries, fork_map(make, entries, workers)):
            for heading, html in made:
                self.cards[(id(e), heading)] = html
                store.put(store.key(e, heading), html)
            if item is not None:
                self.feed_memo.items[id(e)] = item

    # ---- writing -------------------------------------------------------------
    def write(self, rel_path: str, text: str) -> None:
        """Write only what changed: an unchanged rebuild touches no file. (``os.path`` on
        strings, not ``pathlib``: its object churn was ~5% of a cold build's CPU.)"""
        path = os.path.join(self.output_path, rel_path)
        self.written.add(rel_path)
        self.render_cache.note_written(rel_path)
        data = text.encode("utf-8")
        try:
            if os.stat(path).st_size == len(data):
                with open(path, "rb") as old:
                    if old.read() == data:
                        return
        except FileNotFoundError:
            os.makedirs(os.path.dirname(path), exist_ok=True)
        folder, name = os.path.split(path)
        tmp = os.path.join(folder, f".{name}.tmp")
        with open(tmp, "wb") as out:
            out.write(data)
        os.replace(tmp, path)

    def render(self, template: str, rel_path: str, derive: Callable[[], dict] | None = None, **ctx) -> None:
        """Render unless the render cache knows the page's inputs are unchanged (rendercache.py).

        ``derive()``, if given, returns more context made only from ``ctx`` and the site
        (settings, policy, code: all in the site fingerprint). It is left out of the key and
        called only when the page is rendered: a warm build skipped making 10,000 posting
        pages' JSON-LD (re-sanitizing each description) and hashing them into keys.
        """
        def produce() -> None:
            context = dict(self.context)
            context.update(ctx, **(derive() if derive else {}), output_file=rel_path)
            self.write(rel_path, self.get_template(template.removesuffix(".html")).render(context))
        self.cached(rel_path, ("page", template, rel_path, ctx), produce)

    def write_cached(self, unit: str, parts: tuple, make: Callable[[], dict[str, str]]) -> None:
        """Write ``make()``'s files ({path: text}) unless the render cache holds them for ``parts``,
        which must name everything they are made from besides the site (code, settings, policy)."""
        def produce() -> None:
            for path, text in make().items():
                self.write(path, text)
        self.cached(unit, parts, produce)

    def cached(self, unit: str, parts: tuple, produce) -> None:
        """``produce()`` unless the render cache holds ``unit``'s files for these inputs (rendercache.py)."""
        self.render_cache.run(unit, parts, produce, self.written)

    # ---- the site ------------------------------------------------------------
    def generate_output(self, writer) -> None:  # noqa: ARG002 - we write files ourselves
        c, u = self.catalog, self.urls
        finder = Finder(u)
        everything = Feed("all", None, site_calendars.ALL_LABEL, "")
        # Only page 1 shows the "Closing soon" box (its first 6), the kind switch and the empty
        # state: passed to page 1 alone, the day's changes to them re-render one page, not all.
        self.render_board(c.open, "index.html", "", title=None, feeds=everything.links(u),
                          first={"closing_soon": c.closing_soon(self.policy.closing_soon_days)[:CLOSING_BOX],
                                 "open_programmes": c.open_programmes,
                                 # The filter form (page 1 only) reads these, not the catalog. They count
                                 # postings per category and skill: in every page's key, one posting
                                 # added or closed re-rendered every board page.
                                 "board_filter_options": present.filter_options(c.open)})
        for e in c.all:
            self.render_posting(e)
        by_org = c.programmes_by_organization()  # organizations that run programmes get pages too
        groups = {"categories": c.by_category(), "skills": c.by_skill(),
                  "organizations": dict(sorted({**{k: [] for k in by_org}, **c.by_organization()}.items()))}
        calendars = site_calendars.write_posting_calendars(self, groups)
        self.entry_feeds(everything, c.open)
        finder.add("everything", everything.label, everything, calendars[("all", None)])
        for kind in TAXONOMIES:
            self.write_taxonomy(kind, groups[kind], by_org, calendars, finder)
        write_views(self, finder)  # New this week, Closing soon (views.py)
        Programmes(self).write(finder)  # programme pages, the Programmes view, its feeds and calendar
        digest.write_digest(self, finder)  # the weekly digest, its feeds and the e-mail box (digest.py)
        write_stats_page(self)
        newest = max((e.modified for e in c.all), default=c.now)
        self.write("feeds.opml", feeds.render_opml("Micro-internship board feeds", finder.opml(), newest))
        write_finder(self, finder)  # /feeds/ and its A-to-Z organizations page (finder.py)
        # Files made from every entry are keyed on the entries (whose keys hold their open state)
        # and, where they print it, on "now": a warm rebuild neither makes nor compares them.
        self.write_cached(PATHS["submit_taken"], ("taken", c.open, c.closed),  # the Submit form's duplicate checks
                          lambda: {PATHS["submit_taken"]: submit.taken_json(c)})
        self.write(PATHS["submit_rules"], self.env.globals["submit_rules"]())  # the Submit form's rules (submit.py)
        self.write_cached("sitemap.xml", ("sitemap", c.open, c.closed, c.programmes, None if c.open else c.now),
                          lambda: {"sitemap.xml": self.sitemap(groups)})
        self.write("robots.txt", self.robots_txt())
        self.render("404.html", "404.html", page_title="Page not found", noindex=True)
        write_saved_page(self)  # the device-only Saved list (saved.py, shortlist.js)
        # entries.json + text.json (present.search_index): days counted from "now", which it prints
        self.write_cached("search", ("search", c.open, c.now), self.search_index)
        self.write("theme/js/wording.js", wording_module())  # board.formats.WORDING for countdown.js
        if self.pool is not None:
            self.prerender()
            self.pool.flush()  # every unit queued above, rendered in the workers
        self.render_cache.prune(self.written)  # a removed posting's page goes, as in a cold build
        self.render_cache.save()
        self.card_store.save(c.all)
        BoardGenerator.last_summary = self.summary()  # printed by the plugin's finalized hook

    def write_taxonomy(self, kind: str, group: dict[str, list[Entry]], by_org: dict[str, list[Entry]],
                       calendars: dict, finder: Finder) -> None:
        """Every category's (skill's, organization's) pages and feeds, and the kind's index page."""
        c, u = self.catalog, self.urls
        index = []
        for slug, entries in group.items():
            programmes = by_org.get(slug, []) if kind == "organizations" else []
            label = present.taxonomy_label(kind, slug, entries or programmes)
            open_ = [e for e in entries if e.is_open(c.now)]
            closed = [e for e in entries if not e.is_open(c.now)]
            page = Urls.taxonomy(kind, slug)
            feed = Feed(kind, slug, label, page)
            # An organization's page 1 says how long its postings stay open: its own figure,
            # passed to that page alone (a global holding every organization's figure made
            # each list page depend on all of them: one posting added re-rendered 3,800 pages).
            first = {"org_stay": stats.median_days_open(entries, c.now)} if kind == "organizations" else {}
            first.update(past=closed, **({"programmes": programmes} if programmes else {}))  # page 1 shows them
            self.render_board(open_, f"{page}index.html", page, title=label, feeds=feed.links(u), kind=kind,
                              slug=slug, template="taxonomy.html", first=first,
                              per_page=int(self.settings.get("BOARD_ROWS_PER_PAGE", ROWS_PER_PAGE)))
            self.entry_feeds(feed, open_)
            finder.add(kind, f"{present.KIND_LABELS[kind]}: {label}", feed, calendars.get((kind, slug)))
            index.append((slug, label, len(open_)))
        self.render("taxonomy_index.html", f"{kind}/index.html", kind=kind, items=index,
                    page_title=present.KIND_TITLES[kind], canonical=u.abs(f"{kind}/"))

    def summary(self) -> str:
        """"Board: 23 postings (19 open, 4 closed), 212 pages, 180 feeds" for the end of the build."""
        c = self.catalog
        pages = sum(1 for p in self.written if p.endswith(".html"))
        feeds_ = sum(1 for p in self.written if p.startswith("feeds/") and p.endswith((".xml", ".json")))
        n_samples = sum(1 for e in c.all if samples.is_sample(e))
        note = f", {n_samples} of them samples" if n_samples else ""
        programmes = f", {len(c.programmes)} programmes ({len(c.open_programmes)} open)" if c.programmes else ""
        return (f"Board: {len(c.all)} postings ({len(c.open)} open, {len(c.closed)} closed{note}){programmes}, "
                f"{pages} pages, {feeds_} feeds, written to {self.output_path}")

    def robots_txt(self) -> str:
        """A board showing sample data asks crawlers to keep out: invented jobs must not be indexed."""
        rule = "Disallow: /  # sample data: not for search engines" if self.settings.get("BOARD_SAMPLES") else "Allow: /"
        return f"User-agent: *\n{rule}\n\nSitemap: {self.urls.abs('sitemap.xml')}\n"

    def render_board(self, entries: list[Entry], first_path: str, page_dir: str, *, template: str = "board.html",
                     first: dict | None = None, per_page: int | None = None, **ctx) -> None:
        """Paginated static list: works without JavaScript, page 1 is what loads first.

        ``first`` is context only page 1 reads: later pages are not keyed on it, nor on the
        count of ``entries`` (``total``, printed on page 1 only), so a posting added or closed
        re-renders the pages whose postings shift, not every page for its count. ``per_page``
        defaults to ``BOARD_PER_PAGE`` (cards); lists of one-line rows pass more.
        """
        per_page = per_page or int(self.settings.get("BOARD_PER_PAGE", 24))
        pages = max(1, -(-len(entries) // per_page))
        for n in range(1, pages + 1):
            rel = first_path if n == 1 else f"{page_dir}page/{n}/index.html"
            page_url = lambda k: page_dir if k == 1 else f"{page_dir}page/{k}/"  # noqa: E731
            shown = entries[(n - 1) * per_page: n * per_page]
            queued = len(self.pool.units) if self.pool else 0
            self.render(
                template, rel,
                entries=shown, page_number=n, pages=pages,
                previous_url=self.urls.href(page_url(n - 1)) if n > 1 else None,
                next_url=self.urls.href(page_url(n + 1)) if n < pages else None,
                canonical=self.urls.abs(page_url(n)), page_title=page_title(ctx.get("title"), n), **ctx,
                **({**(first or {}), "total": len(entries)} if n == 1 else {}),
            )
            if self.pool and len(self.pool.units) > queued:  # queued: its cards or rows are made first (prerender)
                (self.row_entries if template == "taxonomy.html" else self.card_entries).update((id(e), e) for e in shown)

    def render_posting(self, e: Entry) -> None:
        """A posting's page: keyed on the entry and whether it is open; the rest is made from those."""
        path = Urls.posting(e.slug)
        is_open = e.is_open(self.catalog.now)

        def derive() -> dict:
            ld = script_json(job_posting(e, self.urls.abs(path))) if is_open and e.source.jsonld else None
            return dict(
                jsonld=ld, noindex=not is_open, page_title=f"{e.title} at {e.organization.name}",
                canonical=self.urls.abs(path), description=e.summary, remote_statement=remote_statement(e),
                # one format: 10,000 pages carry it, every reader takes Atom, the finder lists all three
                feeds=Feed("categories", e.category, vocab.category_label(e.category),
                           Urls.taxonomy("categories", e.category)).links(self.urls, only=("atom",)),
                edit_url=present.edit_url(self.policy.repository, e))
        self.render("posting.html", f"{path}index.html", derive, entry=e, is_open=is_open)

    def entry_feeds(self, feed: Feed, entries: list[Entry]) -> None:
        """The Atom, RSS and JSON Feed of ``entries`` (postings or programmes), newest first."""
        queued = len(self.pool.units) if self.pool else 0
        now = self.catalog.now
        write_feeds(self, feed, entries, self.feed_item, clamped=lambda e: entry_clamped(e, now))
        if self.pool and len(self.pool.units) > queued:  # queued: its items are made first (prerender)
            self.item_entries.update((id(e), e) for e in entries[:feed.cap(self.settings)])

    def feed_item(self, e: Entry) -> Item:
        """``e``'s item in every feed, made once per build (an entry is in a dozen feeds)."""
        memo = self.feed_memo.items
        item = memo.get(id(e))
        if item is None:
            now = self.catalog.now
            describe = present.programme_summary if e.kind == "programme" else present.feed_summary
            item = memo[id(e)] = entry_item(e, urls=self.urls, now=now, describe=lambda x: describe(x, now))
        return item

    def sitemap(self, groups: dict[str, dict[str, list[Entry]]]) -> str:
        """Only what a search engine should index: open postings and pages that list them."""
        u, c = self.urls, self.catalog
        rows = [(u.abs(""), max((e.modified for e in c.open), default=c.now))]
        newest = rows[0][1]
        rows += [(u.abs(view), newest) for view in ("new/", "closing-soon/", "stats/")]
        rows += [(u.abs(Urls.posting(e.slug)), e.modified) for e in c.open]
        rows += Programmes.sitemap_rows(u, c)
        open_set = set(id(e) for e in c.open)
        programme_orgs = c.programmes_by_organization()
        for kind, group in groups.items():
            for slug, entries in group.items():
                live = [e for e in entries if id(e) in open_set]
                if kind == "organizations":
                    live += [p for p in programme_orgs.get(slug, []) if p.is_open(c.now)]
                if live:
                    rows.append((u.abs(Urls.taxonomy(kind, slug)), max(e.modified for e in live)))
        body = "".join(f"<url><loc>{_xml(loc)}</loc><lastmod>{format_datetime(mod)}</lastmod></url>\n" for loc, mod in rows)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + body + "</urlset>\n")

    def search_index(self) -> dict[str, str]:
        """Compact facts of every open entry for the in-browser filters, {path: JSON}."""
        return present.search_index(self.catalog.open, self.catalog.now,
                                    self.policy.pay_floors)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
