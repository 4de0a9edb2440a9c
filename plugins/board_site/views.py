"""The "New this week" and "Closing soon" views: a paginated list each, with its feeds.

Which postings they hold is decided here (``stats.new_since``, ``Catalog.closing_soon``);
the generator renders the lists and writes the feeds.
"""

from __future__ import annotations

from . import stats
from .feedset import Feed

NEW_DAYS = 7  # "New this week": arrived in the last NEW_DAYS days


def views(gen) -> list[tuple[Feed, list, str]]:
    """(feed, entries, lede) of each view, in the finder's order."""
    c, days = gen.catalog, gen.policy.closing_soon_days
    return [
        (Feed("new", None, "New this week", "new/"), stats.new_since(c.open, c.now, NEW_DAYS),
         f"Open postings that arrived on the board in the last {NEW_DAYS} days, newest first."),
        (Feed("closing-soon", None, "Closing soon", "closing-soon/"), c.closing_soon(days),
         f"Open postings whose deadline is {days} days away or less, earliest deadline first. Apply now."),
    ]


def write_views(gen, finder) -> None:
    for feed, entries, lede in views(gen):
        links = feed.links(gen.urls)
        gen.render_board(entries, f"{feed.page}index.html", feed.page, template="view.html", title=feed.label,
                         feeds=links, lede=lede, view=feed.kind, description=lede)
        gen.entry_feeds(feed, entries)
        finder.add("views", feed.label, feed)
