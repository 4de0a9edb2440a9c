"""schema.org ``JobPosting`` -> RawRecord, shared by the JSON-LD and JSON Feed adapters.

Publishers fill JobPosting loosely: a property may be a string, an object or a list of
either, so every read goes through the tolerant helpers in ``_common``.
"""

from __future__ import annotations

import hashlib
import html
from typing import Any, Iterator

from ..record import RawRecord, SourceConfig
from ._common import as_list, first, get, num, text_or_none, strings
from ._host import named_host, plain

#: How deep to look for a JobPosting inside @graph, ItemList and friends.
_MAX_DEPTH = 12


def is_jobposting(obj: Any) -> bool:
    if not isinstance(obj, dict):
        return False
    return any(isinstance(t, str) and t.rsplit("/", 1)[-1] == "JobPosting" for t in as_list(obj.get("@type")))


def find_jobpostings(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every JobPosting object in a JSON-LD document: top level, arrays, @graph, nested."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from find_jobpostings(item, depth + 1)
    elif isinstance(data, dict):
        if is_jobposting(data):
            yield data
            return
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from find_jobpostings(value, depth + 1)


def _text(value: Any) -> str | None:
    """A property that may be a string, a Thing with name, or a list of those."""
    for item in as_list(value):
        if isinstance(item, dict):
            text = first(item.get("name"), item.get("value"), item.get("@id"))
        else:
            text = text_or_none(item)
        if text:
            return text
    return None


def _place(place: Any) -> str | None:
    """Place / PostalAddress -> "Locality, Region, Country"."""
    if isinstance(place, str):
        return place
    address = get(place, "address") if isinstance(place, dict) else None
    if isinstance(address, str):
        return address
    if not isinstance(address, dict):
        return _text(place)
    parts = [_text(address.get(k)) for k in ("addressLocality", "addressRegion", "addressCountry")]
    return ", ".join(p for p in parts if p) or None


def _salary(base: Any) -> tuple[float | None, float | None, str | None, str | None]:
    """baseSalary (MonetaryAmount with QuantitativeValue, or a bare number) -> min, max, currency, unit."""
    if isinstance(base, list):
        base = next((b for b in base if isinstance(b, dict)), None)
    if not isinstance(base, dict):
        n = num(base)
        return n, n, None, None
    currency = text_or_none(base.get("currency"))
    value = base.get("value")
    if isinstance(value, dict):
        low = num(value.get("minValue")) or num(value.get("value"))
        high = num(value.get("maxValue")) or num(value.get("value")) or low
        unit = text_or_none(value.get("unitText")) or text_or_none(base.get("unitText"))
    else:
        low = high = num(value)
        unit = text_or_none(base.get("unitText"))
    return low, high, currency, unit.upper() if unit else None


#: JobPosting's text properties that state what the page says in its own words: read with the
#: description, as its readers do ("workHours": "max. 25 h in total", "qualifications": "students").
#: Not ``jobBenefits``: a staff benefits list is the employer's, not this role's.
_STATED = (("workHours", "Work hours"), ("educationRequirements", "Education"), ("experienceRequirements", "Experience"),
           ("qualifications", "Qualifications"), ("responsibilities", "Responsibilities"))
_STATED_MAX = 2000  # characters of one property; the description's own bounds apply after


def _stated(value: Any) -> str | None:
    """A text property, or a Thing's words: a credential's category, an experience's months."""
    for item in as_list(value):
        if isinstance(item, dict):
            months = num(item.get("monthsOfExperience"))
            text = first(item.get("description"), item.get("credentialCategory"), item.get("name"),
                         f"{months:g} months" if months is not None else None)
        else:
            text = text_or_none(item)
        if text:
            return text[:_STATED_MAX]
    return None


def _stated_html(jp: dict[str, Any]) -> str:
    """The stated properties as labelled paragraphs to follow the description (escaped: outside text)."""
    parts = []
    for key, label in _STATED:
        if text := _stated(jp.get(key)):
            parts.append(f"<p>{label}: {html.escape(text)}</p>")
    return "".join(parts)


def to_record(jp: dict[str, Any], source: SourceConfig, *, fallback_id: str | None = None,
              fallback_url: str | None = None, fallback_org: str | None = None) -> RawRecord | None:
    title = text_or_none(jp.get("title")) or text_or_none(jp.get("name"))
    if not title:
        return None
    org_obj = jp.get("hiringOrganization")
    if isinstance(org_obj, list):
        org_obj = next(iter(org_obj), None)
    org_name = _text(org_obj)
    org_url = first(get(org_obj, "sameAs"), get(org_obj, "url")) if isinstance(org_obj, dict) else None
    url = first(jp.get("url"), fallback_url)
    ident = jp.get("identifier")
    if isinstance(ident, list):
        ident = next(iter(ident), None)
    source_id = first(get(ident, "value") if isinstance(ident, dict) else ident, fallback_id, jp.get("url"))
    if not source_id:
        source_id = hashlib.sha1(f"{title}|{org_name}".encode()).hexdigest()[:16]
    low, high, currency, unit = _salary(jp.get("baseSalary") or jp.get("estimatedSalary"))
    location_type = " ".join(strings(jp.get("jobLocationType"))).upper()
    places = [p for p in (_place(x) for x in as_list(jp.get("jobLocation"))) if p]
    countries = [c for c in (_text(x) for x in as_list(jp.get("applicantLocationRequirements"))) if c]
    remote = True if "TELECOMMUTE" in location_type else None
    location = "; ".join(places) or None
    if remote and not location:
        location = "Remote" + (f" ({', '.join(countries)})" if countries else "")
    org, uncertain = org_name or fallback_org or source.organization, []
    if not org:  # a page with no hiringOrganization: the name its words give, uncertain unless confirmed
        org, confirmed = named_host(title, plain(text_or_none(jp.get("description")) or ""), url)
        uncertain = [] if confirmed or not org else ["organization"]
    return RawRecord(
        source_id=source_id,
        title=title,
        organization=org,
        organization_url=org_url or source.organization_url,
        url=url,
        apply_url=first(get(jp, "potentialAction", "target"), url) if isinstance(jp.get("potentialAction"), dict) else url,
        description_html=(text_or_none(jp.get("description")) or "") + _stated_html(jp),
        posted=text_or_none(jp.get("datePosted")),
        valid_through=text_or_none(jp.get("validThrough")),
        location=location,
        remote=remote,
        employment_type=strings(jp.get("employmentType")),
        salary_min=low,
        salary_max=high,
        salary_currency=currency,
        salary_unit=unit,
        tags=strings(jp.get("skills")) + strings(jp.get("occupationalCategory")),
        category=_text(jp.get("industry")),
        countries=countries,
        uncertain=uncertain,
    )


