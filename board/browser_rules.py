"""The posting rules as data for the browser: one source of truth for ``submit.js``.

The Submit page validates a posting in the browser with the same rules as
``make validate``. Nothing here is typed twice: keys, examples, vocabularies, pay
floors, limits and the regular expressions are read from ``board.posting``,
``board.entry``, ``board.vocabulary`` and ``board.toml`` at build time and emitted as
JSON; ``theme/static/js/submit.js`` interprets them. Python's regular expressions are
translated to JavaScript ones (:func:`js_regex`) so that ``\\d``, ``\\s``, ``\\b`` and
``$`` mean in the browser exactly what they mean to Python's ``re``.

Every limit and pattern is a named constant of the module that applies it (none is
retyped here); ``tests/browser/test_submit.py`` runs both validators on examples that
cross each limit. :func:`browser_formats` gives the browser ``board.formats``' number and
slug rules (the board's index carries them too).

Imports neither Pelican nor requests.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from typing import Any, Iterable

from . import bounds
from . import entry as entry_mod
from . import formats
from . import identity
from . import messages
from . import sanitize
from . import posting as posting_mod
from . import urls
from .charclasses import every_character
from . import vocabulary as vocab
from .jsonld import script_json
from .policy import Policy


# ---- Python re -> JavaScript RegExp ----------------------------------------------


@cache
def _whitespace() -> str:
    """Every character Python's ``\\s`` and ``str.strip()`` treat as whitespace.

    ``re``'s ``\\s`` on a ``str`` is ``str.isspace`` (both are CPython's ``Py_UNICODE_ISSPACE``),
    so one ``findall`` over every character finds them in C, not in a 1.1-million-step loop
    (that loop was a fixed ~0.1 s of every build; ``tests/board/test_browser_rules.py``
    checks the two agree)."""
    return "".join(re.findall(r"\s", every_character()))


@cache
def _digit_zeros() -> list[int]:
    """Code points of every Unicode decimal digit zero (each starts a run of ten).

    The candidates are ``re``'s ``\\d`` (``str.isdecimal``: Unicode's decimal digits, which are
    exactly category ``Nd``), found in C; the definition is still checked on each."""
    return [ord(ch) for ch in re.findall(r"\d", every_character())
            if unicodedata.category(ch) == "Nd" and unicodedata.digit(ch) == 0]


def _u(c: int) -> str:
    return f"\\u{{{c:x}}}"


def _class_body(chars: Iterable[int]) -> str:
    return "".join(_u(c) for c in chars)


@cache
def _digit_class_body() -> str:
    return "".join(f"{_u(z)}-{_u(z + 9)}" for z in _digit_zeros())


_WORD = r"[\p{L}\p{N}_]"


def js_regex(pattern: str | re.Pattern, flags: int = 0) -> dict[str, str]:
    """Translate a Python pattern to ``{"source", "flags"}`` for ``new RegExp`` (``u`` mode).

    Handles what our patterns use: verbose mode, ``(?P<name>``, ``.``, ``\\d``, ``\\s``, ``\\w``,
    ``\\b``, ``$`` (end, or before a final newline, as in Python), ``\\A``/``\\Z`` and
    ``re.I``. Anything else unusual raises, so a new construct cannot slip through.
    """
    if isinstance(pattern, re.Pattern):
        flags |= pattern.flags
        pattern = pattern.pattern
    verbose = bool(flags & re.X)
    out: list[str] = []
    in_class = False
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            i += 2
            if nxt == "d":
                out.append(_digit_class_body() if in_class else f"[{_digit_class_body()}]")
            elif nxt == "s":
                body = _class_body(map(ord, _whitespace()))
                out.append(body if in_class else f"[{body}]")
            elif nxt == "w":
                out.append(r"\p{L}\p{N}_" if in_class else _WORD)
            elif nxt == "b" and not in_class:
                out.append(f"(?:(?<={_WORD})(?!{_WORD})|(?<!{_WORD})(?={_WORD}))")
            elif nxt == "A" and not in_class:
                out.append("^")
            elif nxt == "Z" and not in_class:
                out.append(r"(?![\s\S])")
            elif nxt in "DSWBU" or nxt.isdigit() and nxt != "0":
                raise ValueError(f"js_regex: unsupported escape \\{nxt} in {pattern!r}")
            elif nxt == "-" and not in_class:
                out.append("-")
            else:
                out.append("\\" + nxt)
            continue
        if in_class:
            if ch == "]":
                in_class = False
            elif ch == "[":
                out.append("\\[")
                i += 1
                continue
            out.append(ch)
            i += 1
            continue
        if verbose and ch.isspace():
            i += 1
            continue
        if ch == ".":  # Python's dot matches U+2028, U+2029 and \r too; JavaScript's does not
            out.append(r"[^\n]")
            i += 1
            continue
        if verbose and ch == "#":
            while i < n and pattern[i] != "\n":
                i += 1
            continue
        if ch == "[":
            in_class = True
            out.append(ch)
            i += 1
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":  # a leading ] is literal in Python
                out.append("\\]")
                i += 1
            continue
        if pattern.startswith("(?P<", i):
            out.append("(?<")
            i += 4
            continue
        if pattern.startswith("(?P=", i) or (pattern.startswith("(?", i) and pattern[i + 2:i + 3] not in (":", "=", "!", "<")):
            raise ValueError(f"js_regex: unsupported group at {i} in {pattern!r}")
        if ch == "$":
            out.append(r"(?=\n?(?![\s\S]))")
            i += 1
            continue
        if ch in "{}" and not _is_quantifier(pattern, i):
            out.append("\\" + ch)
            i += 1
            continue
        out.append(ch)
        i += 1
    js_flags = "u" + ("i" if flags & re.I else "")
    if flags & (re.M | re.S):
        raise ValueError("js_regex: MULTILINE and DOTALL are not needed and not supported")
    return {"source": "".join(out), "flags": js_flags}


def _is_quantifier(pattern: str, i: int) -> bool:
    if pattern[i] == "}":
        j = pattern.rfind("{", 0, i)
        return j >= 0 and re.fullmatch(r"\d*(,\d*)?", pattern[j + 1:i]) is not None
    return re.match(r"\{\d*(,\d*)?\}", pattern[i:]) is not None


# ---- the rules -------------------------------------------------------------------


def _regexes() -> dict[str, dict[str, str]]:
    p, e = posting_mod, entry_mod
    return {
        "pay": js_regex(p._PAY),
        "hours": js_regex(p._HOURS),
        "tz": js_regex(p._TZ),
        "tz_split": js_regex(p.TZ_SPLIT),
        "header_line": js_regex(p.HEADER_LINE),
        "slug": js_regex(e.SLUG_RE),
        "email": js_regex(e._EMAIL),
        "url_unsafe": js_regex(e.URL_UNSAFE),
        "port": js_regex(e.PORT),
        "ascii_label": js_regex(urls.ASCII_LABEL),
        "numeric_label": js_regex(urls.NUMERIC_LABEL),
        "canonical_ipv4": js_regex(urls.CANONICAL_IPV4),
        **{f"host_{name.lower()}": js_regex(rx) for name, rx in urls.host_classes().items()},
        "tracking_params": js_regex(identity.TRACKING_PARAMS),
        "control": js_regex(e._CONTROL),
        "iso_date": js_regex(e.ISO_DATE),
        "deliverable_split": js_regex(p.DELIVERABLE_SPLIT),
        "skill_key": js_regex(vocab.SKILL_KEY_DROP),
        "spaces": js_regex(e._SPACES),
        "space": js_regex(r"\s"),
        "body_control": js_regex(p._BODY_CONTROL),
        "bounds_prefix": js_regex(bounds._PREFIX),
        "bounds_bracket": js_regex(bounds._BRACKET),
        "bounds_blank": js_regex(bounds._BLANK),
    }


def browser_sanitizer() -> dict[str, Any]:
    """``board.sanitize``'s Markdown settings and allow-list, for the preview (``submit/preview.js``)."""
    s = sanitize
    return {
        "tab_length": s.TAB_LENGTH,
        "extensions": list(s.MARKDOWN_EXTENSIONS),
        "tags": sorted(s.ALLOWED_TAGS),
        "attributes": {tag: sorted(names) for tag, names in sorted(s.ALLOWED_ATTRIBUTES.items())},
        "url_attributes": sorted(s.URL_ATTRIBUTES),
        "schemes": sorted(s.URL_SCHEMES),
        "clean_content": sorted(s.CLEAN_CONTENT_TAGS),
        "link_rel": s.LINK_REL,
        "heading": js_regex(s._HEADING),
        "not_xml": js_regex(s._NOT_XML),
        "hrefless": js_regex(s._HREFLESS),
    }


def browser_formats() -> dict[str, Any]:
    """``board.formats``' number and slug rules for ``theme/static/js/format.js``."""
    slug = formats.SLUG
    return {
        "numbers": dict(formats.NUMBERS),
        "slug": {"replace": dict(slug["replace"]), "drop": js_regex(slug["drop"]),
                 "separator": js_regex(slug["separator"]), "joiner": slug["joiner"],
                 "max_len": slug["max_len"]},
    }


def wording_module() -> str:
    """``theme/js/wording.js``: ``board.formats.WORDING`` as an ES module, for ``countdown.js``
    on every page (a module, not a block in each page: one cached file, no bytes per page)."""
    data = json.dumps(formats.WORDING, ensure_ascii=False, sort_keys=True)
    return f"// board/formats.py WORDING\nexport default {data};\n"


def rules(policy: Policy, taken: dict[str, str] | None = None,
          open_apply_urls: dict[str, str] | None = None) -> dict[str, Any]:
    """Everything ``submit.js`` needs to give the verdict ``make validate`` gives.

    ``taken`` maps existing posting slugs to their file, ``open_apply_urls`` maps the
    normalized apply URL of each open posting to its file (the cross-file duplicate
    checks of ``board.validate``).
    """
    p, e = posting_mod, entry_mod
    return {
        "version": 1,
        "repository": policy.repository,
        "branch": "main",
        "postings_dir": "content/postings",
        "required": list(p.REQUIRED),
        "optional": list(p.OPTIONAL),
        "known": list(p.KNOWN),
        "display": posting_mod.DISPLAY,
        "examples": dict(p.EXAMPLES),
        "slug_example": p.SLUG_EXAMPLE,
        "skills_expected": p.SKILLS_EXPECTED,
        "messages": messages.table(),
        "max_file_bytes": p.MAX_FILE_BYTES,
        "max_len": dict(e.MAX_LEN),
        "hours_min": e.HOURS_MIN,
        "hours_max": e.HOURS_MAX,
        "statuses": list(e.STATUSES),
        "max_amount": e.MAX_AMOUNT,
        "max_amount_label": f"{e.MAX_AMOUNT:,}",
        "earliest_year": e.EARLIEST_DATE.year,
        "max_deadline_ahead_days": e.MAX_DEADLINE_AHEAD.days,
        "max_deadline_ahead_label": e.MAX_DEADLINE_AHEAD_LABEL,
        "line_separators": dict(p.LINE_SEPARATORS),
        "body_separators": "".join(chr(c) for c in e._SEPARATORS),  # spaces in a body (without_invisible)
        "confusable_scripts": list(urls.CONFUSABLE_SCRIPTS),
        "max_skills": e.MAX_SKILLS,
        "body_bounds": dict(max_chars=bounds.MAX_BODY_CHARS, max_nesting=bounds.MAX_NESTING, max_rescan=bounds.MAX_RESCAN),
        "max_deliverables": e.MAX_DELIVERABLES,
        "max_slug_len": formats.MAX_SLUG_LEN,
        "posted_future_days": e.POSTED_AHEAD.days,
        "categories": dict(vocab.CATEGORIES),
        "skills": {name: list(aliases) for name, aliases in vocab.SKILLS.items()},
        "skill_index": dict(vocab._skill_index()),
        "regions": dict(vocab.REGIONS),
        "countries": dict(vocab.countries()),
        "country_aliases": dict(vocab.COUNTRY_ALIASES),
        "currencies": sorted(vocab.currencies()),
        "currency_aliases": dict(vocab.CURRENCY_ALIASES),
        "region_currency": dict(vocab.REGION_CURRENCY),
        "student_status": dict(vocab.STUDENT_STATUS),
        "work_authorization": dict(vocab.WORK_AUTHORIZATION),
        "pay_floors": dict(sorted(policy.pay_floors.items())),
        "regex": _regexes(),
        "formats": browser_formats(),
        "sanitize": browser_sanitizer(),
        "whitespace": _whitespace(),
        "digit_zeros": _digit_zeros(),
        "taken": dict(sorted((taken or {}).items())),
        "open_apply_urls": dict(sorted((open_apply_urls or {}).items())),
    }


def rules_json(data: dict[str, Any]) -> str:
    """JSON safe inside ``<script type="application/json">`` (no ``</script>``, no ``<!--``)."""
    return script_json(data, sort_keys=False)  # dict order is meaningful
