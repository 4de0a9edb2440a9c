"""Programme files: ``content/programmes/<slug>.md`` -> :class:`Entry` of kind "programme".

A programme is a recurring scheme that offers micro-internships (a university's, a state's,
a platform's). Same file format as a posting (``Key: value`` lines, a blank line, a
Markdown body) and the same entry type, so pay, hours, eligibility and the checks on them
are the posting's own; only what a programme alone has (who runs it with whom, schedule,
cohort dates, the page the facts come from and when they were read) is new. Parsed here
so every problem still names its line.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from . import vocabulary as vocab
from .entry import (
    Eligibility, Entry, Organization, Problem, Programme, Source,
    check, clean_text, normalize_skills, parse_datetime,
)
from .policy import Policy
from .posting import (
    EXAMPLES as POSTING_EXAMPLES, add_unknown_skill, control_problems, located, parse_hours, parse_pay, read_body,
    read_regions, read_keys, read_text,
)

#: The folder name that makes a file a programme (``content/programmes``).
FOLDER = "programmes"

REQUIRED = ("title", "organization", "summary", "hours", "pay", "schedule", "apply-url", "source-url", "verified")
OPTIONAL = ("organization-url", "partner", "category", "skills", "pay-note", "institutions", "eligible-regions",
            "students", "work-authorization", "eligibility", "how-to-apply", "apply-by", "starts", "ends",
            "posted", "status")
KNOWN = REQUIRED + OPTIONAL

#: Keys as written in a file (``Source-URL``), in the order the scaffold writes them.
DISPLAY = {
    "title": "Title", "organization": "Organization", "organization-url": "Organization-URL", "partner": "Partner",
    "summary": "Summary", "hours": "Hours", "pay": "Pay", "pay-note": "Pay-Note", "schedule": "Schedule",
    "apply-by": "Apply-By", "starts": "Starts", "ends": "Ends", "institutions": "Institutions",
    "eligible-regions": "Eligible-Regions", "students": "Students", "work-authorization": "Work-Authorization",
    "eligibility": "Eligibility", "how-to-apply": "How-To-Apply", "apply-url": "Apply-URL",
    "source-url": "Source-URL", "verified": "Verified", "category": "Category", "skills": "Skills",
    "posted": "Posted", "status": "Status",
}
#: What the scaffold fills in: the common answer, to change when the programme's page says otherwise.
SCAFFOLD_DEFAULTS = {"schedule": "rolling", "students": "enrolled-or-recent", "work-authorization": "unstated"}

EXAMPLES = {
    **POSTING_EXAMPLES,
    "title": "the programme's name, e.g. Kansas Micro-Internship Program",
    "organization": "who runs it, e.g. Kansas Board of Regents",
    "hours": "total hours of one project as published, e.g. 10-40 (the smallest between 5 and 40)",
    "pay": "pay as a range the board can compare, e.g. 600 CAD total or 15-20 USD per hour",
    "schedule": "rolling (all year) or cohort (fixed dates)",
    "apply-url": "the page where a student starts, https://…",
    "source-url": "the public page the facts are taken from, https://…",
    "verified": "the date you read the source page, e.g. 2026-12-01",
    "apply-by": "the cohort's application deadline, e.g. 2027-01-15",
    "starts": "the cohort's first day, e.g. 2027-01-05",
    "ends": "the cohort's last day, e.g. 2027-01-23",
    "posted": "the date it was added to the board (default: Verified)",
    "institutions": "schools whose students may apply, separated by ';' (none: any)",
}


def is_programme_file(path: Path) -> bool:
    """Programmes are told apart by their folder, so a file needs no extra ``Kind`` key."""
    return path.parent.name == FOLDER


def parse_programme(path: Path, policy: Policy, now: datetime, text: str | None = None,
                    allow_expired: bool = True) -> tuple[Entry | None, list[Problem]]:
    """Read one programme file; return its entry (None if unusable) and every problem found.

    ``allow_expired`` is accepted for the validator's sake and changes nothing: a cohort
    deadline that passed makes a programme "not currently open", never invalid.
    """
    del allow_expired
    if text is None:
        text, unreadable = read_text(path)
        if text is None:
            return None, unreadable
    header, problems, add, parsed = read_keys(path, text, KNOWN, REQUIRED, EXAMPLES, "kansas-micro-internships")
    v, at, slug = header.values, header.lines, path.stem
    control_problems(header, add)

    hours = parsed("hours", parse_hours)
    pay = parsed("pay", parse_pay)
    verified = parsed("verified", parse_datetime)
    # Without Verified (reported above) the other rules are still checked, as of "now".
    posted = parsed("posted", parse_datetime, verified if v.get("verified") else now)
    apply_by = parsed("apply-by", lambda s: parse_datetime(s, end_of_day=True))
    starts = parsed("starts", parse_datetime)
    ends = parsed("ends", lambda s: parse_datetime(s, end_of_day=True))

    category = _category(v.get("category", ""))
    skills, unknown = normalize_skills(v.get("skills", "").split(","))
    for word in unknown:
        add_unknown_skill(add, word, "skills from the list in README")
    regions = read_regions(v, add)
    description = read_body(header, problems)

    if hours is None or pay is None or posted is None:
        return None, problems  # the cross-field rules below need these typed values

    entry = Entry(
        slug=slug,
        kind="programme",
        title=clean_text(v.get("title")),
        organization=Organization(clean_text(v.get("organization")), v.get("organization-url") or None),
        summary=clean_text(v.get("summary")),
        description_html=description,
        hours=hours,
        compensation=pay,
        category=category,
        posted=posted,
        apply_url=v.get("apply-url") or None,
        apply_by=apply_by,
        skills=skills,
        eligibility=_eligibility(v, regions),
        updated=verified if verified and verified > posted else None,
        status=v.get("status", "open").strip().lower(),
        source=Source(kind="employer", name="programme", url=v.get("source-url") or None, jsonld=False),
        last_verified=verified,
        programme=_programme_facts(v, verified, starts, ends),
    )
    missing = {p.field for p in problems if p.rule == "key.missing"}  # said once, not again by check()
    problems.extend(p for p in located(check(entry, policy, now), header, problems) if p.field not in missing)
    return (None if problems else entry), problems


def _category(value: str) -> str:
    """A category slug; a programme may name it by its label ("Data & analysis")."""
    category = vocab.slugify(value)
    if category and category not in vocab.CATEGORIES:
        by_label = {vocab.slugify(label): slug_ for slug_, label in vocab.CATEGORIES.items()}
        category = by_label.get(category, category)
    return category


def _eligibility(v: dict[str, str], regions: list[str]) -> Eligibility:
    return Eligibility(
        regions=tuple(regions) or ("WORLDWIDE",),
        students=v.get("students", "enrolled-or-recent").strip().lower(),
        work_authorization=v.get("work-authorization", "not-required").strip().lower(),
    )


def _programme_facts(v: dict[str, str], verified: datetime | None, starts: datetime | None,
                     ends: datetime | None) -> Programme:
    """What only a programme has: schedule, where it was verified, cohort dates, who may take part."""
    institutions = tuple(clean_text(i) for i in re.split(r"[;\n]", v.get("institutions", "")) if clean_text(i))
    return Programme(
        schedule=v.get("schedule", "").strip().lower(),
        source_url=v.get("source-url", ""),
        verified=verified,
        starts=starts,
        ends=ends,
        institutions=institutions,
        partner=clean_text(v["partner"]) if v.get("partner") else None,
        pay_note=clean_text(v.get("pay-note")),
        eligibility_note=clean_text(v.get("eligibility")),
        how_to_apply=clean_text(v.get("how-to-apply")),
    )


def scaffold(today: datetime | None = None) -> str:
    """An empty programme file with every key the parser reads, for a pull request by hand
    (the Post-a-project page links to GitHub's new-file page with it). Required keys left
    empty are what the pull-request check then asks for, with an example each."""
    values = dict(SCAFFOLD_DEFAULTS, **({"verified": today.date().isoformat()} if today else {}))
    lines = [f"{DISPLAY[key]}: {values.get(key, '')}".rstrip() for key in DISPLAY]
    body = ("What the programme is, who runs it, how students take part: facts from the page in "
            "Source-URL, in your own words.")
    return "\n".join(lines) + "\n\n" + body + "\n"
