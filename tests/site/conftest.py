"""Real Pelican builds into temporary folders (the official plugins' test pattern)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-11-26T12:00:00Z"
PUBLIC = "https://board.example.org"


def build_site(content: Path, output: Path, **overrides) -> Path:
    """Build ``content`` with our pelicanconf, a pinned "now" and an absolute public URL."""
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            "BOARD_POLICY": str(ROOT / "board.toml"),
            "BOARD_NOW": NOW,
            "BOARD_PUBLIC_URL": PUBLIC,
            "CACHE_PATH": str(output.parent / "cache"),
            **overrides,
        },
    )
    Pelican(settings).run()
    return output


def sample_content(dest: Path) -> Path:
    """The bundled sample postings and pages, plus one scraped source file.

    Programmes are left out: they were verified after the pinned NOW, and
    tests/site/test_programmes.py builds them with a "now" of its own.
    """
    shutil.copytree(ROOT / "content", dest, ignore=shutil.ignore_patterns("scraped", "programmes"))
    (dest / "scraped").mkdir(exist_ok=True)
    return dest


def write_scraped(content: Path, name: str, entries: list[dict]) -> None:
    (content / "scraped").mkdir(exist_ok=True)
    (content / "scraped" / f"{name}.json").write_text(
        json.dumps({"source": name, "entries": entries}, indent=2), encoding="utf-8")


def scraped_entry(**changes) -> dict:
    """A scraped entry as scrapers/storage.py writes it (Entry.to_dict shape)."""
    entry = {
        "slug": "survey-analysis-sprint-openfields-a1b2c3",
        "title": "Survey analysis sprint",
        "organization": {"name": "OpenFields", "url": "https://openfields.example.com"},
        "summary": "Analyse 400 survey answers and write a two-page summary.",
        "description_html": "<p>A 20-hour project, 100% remote, paid 500 USD on completion.</p>",
        "hours": {"min": 20, "max": 20},
        "compensation": {"min": 500, "max": 500, "currency": "USD", "unit": "total"},
        "category": "research",
        "posted": "2026-11-20T00:00:00Z",
        "apply_url": "https://jobs.example.com/openfields/123",
        "apply_by": "2026-12-01T23:59:59Z",
        "skills": ["Data analysis", "Excel"],
        "status": "open",
        "source": {"kind": "scraper", "name": "example-board", "url": "https://jobs.example.com/openfields/123",
                   "attribution": "Example Jobs", "jsonld": False, "ids": ["example-board:123"]},
        "first_seen": "2026-11-20T06:00:00Z",
        "last_seen": "2026-11-26T06:00:00Z",
    }
    entry.update(changes)
    return entry


HOSTILE_POSTING = """\
Title: Fix </script><script>alert(1)</script> bugs
Organization: Evil & Co <b>
Summary: A "quoted" summary with <tags> & ampersands </script>
Category: software
Skills: JS, Python
Hours: 10-12
Pay: 400 USD total
Apply-URL: https://evil.example.com/apply?a=1&b=2
Apply-By: 2027-01-31
Posted: 2026-11-20

Hello <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned=1">
[click](javascript:alert(1)) and [ok](https://ok.example.com) <a href="//evil.example.com">rel</a>

</script><!-- -->
"""
