"""Shared by every adapter: loading a body, reading untrusted fields, skipping bad records.

Adapters read JSON written by strangers. A field may be missing, null, a number where a
string was documented, or a dict where a list was; these helpers turn all of that into
``None`` / ``[]`` instead of TypeError/KeyError, so one odd record cannot abort a payload.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Iterator

from ..record import ParseError, RawRecord, SourceConfig

log = logging.getLogger("scrapers.adapters")

#: Nesting deeper than this is not a job API; it is an attack or a bug.
MAX_DEPTH = 64


def decode(body: bytes) -> str:
    """Body bytes -> text; JSON APIs are UTF-8 (with or without a BOM)."""
    if not isinstance(body, (bytes, bytearray)):
        raise ParseError(f"expected bytes, got {type(body).__name__}")
    try:
        return bytes(body).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(f"body is not UTF-8: {exc.reason} at byte {exc.start}") from None


def load_json(body: bytes) -> Any:
    """Parse a JSON body or raise ParseError saying what is wrong and where."""
    text = decode(body)
    if not text.strip():
        raise ParseError("empty body")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise ParseError("JSON nested too deeply") from None


def expect_list(data: Any, *keys: str, what: str = "jobs") -> list[Any]:
    """``data[key]`` (first key present) as a list, or data itself if it is a list."""
    if isinstance(data, list) and not keys:
        return data
    if isinstance(data, dict):
        for key in keys:
            value = data.get(key)
            if isinstance(value, list):
                return value
    found = type(data).__name__ if not isinstance(data, dict) else "object with keys " + ", ".join(
        sorted(map(str, data))[:8])
    raise ParseError(f"expected a list of {what} under {' or '.join(keys) or 'the top level'}, got {found}")


def text_or_none(value: Any) -> str | None:
    """A string field: strings and numbers pass (ids are often ints), anything else is None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, (int, float)):
        return str(value)
    return None


def get(obj: Any, *path: str | int) -> Any:
    """``obj[p0][p1]…`` or None when any step is missing or the wrong type."""
    for key in path:
        if isinstance(key, int):
            if not isinstance(obj, list) or not -len(obj) <= key < len(obj):
                return None
            obj = obj[key]
        else:
            if not isinstance(obj, dict):
                return None
            obj = obj.get(key)
    return obj


def get_text_or_none(obj: Any, *path: str | int) -> str | None:
    """:func:`get` then :func:`text_or_none`."""
    return text_or_none(get(obj, *path))


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, tuple):
        return list(value)
    return [value]


def strings(value: Any) -> list[str]:
    """A list of strings from a string, a list of strings, or a list of {name|label|value}."""
    out: list[str] = []
    for item in as_list(value):
        if isinstance(item, dict):
            item = item.get("name") or item.get("label") or item.get("value")
        text = text_or_none(item)
        if text:
            out.append(text)
    return out


def num(value: Any) -> float | None:
    """A positive finite number from a number or a numeric string ("60000", "1,200.50")."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        try:
            value = float(value.replace(",", "").strip())
        except ValueError:
            return None
    if not isinstance(value, (int, float)):
        return None
    value = float(value)
    if value != value or value in (float("inf"), float("-inf")) or value <= 0:
        return None
    return value


def flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no"):
        return value.strip().lower() in ("true", "yes")
    return None


def epoch_iso(value: Any) -> str | None:
    """Unix seconds (or milliseconds) -> ISO 8601 UTC; other strings pass through."""
    if isinstance(value, str) and not value.strip().isdigit():
        return value
    n = num(value)
    if n is None:
        return None
    if n > 1e11:  # milliseconds (Lever)
        n /= 1000
    try:
        return datetime.fromtimestamp(n, timezone.utc).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def first(*values: Any) -> str | None:
    for value in values:
        text = text_or_none(value)
        if text:
            return text
    return None


def each(items: Iterable[Any], build: Callable[[dict[str, Any]], RawRecord | None],
         source: SourceConfig) -> Iterator[RawRecord]:
    """Build a record per item; a non-dict or badly typed item is logged and skipped."""
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            log.debug("%s: item %d is a %s, skipped", source.name, index, type(item).__name__)
            continue
        try:
            record = build(item)
        except (TypeError, KeyError, ValueError, AttributeError, IndexError, RecursionError) as exc:
            log.warning("%s: item %d skipped: %s: %s", source.name, index, type(exc).__name__, exc)
            continue
        if record is not None and record.source_id and record.title:
            yield record


def with_query(url: str, **params: str) -> str:
    """``url`` with ``params`` added unless the query already sets them."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    for key, value in params.items():
        if not query.get(key):
            query[key] = value
    return urlunsplit(parts._replace(query=urlencode(query)))
