"""Controlled vocabularies: categories, skills (with aliases), regions, currencies.

One list each, so the validator, the scrapers, the site and the browser filters
all speak the same words. Adding a skill or alias is a one-line change here.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from .formats import slugify  # noqa: F401  (re-exported: vocab.slugify is used everywhere)

_DATA = Path(__file__).parent / "data"

#: Fixed list of categories: slug -> label. The slug is the URL segment.
CATEGORIES: dict[str, str] = {
    "software": "Software development",
    "data": "Data & analytics",
    "design": "Design & UX",
    "marketing": "Marketing & communications",
    "writing": "Writing & editing",
    "research": "Research",
    "business": "Business & operations",
    "finance": "Finance & accounting",
    "education": "Education & tutoring",
}

#: Canonical skill name -> aliases (matched case-insensitively, punctuation-insensitive).
SKILLS: dict[str, tuple[str, ...]] = {
    "Python": ("py", "python3"),
    "JavaScript": ("js", "ecmascript", "javascript es6", "es6"),
    "TypeScript": ("ts",),
    "React": ("reactjs", "react.js"),
    "Node.js": ("node", "nodejs"),
    "HTML & CSS": ("html", "css", "html/css", "html5", "css3"),
    "SQL": ("postgresql", "postgres", "mysql", "sqlite"),
    "R": ("rstats", "r language"),
    "Excel": ("ms excel", "microsoft excel", "spreadsheets", "google sheets"),
    "Data analysis": ("data analytics", "analytics"),
    "Data visualization": ("dataviz", "data viz", "charts"),
    "Tableau": (),
    "Power BI": ("powerbi",),
    "Statistics": ("stats",),
    "Machine learning": ("ml", "machine-learning"),
    "Figma": (),
    "UX research": ("user research", "usability testing", "ux"),
    "UI design": ("ui", "interface design"),
    "Graphic design": ("visual design", "canva"),
    "Video editing": ("video", "premiere", "final cut"),
    "Copywriting": ("copy",),
    "Technical writing": ("documentation", "docs"),
    "Editing": ("proofreading", "copy editing"),
    "SEO": ("search engine optimization",),
    "Social media": ("social media marketing", "smm"),
    "Market research": ("competitive analysis",),
    "Financial modeling": ("financial modelling", "financial analysis"),
    "Bookkeeping": ("accounting",),
    "Project management": ("pm",),
    "Translation": ("localization", "l10n"),
    "Teaching": ("tutoring", "curriculum design"),
    "Git": ("github", "version control"),
    "GIS": ("qgis", "arcgis", "mapping", "geospatial", "geographic information systems"),
    "WordPress": ("wp",),
    "Salesforce": ("crm",),
    "Customer research": ("customer interviews", "surveys"),
}

#: The currency a country pays in, for the Submit page's default from the browser's locale
#: (a country not listed leaves the currency for the employer to choose; never a guess).
REGION_CURRENCY: dict[str, str] = {
    "US": "USD", "CA": "CAD", "GB": "GBP", "CH": "CHF", "LI": "CHF", "AU": "AUD", "NZ": "NZD",
    "SE": "SEK", "NO": "NOK", "DK": "DKK", "PL": "PLN", "IN": "INR", "BR": "BRL", "MX": "MXN",
    "JP": "JPY", "SG": "SGD", "ZA": "ZAR",
    **{c: "EUR" for c in ("AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT",
                          "LU", "LV", "MT", "NL", "PT", "SI", "SK")},
}

#: Regions an employer may name instead of listing countries (code -> label).
REGIONS: dict[str, str] = {
    "WORLDWIDE": "Worldwide",
    "EU": "European Union",
    "EEA": "European Economic Area",
    "EMEA": "Europe, Middle East & Africa",
    "NA": "North America",
    "LATAM": "Latin America",
    "APAC": "Asia-Pacific",
}

#: Who may apply, by study status.
STUDENT_STATUS: dict[str, str] = {
    "enrolled": "Currently enrolled students",
    "enrolled-or-recent": "Students and recent graduates (within 12 months)",
    "anyone": "Anyone (students welcome)",
}

#: Whether the applicant needs a work permit in the eligible countries.
WORK_AUTHORIZATION: dict[str, str] = {
    "not-required": "No work authorization needed (paid as a contractor)",
    "required": "Must be authorized to work in an eligible country",
}

#: Currency symbols and common spellings seen in postings and scraped text.
CURRENCY_ALIASES: dict[str, str] = {
    "$": "USD", "US$": "USD", "USD$": "USD", "DOLLARS": "USD",
    "€": "EUR", "EURO": "EUR", "EUROS": "EUR",
    "£": "GBP", "POUNDS": "GBP",
    "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD",
    "₹": "INR", "RS": "INR", "¥": "JPY", "CHF.": "CHF",
}

#: Country spellings other than the ISO code and the English name (upper case).
COUNTRY_ALIASES: dict[str, str] = {
    "UK": "GB", "GREAT BRITAIN": "GB", "USA": "US", "UNITED STATES OF AMERICA": "US",
}


@cache
def countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> English name (from Debian's iso-codes)."""
    return json.loads((_DATA / "countries.json").read_text(encoding="utf-8"))


@cache
def currencies() -> dict[str, str]:
    """ISO 4217 code -> English name (from Debian's iso-codes)."""
    return json.loads((_DATA / "currencies.json").read_text(encoding="utf-8"))


#: What a skill's spelling loses before lookup ("Node.js" and "nodejs" are one key).
SKILL_KEY_DROP = re.compile(r"[^a-z0-9+#]")


def _key(text: str) -> str:
    return SKILL_KEY_DROP.sub("", text.lower())


@cache
def _skill_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for name, aliases in SKILLS.items():
        for spelling in (name, *aliases):
            index[_key(spelling)] = name
    return index


def canonical_skill(text: str) -> str | None:
    """Map a spelling ("JS", "javascript") to its canonical skill, or None if unknown."""
    return _skill_index().get(_key(text))


def canonical_currency(text: str) -> str | None:
    """Map "usd", "$", "€" or "Euro" to an ISO 4217 code, or None if unknown."""
    raw = text.strip().upper()
    code = CURRENCY_ALIASES.get(raw, raw)
    return code if code in currencies() else None


def canonical_region(text: str) -> str | None:
    """Map a country code, country name or region code to its code, or None."""
    raw = text.strip()
    up = raw.upper()
    if up in REGIONS:
        return up
    if up in countries():
        return up
    if up in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[up]
    for code, name in countries().items():
        if name.upper() == up:
            return code
    for code, label in REGIONS.items():
        if label.upper() == up:
            return code
    return None


def region_label(code: str) -> str:
    return REGIONS.get(code) or countries().get(code, code)


def category_label(slug: str) -> str:
    return CATEGORIES.get(slug, slug)
