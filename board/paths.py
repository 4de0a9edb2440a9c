"""Every path on the site, once: the build's links and files, and the browser's links.

``PATHS`` is the whole scheme as templates; :class:`Urls` fills them for the build
(relative ``href`` for pages, absolute ``abs`` for feeds and JSON-LD), and the same
templates go to the browser in ``search/entries.json`` so ``board.js`` links a card,
an organization, a skill or a feed exactly as the templates do (``format.js`` ``path``).

Imports nothing from the board.
"""

from __future__ import annotations

#: Path templates relative to the site root; ``{name}`` is filled in, nothing else.
PATHS: dict[str, str] = {
    "posting": "postings/{slug}/",
    "programme": "programmes/{slug}/",
    "taxonomy": "{kind}/{slug}/",  # categories, skills, organizations
    "feed": "feeds/{kind}/{slug}.{ext}",
    "feed_all": "feeds/{kind}.{ext}",  # all, new, closing-soon
    "calendar": "calendars/{kind}/{slug}.ics",
    "calendar_all": "calendars/{kind}.ics",
    "finder": "feeds/",  # the feed and calendar finder
    "finder_kind": "feeds/{kind}/",  # every feed of one kind, A to Z (organizations: too many for the finder)
    "submit_taken": "submit/taken.json",  # the Submit form's duplicate checks, fetched when it needs them
    "submit_rules": "submit/rules.json",  # the Submit form's rules, fetched after first paint (?v=<hash>)
}
#: A feed format's file extension.
FEED_EXT: dict[str, str] = {"atom": "atom.xml", "rss": "rss.xml", "json": "json"}


def path(name: str, **params: str) -> str:
    """One path of :data:`PATHS`, e.g. ``path("posting", slug="x")`` -> ``postings/x/``."""
    return PATHS[name].format(**params)


class Urls:
    """Every path on the site: relative ``path`` for files, ``abs`` for feeds and JSON-LD."""

    def __init__(self, site_url: str, public_url: str):
        self.site_url = site_url.rstrip("/")  # what pages link with ("" in development)
        self.public_url = (public_url or "http://localhost:8000").rstrip("/")  # absolute, for feeds

    def abs(self, path: str) -> str:
        return f"{self.public_url}/{path}"

    def href(self, path: str) -> str:
        return f"{self.site_url}/{path}"

    @staticmethod
    def posting(slug: str) -> str:
        return path("posting", slug=slug)

    @staticmethod
    def programme(slug: str) -> str:
        return path("programme", slug=slug)

    @staticmethod
    def taxonomy(kind: str, slug: str) -> str:
        return path("taxonomy", kind=kind, slug=slug)

    @staticmethod
    def feed(kind: str, slug: str | None, fmt: str) -> str:
        ext = FEED_EXT[fmt]
        return path("feed_all", kind=kind, ext=ext) if slug is None else path("feed", kind=kind, slug=slug, ext=ext)

    @staticmethod
    def finder_kind(kind: str) -> str:
        return path("finder_kind", kind=kind)

    @staticmethod
    def calendar(kind: str, slug: str | None) -> str:
        return path("calendar_all", kind=kind) if slug is None else path("calendar", kind=kind, slug=slug)


def browser_paths() -> dict:
    """The templates and feed extensions as JSON data for ``format.js``."""
    return {"templates": dict(PATHS), "feed_ext": dict(FEED_EXT)}
