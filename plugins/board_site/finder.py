"""The feed-and-calendar finder's rows (``/feeds/``) and the OPML list, in one order.

Every writer adds its own row to the section it belongs to; the finder page and
``feeds.opml`` read the rows back section by section (:data:`SECTIONS`), so no writer
needs to know where another one's rows sit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from board.paths import Urls

from .feedset import Feed

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
        row = {"name": name, "page": u.href(feed.page), "links": feed.links(u), "section": section}
        if calendar:
            row["calendar"] = calendar
        self._rows[section].append((row, (name, u.abs(feed.path("atom")), u.abs(feed.page))))

    def rows(self) -> list[dict]:
        """What theme/templates/feeds.html lists, section by section."""
        return [row for rows in self._rows.values() for row, _ in rows]

    def opml(self) -> list[tuple[str, str, str]]:
        """(title, Atom feed URL, page URL) of every feed, in the finder's order."""
        return [line for rows in self._rows.values() for _, line in rows]
