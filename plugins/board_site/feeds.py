"""Atom 1.0 and RSS 2.0 feeds of entries, plus the OPML list of every feed.

Built on feedgenerator (Pelican's own feed library). Ids are ``tag:`` URIs made from
the site host and the slug, so they never change when a posting is edited or the
site moves path; RSS guids therefore carry ``isPermaLink="false"``.
"""

from __future__ import annotations

import html
from datetime import datetime
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from feedgenerator import Atom1Feed, Rss201rev2Feed

from board.entry import Entry
from board.jsonld import remote_statement


class _Stable:
    """An empty feed's <updated> is the newest entry date we know, not 'now'.

    Otherwise every build would rewrite every empty feed, and readers would see
    feeds change when nothing did.
    """

    def latest_post_date(self):
        if self.items:
            return super().latest_post_date()
        return self.feed["fallback_updated"]


class AtomFeed(_Stable, Atom1Feed):
    pass


class RssFeed(_Stable, Rss201rev2Feed):
    pass


def tag_uri(site_url: str, path: str, since: str = "2026") -> str:
    host = urlsplit(site_url).hostname or "localhost"
    return f"tag:{host},{since}:{path.strip('/')}"


def item_summary(entry: Entry, pay: str, hours: str, deadline: str) -> str:
    """The short HTML block readers show: the facts a student decides on."""
    parts = [
        f"<p>{html.escape(entry.summary)}</p>",
        "<ul>",
        f"<li>Organization: {html.escape(entry.organization.name)}</li>",
        f"<li>Pay: {html.escape(pay)}</li>",
        f"<li>Hours: {html.escape(hours)}</li>",
        f"<li>{html.escape(deadline)}</li>",
        f"<li>{html.escape(remote_statement(entry))}</li>",
        "</ul>",
    ]
    return "".join(parts)


def render_feed(kind: str, *, title: str, site_url: str, page_url: str, feed_url: str, feed_path: str,
                entries: list[Entry], entry_url, describe, now: datetime, description: str) -> str:
    """One feed as text. ``describe(entry)`` gives the summary HTML for an item."""
    cls = AtomFeed if kind == "atom" else RssFeed
    newest = max((e.modified for e in entries), default=None)
    feed = cls(
        title=title,
        link=page_url,
        description=description,
        feed_url=feed_url,
        feed_guid=tag_uri(site_url, feed_path),
        language="en",
        author_name="Micro-internship board",
        fallback_updated=min(newest or now, now),
    )
    for e in entries:
        url = entry_url(e)
        posted = min(e.posted, now)  # validators flag future pubDates as implausible
        feed.add_item(
            title=f"{e.title} at {e.organization.name}",
            link=url,
            description=describe(e),
            content=e.description_html if kind == "atom" else None,
            pubdate=posted,
            updateddate=max(posted, min(e.modified, now)),
            unique_id=tag_uri(site_url, f"postings/{e.slug}"),
            unique_id_is_permalink=False,
            categories=[e.category, *e.skills],
            author_name=e.organization.name,
        )
    return feed.writeString("utf-8")


def render_opml(title: str, feeds: list[tuple[str, str, str]], now: datetime) -> str:
    """OPML 2.0 listing (title, feed URL, page URL) for every feed we publish."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<opml version="2.0">',
        "<head>",
        f"<title>{html.escape(title)}</title>",
        f"<dateCreated>{now.strftime('%a, %d %b %Y %H:%M:%S +0000')}</dateCreated>",
        "</head>",
        "<body>",
    ]
    for name, xml_url, html_url in feeds:
        lines.append(
            f"<outline type=\"rss\" text={quoteattr(name)} title={quoteattr(name)} "
            f"xmlUrl={quoteattr(xml_url)} htmlUrl={quoteattr(html_url)}/>"
        )
    lines += ["</body>", "</opml>", ""]
    return "\n".join(lines)
