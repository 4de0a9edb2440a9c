"""Adapter registry: one short module per source kind, looked up by ``SourceConfig.kind``.

Every module follows the protocol in :mod:`scrapers.record` (``KIND``, ``CONTENT_TYPES``,
optional ``urls(source)``, ``parse(body, source)``). Two optional extensions:

- ``follow(body, source) -> list[str]``: more URLs to fetch after a listing body
  (SmartRecruiters lists postings, then each posting's detail carries the description);
  each followed body goes through the same ``parse``.
- ``parse(body, source, headers=None)`` in :mod:`.feed`: response headers help feedparser
  pick the encoding and resolve relative links (use :func:`accepts_headers`).

A kind with ``WATCH = True`` (:mod:`.page`) is not parsed into records at all: it offers
``extract(body, headers)`` and the run hands it to :mod:`scrapers.watch`, which queues
meaningful changes of the page for review and never publishes an entry.
"""

from __future__ import annotations

import importlib
import inspect
from types import ModuleType

from ..record import SourceConfig

KINDS: tuple[str, ...] = (
    "greenhouse", "lever", "ashby", "workable", "smartrecruiters", "recruitee",
    "remoteok", "remotive", "himalayas", "jobicy", "arbeitnow",
    "feed", "jsonfeed", "jsonld", "hn_algolia", "page",
)


def get(kind: str) -> ModuleType:
    """The adapter module for ``kind``; ValueError names the known kinds."""
    if kind not in KINDS:
        raise ValueError(f"unknown source kind {kind!r} (known: {', '.join(KINDS)})")
    return importlib.import_module(f"{__name__}.{kind}")


def urls(source: SourceConfig) -> list[str]:
    """The URLs to fetch for a source: the adapter's ``urls`` or just ``source.url``."""
    module = get(source.kind)
    return list(module.urls(source)) if hasattr(module, "urls") else [source.url]


def accepts_headers(module: ModuleType) -> bool:
    return "headers" in inspect.signature(module.parse).parameters
