"""All entries of the board, from both ways in, grouped the way the site shows them.

``load_catalog`` reads employer postings (refusing invalid ones with the validator's
own messages) and scraped entries (re-sanitized: the JSON in git is data, not trust),
merges duplicates, and sorts them into open and closed. Programmes (entries of kind
"programme", ``content/programmes``) are kept beside them in ``programmes``, so every
count, feed and page of postings stays about postings. The Pelican plugin, the
benchmarks and the feeds all start from a :class:`Catalog`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import pickle
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from . import samples
from .dedupe import dedupe
from .forkmap import fork_map
from . import vocabulary as vocab
from .entry import Entry, check, clean_text
from .identity import apply_key, url_key
from .policy import Policy
from .sanitize import clean_html
from .validate import file_day, posting_files, unusable_files, validate_files

log = logging.getLogger(__name__)


class InvalidPostings(Exception):
    """Raised by the build when a posting file fails validation."""

    def __init__(self, errors: list[str]):
        super().__init__("invalid posting(s):\n" + "\n".join(errors))
        self.errors = errors


@dataclass
class Catalog:
    now: datetime
    open: list[Entry]  # newest first
    closed: list[Entry]
    warnings: list[str] = field(default_factory=list)
    programmes: list[Entry] = field(default_factory=list)  # currently open first, then by title

    @property
    def all(self) -> list[Entry]:
        return self.open + self.closed

    @property
    def open_programmes(self) -> list[Entry]:
        return [p for p in self.programmes if p.is_open(self.now)]

    @property
    def closed_programmes(self) -> list[Entry]:
        """Closed, or between cohorts: their pages stay, marked "not currently open"."""
        return [p for p in self.programmes if not p.is_open(self.now)]

    def programmes_by_organization(self) -> dict[str, list[Entry]]:
        groups: dict[str, list[Entry]] = defaultdict(list)
        for p in self.programmes:
            groups[p.organization.slug].append(p)
        return dict(sorted(groups.items()))

    def closing_soon(self, days: int) -> list[Entry]:
        soon = [e for e in self.open if e.apply_by and (e.days_left(self.now) or 0) <= days]
        return sorted(soon, key=lambda e: e.apply_by)

    def group(self, key) -> dict[str, list[Entry]]:
        """slug -> entries (open first, then closed), e.g. ``group(lambda e: [e.category])``."""
        groups: dict[str, list[Entry]] = defaultdict(list)
        for e in self.all:
            for k in key(e):
                groups[k].append(e)
        return dict(sorted(groups.items()))

    def by_category(self) -> dict[str, list[Entry]]:
        groups = {slug: [] for slug in vocab.CATEGORIES}
        groups.update(self.group(lambda e: [e.category]))
        return groups

    def by_skill(self) -> dict[str, list[Entry]]:
        slugs: dict[str, str] = {}  # a few hundred skills, named 30,000 times at 10,000 postings
        slug = lambda s: slugs.get(s) or slugs.setdefault(s, vocab.slugify(s))  # noqa: E731
        return self.group(lambda e: [slug(s) for s in e.skills])

    def by_organization(self) -> dict[str, list[Entry]]:
        return self.group(lambda e: [e.organization.slug])


def _file_key(path: Path, policy: Policy, version: str) -> str | None:
    """What parsing a file depends on, the day apart: its path (slug, kind, sample or not), its
    bytes, the pay floors and this package's code (``version``). None: unreadable, not cached.

    Not the day: a file's entry is the same on every day (only a missing Posted, which makes
    it invalid, would take "now"); which of ``check``'s date rules it passes is asked again on
    every build (:func:`_still_valid`). So the daily build parses no Markdown again."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    h = hashlib.sha1(f"{path}|{sorted(policy.pay_floors.items())}|{version}|".encode())
    h.update(data)
    return h.hexdigest()


def _still_valid(hit: tuple[Entry, datetime], path: Path, policy: Policy, now: datetime) -> tuple | None:
    """A cached ``(entry, when it last passed)`` that passes the rules as of this build's day, as
    its file's parse would check it (``board.validate``: a sample as of its own day), or None.

    One that passed as of this day or an earlier one passes now (:func:`board.entry.check`'s
    rules are monotone in "now"), so the daily build checks nothing again. One that fails is
    parsed again, so the build reports its problems with a fresh parse's file, line and message."""
    entry, passed = hit
    day = file_day(path, now)
    if passed <= day:
        return hit
    return None if check(entry, policy, day, allow_expired=True) else (entry, day)


def load_postings(folder: Path, policy: Policy, now: datetime, cache_dir: Path | None = None,
                  cache_name: str = "postings", workers: int = 1) -> list[Entry]:
    """Employer postings (or programmes: the validator knows a file's kind by its folder);
    raises :class:`InvalidPostings` listing every problem.

    Parsed entries are cached per file (:func:`_file_key`: path, bytes, policy, this
    package's code; not the day), so a rebuild with nothing changed, the next day's too,
    skips Markdown; each cached entry is checked again as of ``now`` (:func:`_still_valid`).
    """
    if folder.exists() and (unusable := unusable_files([folder])):
        raise InvalidPostings(unusable)
    files = posting_files([folder]) if folder.exists() else []
    cache_file = cache_dir / f"{cache_name}.pickle" if cache_dir else None
    cache: dict[str, tuple[Entry, datetime]] = _read_cache(cache_file)  # key -> (entry, when it last passed)
    version = code_version() if cache_file else ""  # new parsing or checking rules re-read every file
    keys = {f: _file_key(f, policy, version) for f in files} if cache_file else {}
    kept = {f: hit for f in files if (hit := cache.get(keys.get(f))) is not None
            and (hit := _still_valid(hit, f, policy, now)) is not None}
    missing = [f for f in files if f not in kept]
    entries, errors = validate_files(missing, policy, now, allow_expired=True, workers=workers)
    if errors:
        raise InvalidPostings(errors)
    for e in entries:
        e.digest  # noqa: B018 - made once, and pickled with the entry (Entry.digest)
    fresh = {f: (e, file_day(f, now)) for f, e in zip(missing, entries)}
    result = [kept[f] if f in kept else fresh[f] for f in files]
    if _has_duplicates([e for e, _ in result]):  # a cached file may clash with a fresh one: validate together
        raise InvalidPostings(validate_files(files, policy, now, allow_expired=True)[1])
    _write_cache(cache_file, {keys[f]: hit for f, hit in zip(files, result) if keys.get(f)}, cache)
    return [e for e, _ in result]


def _read_cache(cache_file: Path | None) -> dict:
    if not cache_file or not cache_file.exists():
        return {}
    try:
        return pickle.loads(cache_file.read_bytes())
    except Exception:  # a stale or foreign cache is just a miss
        return {}


def _write_cache(cache_file: Path | None, data: dict, old: dict) -> None:
    """Keep ``data`` for the next build, unless it is what was read (``old``): a build with
    nothing changed pickled 10,000 entries again to write the same bytes."""
    if not cache_file or (data.keys() == old.keys() and all(v is old[k] for k, v in data.items())):
        return
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.write_bytes(pickle.dumps(data))


def _has_duplicates(entries: list[Entry]) -> bool:
    urls = [url_key(e.apply_url) for e in entries if e.apply_url and e.status == "open"]
    return len(set(urls)) != len(urls)


def code_version() -> str:
    """Digest of this package's source: sanitizing and checking rules live here."""
    h = hashlib.sha1()
    for p in sorted(Path(__file__).parent.rglob("*")):
        if p.suffix in (".py", ".json") and p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def load_scraped(folder: Path, policy: Policy, now: datetime,
                 cache_dir: Path | None = None, workers: int = 1) -> tuple[list[Entry], list[str]]:
    """Scraped entries from ``content/scraped/*.json``; a bad record is skipped and reported.

    With ``cache_dir``, each file's records as read and re-sanitized (:func:`_read_scraped_file`,
    the part that does not depend on the day) are cached like the postings (path, bytes,
    policy, this package's code), so an unchanged file is not re-sanitized on any day; the
    rules, which compare dates with "now", are applied again to a record only when it has not
    passed them as of this build's "now" or an earlier one (:func:`_checked`).

    The files are deduped across sources here too (:func:`_dedupe_files`), so a scrape
    killed between its per-source writes and its own dedupe cannot publish a posting twice.
    """
    by_file: dict[str, list[Entry]] = {}
    warnings: list[str] = []
    cache_file = cache_dir / "scraped.pickle" if cache_dir else None
    # key -> (records, when each last passed the rules or None)
    cache: dict[str, tuple[list[Entry | str], list]] = _read_cache(cache_file)
    version = code_version() if cache_file else ""
    paths = sorted(folder.glob("*.json")) if folder.exists() else []
    keys = {p: _file_key(p, policy, version) for p in paths} if cache_file else {}
    missing = [p for p in paths if keys.get(p) not in cache]  # read on both cores (fork_map)
    loaded = dict(zip(missing, fork_map(_read_scraped_file, missing, workers)))
    kept: dict[str, tuple[list[Entry | str], list]] = {}
    for path in paths:
        key = keys.get(path)
        records, passed = (loaded[path][0], None) if path in loaded else cache[key]
        by_file[path.stem], file_warnings, now_passed = _checked(path, records, policy, now, passed)
        warnings.extend(file_warnings)
        if key and (path not in loaded or loaded[path][1]):
            kept[key] = cache[key] if path not in loaded and now_passed == passed else (records, now_passed)
    _write_cache(cache_file, kept, cache)
    return _dedupe_files(by_file, warnings), warnings


def _dedupe_files(by_file: dict[str, list[Entry]], warnings: list[str]) -> list[Entry]:
    """The scraped entries, one per posting across sources, in file order.

    A scrape writes each source's file atomically, then merges the postings two sources
    share (``board.dedupe``). A run killed between those steps leaves
    duplicates on disk until the next run; the same (idempotent) dedupe here makes the
    build publish what that next run would store. A consistent store is returned as read.
    """

    result = dedupe(by_file)
    for slug, src, dst in result.merged:
        warnings.append(f"{src}: {slug}: the same posting as an entry of {dst} (the last scrape did not finish "
                        "its dedupe); merged")
    files = result.files if result.merged else by_file
    return [e for name in sorted(files) for e in files[name]]


def _read_scraped_file(path: Path) -> tuple[list[Entry | str], bool]:
    """One scraped file's records in order, each an entry (re-cleaned) or the warning that
    skips it, and whether the file could be read (an unreadable one is read again next time).
    Nothing here depends on the day; :func:`_checked` applies the rules that do."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        records = data["entries"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [f"{path}: unreadable ({exc}); skipped"], False
    out: list[Entry | str] = []
    for i, raw in enumerate(records):
        try:
            out.append(e := recleaned(Entry.from_dict(raw)))
            e.digest  # noqa: B018 - made here, in the worker, and pickled with the entry (Entry.digest)
        except Exception as exc:  # noqa: BLE001 - any malformed record is skipped, never fatal
            out.append(f"{path}: entry {i}: {exc}; skipped")
    return out, True


def _checked(path: Path, records: list[Entry | str], policy: Policy, now: datetime,
             passed: list | None = None) -> tuple[list[Entry], list[str], list]:
    """A scraped file's entries that pass the rules as of ``now``, its warnings in record order,
    and when each record last passed (None: it did not).

    ``passed`` is that list from an earlier build: a record that passed as of ``now`` or
    before passes now (:func:`board.entry.check`'s rules are monotone in "now") and is not
    checked again; one that failed is, since a later day may let it through."""
    entries: list[Entry] = []
    warnings: list[str] = []
    now_passed: list = []
    for i, e in enumerate(records):
        at = passed[i] if passed else None
        if isinstance(e, str):
            warnings.append(e)
            at = None
        elif at is not None and at <= now:
            entries.append(e)
        elif problems := check(e, policy, now, https_only=False, allow_expired=True):
            warnings.append(f"{path}: {e.slug}: " + "; ".join(p.format() for p in problems) + "; skipped")
            at = None
        else:
            entries.append(e)
            at = now
        now_passed.append(at)
    return entries, warnings, now_passed


def recleaned(e: Entry) -> Entry:
    """A scraped entry cleaned again on the way in: the JSON in git may be edited by hand.

    Text loses control, bidi and invisible characters (and U+2028/NEL, as whitespace), the
    description is re-sanitized; for a file the scrapers wrote, nothing changes.
    """
    return replace(e, title=clean_text(e.title), summary=clean_text(e.summary),
                   organization=replace(e.organization, name=clean_text(e.organization.name)),
                   deliverables=tuple(clean_text(d) for d in e.deliverables),
                   description_html=clean_html(e.description_html))


def build_catalog(postings: list[Entry], scraped: list[Entry], now: datetime) -> Catalog:
    """Merge both ways in; an employer's own posting wins over a scraped copy."""
    seen_slugs: set[str] = set()
    seen_apply: set[str] = set()
    merged: list[Entry] = []
    warnings: list[str] = []
    for e in postings + scraped:
        key = apply_key(e.apply_url, e.apply_email)
        if e.slug in seen_slugs or (e.status == "open" and key in seen_apply):
            warnings.append(f"{e.source.name}: {e.slug}: duplicate of an entry already on the board; skipped")
            continue
        seen_slugs.add(e.slug)
        if e.status == "open":
            seen_apply.add(key)
        merged.append(e)
    open_ = sorted((e for e in merged if e.is_open(now)), key=lambda e: (e.posted, e.slug), reverse=True)
    closed = sorted((e for e in merged if not e.is_open(now)), key=lambda e: (e.posted, e.slug), reverse=True)
    return Catalog(now=now, open=open_, closed=closed, warnings=warnings)


def load_samples(folder: Path, policy: Policy, now: datetime, cache_dir: Path | None = None) -> list[Entry]:
    """The invented sample postings, validated as of their day and rolled forward to ``now``."""
    return [samples.rolled_forward(e, now) for e in load_postings(folder, policy, now, cache_dir, "samples")]


def refuse_samples(postings: list[Entry]) -> None:
    """A published board takes no sample: a posting (or programme) linking to an example host is one."""
    errors = [f"{samples.posting_path(e)}:1: apply-url: {url} is on a host reserved for examples, so this "
              "looks like a sample posting (expected the real application link, or move the file to "
              f"{samples.FOLDER}/)"
              for e in postings for url in (e.apply_url, e.organization.url) if samples.reserved_host(url)]
    if errors:
        raise InvalidPostings(errors)


def load_catalog(content: Path, policy: Policy, now: datetime, cache_dir: Path | None = None,
                 with_samples: bool = False, workers: int = 1) -> Catalog:
    """Every entry: employer postings, the samples when ``with_samples`` (development), scraped.

    ``workers`` > 1 parses the posting and scraped files in that many forked processes
    (``board.forkmap``): the same entries, in the same order."""
    postings = load_postings(content / "postings", policy, now, cache_dir, workers=workers)
    if with_samples:
        postings += load_samples(content / samples.CONTENT_SUBDIR, policy, now, cache_dir)
    scraped, warnings = load_scraped(content / "scraped", policy, now, cache_dir, workers)
    catalog = build_catalog(postings, scraped, now)
    catalog.warnings[:0] = warnings
    catalog.programmes = load_programmes(content / "programmes", policy, now, cache_dir)
    return catalog


def load_programmes(folder: Path, policy: Policy, now: datetime, cache_dir: Path | None = None) -> list[Entry]:
    """Programme files, validated like postings; currently open ones first, then by title."""
    programmes = load_postings(folder, policy, now, cache_dir, cache_name="programmes")
    return sorted(programmes, key=lambda p: (not p.is_open(now), p.title.lower(), p.slug))
