"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1) next to the Atom and RSS feeds.

The same :class:`~.feeds.Item` list as the Atom and RSS twins (``feedset.write_feeds``):
ids are the same ``tag:`` URIs, so a reader that switches format sees no duplicates;
dates are RFC 3339 in UTC and never in the future. Facts an automation wants (deadline,
hours, pay) are in the ``_microboard`` extension object (JSON Feed extensions start
with an underscore). Written compact (no indentation): the site's size counts.
"""

from __future__ import annotations

import json

from board.entry import format_datetime

from .feeds import BOARD_AUTHOR, Item

VERSION = "https://jsonfeed.org/version/1.1"
MIME = "application/feed+json"


def _item(it: Item) -> dict:
    author = {"name": it.author, **({"url": it.author_url} if it.author_url else {})}
    item = {
        "id": it.uid,
        "url": it.url,
        "title": it.title,
        "content_html": it.summary_html,
        "date_published": format_datetime(it.published),
        "date_modified": format_datetime(it.updated),
        "authors": [author],
        "tags": list(it.tags),
    }
    item.update(it.json)
    return item


def render_json_feed(*, title: str, site_url: str, page_url: str, feed_url: str, items: list[Item],
                     description: str) -> str:
    """One JSON Feed as text (stable key order, so an unchanged board writes the same bytes)."""
    feed = {
        "version": VERSION,
        "title": title,
        "home_page_url": page_url,
        "feed_url": feed_url,
        "description": description,
        "language": "en",
        "authors": [{"name": BOARD_AUTHOR, "url": site_url.rstrip("/") + "/"}],
        "items": [_item(it) for it in items],
    }
    return json.dumps(feed, ensure_ascii=False, separators=(",", ":")) + "\n"
