"""Render cache: an output whose inputs did not change is neither rendered nor written.

A page's key is a hash of everything its bytes can depend on:

* the *site* fingerprint: the source of our code (``board/``, this plugin), every theme
  template, the policy file, every Pelican setting, and the build's day (deadline
  labels count days);
* the *template's* dependencies: the context values, globals and filters that the
  template and everything it extends, includes or imports refer to by name (e.g.
  ``board_catalog`` makes a page depend on every entry);
* the page's own inputs: template name and the keyword context passed to ``render``,
  where an :class:`~board.entry.Entry` stands for the ``repr`` of all its fields.

A feed's key is its entries, label and paths (plus "now" when it clamps dates to it).
A value the cache cannot fingerprint makes that page uncacheable: it is rendered as
before, never served stale. The key of each output is kept in
``CACHE_PATH/board/render.json`` with the files' sizes and mtimes, so an output file
deleted or edited by hand is rendered again. ``BOARD_RENDER_CACHE_DEBUG=path`` dumps the
fingerprints, to diff when pages are never reused.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
from dataclasses import is_dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from board.catalog import Catalog
from board.entry import Entry

log = logging.getLogger(__name__)

VERSION = 3
_ADDR = re.compile(r" at 0x[0-9a-f]+")
_CODE_DIRS = (Path(__file__).resolve().parent, Path(__file__).resolve().parents[2] / "board")


class Uncacheable(Exception):
    """A value with no stable fingerprint."""


class RenderCache:
    def __init__(self, cache_file: Path | None, output_path: str, site_key: str | None):
        self.file = cache_file
        self.output = Path(output_path)
        self.site_key = site_key  # None: this build caches nothing
        self.old: dict[str, list] = {}
        self.new: dict[str, list] = {}
        self._entry_digest: dict[int, str] = {}
        self.hits = self.misses = 0
        if cache_file and site_key and cache_file.exists():
            try:
                data = json.loads(cache_file.read_text(encoding="utf-8"))
                if data.get("version") == VERSION and data.get("site") == site_key:
                    self.old = data["pages"]
            except (OSError, ValueError, KeyError, TypeError):
                self.old = {}

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
                d = hashlib.sha1(repr(value).encode("utf-8")).hexdigest()
                self._entry_digest[id(value)] = d
            return ["E", d]
        if isinstance(value, (list, tuple)):
            if len(value) <= 8 or not all(isinstance(v, Entry) for v in value):
                return [self.canon(v) for v in value]
            # long lists of entries (a taxonomy's past postings) are passed to every page of it
            # and never changed afterwards: digest once per object (the memo holds the object,
            # so its id cannot be reused by another)
            memo = self.__dict__.setdefault("_list_digest", {})
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
        if is_dataclass(value):
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
                st = os.stat(self.output / rel_path)
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
        if not self.enabled:
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_name(self.file.name + ".tmp")
        tmp.write_text(json.dumps({"version": VERSION, "site": self.site_key, "pages": self.new},
                                  separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, self.file)
        log.debug("render cache: %d reused, %d rendered", self.hits, self.misses)


def _code_digest(fn) -> str:
    code = fn.__code__
    parts = [code.co_code.hex(), repr(code.co_names)]
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            parts.append(_code_digest(type("F", (), {"__code__": c})))
        else:  # a frozenset constant's repr follows the per-process string hash order
            parts.append(repr(sorted(map(repr, c))) if isinstance(c, frozenset) else repr(c))
    return hashlib.sha1("|".join(parts).encode()).hexdigest()


def global_fingerprint(cache: RenderCache, value: Any, gen) -> Any:
    """A template global: data as itself; a function by its code and what it closes over.

    A closure over the generator itself counts as its settings and URLs (already in the
    site fingerprint), and one over the build's "now" as its day: a global or filter that
    reads entries must close over those entries (as ``org_open_days`` closes over its
    dict), and one that reads the time of day must be a template's ``now``, or it would
    be served from a stale page.
    """
    import types

    if isinstance(value, types.MethodType):
        return [value.__qualname__, global_fingerprint(cache, value.__self__, gen)]
    if isinstance(value, types.BuiltinFunctionType):
        owner = value.__self__
        if owner is None or isinstance(owner, types.ModuleType):
            return [getattr(value, "__module__", None), value.__qualname__]
        return [value.__qualname__, global_fingerprint(cache, owner, gen)]
    if isinstance(value, types.FunctionType):
        cells = [c.cell_contents for c in (value.__closure__ or ())]
        return [value.__module__, value.__qualname__, _code_digest(value),
                [global_fingerprint(cache, c, gen) for c in cells]]
    if isinstance(value, type):
        return [value.__module__, value.__qualname__]
    if callable(value) and hasattr(value, "__wrapped__"):  # functools.cache / lru_cache / wraps
        return ["wrapped", global_fingerprint(cache, value.__wrapped__, gen)]
    if isinstance(value, functools.partial):
        return ["partial", global_fingerprint(cache, value.func, gen),
                [global_fingerprint(cache, a, gen) for a in value.args],
                {k: global_fingerprint(cache, v, gen) for k, v in sorted(value.keywords.items())}]
    if isinstance(value, datetime) and value == gen.catalog.now:
        return "now"  # the build's day is in the site fingerprint
    if value is gen:
        return "generator"
    if type(value).__name__ == "Urls":
        return vars(value)
    return cache.canon(value)


def cached(gen, unit: str, parts: tuple, produce) -> None:
    """Run ``produce()`` (which writes files through ``gen.write``) unless its key is unchanged."""
    cache = getattr(gen, "_render_cache", None)
    if cache is None:
        cache = gen._render_cache = RenderCache(
            Path(gen.settings.get("CACHE_PATH", "cache")) / "board" / "render.json"
            if gen.settings.get("BOARD_CACHE", True) else None,
            gen.output_path, site_fingerprint(gen))
    if parts and parts[0] == "page":  # what the template (and what it extends, includes, imports) reads
        deps = template_deps(gen, cache, parts[1])
        key = cache.key(*parts, deps) if deps is not None else None
    else:
        key = cache.key(*parts)
    paths = cache.fresh(unit, key)
    if paths is not None:
        gen.written.update(paths)
        if getattr(gen, "_unit_paths", None) is not None:  # inside an outer cached unit
            gen._unit_paths.extend(paths)
        return
    outer = getattr(gen, "_unit_paths", None)
    gen._unit_paths = []
    try:
        produce()
    finally:
        written, gen._unit_paths = gen._unit_paths, outer
    if outer is not None:
        outer.extend(written)
    cache.record(unit, key, written)


def save(gen) -> None:
    cache = getattr(gen, "_render_cache", None)
    if cache is not None:
        cache.save()


def _files_digest(paths: list[Path]) -> str:
    h = hashlib.sha1()
    for p in sorted(paths):
        h.update(str(p).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def _refs(env, name: str) -> tuple[set[str], set[str], set[str]]:
    """Names, filters and templates one template refers to (its own source only)."""
    import jinja2.nodes as n

    source = env.loader.get_source(env, name)[0]
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


def template_deps(gen, cache: RenderCache, template: str) -> str | None:
    """Digest of the context values, globals and filters ``template`` can reach; None if unknowable.

    Settings, code and template sources are in the site fingerprint already; this covers
    the data a page reads besides its own keyword context, e.g. ``board_catalog`` (then
    the page changes whenever any entry does) or a global closing over a dict.
    """
    memo = cache.__dict__.setdefault("_template_deps", {})
    if template in memo:
        return memo[template]
    env, context, settings = gen.env, gen.context, gen.settings
    try:
        names, filters, seen, todo = set(), set(), set(), [template]
        while todo:
            t = todo.pop()
            if t in seen:
                continue
            seen.add(t)
            nm, fl, refs = _refs(env, t)
            names |= nm
            filters |= fl
            todo.extend(refs - seen)
        parts = {
            "context": {k: cache.canon(context[k]) for k in sorted(names) if k in context and k not in settings},
            "globals": {k: global_fingerprint(cache, env.globals[k], gen)
                        for k in sorted(names) if k in env.globals and k not in context and k != "now"},
            "filters": {k: global_fingerprint(cache, env.filters[k], gen) for k in sorted(filters) if k in env.filters},
            # deadline labels count days (site fingerprint); a template reading `now` depends on the second
            "now": gen.catalog.now.isoformat() if "now" in names else None,
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
    """What every output may depend on: code, templates, policy, settings, the build's day."""
    settings, theme, now = gen.settings, gen.theme, gen.catalog.now
    code = [p for d in _CODE_DIRS for p in d.rglob("*") if p.suffix in (".py", ".json", ".toml") and p.is_file()]
    templates = [p for p in Path(theme, "templates").rglob("*") if p.is_file()]
    policy = settings.get("BOARD_POLICY")
    parts = {
        "code": _files_digest(code),
        "templates": _files_digest(templates),
        "policy": _files_digest([Path(policy)]) if policy and Path(policy).is_file() else None,
        "settings": {k: _ADDR.sub("", repr(v)) for k, v in settings.items() if k != "BOARD_NOW"},
        "now": now.date().isoformat(),  # deadline labels count days
    }
    text = json.dumps(parts, sort_keys=True, default=str)
    if os.environ.get("BOARD_RENDER_CACHE_DEBUG"):  # files to diff when pages are never reused
        Path(os.environ["BOARD_RENDER_CACHE_DEBUG"]).write_text(json.dumps(parts, sort_keys=True, indent=1, default=str))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
