"""Atom 1.0 and RSS 2.0 feeds of entries, plus the OPML list of every feed.

Built on feedgenerator (Pelican's own feed library). Ids are ``tag:`` URIs made from
the site host and the slug, so they never change when a posting is edited or the
site moves path; RSS guids therefore carry ``isPermaLink="false"``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from io import StringIO
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from feedgenerator import Atom1Feed, Rss201rev2Feed
from feedgenerator.django.utils.xmlutils import SimplerXMLGenerator

from board.entry import Entry
from board.jsonld import remote_statement


#: Where theme/static/feed.xsl is published: Atom and RSS opened in a browser read as a page.
FEED_XSL = "theme/feed.xsl"
#: The author of every feed (and of the digest's items).
BOARD_AUTHOR = "Micro-internship board"


class _Stable:
    """An empty feed's <updated> is the newest entry date we know, not 'now'.

    Otherwise every build would rewrite every empty feed, and readers would see
    feeds change when nothing did.
    """

    def latest_post_date(self):
        if self.items:
            return super().latest_post_date()
        return self.feed["fallback_updated"]


class _Memo:
    """Each entry's item XML is made once per build and reused by every feed it is in.

    An entry sits in the all-feed and in its category, skill and organization feeds, so
    a build would otherwise serialize it a dozen times. Used when ``render_feed`` gets an
    ``item_memo`` dict (one per build: items depend only on the entry and the build).
    """

    item_tag = "entry"
    body_tag = "summary"  # the element that carries Item.summary_html

    def write_items(self, handler):
        memo, keys = self.feed.get("item_memo"), self.feed.get("item_keys")
        if memo is None:  # one feed alone (no build-wide memo): each item once, all the same
            memo, keys = {}, range(len(self.items))
        handler.characters("")  # close a pending start tag before writing raw XML
        for key, item in zip(keys, self.items):
            text = memo.get(key)
            if text is None:
                buf = StringIO()
                h = SimplerXMLGenerator(buf, "utf-8", short_empty_elements=True)
                h.startElement(self.item_tag, self.item_attributes(item))
                self.add_item_elements(h, item)
                h.endElement(self.item_tag)
                text = memo[key] = cdata_body(buf.getvalue(), self.body_tag)
            handler._write(text)


class AtomFeed(_Memo, _Stable, Atom1Feed):
    pass


class RssFeed(_Memo, _Stable, Rss201rev2Feed):
    item_tag = "item"
    body_tag = "description"


def cdata_body(item_xml: str, tag: str) -> str:
    """``item_xml`` with the text of its first ``<tag>`` written as CDATA, not escaped.

    The body is HTML in a text node either way (Atom ``type="html"``, RSS description),
    so a reader gets the same string; escaped, each ``<`` and ``>`` of its markup costs
    four bytes instead of one, about 5% of every feed (issue #19). feedgenerator escapes
    only ``&``, ``<`` and ``>`` in text; ``]]>`` in the body is split across two sections.
    """
    start = item_xml.find(f"<{tag}")
    if start < 0:
        return item_xml
    open_end = item_xml.index(">", start) + 1
    close = item_xml.index(f"</{tag}>", open_end)
    escaped = item_xml[open_end:close]
    if "&" not in escaped:  # nothing to gain (and nothing escaped to undo)
        return item_xml
    text = escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    section = "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"
    return item_xml[:open_end] + section + item_xml[close:]


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


@dataclass(frozen=True)
class Item:
    """One feed item, the same in Atom, RSS and JSON Feed (``feedset.write_feeds``).

    Made once per entry (or digest week) and build and shared by every feed it is in.
    ``summary_html`` is the whole item body in every format (RSS's description, Atom's
    summary, JSON's content_html): the summary and the facts a student decides on (pay,
    hours, the deadline as a date, who may apply), with the link to the posting's page for
    the rest. Full descriptions are not repeated in feeds: an entry is in up to a dozen of
    them, and bodies made per-organization and per-skill feeds most of the site's bytes
    (issue #19). ``json`` holds the JSON Feed's own fields (``summary``, ``_microboard``, …) in order.
    ``clamped``: a date was pulled back to the build's "now" (the feed then depends on it).
    """

    uid: str
    url: str
    title: str
    summary_html: str
    published: datetime
    updated: datetime
    author: str
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    author_url: str | None = None
    json: tuple[tuple[str, object], ...] = ()
    clamped: bool = False


def render_xml(fmt: str, *, title: str, site_url: str, page_url: str, feed_url: str, feed_path: str,
               items: list[Item], now: datetime, description: str, item_memo: dict | None = None,
               stylesheet: str | None = None) -> str:
    """One Atom (``fmt="atom"``) or RSS 2.0 feed as text.

    ``stylesheet``: the URL of an XSLT stylesheet (theme/static/feed.xsl) named in an
    ``<?xml-stylesheet?>`` instruction, so the feed opened in a browser reads as a page
    with "how to subscribe"; feed readers ignore it.

    ``item_memo``: a dict shared by the feeds of one build, so each item is serialized
    once per format (an item's XML depends only on the item).
    """
    cls = AtomFeed if fmt == "atom" else RssFeed
    feed = cls(
        title=title, link=page_url, description=description, feed_url=feed_url,
        feed_guid=tag_uri(site_url, feed_path), language="en", author_name=BOARD_AUTHOR,
        fallback_updated=now,  # only an empty feed uses it
        item_memo=item_memo, item_keys=[(fmt, it.uid) for it in items] if item_memo is not None else None,
    )
    for it in items:
        feed.add_item(
            title=it.title, link=it.url, description=it.summary_html,
            pubdate=it.published, updateddate=it.updated, unique_id=it.uid, unique_id_is_permalink=False,
            categories=list(it.categories), author_name=it.author,
        )
    text = feed.writeString("utf-8")
    if stylesheet:
        head, sep, rest = text.partition("?>")  # after the XML declaration
        text = f'{head}{sep}\n<?xml-stylesheet type="text/xsl" href={quoteattr(stylesheet)}?>{rest}'
    return text


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
