"""The bundled sample postings: invented, kept apart from real content, never decaying.

The demo board (``make html``) needs a full board on any date, yet its files must stay
ordinary posting files that ``make validate`` checks. So the sample files are written *as
of* one reference day (:data:`AS_OF`): they are validated as of that day, and the build
moves every date of a sample by the days between :data:`AS_OF` and the build's "now". A
sample posted five days before the reference day and closing in three months is, on any
day, posted five days ago and closing in three months.

Samples live in ``content/samples/postings/``, are loaded only when the Pelican setting
``BOARD_SAMPLES`` is true (``pelicanconf.py``; never in ``publishconf.py``), and carry
:data:`SOURCE_NAME` so every page can say they are samples.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from urllib.parse import urlsplit

from .entry import Entry

#: The day the sample files are written as of (their Posted and Apply-By are relative to it).
AS_OF = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)
#: Where the sample files live, relative to the repository (and to Pelican's content folder).
FOLDER = Path("content/samples/postings")
CONTENT_SUBDIR = Path("samples/postings")
#: ``Entry.source.name`` of a sample (its kind stays "employer": it is an employer's file).
SOURCE_NAME = "samples"
#: Host names reserved for examples (RFC 2606, RFC 6761): no real posting links there.
RESERVED_DOMAINS = ("example", "test", "invalid", "localhost", "example.com", "example.net", "example.org")


def is_sample_path(path: Path) -> bool:
    """A file of a ``samples/postings/`` folder is checked as of :data:`AS_OF`."""
    parent = Path(path).absolute().parent
    return parent.name == "postings" and parent.parent.name == "samples"


def is_sample(entry: Entry) -> bool:
    return entry.source.kind == "employer" and entry.source.name == SOURCE_NAME


def posting_path(entry: Entry) -> str:
    """The repository path of an employer's posting file (samples live in their own folder),
    or of a programme's file (``content/programmes``)."""
    folder = Path("content/programmes") if entry.kind == "programme" else FOLDER if is_sample(entry) \
        else Path("content/postings")
    return f"{folder.as_posix()}/{entry.slug}.md"


def rolled_forward(entry: Entry, now: datetime) -> Entry:
    """``entry`` (validated as of :data:`AS_OF`) with every date moved to the same distance from ``now``."""
    shift = timedelta(days=(now.date() - AS_OF.date()).days)

    def move(d: datetime | None) -> datetime | None:
        return d + shift if d is not None else None

    return replace(entry, posted=move(entry.posted), apply_by=move(entry.apply_by), updated=move(entry.updated),
                   last_verified=move(entry.last_verified),
                   source=replace(entry.source, kind="employer", name=SOURCE_NAME))


def reserved_host(url: str | None) -> bool:
    """True for a link on a host reserved for examples: a sample copied into real content."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower() if url else ""
    return any(host == d or host.endswith("." + d) for d in RESERVED_DOMAINS)
