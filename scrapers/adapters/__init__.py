"""Adapter registry: one short module per source kind, looked up by ``SourceConfig.kind``.

Every module follows the protocol in :mod:`scrapers.record` (``KIND``, ``CONTENT_TYPES``,
optional ``urls(source)``, ``parse(body, source)``). Two optional extensions:

- ``follow(body, source) -> list[str]``: more URLs to fetch after a listing body
  (SmartRecruiters lists postings, then each posting's detail carries the description);
  each followed body goes through the same ``parse``.
- ``parse(body, source, headers=None)`` in :mod:`.feed`: response headers help feedparser
  pick the encoding and resolve relative links (call adapters through :func:`parse`).

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


def accepts_headers(module: ModuleType) -> bool:
    """Whether ``module.parse`` takes the response headers (the optional ``headers=`` extension)."""
    try:
        return "headers" in inspect.signature(module.parse).parameters
    except (TypeError, ValueError):  # a builtin or C callable without a signature
        return False


def parse(module: ModuleType, body: bytes, source: SourceConfig, headers: dict[str, str] | None = None) -> list:
    """``module.parse`` on one body, handing it the headers if it takes them (the run's one way to call it)."""
    if accepts_headers(module):
        return list(module.parse(body, source, headers=dict(headers or {})))
    return list(module.parse(body, source))
