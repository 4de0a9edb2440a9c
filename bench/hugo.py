"""The Hugo anchor: the synthetic board as a minimal Hugo site, built by Debian's ``hugo``.

The site has what a plain static job board needs and nothing of ours: a home list
paginated by 24, one page per posting, RSS for the home page and every taxonomy term,
and taxonomies for category, skills and organization (a list page per term, paginated by
24, and an index per taxonomy). Employer postings stay Markdown (Goldmark renders them);
scraped bodies, HTML already, are ``.html`` content files that Hugo passes through, as our
build does. ``buildFuture``/``buildExpired`` keep every posting in on any day.

Hugo is found as ``$HUGO`` or ``hugo`` on ``PATH`` (``make hugo`` installs Debian's).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from . import synthetic
from .proc import measure

PER_PAGE = 24
TIMEOUT = 1800  # seconds

CONFIG = f"""\
baseURL = "https://board.example.org/"
title = "Hugo anchor"
languageCode = "en"
paginate = {PER_PAGE}
buildFuture = true
buildExpired = true
disableKinds = ["section"]  # postings are listed by the home page and the terms, as ours
enableGitInfo = false
[taxonomies]
category = "categories"
skill = "skills"
organization = "organizations"
[outputs]
home = ["HTML", "RSS"]
taxonomy = ["HTML"]
term = ["HTML", "RSS"]
[markup.goldmark.renderer]
unsafe = true  # postings may carry inline HTML, as in ours (sanitized there, trusted here)
"""

BASEOF = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title>
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head><body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"""

CARD = """<article class="card"><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ range .GetTerms "organizations" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}
· {{ .Date.Format "2006-01-02" }}</p><p>{{ .Summary }}</p>
<ul>{{ range .GetTerms "skills" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul></article>
"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{ $pager := .Paginate $pages }}
{{ range $pager.Pages }}{{ partial "card.html" . }}{{ end }}
<nav>{{ if $pager.HasPrev }}<a href="{{ $pager.Prev.URL }}">Newer</a>{{ end }}
Page {{ $pager.PageNumber }} of {{ $pager.TotalPages }}
{{ if $pager.HasNext }}<a href="{{ $pager.Next.URL }}">Older</a>{{ end }}</nav>{{ end }}
"""

TERMS = """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>{{ end }}
</ul>{{ end }}
"""

SINGLE = """{{ define "main" }}<article><p>{{ range .GetTerms "categories" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
<h1>{{ .Title }}</h1><p>{{ range .GetTerms "organizations" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
<p class="lede">{{ .Summary }}</p><ul>{{ range .GetTerms "skills" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<div class="description">{{ .Content }}</div></article>{{ end }}
"""

LAYOUTS = {"_default/baseof.html": BASEOF, "_default/list.html": LIST, "_default/terms.html": TERMS,
           "_default/single.html": SINGLE, "partials/card.html": CARD}


def binary() -> str | None:
    """The ``hugo`` to run, or None."""
    return os.environ.get("HUGO") if os.environ.get("HUGO") and Path(os.environ["HUGO"]).exists() \
        else shutil.which("hugo")


def version(hugo: str) -> str:
    done = subprocess.run([hugo, "version"], capture_output=True, text=True, timeout=60, check=True)
    return done.stdout.strip()


def _front_matter(a: synthetic.Article) -> str:
    # JSON front matter: every value quoted by json.dumps, whatever a title contains
    meta = {"title": a.title, "date": a.date, "slug": a.slug, "summary": a.summary,
            "categories": [a.category], "skills": list(a.tags), "organizations": [a.author]}
    return json.dumps(meta, ensure_ascii=False, indent=1) + "\n"


def write_site(content: Path, dest: Path) -> Path:
    """The synthetic board at ``content`` as a Hugo site (config, theme, content) at ``dest``."""
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "content" / "postings").mkdir(parents=True)
    (dest / "config.toml").write_text(CONFIG, encoding="utf-8")
    for rel, text in LAYOUTS.items():
        path = dest / "layouts" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for a in synthetic.articles(content):
        ext = "html" if a.fmt == "html" else "md"
        (dest / "content" / "postings" / f"{a.slug}.{ext}").write_text(_front_matter(a) + "\n" + a.body,
                                                                          encoding="utf-8")
    return dest


def build(site: Path, output: Path, hugo: str) -> dict:
    """One cold Hugo build of ``site`` into ``output`` in a subprocess: wall, CPU, peak RSS."""
    shutil.rmtree(output, ignore_errors=True)
    cache = site.parent / (site.name + "-cache")
    shutil.rmtree(cache, ignore_errors=True)  # cold: Hugo keeps nothing between builds here
    env = dict(os.environ, HUGO_CACHEDIR=str(cache))
    cmd = [hugo, "--source", str(site), "--destination", str(output), "--quiet", "--noBuildLock"]
    m = measure(cmd, cwd=site, env=env, timeout=TIMEOUT)
    if m.timed_out or m.returncode != 0:
        raise RuntimeError(f"hugo build failed ({m.returncode}{', timed out' if m.timed_out else ''}):\n"
                           f"{(m.stderr or m.stdout)[-3000:]}")
    return {"wall_s": m.wall_s, "cpu_s": m.cpu_s, "peak_mb": m.peak_mb}
