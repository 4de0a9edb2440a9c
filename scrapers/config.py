"""Read ``scrapers/sources.toml`` into :class:`SourceConfig` objects and HTTP settings.

Strict on purpose: an unknown key is far more often a typo (``min_dealy``) than a
feature, and a typo in a terms field (``jsonld``, ``reuse_allowed``) would silently
break a source's terms. Every error names the file, the source and the key.

Two ways to write a source: a ``[[source]]`` table, or, for an employer's ATS board, one
row of ``[employers] boards`` (``{ ats = "greenhouse", board = "acme", organization =
"Acme" }``): the row expands to the same :class:`SourceConfig` (name ``<ats>-<board>``,
the ATS adapter's ``BOARD_URL``, a default attribution) and is validated like one.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from board.formats import MAX_SLUG_LEN

from .http import HostGuard, HttpSettings
from .record import SourceConfig

DEFAULT_PATH = Path(__file__).resolve().parent / "sources.toml"

_SOURCE_FIELDS = {f.name: f for f in fields(SourceConfig)}
_REQUIRED = ("name", "kind", "url")
_TYPES: dict[str, tuple[type, ...]] = {
    "name": (str,), "kind": (str,), "url": (str,), "organization": (str,), "organization_url": (str,),
    "attribution": (str,), "link_back": (bool,), "min_delay": (int, float), "jsonld": (bool,),
    "reuse_allowed": (bool,), "enabled": (bool,), "curation": (dict,),
}
_HTTP_FIELDS = {f.name: f for f in fields(HttpSettings)}
#: Keys of one ``[employers] boards`` row: the ATS, the employer's slug on it, then any source key.
_BOARD_KEYS = ("ats", "board", "organization", "organization_url", "name", "attribution", "min_delay",
               "enabled", "curation", "link_back", "jsonld")
_BOARD_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


class ConfigError(ValueError):
    """The sources file cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Config:
    sources: list[SourceConfig]
    http: HttpSettings = field(default_factory=HttpSettings)
    path: Path | None = None


def load_config(path: Path | str | None = None) -> Config:
    p = Path(path) if path else DEFAULT_PATH
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"{p}: cannot read the sources file ({e.strerror or e})") from e
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{p}: not valid TOML: {e}") from e
    return parse_config(data, p)


def parse_config(data: dict[str, Any], path: Path | None = None) -> Config:
    where = str(path) if path else "sources.toml"
    unknown = set(data) - {"source", "http", "employers"}
    if unknown:
        raise ConfigError(f"{where}: unknown top-level key(s) {', '.join(sorted(unknown))} "
                          "(expected [[source]], [employers] and [http]; curation overrides go in "
                          "[source.curation])")
    raw_sources = data.get("source", [])
    if not isinstance(raw_sources, list):
        raise ConfigError(f"{where}: 'source' must be an array of tables: write [[source]], not [source]")
    labelled = [(f"{where}: source #{i}", raw) for i, raw in enumerate(raw_sources, 1)]
    labelled += _employer_rows(data.get("employers", {}), where)
    sources = []
    seen: dict[str, str] = {}
    for label, raw in labelled:
        src = _parse_source(raw, label)
        if src.name in seen:
            raise ConfigError(f"{label}: name {src.name!r} is already used by {seen[src.name].split(': ', 1)[-1]}")
        seen[src.name] = label
        sources.append(src)
    return Config(sources=sources, http=_parse_http(data.get("http", {}), where), path=path)


def _parse_source(raw: Any, where: str) -> SourceConfig:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: must be a table")
    label = f"{where} ({raw.get('name')!r})" if isinstance(raw.get("name"), str) else where
    unknown = set(raw) - set(_SOURCE_FIELDS)
    if unknown:
        raise ConfigError(f"{label}: unknown key(s) {', '.join(sorted(unknown))}; "
                          f"known keys: {', '.join(_SOURCE_FIELDS)}")
    for key in _REQUIRED:
        if not raw.get(key):
            raise ConfigError(f"{label}: missing required key {key!r}")
    for key, value in raw.items():
        allowed = _TYPES[key]
        if not isinstance(value, allowed) or (bool not in allowed and isinstance(value, bool)):
            names = " or ".join(t.__name__ for t in allowed)
            raise ConfigError(f"{label}: {key} must be a {names}, not {type(value).__name__} {value!r}")
    name = raw["name"]
    if not all(c.isalnum() and c.isascii() and (c.islower() or c.isdigit()) or c in "-_." for c in name) \
            or name.startswith((".", "-")) or len(name) > MAX_SLUG_LEN:
        raise ConfigError(f"{label}: name must be lower-case letters, digits, '-', '_' or '.', "
                          f"at most {MAX_SLUG_LEN} characters (it becomes a file name)")
    _check_kind(raw["kind"], label)
    for key in ("url", "organization_url"):
        if raw.get(key):
            parts = urlsplit(raw[key])
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ConfigError(f"{label}: {key} must be an http(s) URL, not {raw[key]!r}")
    if raw.get("min_delay", 1.0) < 0:
        raise ConfigError(f"{label}: min_delay must be 0 or more seconds")
    values = dict(raw)
    if "min_delay" in values:
        values["min_delay"] = float(values["min_delay"])
    return SourceConfig(**values)


def _check_kind(kind: str, label: str) -> None:
    """A typo in a kind (``greenhous``) is refused here, not when the run reaches the source.

    A dotted kind names an adapter module outside ``scrapers/adapters``; it is imported
    when the source runs (``run.get_adapter``), so only its spelling is checked here.
    """
    from . import adapters  # late, as in _board_adapter

    dotted = "." in kind and all(part.isidentifier() for part in kind.split("."))
    if kind not in adapters.KINDS and not dotted:
        raise ConfigError(f"{label}: kind must be one of {', '.join(adapters.KINDS)} (or a dotted module "
                          f"path to an adapter of your own), not {kind!r}")


def _employer_rows(raw: Any, where: str) -> list[tuple[str, dict[str, Any]]]:
    """``[employers] boards = [{ ats, board, organization, … }, …]`` -> raw source tables."""
    if not isinstance(raw, dict) or set(raw) - {"boards"}:
        raise ConfigError(f"{where}: [employers] must hold one key, boards = [ {{ ats = …, board = …, "
                          "organization = … }, … ]")
    rows = raw.get("boards", [])
    if not isinstance(rows, list):
        raise ConfigError(f"{where}: [employers] boards must be a list of {{ ats, board, organization }} rows")
    return [(f"{where}: employer board #{i}", _board_source(row, f"{where}: employer board #{i}"))
            for i, row in enumerate(rows, 1)]


def _board_source(row: Any, label: str) -> dict[str, Any]:
    """One employer row as the ``[[source]]`` table it stands for."""
    if not isinstance(row, dict):
        raise ConfigError(f"{label}: must be an inline table {{ ats = …, board = …, organization = … }}")
    unknown = set(row) - set(_BOARD_KEYS)
    if unknown:
        raise ConfigError(f"{label}: unknown key(s) {', '.join(sorted(unknown))}; known keys: {', '.join(_BOARD_KEYS)}")
    for key in ("ats", "board", "organization"):
        if not isinstance(row.get(key), str) or not row[key].strip():
            raise ConfigError(f"{label}: missing required key {key!r}")
    adapter = _board_adapter(row["ats"], label)
    if not _BOARD_SLUG.match(row["board"]):
        raise ConfigError(f"{label}: board must be the employer's slug on {row['ats']} "
                          f"(letters, digits, '.', '_', '-'), not {row['board']!r}")
    raw = {k: v for k, v in row.items() if k not in ("ats", "board")}
    raw["kind"] = row["ats"]
    raw["url"] = adapter.BOARD_URL.format(board=row["board"])
    raw.setdefault("name", f"{row['ats']}-{row['board'].lower()}")
    raw.setdefault("attribution", f"Posted on {row['organization']}'s careers board ({adapter.BOARD_LABEL})")
    if getattr(adapter, "BOARD_MIN_DELAY", None):
        raw.setdefault("min_delay", adapter.BOARD_MIN_DELAY)
    return raw


def _board_adapter(ats: str, label: str) -> Any:
    from . import adapters  # late: the adapters import this package's record module

    try:
        module = adapters.get(ats)
    except ValueError:
        module = None
    if module is None or not getattr(module, "BOARD_URL", None):
        known = [k for k in adapters.KINDS if getattr(adapters.get(k), "BOARD_URL", None)]
        raise ConfigError(f"{label}: ats must be one of {', '.join(known)}, not {ats!r}")
    return module


def _parse_http(raw: Any, where: str) -> HttpSettings:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: [http] must be a table")
    unknown = set(raw) - set(_HTTP_FIELDS)
    if unknown:
        raise ConfigError(f"{where}: [http]: unknown key(s) {', '.join(sorted(unknown))}; "
                          f"known keys: {', '.join(_HTTP_FIELDS)}")
    values = {}
    for key, value in raw.items():
        default = getattr(HttpSettings, key, None) if not isinstance(getattr(HttpSettings, key, None), property) else None
        expected = type(default) if default is not None else str
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if expected is tuple:  # allowed_hosts: a TOML array of "host:port" strings
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: [http]: {key} must be a list of \"host:port\" strings, not {value!r}")
            try:
                HostGuard(allowed=tuple(value))
            except ValueError as e:
                raise ConfigError(f"{where}: [http]: {e}") from e
            value = tuple(value)
        if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
            raise ConfigError(f"{where}: [http]: {key} must be a {expected.__name__}, not {value!r}")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
            raise ConfigError(f"{where}: [http]: {key} must not be negative")
        values[key] = value
    return HttpSettings(**values)
