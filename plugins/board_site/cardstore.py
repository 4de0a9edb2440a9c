"""Posting cards and rows kept between builds, so a list page whose postings shifted is a join, not a render.

A posting added or closed moves every later posting of a list by one place, so every
later page of that list is rendered again; each page is 24 cards, and rendering the
cards was most of it. A card depends only on its entry and on what ``_card.html`` reads
(its filters and globals: ``rendercache.template_deps``) under the site fingerprint
(code, templates, settings, policy). The store keeps each card's HTML under the entry's
render-cache digest (its fields and whether it is open) and the heading; the whole store
is stamped with the site key and the card template's dependencies, and is void when
either differs. So a card is reused exactly when a cold build would render the same bytes.

Rows (``_row.html``: one line per posting on category, skill and organization pages and
in a digest week) are kept the same way, under the heading ``"row"``: the stamp covers
both templates' dependencies. A closed posting moves every later row of its lists, and
the next day's build re-rendered ~50,000 rows at 10,000 postings (issue #19).

The store (``CACHE_PATH/board/cards.pickle``) is read on the first card a build needs (a
rebuild that renders no list page never reads it) and written only when this build made
a card it did not hold; cards of entries no longer in the catalog are dropped then.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from pathlib import Path

from .rendercache import RenderCache, template_deps

log = logging.getLogger(__name__)

VERSION = 2  # 2: rows kept beside cards
CARD_TEMPLATE = "_card.html"
ROW_TEMPLATE = "_row.html"
ROW = "row"  # the "heading" a row is kept under
CHUNK = 500  # cards per pickle in the file


class CardStore:
    """``get``/``put`` card HTML by (entry, heading) for one build; ``save`` keeps it for the next."""

    def __init__(self, file: Path | None, stamp: str | None, cache: RenderCache | None = None):
        self.file, self.stamp, self.cache = file, stamp, cache
        self._old: dict[str, str] | None = None  # the last build's cards, read on first use
        self.new: dict[str, str] = {}  # cards this build made
        self.reused = 0  # cards this build took from the last one's (kept in the file's "stats")

    @classmethod
    def for_build(cls, cache: RenderCache) -> "CardStore":
        """Off (every card rendered) when the render cache is off or a card or row template's inputs are unknowable."""
        deps = [template_deps(cache, t) for t in (CARD_TEMPLATE, ROW_TEMPLATE)] if cache.enabled else [None]
        if None in deps:
            return cls(None, None)
        stamp = hashlib.sha1(f"{VERSION}\0{cache.site_key}\0{deps}".encode()).hexdigest()
        return cls(cache.file.with_name("cards.pickle"), stamp, cache)

    @property
    def enabled(self) -> bool:
        return self.file is not None

    def key(self, entry, heading: str) -> str | None:
        return f"{self.cache.canon(entry)[1]}|{heading}" if self.enabled else None

    def _load(self) -> dict[str, str]:
        if self._old is None:
            self._old = {}
            try:
                with open(self.file, "rb") as f:
                    head = pickle.load(f)
                    if isinstance(head, dict) and head.get("stamp") == self.stamp:
                        cards: dict[str, str] = {}
                        for _ in range(head["chunks"]):
                            cards.update(pickle.load(f))
                        self._old = cards
            except (OSError, pickle.UnpicklingError, EOFError, KeyError, TypeError, ValueError, AttributeError):
                self._old = {}
        return self._old

    def get(self, key: str | None) -> str | None:
        if key is None:
            return None
        html = self.new.get(key)
        if html is None:
            html = self._load().get(key)
            self.reused += html is not None
        return html

    def put(self, key: str | None, html: str) -> None:
        if key is not None:
            self.new[key] = html

    def save(self, entries) -> None:
        """Keep the cards of ``entries`` (the catalog's), if this build made any new one."""
        if not self.enabled or not self.new:
            return
        live = {self.cache.canon(e)[1] for e in entries}
        cards = {k: v for k, v in {**self._load(), **self.new}.items() if k.split("|", 1)[0] in live}
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_name(self.file.name + ".tmp")
        items = list(cards.items())
        chunks = [dict(items[i:i + CHUNK]) for i in range(0, len(items), CHUNK)]
        with open(tmp, "wb") as f:  # in chunks: pickling 20,000 cards at once held ~30 MB more at the peak
            pickle.dump({"stamp": self.stamp, "chunks": len(chunks),
                         "stats": {"reused": self.reused, "made": len(self.new)}}, f, protocol=pickle.HIGHEST_PROTOCOL)
            for chunk in chunks:
                pickle.dump(chunk, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.file)
        log.debug("card store: %d cards kept, %d made in this build", len(cards), len(self.new))
