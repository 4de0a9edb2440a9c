"""Render cache: an output whose inputs did not change is neither rendered nor written.

A page's key is a hash of everything its bytes can depend on:

* the *site* fingerprint: the source of our code (``board/``, this plugin), the names of
  the theme's templates, the policy file and every Pelican setting. Not the build's day: pages show
  deadlines as dates (the browser counts the days, theme/static/js/countdown.js), so
  the first build of a day reuses yesterday's pages;
* the *template's* dependencies: the sources of the template and of everything it
  extends, includes or imports (transitively, and the templates a global renders: a
  card, a row), and the context values, globals and filters they refer to by name (e.g.
  ``board_catalog`` makes a page depend on every entry). So editing ``posting.html``
  re-renders posting pages, not the board; editing ``base.html`` re-renders every page;
  feeds and calendars, made without templates, are not keyed on them;
* the page's own inputs: template name and the keyword context passed to ``render``,
  where an :class:`~board.entry.Entry` stands for the ``repr`` of all its fields and
  whether it is open at the build's "now": the only way the day reaches a page, apart
  from a filter that counts days (it closes over ``today``, so its pages are keyed on
  the day) or a template reading ``now`` itself (keyed on the second).

A feed's key is its entries, label and paths (plus "now" when it clamps dates to it).
A value the cache cannot fingerprint makes that page uncacheable: it is rendered as
before, never served stale. The key of each output is kept in
``CACHE_PATH/board/render.json`` with the files' sizes and mtimes, so an output file
deleted or edited by hand is rendered again. ``BOARD_RENDER_CACHE_DEBUG=path`` dumps the
fingerprints, to diff when pages are never reused.

The generator owns one :class:`RenderCache` per build (``BoardGenerator.render_cache``,
made by :meth:`RenderCache.for_build`); every output goes through :meth:`RenderCache.run`.
With workers (``BOARD_WORKERS``, ``workers.py``) ``run`` still decides in the building
process; a unit to render is queued in ``pool`` and recorded, with the files a worker
wrote for it, when the pool is flushed (before ``prune`` and ``save``).
**Off switch:** ``BOARD_RENDER_CACHE = False`` in the Pelican settings renders and writes
every output on every build (``BOARD_CACHE = False`` switches this and the catalog cache
off together). Either way the output is the same bytes: ``tests/site/test_rendercache.py``
compares a cached rebuild with a cold build after every kind of edit.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

import board
from board.catalog import Catalog
from board.entry import Entry

log = logging.getLogger(__name__)

VERSION = 5  # 5: a page keyed on its templates' sources, the site on the templates' names only
_ADDR = re.compile(r" at 0x[0-9a-f]+")
#: Settings that never change a byte of output: the day (see above), how many processes render.
_NOT_SITE = ("BOARD_NOW", "BOARD_WORKERS")
#: The code every output may depend on: this plugin and the ``board`` package actually imported.
_CODE_DIRS = (Path(__file__).resolve().parent, Path(board.__file__).resolve().parent)


class Uncacheable(Exception):
    """A value with no stable fingerprint."""


class RenderCache:
    """The keys of the last build's outputs, this build's, and the memos that make keys cheap.

    ``owner`` is the generator: a template global closing over it counts as its settings
    and URLs, which the site fingerprint already holds.
    """

    def __init__(self, cache_file: Path | None, output_path: str, site_key: str | None, *,
                 owner: Any = None, env: Any = None, context: dict | None = None,
                 settings: dict | None = None, now: datetime | None = None):
        self.file = cache_file
        self.output = Path(output_path)
        self.site_key = site_key  # None: this build caches nothing
        self.owner, self.env, self.now = owner, env, now
        self.context: dict = context if context is not None else {}
        self.settings: dict = settings if settings is not None else {}
        self.old: dict[str, list] = {}
        self.new: dict[str, list] = {}
        self.hits = self.misses = 0
        self._entry_digest: dict[int, str] = {}  # id(entry) -> digest of its repr
        self._list_digest: dict[int, tuple[list, list]] = {}  # id(list) -> (the list, its canon)
        self._template_deps: dict[str, str | None] = {}  # template -> digest of what it reads
        self._recording: list[str] | None = None  # files written by the unit being produced
        self.pool: Any = None  # a workers.Pool: units to render are queued there, not run at once
        self.last_files: list[list] = []  # [path, size, mtime] of every file the last build wrote
        self.old_refs: dict[str, list] = {}  # digest of a template's name and source -> what it refers to
        self.new_refs: dict[str, list] = {}
        #: template globals that render a template (``card_html`` renders ``_card.html``): a page
        #: calling one depends on that template's source as if it included it (set by the generator)
        self.global_templates: dict[str, str] = {}
        if cache_file and site_key and cache_file.exists():
            try:
                data = json.loads(cache_file.read_text(encoding="utf-8"))
                if data.get("version") == VERSION:
                    self.last_files = [f for _key, files in data["pages"].values() for f in files]
                    if data.get("site") == site_key:  # keys made under other code or settings are void
                        self.old = data["pages"]
                        self.old_refs = data.get("refs", {})
            except (OSError, ValueError, KeyError, TypeError):
                self.old, self.last_files = {}, []

    @classmethod
    def for_build(cls, gen) -> "RenderCache":
        """The generator's cache, off when ``BOARD_RENDER_CACHE`` or ``BOARD_CACHE`` is false."""
        s = gen.settings
        on = s.get("BOARD_CACHE", True) and s.get("BOARD_RENDER_CACHE", True)
        cache_file = Path(s.get("CACHE_PATH", "cache")) / "board" / "render.json" if on else None
        return cls(cache_file, gen.output_path, site_fingerprint(gen) if on else None, owner=gen, env=gen.env,
                   context=gen.context, settings=s, now=gen.catalog.now)

    @property
    def enabled(self) -> bool:
        return self.file is not None and self.site_key is not None

    # ---- keys ----------------------------------------------------------------
    def canon(self, value: Any) -> Any:
        """A JSON-able stand-in for ``value`` that changes whenever ``value`` does."""
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        if isinstance(value, Entry):
            d = self._entry_digest.get(id(value))
            if d is None:
                d = value.digest  # repr of all its fields, memoized on the entry
                if self.now is not None and value.is_open(self.now):  # the day counts only here
                    d += "+open"
                self._entry_digest[id(value)] = d
            return ["E", d]
        if isinstance(value, (list, tuple)):
            if len(value) <= 8 or not all(isinstance(v, Entry) for v in value):
                return [self.canon(v) for v in value]
            # long lists of entries (a taxonomy's past postings) are passed to every page of it
            # and never changed afterwards: digest once per object (the memo holds the object,
            # so its id cannot be reused by another)
            memo = self._list_digest
            hit = memo.get(id(value))
            if hit is None or hit[0] is not value:
                raw = json.dumps([self.canon(v) for v in value], separators=(",", ":"), ensure_ascii=False)
                hit = memo[id(value)] = (value, ["L", len(value), hashlib.sha1(raw.encode("utf-8")).hexdigest()])
            return hit[1]
        if isinstance(value, dict):
            return {str(k): self.canon(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
        if isinstance(value, (datetime, date)):
            return value.isoformat()
        if isinstance(value, (set, frozenset)):
            return sorted((self.canon(v) for v in value), key=repr)
        if is_dataclass(value):  # field by field, so entries inside (a digest week's) use their memo
            try:
                return [type(value).__qualname__, {f.name: self.canon(getattr(value, f.name)) for f in fields(value)}]
            except Uncacheable:
                return [type(value).__qualname__, repr(value)]
        if isinstance(value, Catalog):  # every entry, open and closed, and the build's "now"
            h = hashlib.sha1(value.now.isoformat().encode())
            for e in value.open + value.closed:
                h.update(self.canon(e)[1].encode())
            return ["Catalog", len(value.open), h.hexdigest()]
        if hasattr(value, "source_path") and hasattr(value, "_content"):  # a Pelican page or article
            meta = _ADDR.sub("", repr(sorted((k, repr(v)) for k, v in getattr(value, "metadata", {}).items())))
            raw = f"{value.source_path}|{value._content}|{meta}|{getattr(value, 'url', '')}"
            return [type(value).__name__, hashlib.sha1(raw.encode("utf-8")).hexdigest()]
        raise Uncacheable(type(value).__name__)

    def key(self, *parts: Any) -> str | None:
        if not self.enabled:
            return None
        try:
            raw = json.dumps([self.site_key, self.canon(list(parts))], separators=(",", ":"), ensure_ascii=False)
        except Uncacheable:
            return None
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()

    # ---- hits and records ----------------------------------------------------
    def fresh(self, unit: str, key: str | None) -> list[str] | None:
        """The files ``unit`` wrote from ``key``, if all are still on disk as written; else None."""
        if key is None:
            return None
        old = self.old.get(unit)
        if not old or old[0] != key:
            self.misses += 1
            return None
        for rel_path, size, mtime in old[1]:
            try:
                st = os.stat(os.path.join(self.output, rel_path))
            except OSError:
                self.misses += 1
                return None
            if st.st_size != size or st.st_mtime_ns != mtime:
                self.misses += 1
                return None
        self.new[unit] = old
        self.hits += 1
        return [f[0] for f in old[1]]

    def record(self, unit: str, key: str | None, rel_paths: list[str]) -> None:
        if key is None:
            return
        files = []
        for rel_path in rel_paths:
            try:
                st = os.stat(self.output / rel_path)
            except OSError:
                return
            files.append([rel_path, st.st_size, st.st_mtime_ns])
        self.new[unit] = [key, files]

    def save(self) -> None:
        """Keep this build's keys (and how many outputs were reused) for the next build."""
        if not self.enabled:
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_name(self.file.name + ".tmp")
        tmp.write_text(json.dumps({"version": VERSION, "site": self.site_key, "pages": self.new, "refs": self.new_refs,
                                   "stats": {"reused": self.hits, "rendered": self.misses}},
                                  separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, self.file)
        log.debug("render cache: %d reused, %d rendered", self.hits, self.misses)

    def prune(self, written: set[str]) -> list[str]:
        """Delete what the last build wrote and this one did not (a removed posting's page).

        Without this a cached output folder would keep pages a cold build no longer has.
        Only a file still exactly as the last build left it (size and mtime) is deleted,
        then its folders if they are empty: a file put there by hand stays.
        """
        gone = []
        for rel_path, size, mtime in self.last_files:
            if rel_path in written:
                continue
            path = self.output / rel_path
            try:
                st = path.stat()
            except OSError:
                continue
            if st.st_size == size and st.st_mtime_ns == mtime:
                path.unlink()
                gone.append(rel_path)
                for parent in path.parents:
                    if parent == self.output or any(parent.iterdir()):
                        break
                    parent.rmdir()
        if gone:
            log.info("render cache: removed %d file(s) no longer built, e.g. %s", len(gone), gone[0])
        return gone

    # ---- running units -------------------------------------------------------
    def note_written(self, rel_path: str) -> None:
        """The generator wrote ``rel_path``: part of the unit being produced, if any."""
        if self._recording is not None:
            self._recording.append(rel_path)

    def run(self, unit: str, parts: tuple, produce: Callable[[], None], written: set[str]) -> None:
        """Run ``produce()`` (which writes files through the generator) unless its key is unchanged.

        ``written`` is the generator's set of this build's files: a reused unit's files are
        added to it as if written. Units nest (a feed inside a page would be one): the
        inner unit's files count for the outer one too.
        """
        if parts and parts[0] == "page":  # what the template (and what it extends, includes, imports) reads
            deps = template_deps(self, parts[1])
            key = self.key(*parts, deps) if deps is not None else None
        else:
            key = self.key(*parts)
        paths = self.fresh(unit, key)
        if paths is not None:
            written.update(paths)
            if self._recording is not None:
                self._recording.extend(paths)
            return
        if self.pool is not None and self._recording is None:  # rendered later, maybe in a worker (workers.py)
            self.pool.add(unit, key, produce)
            return
        self.record(unit, key, self.produce(produce))

    def produce(self, produce: Callable[[], None]) -> list[str]:
        """Run ``produce()`` and return the files it wrote (through ``note_written``)."""
        outer, self._recording = self._recording, []
        try:
            produce()
        finally:
            files, self._recording = self._recording, outer
        if outer is not None:
            outer.extend(files)
        return files


def _code_digest(fn) -> str:
    code = fn.__code__
    parts = [code.co_code.hex(), repr(code.co_names)]
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            parts.append(_code_digest(type("F", (), {"__code__": c})))
        else:  # a frozenset constant's repr follows the per-process string hash order
            parts.append(repr(sorted(map(repr, c))) if isinstance(c, frozenset) else repr(c))
    return hashlib.sha1("|".join(parts).encode()).hexdigest()


def global_fingerprint(cache: RenderCache, value: Any) -> Any:
    """A template global: data as itself; a function by its code and what it closes over.

    A closure over the generator itself counts as its settings and URLs (already in the
    site fingerprint), and one over the build's "now" as nothing: such a filter may read
    "now" only to tell open from closed (``present.install``), which every entry's key
    already holds. A filter that counts days closes over a ``date`` (then the page is
    keyed on the day); a global or filter that reads entries must close over those
    entries (as ``calendar_href`` closes over the taxonomies' slugs), and one that reads the time of
    day must be a template's ``now``, or it would be served from a stale page.
    """
    import types

    if isinstance(value, types.MethodType):
        return [value.__qualname__, global_fingerprint(cache, value.__self__)]
    if isinstance(value, types.BuiltinFunctionType):
        owner = value.__self__
        if owner is None or isinstance(owner, types.ModuleType):
            return [getattr(value, "__module__", None), value.__qualname__]
        return [value.__qualname__, global_fingerprint(cache, owner)]
    if isinstance(value, types.FunctionType):
        cells = [c.cell_contents for c in (value.__closure__ or ())]
        return [value.__module__, value.__qualname__, _code_digest(value),
                [global_fingerprint(cache, c) for c in cells]]
    if isinstance(value, type):
        return [value.__module__, value.__qualname__]
    if callable(value) and hasattr(value, "__wrapped__"):  # functools.cache / lru_cache / wraps
        return ["wrapped", global_fingerprint(cache, value.__wrapped__)]
    if isinstance(value, functools.partial):
        return ["partial", global_fingerprint(cache, value.func),
                [global_fingerprint(cache, a) for a in value.args],
                {k: global_fingerprint(cache, v) for k, v in sorted(value.keywords.items())}]
    if isinstance(value, datetime) and value == cache.now:
        return "now"  # read only for open/closed, which each entry's key holds (canon)
    if value is cache.owner:
        return "generator"
    urls = getattr(cache.owner, "urls", None)
    if urls is not None and isinstance(value, type(urls)):  # a Urls: its two base URLs
        return vars(value)
    return cache.canon(value)


def _files_digest(paths: list[Path]) -> str:
    h = hashlib.sha1()
    for p in sorted(paths):
        h.update(str(p).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def _refs(cache: RenderCache, name: str) -> tuple[str, set[str], set[str], set[str]]:
    """The digest of one template's name and source, and the names, filters and templates
    its own source refers to.

    Parsing every template took a tenth of a warm rebuild, so the answer is kept in
    ``render.json`` by the digest of the template's name and source (valid under the same
    site fingerprint only: a computed template name refers to every template there is).
    """
    env = cache.env
    source = env.loader.get_source(env, name)[0]
    digest = hashlib.sha1(f"{name}\0{source}".encode("utf-8")).hexdigest()
    kept = cache.old_refs.get(digest)
    if kept is None:
        kept = [sorted(x) for x in _parse_refs(env, source)]
    cache.new_refs[digest] = kept
    names, filters, templates = kept
    return digest, set(names), set(filters), set(templates)


def _parse_refs(env, source: str) -> tuple[set[str], set[str], set[str]]:
    import jinja2.nodes as n

    ast = env.parse(source)
    names = {x.name for x in ast.find_all(n.Name)}
    filters = {x.name for x in ast.find_all(n.Filter)}
    templates = set()
    for node in ast.find_all((n.Extends, n.Include, n.Import, n.FromImport)):
        if isinstance(node.template, n.Const) and isinstance(node.template.value, str):
            templates.add(node.template.value)
        else:  # a computed template name: depend on every template
            templates.update(env.list_templates())
    return names, filters, templates


def template_deps(cache: RenderCache, template: str) -> str | None:
    """Digest of the templates ``template`` is made of and of the context values, globals and
    filters they can reach; None if unknowable.

    Settings and code are in the site fingerprint already; this covers the templates'
    sources and the data a page reads besides its own keyword context, e.g. ``board_catalog`` (then
    the page changes whenever any entry does) or a global closing over a dict.
    """
    memo = cache._template_deps
    if template in memo:
        return memo[template]
    env, context, settings = cache.env, cache.context, cache.settings
    try:
        names, filters, sources, todo = set(), set(), {}, [template]
        while todo:
            t = todo.pop()
            if t in sources:
                continue
            sources[t], nm, fl, refs = _refs(cache, t)
            names |= nm
            filters |= fl
            refs |= {cache.global_templates[k] for k in nm if k in cache.global_templates}
            todo.extend(refs - sources.keys())
        parts = {
            "templates": sources,
            "context": {k: cache.canon(context[k]) for k in sorted(names) if k in context and k not in settings},
            "globals": {k: global_fingerprint(cache, env.globals[k])
                        for k in sorted(names) if k in env.globals and k not in context and k != "now"},
            "filters": {k: global_fingerprint(cache, env.filters[k]) for k in sorted(filters) if k in env.filters},
            # a template reading `now` itself depends on the second
            "now": cache.now.isoformat() if "now" in names and cache.now else None,
        }
        digest = hashlib.sha1(json.dumps(parts, sort_keys=True, default=str).encode("utf-8")).hexdigest()
        if os.environ.get("BOARD_RENDER_CACHE_DEBUG"):
            Path(os.environ["BOARD_RENDER_CACHE_DEBUG"] + "." + template.replace("/", "_")).write_text(
                json.dumps(parts, sort_keys=True, indent=1, default=str)[:200_000])
    except Uncacheable as exc:
        log.info("render cache: %s not cached (no fingerprint for a value of type %s)", template, exc)
        digest = None
    except Exception as exc:  # noqa: BLE001 - a template we cannot read: render it every time
        log.info("render cache: %s not cached (%s)", template, exc)
        digest = None
    memo[template] = digest
    return digest


def site_fingerprint(gen) -> str | None:
    """What every output may depend on: code, the templates there are, policy, settings (never the day).

    Templates by name only: a page's key holds the sources of the templates it is made of
    (``template_deps``). Their names stay here for a template whose name is computed,
    which is keyed on every template there is (``_parse_refs``).
    """
    settings, theme = gen.settings, gen.theme
    code = [p for d in _CODE_DIRS for p in d.rglob("*") if p.suffix in (".py", ".json", ".toml") and p.is_file()]
    templates = [p for p in Path(theme, "templates").rglob("*") if p.is_file()]
    policy = settings.get("BOARD_POLICY")
    parts = {
        "code": _files_digest(code),
        "templates": sorted(str(p.relative_to(theme)) for p in templates),
        "policy": _files_digest([Path(policy)]) if policy and Path(policy).is_file() else None,
        "settings": {k: _ADDR.sub("", repr(v)) for k, v in settings.items() if k not in _NOT_SITE},
    }
    text = json.dumps(parts, sort_keys=True, default=str)
    if os.environ.get("BOARD_RENDER_CACHE_DEBUG"):  # files to diff when pages are never reused
        Path(os.environ["BOARD_RENDER_CACHE_DEBUG"]).write_text(json.dumps(parts, sort_keys=True, indent=1, default=str))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
