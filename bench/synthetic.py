"""Deterministic synthetic boards for the benchmarks (and their test).

``generate(dest, n, seed)`` writes ``n`` entries under ``dest``: half employer postings
(``postings/<slug>.md``, the README's format) and half scraped entries
(``scraped/<source>.json``, :meth:`board.entry.Entry.to_dict` shape), plus the bundled
static pages. Field sizes follow the sample content (titles of 40-90 characters, a
150-280 character summary, a 1.5-3 kB Markdown body with headings, lists and links,
2-5 skills). Every entry is valid under our validator when "now" is :data:`NOW`;
about 8% are closed (filled, closed, or past their deadline) so closed pages exist.

``articles(src)`` reads the same entries back in one shape for the anchors:
``to_pelican(src, dest)`` writes them as plain Pelican articles (Markdown postings, HTML
scraped bodies), ``bench.hugo`` as a Hugo site. ``touch_one``, ``add_one``, ``remove_one``
and ``edit_template`` are the edits of the rebuild scenarios (``bench.scenarios``).
"""

from __future__ import annotations

import html
import json
import random
import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from board import vocabulary as vocab

NOW = "2026-11-26T12:00:00Z"
#: Where synthetic organizations live by default: a host reserved for examples, as the
#: samples use, so a development build shows them and a published build would refuse them.
EXAMPLE_DOMAIN = "example.org"
#: For a published-style board (``publishconf.py``, no noindex: Lighthouse's SEO): a made-up
#: domain that is not reserved, so ``board.catalog`` takes it. Nothing ever requests it: the
#: pages only link there, and the Lighthouse run checks no request leaves 127.0.0.1.
PUBLISHED_DOMAIN = "boardbench-synthetic.net"
ROOT = Path(__file__).resolve().parents[1]
_NOW = datetime(2026, 11, 26, 12, tzinfo=timezone.utc)

WORDS = (
    "students volunteers data dashboard report survey clean document review design build "
    "migrate weekly analysis website content workflow template spreadsheet interview research "
    "community members donors customers archive catalogue budget forecast guide tutorial process "
    "feedback prototype accessible mobile newsletter campaign library inventory schedule metrics"
).split()
VERBS = ("Build", "Clean up", "Design", "Write", "Analyse", "Document", "Redesign", "Map", "Test", "Translate",
         "Automate", "Audit", "Plan", "Prototype", "Review")
THINGS = ("a donations dashboard", "the onboarding guide", "a volunteer rota", "our member survey", "an inventory sheet",
          "the grant report", "a newsletter template", "the help centre", "a pricing model", "our social calendar",
          "a product catalogue", "the API quick-start", "an accessibility checklist", "a customer interview plan")
ORG_A = ("Harvest", "Open", "River", "Blue", "Northern", "Bright", "Civic", "Maple", "Granite", "Lumen", "Tandem",
         "Cedar", "Pixel", "Orbit", "Kite", "Atlas", "Ember", "Willow", "Summit", "Harbor")
ORG_B = ("Share", "Fields", "Labs", "Works", "Collective", "Studio", "Co-op", "Foundation", "Press", "Analytics",
         "Health", "Books", "Bikes", "Kitchen", "Gallery", "Network", "Trust", "Supply", "Learning", "Media")
# (currency, typical total pay for ~20 hours) - every one clears board.toml's floor.
MONEY = (("USD", 600), ("EUR", 520), ("GBP", 480), ("CAD", 700), ("AUD", 900), ("INR", 12000), ("SEK", 6000),
         ("JPY", 60000), ("BRL", 1000), ("CHF", 1000))
REGIONS = (("WORLDWIDE",), ("US", "CA"), ("EU",), ("GB", "IE"), ("IN",), ("NA",), ("LATAM",), ("APAC",), ("DE", "FR", "NL"))
TIMEZONES = (None, (-8.0, -5.0), (-5.0, 1.0), (0.0, 3.0), (5.5, 5.5), (8.0, 10.0))


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def _markdown_body(rng: random.Random, org_host: str) -> str:
    parts = [_paragraph(rng, rng.randint(3, 5)), "This project is 100% remote.", "",
             "## What you will do", ""]
    parts += [f"{i}. {_sentence(rng, rng.randint(6, 12))}" for i in range(1, rng.randint(3, 6))]
    parts += ["", "## What you will learn", ""]
    parts += [f"- {_sentence(rng, rng.randint(5, 10))}" for _ in range(rng.randint(2, 5))]
    parts += ["", _paragraph(rng, rng.randint(2, 4)),
              f"Read more on [our website](https://{org_host}/about) or the *project brief*.", ""]
    return "\n".join(parts)


def _html_body(rng: random.Random, org_host: str) -> str:
    items = "".join(f"<li>{html.escape(_sentence(rng, rng.randint(6, 12)))}</li>" for _ in range(rng.randint(3, 6)))
    return (f"<p>{_paragraph(rng, rng.randint(3, 5))} This project is 100% remote.</p>"
            f"<h2>What you will do</h2><ul>{items}</ul>"
            f"<p>{_paragraph(rng, rng.randint(2, 4))} <a href=\"https://{org_host}/about\">About us</a>.</p>")


def _fields(rng: random.Random, i: int, orgs: list[tuple[str, str]]) -> dict:
    org, host = orgs[rng.randrange(len(orgs))]
    title = f"{rng.choice(VERBS)} {rng.choice(THINGS)} for {org}"
    if rng.random() < 0.5:
        title += f" ({rng.choice(WORDS)} {rng.choice(WORDS)})"
    summary = _sentence(rng, rng.randint(22, 40))[:280]
    lo = rng.randint(5, 30)
    hi = min(40, lo + rng.choice((0, 2, 5, 10)))
    cur, base = rng.choice(MONEY)
    pay = int(base * hi / 20 * rng.uniform(1.0, 1.6) / 10) * 10 + 10
    posted = _NOW - timedelta(days=rng.randint(0, 90), hours=rng.randint(0, 23))
    r = rng.random()
    if r < 0.03:
        status, apply_by = "filled", posted + timedelta(days=30)
    elif r < 0.05:
        status, apply_by = "closed", posted + timedelta(days=30)
    elif r < 0.08:  # past its deadline: closes by itself
        status, apply_by = "open", _NOW - timedelta(days=rng.randint(1, 20))
        posted = min(posted, apply_by - timedelta(days=10))
    else:
        status, apply_by = "open", _NOW + timedelta(days=rng.randint(1, 120))
    skills = rng.sample(sorted(vocab.SKILLS), rng.randint(2, 5))
    return {
        "slug": f"{vocab.slugify(title)[:60].strip('-')}-{i:06d}",
        "title": title, "org": org, "host": host, "summary": summary,
        "category": rng.choice(list(vocab.CATEGORIES)), "skills": skills,
        "hours": (lo, hi), "pay": (pay, cur), "posted": posted, "apply_by": apply_by, "status": status,
        "regions": rng.choice(REGIONS), "timezones": rng.choice(TIMEZONES),
        "students": rng.choice(tuple(vocab.STUDENT_STATUS)),
        "deliverables": [_sentence(rng, rng.randint(4, 9)) for _ in range(rng.randint(1, 4))],
        "apply_url": f"https://{host}/jobs/{i:06d}",
    }


def _tz_text(tz: tuple[float, float]) -> str:
    def off(x: float) -> str:
        h, m = divmod(abs(round(x * 60)), 60)
        return f"UTC{'+' if x >= 0 else '-'}{h}" + (f":{m:02d}" if m else "")
    return off(tz[0]) if tz[0] == tz[1] else f"{off(tz[0])} to {off(tz[1])}"


def posting_text(f: dict, body: str) -> str:
    lines = [
        f"Title: {f['title']}", f"Organization: {f['org']}", f"Organization-URL: https://{f['host']}",
        f"Summary: {f['summary']}", f"Category: {f['category']}", f"Skills: {', '.join(f['skills'])}",
        f"Hours: {f['hours'][0]}-{f['hours'][1]}" if f['hours'][0] != f['hours'][1] else f"Hours: {f['hours'][0]}",
        f"Pay: {f['pay'][0]} {f['pay'][1]} total", f"Apply-URL: {f['apply_url']}",
        f"Apply-By: {f['apply_by'].date().isoformat()}", f"Posted: {f['posted'].date().isoformat()}",
        f"Eligible-Regions: {', '.join(f['regions'])}",
    ]
    if f["timezones"]:
        lines.append(f"Timezones: {_tz_text(f['timezones'])}")
    lines += [f"Students: {f['students']}", "Work-Authorization: not-required"]
    if f["status"] != "open":
        lines.append(f"Status: {f['status']}")
    lines.append("Deliverables: " + "\n    ".join(f["deliverables"]))
    return "\n".join(lines) + "\n\n" + body


def scraped_dict(f: dict, body: str, source: str) -> dict:
    iso = lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ")  # noqa: E731
    return {
        "slug": f["slug"], "title": f["title"],
        "organization": {"name": f["org"], "url": f"https://{f['host']}"},
        "summary": f["summary"], "description_html": body,
        "hours": {"min": f["hours"][0], "max": f["hours"][1]},
        "compensation": {"min": f["pay"][0], "max": f["pay"][0], "currency": f["pay"][1], "unit": "total"},
        "category": f["category"], "posted": iso(f["posted"]),
        "apply_url": f["apply_url"], "apply_email": None,
        "apply_by": iso(f["apply_by"].replace(hour=23, minute=59, second=59)),
        "deliverables": f["deliverables"], "skills": f["skills"],
        "eligibility": {"regions": list(f["regions"]), "timezones": list(f["timezones"]) if f["timezones"] else None,
                        "students": f["students"], "work_authorization": "not-required"},
        "updated": None, "status": f["status"],
        "source": {"kind": "scraper", "name": source, "url": f["apply_url"], "attribution": source.replace("-", " ").title(),
                   "jsonld": False, "ids": [f"{source}:{f['slug'][-6:]}"]},
        "first_seen": iso(f["posted"]), "last_seen": NOW, "last_verified": None,
    }


def _organizations(n: int, domain: str = EXAMPLE_DOMAIN) -> list[tuple[str, str]]:
    """About ``n / 6`` organizations (name, host under ``domain``): most post several times, as on a real board."""
    orgs = []
    for k in range(max(3, n // 6)):
        name = f"{ORG_A[k % len(ORG_A)]} {ORG_B[(k // len(ORG_A)) % len(ORG_B)]}"
        if k >= len(ORG_A) * len(ORG_B):
            name += f" {k // (len(ORG_A) * len(ORG_B)) + 1}"
        orgs.append((name, f"{vocab.slugify(name)}.{domain}"))
    return orgs


def _write_posting(dest: Path, rng: random.Random, i: int, orgs: list[tuple[str, str]]) -> Path:
    f = _fields(rng, i, orgs)
    path = dest / "postings" / f"{f['slug']}.md"
    path.write_text(posting_text(f, _markdown_body(rng, f["host"])), encoding="utf-8")
    return path


def generate(dest: Path, n: int, seed: int = 7, sources: int = 20, pages: bool = True,
             domain: str = EXAMPLE_DOMAIN) -> Path:
    """Write ``n`` synthetic entries (half postings, half scraped) under ``dest``; return ``dest``.

    Every link goes to a host under ``domain`` (:data:`PUBLISHED_DOMAIN` for a board built
    with ``publishconf.py``); the entries are otherwise the same for the same seed.
    """
    rng = random.Random(seed)
    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "postings").mkdir(parents=True)
    (dest / "scraped").mkdir()
    if pages and (ROOT / "content" / "pages").exists():
        shutil.copytree(ROOT / "content" / "pages", dest / "pages")
    orgs = _organizations(n, domain)
    scraped: dict[str, list[dict]] = {}
    for i in range(n):
        if i % 2 == 0:
            _write_posting(dest, rng, i, orgs)
        else:
            f = _fields(rng, i, orgs)
            source = f"source-{(i // 2) % sources:02d}"
            scraped.setdefault(source, []).append(scraped_dict(f, _html_body(rng, f["host"]), source))
    for source, entries in scraped.items():
        (dest / "scraped" / f"{source}.json").write_text(
            json.dumps({"source": source, "entries": entries}, indent=2, sort_keys=True), encoding="utf-8")
    return dest


def add_one(content: Path, k: int) -> Path:
    """A new employer posting (the ``k``-th added), as a merged pull request adds one.

    Its number is past any generated one and its organization is an existing one, so the
    organization's page and feeds change too, as they would on the board.
    """
    rng = random.Random(f"added-{k}")
    n = len(list((content / "postings").glob("*.md"))) * 2
    return _write_posting(content, rng, 900_000 + k, _organizations(n))


def remove_one(content: Path, k: int) -> Path:
    """Delete one employer posting file (never the one :func:`touch_one` edits, nor one that
    :func:`add_one` added: the scenarios check the added one is still there)."""
    every = sorted((content / "postings").glob("*.md"))
    paths = [p for p in every[1:] if not _added_by_add_one(p)]  # every[0] is touch_one's
    path = paths[k % len(paths)]
    path.unlink()
    return path


def _added_by_add_one(path: Path) -> bool:
    number = path.stem.rsplit("-", 1)[-1]
    return number.isdigit() and int(number) >= 900_000


TEMPLATE_MARK = '<p class="bench-edit">Edited by the benchmark.</p>'


def edit_template(src: Path, name: str = "posting.html") -> Path:
    """Change what one theme template writes (toggling, like :func:`touch_one`).

    ``src`` is a snapshot of the code (``bench.build.snapshot``), never the live tree. The
    edit adds (or takes back) a paragraph at the top of the template's content block.
    """
    path = src / "theme" / "templates" / name
    text = path.read_text(encoding="utf-8")
    block = "{% block content %}"
    if TEMPLATE_MARK in text:
        text = text.replace(block + "\n" + TEMPLATE_MARK, block, 1)
    elif block in text:
        text = text.replace(block, block + "\n" + TEMPLATE_MARK, 1)
    else:
        raise ValueError(f"{path}: no {block!r} to edit; point edit_template at a template that has one")
    path.write_text(text, encoding="utf-8")
    return path


def touch_one(content: Path) -> Path:
    """Change one employer posting (its summary), as an edit in a pull request would.

    The edit toggles, so repeated calls never grow the summary past the validator's limit.
    """
    path = sorted((content / "postings").glob("*.md"))[0]
    text = path.read_text(encoding="utf-8")

    def edit(m: re.Match) -> str:
        summary = m.group(1)
        if summary.endswith(" (edited)."):
            return f"Summary: {summary.removesuffix(' (edited).')}."
        return f"Summary: {summary.rstrip('.')} (edited)."
    text = re.sub(r"^Summary: (.*)$", edit, text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    return path


@dataclass(frozen=True)
class Article:
    """One entry as the anchor sites read it: metadata, a body and the body's format."""

    slug: str
    title: str
    date: str  # YYYY-MM-DD
    category: str
    tags: tuple[str, ...]
    author: str  # the organization
    summary: str
    body: str
    fmt: str  # "md" (an employer posting's Markdown) or "html" (a scraped, already-HTML body)


def articles(src: Path) -> list[Article]:
    """Every entry of a synthetic board, in one shape for the Pelican and Hugo anchors."""
    from board.posting import read_header

    out = []
    for path in sorted((src / "postings").glob("*.md")):
        header, _ = read_header(path.read_text(encoding="utf-8"))
        v = header.values
        out.append(Article(path.stem, v["title"], v["posted"], v["category"],
                           tuple(s.strip() for s in v["skills"].split(",")), v["organization"], v["summary"],
                           header.body, "md"))
    for path in sorted((src / "scraped").glob("*.json")):
        for e in json.loads(path.read_text(encoding="utf-8"))["entries"]:
            out.append(Article(e["slug"], e["title"], e["posted"][:10], e["category"], tuple(e["skills"]),
                               e["organization"]["name"], e["summary"], e["description_html"], "html"))
    return out


def _pelican_html(a: Article) -> str:
    """Pelican's HTML reader format: metadata in ``<meta>`` tags, the body as it is."""
    meta = {"date": a.date, "category": a.category, "tags": ", ".join(a.tags), "author": a.author,
            "slug": a.slug, "summary": a.summary}
    tags = "".join(f'<meta name="{k}" content="{html.escape(v)}">' for k, v in meta.items())
    return f"<html><head><title>{html.escape(a.title)}</title>{tags}</head><body>{a.body}</body></html>\n"


def to_pelican(src: Path, dest: Path, fair: bool = True) -> Path:
    """The same entries as plain Pelican articles under ``dest/articles``.

    ``fair``: scraped bodies (HTML already) become ``.html`` files that Pelican's HTML
    reader takes as they are, as our build does; only employer postings go through
    Markdown. ``fair=False`` is the published baseline of round one: every body in a
    ``.md`` file, so Pelican runs Markdown over HTML it need not parse.
    """
    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "articles").mkdir(parents=True)  # our static pages use our templates: left out
    for a in articles(src):
        if fair and a.fmt == "html":
            (dest / "articles" / f"{a.slug}.html").write_text(_pelican_html(a), encoding="utf-8")
            continue
        meta = [f"Title: {a.title}", f"Date: {a.date}", f"Category: {a.category}", f"Tags: {', '.join(a.tags)}",
                f"Author: {a.author}", f"Slug: {a.slug}", f"Summary: {a.summary}"]
        (dest / "articles" / f"{a.slug}.md").write_text("\n".join(meta) + "\n\n" + a.body, encoding="utf-8")
    return dest
