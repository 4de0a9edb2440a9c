"""schema.org ``JobPosting`` structured data for a posting page.

Follows Google's rules for a 100 % remote job (see the JobPosting notes): TELECOMMUTE
plus applicantLocationRequirements when applicants must live somewhere, baseSalary
with a case-sensitive unitText, identifier, directApply. ``script_json`` escapes the
result so that no description can close the ``<script>`` element it sits in.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from typing import Any

from . import vocabulary as vocab
from .entry import Entry, format_datetime
from .sanitize import clean_html


def _amount(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)


def remote_statement(entry: Entry) -> str:
    """The sentence Google wants in the description of a remote job (and we show it)."""
    regions = entry.eligibility.regions
    if not regions or "WORLDWIDE" in regions:
        where = "applicants anywhere in the world"
    else:
        where = "applicants in " + ", ".join(vocab.region_label(r) for r in regions)
    return f"This is a 100% remote project, open to {where}."


def job_posting(entry: Entry, url: str) -> dict[str, Any]:
    """The JobPosting object for an open entry whose page lives at ``url``."""
    c = entry.compensation
    low, high = entry.hourly
    value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": "HOUR"}
    if round(low, 2) == round(high, 2):
        value["value"] = _amount(low)
    else:
        value["minValue"], value["maxValue"] = _amount(low), _amount(high)
    h = entry.hours
    hours_text = f"{h.min} hours in total" if h.min == h.max else f"{h.min}-{h.max} hours in total"
    description = entry.description_html
    if entry.deliverables:
        items = "".join(f"<li>{_esc(d)}</li>" for d in entry.deliverables)
        description += f"<p>Deliverables:</p><ul>{items}</ul>"
    description += f"<p>{_esc(remote_statement(entry))} Expected effort: {hours_text}.</p>"
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": entry.title,
        "description": clean_html(description),
        "datePosted": format_datetime(entry.posted),
        "hiringOrganization": {"@type": "Organization", "name": entry.organization.name},
        "employmentType": ["CONTRACTOR", "INTERN"],
        "jobLocationType": "TELECOMMUTE",
        "baseSalary": {"@type": "MonetaryAmount", "currency": c.currency, "value": value},
        "identifier": {"@type": "PropertyValue", "name": entry.organization.name, "value": entry.slug},
        # Applicants follow our link to the employer's own process, so not "direct".
        "directApply": False,
        "url": url,
        "workHours": hours_text,
        "occupationalCategory": vocab.category_label(entry.category),
    }
    if c.unit == "total":
        total = f"{_amount(c.min)}" if c.min == c.max else f"{_amount(c.min)}-{_amount(c.max)}"
        data["incentiveCompensation"] = f"{total} {c.currency} for the whole project"
    if entry.organization.url:
        data["hiringOrganization"]["sameAs"] = entry.organization.url
    if entry.apply_by:
        data["validThrough"] = format_datetime(entry.apply_by)
    if entry.skills:
        data["skills"] = ", ".join(entry.skills)
    regions = [r for r in entry.eligibility.regions if r != "WORLDWIDE"]
    if regions:
        data["applicantLocationRequirements"] = [
            {"@type": "Country", "name": vocab.countries()[r]} if r in vocab.countries()
            else {"@type": "AdministrativeArea", "name": vocab.region_label(r)}
            for r in regions
        ]
    if entry.eligibility.students != "anyone":
        data["educationRequirements"] = vocab.STUDENT_STATUS[entry.eligibility.students]
    return data


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


#: What :func:`script_json` writes as a ``\\u`` escape instead of the character itself:
#: ``<`` (so neither ``</script>`` nor ``<!--`` can close or confuse the element; with no
#: ``<`` in it, a ``>`` or ``&`` inside a script element is only text: the HTML parser reads
#: no character references there, and ``-->`` matters only after a ``<!--``; issue #19:
#: 10 bytes less a tag of a JobPosting's HTML description), DEL and every non-ASCII character
#: that is invisible or steers the text: C1 controls (HTML forbids them), line and paragraph separators (old parsers end a string at
#: them), format characters (bidi overrides and isolates, zero-width spaces and joiners, the
#: soft hyphen, tags), private-use and unassigned code points and lone surrogates. Every
#: other character is written as itself, in UTF-8 like the rest of the page: an "é" is one
#: or two bytes, not the six of ``\\u00e9``.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"})
#: ``<`` is always escaped: a ``str.translate`` in C (it is most of the candidates in a
#: description's HTML, each one a Python call when matched by a regex).
_MARKUP = str.maketrans({"<": "\\u003c"})
_CANDIDATES = re.compile(r"[\x7f-\U0010ffff]")


def _escape(m: re.Match) -> str:
    """One candidate character: itself unless :data:`_ESCAPED_CATEGORIES` says escape it."""
    return _escaped_char(m.group())


@lru_cache(maxsize=4096)
def _escaped_char(ch: str) -> str:
    """Memoized per character: a text in one script repeats the same few dozen."""
    if unicodedata.category(ch) not in _ESCAPED_CATEGORIES:
        return ch
    data = ch.encode("utf-16-be", "surrogatepass")  # beyond U+FFFF: JSON's surrogate pair
    return "".join(f"\\u{int.from_bytes(data[i:i + 2], 'big'):04x}" for i in range(0, len(data), 2))


def script_json(data: Any, sort_keys: bool = True) -> str:
    """JSON safe inside a ``<script>`` element (JSON-LD, or data for our own scripts).

    Compact UTF-8, escaping only :data:`_ESCAPED_CATEGORIES` and ``<`` (json.dumps already
    escapes the C0 controls, quotes and backslashes): the same data as ASCII-only JSON in
    fewer bytes for any text not in English. Still valid JSON, parsed to the same data.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=sort_keys, separators=(",", ":")).translate(_MARKUP)
    return text if text.isascii() and "\x7f" not in text else _CANDIDATES.sub(_escape, text)


def educational_program(entry: Entry, url: str) -> dict[str, Any]:
    """schema.org ``EducationalOccupationalProgram`` for an open programme's page.

    Not JobPosting: Google wants that only for a single job, and a programme is a scheme
    that offers many. Only facts shown on the page go in (provider, dates, the programme's
    own page as ``sameAs``); pay stays in the visible text, since schema.org's
    ``trainingSalary`` is a salary distribution we do not have.
    """
    p = entry.programme
    assert p is not None
    provider: dict[str, Any] = {"@type": "Organization", "name": entry.organization.name}
    if entry.organization.url:
        provider["sameAs"] = entry.organization.url
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "EducationalOccupationalProgram",
        "name": entry.title,
        "description": entry.summary,
        "url": url,
        "sameAs": p.source_url,
        "provider": provider,
        "programType": "Micro-internship programme",
    }
    if entry.apply_by:
        data["applicationDeadline"] = entry.apply_by.date().isoformat()
    if p.starts:
        data["startDate"] = p.starts.date().isoformat()
    if p.ends:
        data["endDate"] = p.ends.date().isoformat()
    return data
