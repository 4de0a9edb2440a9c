"""Build a board whose every way in carries XSS vectors.

Ways in: a posting's Markdown body; each posting metadata field (through the validator:
a vector it rejects never reaches the site); a scraped record's title, organization,
description and URLs (through curation and normalization, as a scrape would).
"""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from board.entry import parse_datetime
from board.policy import load_policy
from board.posting import parse_posting
from scrapers.curation import CurationRules, curate
from scrapers.record import RawRecord, SourceConfig
from tests.site.conftest import NOW, ROOT, build_site, write_scraped

FIELDS = ("title", "organization", "summary", "deliverables", "organization-url", "apply-url")
PER_BODY = 40

BASE = {
    "title": "Hostile input check",
    "organization": "Test Org",
    "summary": "A posting that carries hostile input.",
    "category": "software",
    "skills": "Python",
    "hours": "10-12",
    "pay": "400 USD total",
    "apply-by": "2027-01-31",
    "posted": "2026-11-20",
}


@dataclass
class Report:
    vectors: int = 0
    body_postings: int = 0
    body_rejected: int = 0
    field_accepted: Counter = field(default_factory=Counter)
    field_rejected: Counter = field(default_factory=Counter)
    scraped_kept: int = 0
    scraped_rejected: Counter = field(default_factory=Counter)
    titles: dict[str, str] = field(default_factory=dict)  # slug -> title as the author wrote it


def posting_text(values: dict[str, str], body: str) -> str:
    head = "\n".join(f"{k.title()}: {v}" for k, v in values.items())
    return f"{head}\n\n{body}\n"


def one_line(vector: str) -> str:
    return " ".join(vector.split())


def build_hostile_site(vectors: list[str], base: Path) -> tuple[Path, Report]:
    vectors = list(dict.fromkeys(v for v in vectors if v.strip()))
    policy, now = load_policy(ROOT / "board.toml"), parse_datetime(NOW)
    report = Report(vectors=len(vectors))
    content = base / "content"
    postings = content / "postings"
    postings.mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "pages", content / "pages")

    # 1. Markdown bodies, many vectors per posting; a chunk the validator refuses (control
    #    characters) is retried one vector at a time so the rest still reach the site.
    def body_posting(name: str, chunk: list[str]) -> bool:
        values = dict(BASE, title=f"Body check {name}", **{"apply-url": f"https://apply.example.org/body/{name}"})
        text = posting_text(values, "\n\n".join(chunk))
        entry, problems = parse_posting(postings / f"body-{name}.md", policy, now, text=text)
        if entry is None:
            return False
        (postings / f"body-{name}.md").write_text(text)
        report.body_postings += 1
        return True

    for n, start in enumerate(range(0, len(vectors), PER_BODY)):
        chunk = vectors[start:start + PER_BODY]
        if not body_posting(str(n), chunk):
            for j, vector in enumerate(chunk):
                if not body_posting(f"{n}-{j}", [vector]):
                    report.body_rejected += 1

    # 2. Metadata fields, each vector alone in one field, judged by the validator.
    accepted: dict[str, list[str]] = {f: [] for f in FIELDS}
    for i, vector in enumerate(vectors):
        name = FIELDS[i % len(FIELDS)]
        value = one_line(vector)
        if name.endswith("-url"):  # make it URL-shaped so it meets the sanitizer, not just the validator
            value = "https://evil.example.org/?q=" + value.replace(" ", "")
        values = dict(BASE, **{name: value})
        if name != "apply-url":
            values["apply-url"] = f"https://apply.example.org/probe/{i}"
        entry, problems = parse_posting(Path("probe.md"), policy, now, text=posting_text(values, "Body."))
        if entry is None:
            assert problems, "a rejected posting always says why"
            report.field_rejected[name] += 1
        else:
            report.field_accepted[name] += 1
            accepted[name].append(value)
    rows = max((len(v) for v in accepted.values()), default=0)
    for k in range(rows):
        values = dict(BASE, **{"apply-url": f"https://apply.example.org/field/{k}"})
        for name, items in accepted.items():
            if items:
                values[name] = items[k % len(items)]
        if accepted["apply-url"] and k >= len(accepted["apply-url"]):
            values["apply-url"] = f"https://apply.example.org/field/{k}"
        text = posting_text(values, "Metadata check.")
        entry, problems = parse_posting(postings / f"field-{k}.md", policy, now, text=text)
        if entry is not None:
            (postings / f"field-{k}.md").write_text(text)
            report.titles[entry.slug] = entry.title

    # 3. Scraped records through curation and normalization, as a scrape would.
    source = SourceConfig(name="hostile", kind="rss", url="https://hostile.example.org/feed",
                          attribution="Hostile <b>Board</b> <script>alert(1)</script>")
    scraped = []
    for k in range(0, len(vectors), 4):
        v = vectors[k: k + 4] + [""] * 4
        record = RawRecord(
            source_id=f"h{k}", title=f"Data analyst {v[0]}"[:100], organization=f"Org {v[1]}"[:90],
            description_html=(f"<p>{v[2]}</p><p>A 20-hour project for students, 100% remote. "
                              f"Paid: $600 stipend on completion.</p>{v[3]}"),
            url=v[3] if v[3].startswith("http") else f"https://hostile.example.org/jobs/{k}?q={v[1][:40]}",
            apply_url=f"https://hostile.example.org/apply/{k}", remote=True, employment_type=["Internship"],
        )
        decision = curate(record, source, CurationRules(), policy, now)
        if decision.keep and decision.entry is not None:
            scraped.append(decision.entry.to_dict())
            report.titles[decision.entry.slug] = decision.entry.title
        else:
            report.scraped_rejected[decision.reason] += 1
    report.scraped_kept = len(scraped)
    write_scraped(content, "hostile", scraped)
    return build_site(content, base / "output"), report
