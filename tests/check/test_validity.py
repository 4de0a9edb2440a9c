"""Validity against tools others trust: the Nu HTML Checker, and no broken internal link.

Marked ``check`` (``make check``); ``make test`` runs them too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.site.conftest import PUBLIC, ROOT

pytestmark = pytest.mark.check


def vnu_jar() -> Path:
    jar = Path(os.environ.get("VNU_JAR") or ROOT / ".cache/npm/node_modules/vnu-jar/build/dist/vnu.jar")
    if not jar.exists() or not shutil.which("java"):
        pytest.skip("the Nu HTML Checker is not installed: run `make check` (installs vnu-jar and Java)")
    return jar


def test_every_page_passes_the_nu_html_checker(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    run = subprocess.run(
        ["java", "-Xss4m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True, text=True, timeout=600,
    )
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '')}:{m.get('lastLine', '?')}: {m.get('message')}" for m in messages
              if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert errors == [], "\n".join(errors[:30])


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.refs.append(value)


def _target(site: Path, page: Path, ref: str) -> Path | None:
    """The file a link points to inside the built site, or None for external links."""
    parts = urlsplit(ref)
    if parts.scheme in ("mailto", "tel") or (parts.netloc and not ref.startswith(PUBLIC)):
        return None
    if ref.startswith(PUBLIC):
        path = ref[len(PUBLIC):]
    elif parts.path.startswith("/"):
        path = parts.path
    elif not parts.path:
        return None  # "#fragment"
    else:
        path = "/" + (page.parent.relative_to(site) / parts.path).as_posix()
    path = unquote(urlsplit(path).path)
    target = site / path.lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def test_no_broken_internal_link(site):
    broken: list[str] = []
    checked = 0
    for page in site.rglob("*.html"):
        parser = _Refs()
        parser.feed(page.read_text(encoding="utf-8"))
        for ref in parser.refs:
            target = _target(site, page, ref)
            if target is None:
                continue
            checked += 1
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {ref}")
    assert checked > 500
    assert broken == [], "\n".join(sorted(set(broken))[:30])


def test_feed_and_sitemap_links_resolve(site):
    import xml.etree.ElementTree as ET
    locs = [el.text for el in ET.parse(site / "sitemap.xml").getroot().iter() if el.tag.endswith("loc")]
    for feed in (site / "feeds").rglob("*.atom.xml"):
        locs += [el.get("href") for el in ET.parse(feed).getroot().iter() if el.tag.endswith("link")]
    missing = [u for u in locs if u and (t := _target(site, site / "index.html", u)) and not t.exists()]
    assert missing == []
