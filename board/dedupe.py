"""One entry per posting across scraped sources: the merge both the scrapers and the build run.

``scrapers.storage.dedupe_store`` runs it after every scrape and rewrites the files it
changed; ``board.catalog.load_scraped`` runs it again on what it reads, so a scrape killed
between its per-source writes and its own dedupe cannot publish a posting twice. It lives
in ``board`` because both sides need it and ``board`` imports nothing of ``scrapers``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timezone

from . import vocabulary as vocab
from .entry import Entry
from .identity import url_key

_FAR_FUTURE = datetime.max.replace(tzinfo=timezone.utc)


def dedupe_keys(entry: Entry) -> list[str]:
    keys = []
    if entry.apply_url:
        keys.append("url:" + url_key(entry.apply_url))
    title = vocab.slugify(entry.title)
    if title:
        keys.append(f"org-title:{entry.organization.slug}/{title}")
    return keys


@dataclass
class _Group:
    owner_file: str
    owner: Entry
    files: set[str]
    members: list[tuple[str, Entry]]  # (file, entry), the owner first


@dataclass
class DedupeResult:
    files: dict[str, list[Entry]]
    merged: list[tuple[str, str, str]]  # (slug, absorbed from file, into file)
    changed: set[str]  # files whose entries changed


def dedupe(files: dict[str, list[Entry]]) -> DedupeResult:
    """One entry per posting across all source files.

    Two entries from *different* sources are the same posting when their normalized
    apply URLs match or their organization + title slugs match. The survivor (owner)
    is, in order: an open copy before a closed one, then the earliest ``first_seen``,
    then the source name, then the slug. So a posting stays in the file of the first
    source that had it, and moves only if that source closed it while another still
    lists it. The survivor keeps its own fields and gains every copy's ``source.ids``,
    the earliest ``first_seen`` and the latest ``last_seen``. Entries of the same source
    are never merged with each other (two openings with one title are two postings).
    The result does not depend on input order, and a second pass changes nothing.

    A file is *changed* when it lost an entry to another file's owner or when one of
    its owners gained ids or dates; only merged groups can do either, so an unmerged
    store is compared by nothing more than group sizes (this runs after every scrape).
    """
    groups = _group(files)
    out: dict[str, list[Entry]] = {name: [] for name in files}
    merged: list[tuple[str, str, str]] = []
    changed: set[str] = set()
    for g in groups:
        entry = g.owner
        if len(g.members) > 1:
            entry = _merged_owner(g)
            if entry != g.owner:
                changed.add(g.owner_file)
            for name, m in g.members[1:]:
                merged.append((m.slug, name, g.owner_file))
                changed.add(name)
        out[g.owner_file].append(entry)
    return DedupeResult(out, merged, changed)


def _group(files: dict[str, list[Entry]]) -> list[_Group]:
    """Entries grouped by shared dedupe keys, each group's first member (in survivor order) its owner."""
    items = [(name, e) for name in sorted(files) for e in files[name]]
    items.sort(key=lambda it: (it[1].status != "open", it[1].first_seen or _FAR_FUTURE, it[0], it[1].slug,
                               ",".join(it[1].source.ids)))
    groups: list[_Group] = []
    index: dict[str, list[_Group]] = {}
    for name, e in items:
        keys = dedupe_keys(e)
        target = None
        for key in keys:
            target = next((g for g in index.get(key, []) if name not in g.files), None)
            if target:
                break
        if target is None:
            g = _Group(name, e, {name}, [(name, e)])
            groups.append(g)
            for key in keys:
                index.setdefault(key, []).append(g)
        else:
            target.files.add(name)
            target.members.append((name, e))
    return groups


def _merged_owner(g: _Group) -> Entry:
    """The owner with every copy's ids, the earliest ``first_seen`` and the latest ``last_seen``."""
    members = [m for _, m in g.members]
    ids = tuple(sorted({i for m in members for i in m.source.ids}))
    firsts = [m.first_seen for m in members if m.first_seen]
    lasts = [m.last_seen for m in members if m.last_seen]
    return replace(
        g.owner,
        source=replace(g.owner.source, ids=ids),
        first_seen=min(firsts) if firsts else g.owner.first_seen,
        last_seen=max(lasts) if lasts else g.owner.last_seen,
    )
