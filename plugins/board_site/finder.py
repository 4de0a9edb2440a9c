"""The feed-and-calendar finder's rows (``/feeds/``) and the OPML list, in one order.

Every writer adds its own row to the section it belongs to; the finder page and
``feeds.opml`` read the rows back section by section (:data:`SECTIONS`), so no writer
needs to know where another one's rows sit.

Organizations are too many for one page of cards (about one per six postings: 368 cards
and 6,000 elements on a 2,000-posting board, most of the page's weight and its blocking
time on a phone). They get their own compact A-to-Z list (``/feeds/organizations/``,
plain links, usable without JavaScript); the finder says how many there are, links the
list, and its search box fetches that list the first time someone searches and shows
the matching organizations as cards (``finder.js``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from board.paths import Urls

from .feedset import FORMATS, Feed

#: Sections listed on their own page (``Urls.finder_kind``) instead of as cards in the finder.
OWN_PAGE = ("organizations",)
#: Finder sections, in page order: (key, heading).
SECTIONS = (
    ("everything", "Everything"),
    ("views", "New and closing soon"),
    ("programmes", "Programmes"),
    ("categories", "Categories"),
    ("skills", "Skills"),
    ("organizations", "Organizations"),
)


@dataclass
class Finder:
    urls: Urls
    _rows: dict[str, list[tuple[dict, tuple[str, str, str]]]] = field(
        default_factory=lambda: {key: [] for key, _ in SECTIONS})

    def add(self, section: str, name: str, feed: Feed, calendar: dict | None = None) -> None:
        """One followable thing: its page, its three feeds and (if any) its deadline calendar."""
        u = self.urls
        row = {"name": name, "label": feed.label, "page": u.href(feed.page), "links": feed.links(u),
               "section": section}
        if calendar:
            row["calendar"] = calendar
        self._rows[section].append((row, (name, u.abs(feed.path("atom")), u.abs(feed.page))))

    def rows(self) -> list[dict]:
        """What theme/templates/feeds.html lists, section by section."""
        return [row for rows in self._rows.values() for row, _ in rows]

    def opml(self) -> list[tuple[str, str, str]]:
        """(title, Atom feed URL, page URL) of every feed, in the finder's order."""
        return [line for rows in self._rows.values() for _, line in rows]


def _initial(label: str) -> str:
    """The letter an A-to-Z list files ``label`` under ("#" for a digit or a symbol)."""
    first = label[:1].upper()
    return first if first.isalpha() else "#"


def write_finder(gen, finder: Finder) -> None:
    """``/feeds/`` (cards) and one compact A-to-Z page per :data:`OWN_PAGE` section."""
    u = gen.urls
    rows = finder.rows()
    feed_types = [(mime, name) for _, name, mime in FORMATS]
    more = []
    for key in OWN_PAGE:
        heading = dict(SECTIONS)[key]
        own = [r for r in rows if r["section"] == key]
        letters: dict[str, list[dict]] = {}
        for r in sorted(own, key=lambda r: (r["label"].casefold(), r["page"])):
            letters.setdefault(_initial(r["label"]), []).append(r)
        path = Urls.finder_kind(key)
        gen.render("feeds_kind.html", f"{path}index.html", letters=sorted(letters.items()), count=len(own),
                   kind=key, heading=heading, feed_types=feed_types, page_title=f"Feeds: {heading}",
                   canonical=u.abs(path))
        more.append({"key": key, "heading": heading, "href": u.href(path), "count": len(own)})
    gen.render("feeds.html", "feeds/index.html", feed_rows=[r for r in rows if r["section"] not in OWN_PAGE],
               finder_more=more, feed_types=feed_types, page_title="Feeds", canonical=u.abs("feeds/"))
