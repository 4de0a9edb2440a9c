"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1) next to the Atom and RSS feeds.

Same items, ids and dates as ``feeds.render_feed``: ids are the same ``tag:`` URIs, so a
reader that switches format sees no duplicates; dates are RFC 3339 in UTC and never in
the future. Facts an automation wants (deadline, hours, pay) are in the ``_microboard``
extension object (JSON Feed extensions start with an underscore).
"""

from __future__ import annotations

import json
from datetime import datetime

from board.entry import Entry, format_datetime

from .feeds import tag_uri

VERSION = "https://jsonfeed.org/version/1.1"
MIME = "application/feed+json"


def _item(e: Entry, *, site_url: str, url: str, summary_html: str, now: datetime, path: str) -> dict:
    posted = min(e.posted, now)
    item = {
        "id": tag_uri(site_url, path),
        "url": url,
        "title": f"{e.title} at {e.organization.name}",
        "content_html": summary_html + e.description_html,
        "summary": e.summary,
        "date_published": format_datetime(posted),
        "date_modified": format_datetime(max(posted, min(e.modified, now))),
        "authors": [{"name": e.organization.name, **({"url": e.organization.url} if e.organization.url else {})}],
        "tags": [t for t in (e.category, *e.skills) if t],
        "_microboard": {
            "apply_url": e.apply_link,
            "apply_by": format_datetime(e.apply_by) if e.apply_by else None,
            "hours": {"min": e.hours.min, "max": e.hours.max},
            "pay": {"min": e.compensation.min, "max": e.compensation.max,
                    "currency": e.compensation.currency, "unit": e.compensation.unit},
            "hourly": {"min": round(e.hourly[0], 2), "max": round(e.hourly[1], 2)},
            "category": e.category,
            "regions": list(e.eligibility.regions),
        },
    }
    if e.kind != "posting":
        item["_microboard"]["kind"] = e.kind
    if e.apply_url:
        item["external_url"] = e.apply_url
    return item


def render_json_feed(*, title: str, site_url: str, page_url: str, feed_url: str, entries: list[Entry],
                     entry_url, describe, now: datetime, description: str, entry_path=None) -> str:
    """One JSON Feed as text (stable key order, so an unchanged board writes the same bytes).

    ``entry_path`` as in ``feeds.render_feed``: what each item's ``tag:`` id is made from."""
    path = entry_path or (lambda e: f"postings/{e.slug}")
    feed = {
        "version": VERSION,
        "title": title,
        "home_page_url": page_url,
        "feed_url": feed_url,
        "description": description,
        "language": "en",
        "authors": [{"name": "Micro-internship board", "url": site_url.rstrip("/") + "/"}],
        "items": [_item(e, site_url=site_url, url=entry_url(e), summary_html=describe(e), now=now, path=path(e))
                  for e in entries],
    }
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"
