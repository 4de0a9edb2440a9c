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

from pelican.generators import Generator

from board import samples
from board import vocabulary as vocab
from board.catalog import Catalog, load_catalog, refuse_samples
from board.entry import Entry, format_datetime, parse_datetime
from board.jsonld import job_posting, remote_statement, script_json
from board.paths import Urls
from board.policy import load_policy

from . import feeds, present, rendercache
from .digest import write_digest
from .programmes import Programmes
from .saved import write_saved_page
from .students import Students, write_json_feed

log = logging.getLogger(__name__)


TAXONOMIES = ("categories", "skills", "organizations")


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
        self.catalog: Catalog = load_catalog(Path(self.path), self.policy, now, cache_dir, with_samples)
        if not with_samples:  # a published board: a sample copied into content/postings is refused
            refuse_samples([e for e in self.catalog.all if e.source.kind == "employer"] + self.catalog.programmes)
        for warning in self.catalog.warnings:
            log.warning(warning)
        self.urls = site_urls(s)
        self.env.auto_reload = False  # one build: no stat() of every template on every render
        self.context["board_catalog"] = self.catalog
        # The filter form reads only these options, not the catalog: a page that includes it
        # then depends on the set of categories, skills and currencies, so editing one
        # posting re-renders the pages that show it, not every board page.
        self.context["board_filter_options"] = present.filter_options(self.catalog.open)
        self.written: set[str] = set()
        self.render_cache = rendercache.RenderCache.for_build(self)  # off: BOARD_RENDER_CACHE = False
        self._feed_items: dict = {}  # each feed item serialized once per build (feeds.render_feed)
        self._feed_summaries: dict[int, str] = {}  # id(entry) -> present.feed_summary, once per build
        self.students = Students(self)  # calendars, JSON Feed, new/closing-soon, stats (students.py)

    # ---- writing -------------------------------------------------------------
    def write(self, rel_path: str, text: str) -> None:
        """Write only what changed: an unchanged rebuild touches no file."""
        path = Path(self.output_path) / rel_path
        self.written.add(rel_path)
        self.render_cache.note_written(rel_path)
        data = text.encode("utf-8")
        try:
            if path.stat().st_size == len(data) and path.read_bytes() == data:
                return
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)

    def render(self, template: str, rel_path: str, **ctx) -> None:
        """Render unless the render cache knows the page's inputs are unchanged (rendercache.py)."""
        def produce() -> None:
            context = dict(self.context)
            context.update(ctx, output_file=rel_path)
            self.write(rel_path, self.get_template(template.removesuffix(".html")).render(context))
        self.cached(rel_path, ("page", template, rel_path, ctx), produce)

    def cached(self, unit: str, parts: tuple, produce) -> None:
        """``produce()`` unless the render cache holds ``unit``'s files for these inputs (rendercache.py)."""
        self.render_cache.run(unit, parts, produce, self.written)

    # ---- the site ------------------------------------------------------------
    def generate_output(self, writer) -> None:  # noqa: ARG002 - we write files ourselves
        c, u = self.catalog, self.urls
        all_feeds = self.feed_links("all", None, "All open micro-internships")
        self.render_board(c.open, "index.html", "", title=None, feeds=all_feeds,
                          closing_soon=c.closing_soon(self.policy.closing_soon_days),
                          open_programmes=c.open_programmes)  # the kind switch, and the empty state
        for e in c.all:
            self.render_posting(e)
        by_org = c.programmes_by_organization()  # organizations that run programmes get pages too
        groups = {"categories": c.by_category(), "skills": c.by_skill(),
                  "organizations": dict(sorted({**{k: [] for k in by_org}, **c.by_organization()}.items()))}
        opml: list[tuple[str, str, str]] = [("All open micro-internships", u.abs(Urls.feed("all", None, "atom")), u.abs(""))]
        feed_rows = [{"name": "All open micro-internships", "page": u.href(""), "links": all_feeds}]
        for kind in TAXONOMIES:
            index = []
            for slug, entries in groups[kind].items():
                programmes = by_org.get(slug, []) if kind == "organizations" else []
                label = present.taxonomy_label(kind, slug, entries or programmes)
                open_ = [e for e in entries if e.is_open(c.now)]
                closed = [e for e in entries if not e.is_open(c.now)]
                feeds_ = self.feed_links(kind, slug, label)
                page = Urls.taxonomy(kind, slug)
                self.render_board(open_, f"{page}index.html", page, title=label, feeds=feeds_, kind=kind,
                                  slug=slug, past=closed, template="taxonomy.html",
                                  **({"programmes": programmes} if programmes else {}))
                self.write_feeds(kind, slug, label, open_, page)
                opml.append((f"{present.KIND_LABELS[kind]}: {label}", u.abs(Urls.feed(kind, slug, "atom")), u.abs(page)))
                feed_rows.append({"name": f"{present.KIND_LABELS[kind]}: {label}", "page": u.href(page), "links": feeds_})
                index.append((slug, label, len(open_)))
            self.render("taxonomy_index.html", f"{kind}/index.html", kind=kind, items=index,
                        page_title=present.KIND_TITLES[kind], canonical=u.abs(f"{kind}/"))
        self.write_feeds("all", None, "All open micro-internships", c.open, "")
        Programmes(self).write(opml, feed_rows)  # programme pages, the Programmes view, its feeds
        self.students.write(opml, feed_rows)
        write_digest(self, opml, feed_rows)  # the weekly digest, its feeds and the e-mail box (digest.py)
        newest = max((e.modified for e in c.all), default=c.now)
        self.write("feeds.opml", feeds.render_opml("Micro-internship board feeds", opml, newest))
        self.render("feeds.html", "feeds/index.html", feed_rows=feed_rows, page_title="Feeds",
                    canonical=u.abs("feeds/"))
        self.write("sitemap.xml", self.sitemap(groups))
        self.write("robots.txt", self.robots_txt())
        self.render("404.html", "404.html", page_title="Page not found", noindex=True)
        write_saved_page(self)  # the device-only Saved list (saved.py, shortlist.js)
        for path, text in self.search_index().items():  # entries.json + text.json (present.search_index)
            self.write(path, text)
        self.render_cache.prune(self.written)  # a removed posting's page goes, as in a cold build
        self.render_cache.save()
        BoardGenerator.last_summary = self.summary()  # printed by the plugin's finalized hook

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

    def feed_links(self, kind: str, slug: str | None, label: str) -> list[dict]:
        return [
            {"title": f"{label} (Atom)", "type": "application/atom+xml", "href": self.urls.href(Urls.feed(kind, slug, "atom"))},
            {"title": f"{label} (RSS)", "type": "application/rss+xml", "href": self.urls.href(Urls.feed(kind, slug, "rss"))},
            {"title": f"{label} (JSON Feed)", "type": "application/feed+json", "href": self.urls.href(Urls.feed(kind, slug, "json"))},
        ]

    def render_board(self, entries: list[Entry], first_path: str, page_dir: str, *, template: str = "board.html",
                     **ctx) -> None:
        """Paginated static list: works without JavaScript, page 1 is what loads first."""
        per_page = int(self.settings.get("BOARD_PER_PAGE", 24))
        pages = max(1, -(-len(entries) // per_page))
        for n in range(1, pages + 1):
            rel = first_path if n == 1 else f"{page_dir}page/{n}/index.html"
            page_url = lambda k: page_dir if k == 1 else f"{page_dir}page/{k}/"  # noqa: E731
            self.render(
                template, rel,
                entries=entries[(n - 1) * per_page: n * per_page], total=len(entries), page_number=n, pages=pages,
                previous_url=self.urls.href(page_url(n - 1)) if n > 1 else None,
                next_url=self.urls.href(page_url(n + 1)) if n < pages else None,
                canonical=self.urls.abs(page_url(n)), page_title=page_title(ctx.get("title"), n), **ctx,
            )

    def render_posting(self, e: Entry) -> None:
        path = Urls.posting(e.slug)
        is_open = e.is_open(self.catalog.now)
        ld = None
        if is_open and e.source.jsonld:
            ld = script_json(job_posting(e, self.urls.abs(path)))
        self.render(
            "posting.html", f"{path}index.html", entry=e, is_open=is_open, jsonld=ld, noindex=not is_open,
            page_title=f"{e.title} at {e.organization.name}", canonical=self.urls.abs(path),
            description=e.summary, remote_statement=remote_statement(e),
            feeds=self.feed_links("categories", e.category, vocab.category_label(e.category)),
            edit_url=present.edit_url(self.policy.repository, e),
        )

    def write_feeds(self, kind: str, slug: str | None, label: str, entries: list[Entry], page: str) -> None:
        limit = int(self.settings.get("BOARD_FEED_LIMIT", 100))
        now = self.catalog.now  # feeds clamp dates to "now" and an empty feed is dated "now"
        exact = not entries or any(e.posted > now or e.modified > now for e in entries[:limit])
        self.cached(f"feeds:{kind}:{slug}", ("feeds", kind, slug, label, page, entries[:limit],
                                                          now if exact else None),
                           lambda: self._write_feeds(kind, slug, label, entries, page))

    def _write_feeds(self, kind: str, slug: str | None, label: str, entries: list[Entry], page: str) -> None:
        u = self.urls
        limit = int(self.settings.get("BOARD_FEED_LIMIT", 100))
        for fmt in ("atom", "rss"):
            path = Urls.feed(kind, slug, fmt)
            text = feeds.render_feed(
                fmt, title=f"Micro-internships: {label}", site_url=u.public_url, page_url=u.abs(page),
                feed_url=u.abs(path), feed_path=path, entries=entries[:limit],
                entry_url=lambda e: u.abs(Urls.posting(e.slug)), describe=self._feed_summary,
                now=self.catalog.now, description=f"Paid, remote, 5-40 hour projects for students: {label}.",
                item_memo=self._feed_items,  # each item serialized once per build
                stylesheet=u.href(feeds.FEED_XSL),
            )
            self.write(path, text)
        write_json_feed(self, kind, slug, label, entries[:limit], page)

    def _feed_summary(self, e: Entry) -> str:
        """present.feed_summary, once per entry and build (an entry is in many feeds)."""
        memo = self._feed_summaries
        if id(e) not in memo:
            memo[id(e)] = present.feed_summary(e, self.catalog.now)
        return memo[id(e)]

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
