"""Every feed the site publishes, each in Atom, RSS and JSON Feed, through one ``write_feeds``.

A :class:`Feed` names one feed (kind, slug, label, the page it follows); its title, its
three paths and its ``<link rel="alternate">`` rows are made here and nowhere else. Its
items are :class:`~.feeds.Item`s: :func:`entry_item` for postings and programmes,
``digest.week_item`` for the weekly digest. ``write_feeds`` caps the list, asks the
render cache whether the three files are still right, and writes them.

**Caps** (:data:`CAPS`): a feed carries only its newest items. A reader polls a feed every
hour or so and keeps what it has seen, so a feed needs the items that can arrive
between two polls, with room to spare, not the whole archive (the board's pages are the
archive). Everything, New this week and Closing soon keep 100 (``BOARD_FEED_LIMIT``):
the busiest stream, every arrival of the board. A category gets a fraction of that, so
50 is still days of its arrivals at 10,000 open postings. A skill gets 20: there are many
(36 on the sample board, more on a real one), each feed in three formats, so 50 each was
7.4 MB of 26 MB of feeds at 10,000 postings (issue #19), and 20 is still most of a day of
the busiest skill's arrivals (~170 postings a day at 10,000 open, ~1 in 7 with that skill)
for a reader that polls hourly. An organization rarely has more than a handful open, so 20. The weekly digest gets one item a week,
each listing the whole week's arrivals (~1/12 of the board), so 4: a month of weeks for a
reader or an RSS-to-email service that polls at least weekly; its week pages stay for 12
weeks (``digest.WEEKS``). Uncapped, a feed grows with the whole board, and there is one per
skill (the sizes measured: BENCHMARKS.md, issue #19).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from board.entry import Entry, format_datetime
from board.paths import Urls

from . import feeds
from .jsonfeed import render_json_feed

#: (format, link title suffix, MIME type), in the order pages link them.
FORMATS = (("atom", "Atom", "application/atom+xml"), ("rss", "RSS", "application/rss+xml"),
           ("json", "JSON Feed", "application/feed+json"))
#: Newest items a feed of this kind carries (the module docstring says why); others: BOARD_FEED_LIMIT.
CAPS = {"categories": 50, "skills": 20, "organizations": 20, "digest": 4}
DEFAULT_CAP = 100
#: Formats of a feed of this kind (others: all of :data:`FORMATS`). There is one organization
#: feed per ~6 postings, so their twins grew with the board (two thirds of every feed byte at
#: 10,000 postings, issue #19). A student follows an organization in a feed reader, and every
#: reader reads Atom (``feeds.opml`` lists the Atom feeds only); RSS and JSON Feed twins stay
#: for everything, the views, categories and skills, and an automation filters ``all.json``.
KIND_FORMATS = {"organizations": ("atom",)}


def feed_title(label: str) -> str:
    """A feed's own title, as a reader lists it."""
    return f"Micro-internships: {label}"


@dataclass(frozen=True)
class Feed:
    kind: str  # "all", a taxonomy, a view ("new", "closing-soon", "programmes", "digest")
    slug: str | None
    label: str
    page: str  # the site path of the page this feed follows ("" is the board)
    description: str = ""  # default: "Paid, remote, 5-40 hour projects for students: <label>."

    @property
    def title(self) -> str:
        return feed_title(self.label)

    @property
    def about(self) -> str:
        return self.description or f"Paid, remote, 5-40 hour projects for students: {self.label}."

    @property
    def formats(self) -> tuple[str, ...]:
        """The formats this feed is written in (:data:`KIND_FORMATS`), in :data:`FORMATS` order."""
        return KIND_FORMATS.get(self.kind) or tuple(fmt for fmt, _, _ in FORMATS)

    def path(self, fmt: str) -> str:
        return Urls.feed(self.kind, self.slug, fmt)

    def links(self, urls: Urls, only: tuple[str, ...] | None = None) -> list[dict]:
        """The page's ``<link rel="alternate">`` rows (and the finder's), one per format written
        (of ``only``'s formats, if given: a posting page names one, see ``render_posting``)."""
        return [{"title": f"{self.label} ({name})", "type": mime, "href": urls.href(self.path(fmt))}
                for fmt, name, mime in FORMATS if fmt in self.formats and (only is None or fmt in only)]

    def cap(self, settings: dict) -> int:
        return CAPS.get(self.kind) or int(settings.get("BOARD_FEED_LIMIT", DEFAULT_CAP))


@dataclass
class FeedMemo:
    """What every feed of one build shares: each entry's item, and each item's XML per format."""

    items: dict[int, feeds.Item] = field(default_factory=dict)  # id(entry) -> its item
    xml: dict = field(default_factory=dict)  # feeds._Memo: (format, item uid) -> XML text


def entry_item(e: Entry, *, urls: Urls, now: datetime, describe: Callable[[Entry], str]) -> feeds.Item:
    """A posting's or a programme's item in every format; its ``tag:`` id is made from its
    page's path, so a posting and a programme with the same slug never share one."""
    page = Urls.programme(e.slug) if e.kind == "programme" else Urls.posting(e.slug)
    posted = min(e.posted, now)  # validators flag future dates as implausible
    org = e.organization
    extra: list[tuple[str, Any]] = [("summary", e.summary), ("_microboard", _facts(e))]
    if e.apply_url:
        extra.append(("external_url", e.apply_url))
    tags = tuple(t for t in (e.category, *e.skills) if t)  # a programme may have no category
    return feeds.Item(
        uid=feeds.tag_uri(urls.public_url, page), url=urls.abs(page),
        title=f"{e.title} at {org.name}", summary_html=describe(e),
        published=posted, updated=max(posted, min(e.modified, now)), author=org.name, author_url=org.url or None,
        categories=tags, tags=tags, json=tuple(extra), clamped=entry_clamped(e, now),
    )


def entry_clamped(e: Entry, now: datetime) -> bool:
    """Whether ``e``'s item has a date pulled back to "now" (then its feeds depend on "now")."""
    return e.posted > now or e.modified > now


def _facts(e: Entry) -> dict:
    """The JSON Feed's ``_microboard`` object: what an automation filters on."""
    c = e.compensation
    facts = {
        "apply_url": e.apply_link,
        "apply_by": format_datetime(e.apply_by) if e.apply_by else None,
        "hours": {"min": e.hours.min, "max": e.hours.max},
        "pay": {"min": c.min, "max": c.max, "currency": c.currency, "unit": c.unit},
        "hourly": {"min": round(e.hourly[0], 2), "max": round(e.hourly[1], 2)},
        "category": e.category,
        "regions": list(e.eligibility.regions),
    }
    if e.kind != "posting":
        facts["kind"] = e.kind
    return facts


def write_feeds(gen, feed: Feed, sources: list, to_item: Callable[[Any], feeds.Item],
                clamped: Callable[[Any], bool] | None = None) -> None:
    """The newest ``feed.cap`` of ``sources`` (newest first) in each of ``feed.formats``.

    ``to_item`` makes each source's item (memoized by the caller). The three files are one
    render-cache unit keyed on the feed, its sources and, when an item's date was clamped
    to it (or the feed is empty and dated "now"), the build's "now". With ``clamped(source)``
    (that item's ``clamped``, told without making it) the items are made only if the feed
    is rendered: a warm rebuild makes none for the feeds it reuses.
    """
    shown = sources[:feed.cap(gen.settings)]
    now = gen.catalog.now
    if clamped is None:
        items = [to_item(s) for s in shown]
        exact = not items or any(it.clamped for it in items)
    else:
        exact = not shown or any(clamped(s) for s in shown)
    gen.cached(f"feeds:{feed.kind}:{feed.slug}", ("feeds", feed, shown, now if exact else None),
               lambda: _write(gen, feed, [to_item(s) for s in shown] if clamped else items))


def _write(gen, feed: Feed, items: list[feeds.Item]) -> None:
    u = gen.urls
    common = dict(title=feed.title, site_url=u.public_url, page_url=u.abs(feed.page), description=feed.about)
    for fmt in [f for f in ("atom", "rss") if f in feed.formats]:
        path = feed.path(fmt)
        gen.write(path, feeds.render_xml(fmt, feed_url=u.abs(path), feed_path=path, items=items,
                                         now=gen.catalog.now, item_memo=gen.feed_memo.xml,
                                         stylesheet=u.href(feeds.FEED_XSL), **common))
    if "json" in feed.formats:
        path = feed.path("json")
        gen.write(path, render_json_feed(feed_url=u.abs(path), items=items, **common))
