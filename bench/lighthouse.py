"""Lighthouse scores of the board's main pages at scale (issue #16 item 8).

``run(n)`` builds a synthetic board of about ``n`` open postings as it is published
(``publishconf.py``: no sample banner, no ``noindex``, robots.txt allows crawlers; the
synthetic organizations live on a made-up, non-reserved domain a published build takes,
``bench.synthetic.PUBLISHED_DOMAIN``), serves it on 127.0.0.1 and runs the Lighthouse CLI (``make lighthouse`` installs it, pinned, into ``.cache/npm``) with
Debian's Chromium on the home page, a posting, the submit page and the feeds page,
mobile form factor, offline. Each page's four category scores are reported with the
audits that lost points, and every request Lighthouse saw that left 127.0.0.1 (there
must be none: the run is offline and a page fetching a third party is our bug).

Performance is simulated throttling (Lighthouse's default): it replays the trace
recorded on this machine, so a busy, shared CPU lowers it; the load average is recorded
with the scores. Nothing here asserts; it measures.

    python -m bench.lighthouse 2000 [--pages home,posting]
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / ".cache" / "npm" / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = 1.0  # 100 in every category
PAGES = ("home", "posting", "submit", "feeds")
# Audits that weigh nothing in a score (informative, manual, not applicable) are not losses.
_COUNTED = ("binary", "numeric", "metricSavings")
_TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".xsl", ".opml", ".ics", ".webmanifest")


class _Gzipping(SimpleHTTPRequestHandler):
    """A static host as the board is published on (GitHub Pages, nginx): text is gzipped.

    Python's own file server sends every byte raw, which on Lighthouse's simulated slow
    4G would judge the server, not the board. It also speaks HTTP/1.0, one connection per
    request, so every stylesheet and script would pay a simulated TCP handshake; static
    hosts keep connections open (GitHub Pages speaks HTTP/2), so this one speaks HTTP/1.1.
    """

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # its redirect to the folder's slash
            path = path / "index.html"
        if path.suffix not in _TEXT or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve the built board ``root`` on 127.0.0.1 (a free port), gzipping text."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Gzipping, directory=str(root)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def missing() -> str | None:
    """Why Lighthouse cannot run here, or None when it can."""
    if not shutil.which("node"):
        return "Node.js is not installed (apt-get install nodejs)"
    if not Path(os.environ.get("LIGHTHOUSE", LIGHTHOUSE)).is_file():
        return "Lighthouse is not installed: `make lighthouse` (npm, pinned, into .cache/npm)"
    if not Path(os.environ.get("CHROME_PATH", CHROME)).is_file():
        return f"no Chromium at {CHROME} (make browser)"
    return None


def page_paths(root: Path) -> dict[str, str]:
    """The URL path of each measured page in the built board ``root``.

    The posting is the first card of the home page: the one a student opens first.
    """
    home = (root / "index.html").read_text(encoding="utf-8")
    first = re.search(r'href="[^"]*?/(postings/[^"/]+/)"', home)
    if not first:
        raise ValueError("the home page links to no posting")
    return {"home": "", "posting": first.group(1), "submit": "post-a-project/", "feeds": "feeds/"}


#: Launches of Chromium tried before a run fails: a launch that never opens its debugging
#: port is the machine's load, not the page's score, so it is tried again.
LAUNCH_ATTEMPTS = 3


def audit(url: str, out: Path, form_factor: str = "mobile") -> dict:
    """Run the Lighthouse CLI on ``url``, write its JSON report to ``out`` and return it."""
    cmd = [str(os.environ.get("LIGHTHOUSE", LIGHTHOUSE)), url, "--output=json", f"--output-path={out}",
           "--quiet", f"--form-factor={form_factor}", f"--chrome-flags={CHROME_FLAGS}",
           "--only-categories=" + ",".join(CATEGORIES), "--disable-full-page-screenshot"]
    if form_factor == "desktop":
        cmd.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", CHROME)}
    for _ in range(LAUNCH_ATTEMPTS):  # a busy machine can miss chrome-launcher's wait for the port
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
        if "Unable to connect to Chrome" not in proc.stderr:
            break
    if proc.returncode != 0 or not out.is_file():
        raise RuntimeError(f"lighthouse exited {proc.returncode}: {proc.stderr.strip()[-400:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def _losses(lhr: dict, category: str, weighed: bool = True) -> list[dict]:
    """The audits of one category that scored below 1, heaviest first.

    ``weighed``: those that count in the score; otherwise the weightless diagnostics
    (performance's opportunities: what to look at, not what the score lost).
    """
    cat, audits = lhr["categories"][category], lhr["audits"]
    out = []
    for ref in cat["auditRefs"]:
        a = audits[ref["id"]]
        if (a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") in _COUNTED
                and (ref["weight"] > 0) == weighed):
            out.append({"id": ref["id"], "score": a["score"], "weight": ref["weight"],
                        "title": a["title"], "value": a.get("displayValue", "")})
    return sorted(out, key=lambda x: (-x["weight"] * (1 - x["score"]), x["id"]))


def _external(lhr: dict, origin: str) -> list[str]:
    """URLs Lighthouse saw requested off our local server (must be none: offline)."""
    items = (lhr["audits"].get("network-requests", {}).get("details") or {}).get("items", [])
    return sorted({i["url"] for i in items if not i["url"].startswith((origin, "data:", "blob:"))})


def summarize(lhr: dict, origin: str) -> dict:
    """The figures of one report that the bench keeps: scores, losses, offline check."""
    cats = lhr["categories"]
    return {
        "url": lhr["finalDisplayedUrl"] if "finalDisplayedUrl" in lhr else lhr.get("finalUrl"),
        "scores": {c: cats[c]["score"] for c in CATEGORIES},
        "losses": {c: _losses(lhr, c) for c in CATEGORIES},
        "diagnostics": sorted(x["id"] for c in CATEGORIES for x in _losses(lhr, c, weighed=False)),
        "benchmark_index": lhr.get("environment", {}).get("benchmarkIndex"),
        "external_requests": _external(lhr, origin),
        "requests": len((lhr["audits"].get("network-requests", {}).get("details") or {}).get("items", [])),
        "runtime_error": (lhr.get("runtimeError") or {}).get("code"),
        "warnings": lhr.get("runWarnings", []),
        "metrics": {k: lhr["audits"][k].get("numericValue") for k in
                    ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                     "cumulative-layout-shift", "speed-index") if k in lhr["audits"]},
    }


def build_published(n: int, base: Path, origin: str) -> Path:
    """Build about ``n`` open synthetic postings under ``base`` with ``publishconf.py``.

    As ``make publish`` builds, except the addresses: pages link root-relative
    (``SITEURL`` "", what a site at its domain's root gets) and the public URL (canonical
    links, sitemap, robots.txt, feeds) is ``origin``, the local server's, so every check
    Lighthouse makes of them stays on 127.0.0.1.
    """
    from pelican import Pelican
    from pelican.settings import read_settings

    from . import synthetic

    # synthetic.generate closes about 8% of what it writes; ask for enough to keep n open.
    content = synthetic.generate(base / "content", int(n / 0.92) + 40, domain=synthetic.PUBLISHED_DOMAIN)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # publishconf.py imports pelicanconf
    settings = read_settings(str(ROOT / "publishconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(base / "output"), "THEME": str(ROOT / "theme"),
        "PLUGIN_PATHS": [str(ROOT / "plugins")], "BOARD_POLICY": str(ROOT / "board.toml"),
        "BOARD_NOW": synthetic.NOW, "SITEURL": "", "BOARD_PUBLIC_URL": origin,
        "CACHE_PATH": str(base / "cache"), "DELETE_OUTPUT_DIRECTORY": False,
    })
    if settings.get("BOARD_SAMPLES"):
        raise RuntimeError("publishconf.py builds with samples: not a published board")
    Pelican(settings).run()
    return base / "output"


def measure(root: Path, base_url: str, pages=PAGES, reports: Path | None = None,
            form_factor: str = "mobile", log=lambda m: None) -> dict:
    """Lighthouse each of ``pages`` of the board built in ``root`` and served at ``base_url``."""
    paths = page_paths(root)
    reports = reports or Path(tempfile.mkdtemp(prefix="bench-lh-"))
    out = {}
    for name in pages:
        log(f"  lighthouse {name} ({paths[name] or '/'}) …")
        before = os.getloadavg()[0]
        lhr = audit(base_url + paths[name], reports / f"{name}.json", form_factor)
        out[name] = {"path": paths[name], "load_average": os.getloadavg(), "load_before": before,
                     **summarize(lhr, base_url)}
        out["_version"] = lhr.get("lighthouseVersion")
        out["_chrome"] = lhr.get("environment", {}).get("hostUserAgent", "")
    return out


def run(n: int = 2000, pages=PAGES, keep: Path | None = None, form_factor: str = "mobile", log=print) -> dict:
    """Build a board of about ``n`` open postings and Lighthouse its pages; the bench's figures."""
    reason = missing()
    if reason:
        return {"skipped": reason, "n_requested": n}
    tmp = Path(tempfile.mkdtemp(prefix="bench-lighthouse-")) if keep is None else Path(keep)
    try:
        root = tmp / "output"
        root.mkdir(parents=True, exist_ok=True)
        server, base_url = serve(root)  # first: the published board names its own address
        try:
            log(f"  building a published board of {n:,} postings for Lighthouse …")
            build_published(n, tmp, base_url.rstrip("/"))
            open_n = json.loads((root / "search/entries.json").read_text(encoding="utf-8"))["count"]
            found = measure(root, base_url, pages, tmp, form_factor, log)
        finally:
            server.shutdown()
            server.server_close()
    finally:
        if keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    return {"n_requested": n, "n_open": open_n, "form_factor": form_factor, "target": TARGET,
            "version": found.pop("_version"), "chrome": found.pop("_chrome"),
            "build": "published (publishconf.py: no sample banner, indexable)", "pages": found}


def _loss_text(page: dict, category: str) -> str:
    lost = page["losses"][category]
    return "; ".join(f"{x['id']}" + (f" {x['value']}" if x["value"] else "")
                     for x in lost[:4])


def rows(r: dict) -> list[tuple[str, str, str, str]]:
    """Table rows: one per page and category, then the offline check."""
    if "skipped" in r or "error" in r:
        return [("lighthouse", r.get("skipped") or r.get("error"), "100 ×4 per page", "n/a")]
    out = []
    for name, p in r["pages"].items():
        for c in CATEGORIES:
            s = p["scores"][c]
            value = "n/a" if s is None else f"{round(s * 100)}"
            lost = _loss_text(p, c)
            load = f"; load {p['load_before']:.1f}–{p['load_average'][0]:.1f}" if c == "performance" and "load_before" in p else ""
            out.append((f"lighthouse {r['form_factor']} {r['n_open']:,} postings: {name} /{p['path']}, {c}",
                        value + (f" (lost: {lost})" if lost else "") + (f" (benchmarkIndex {p['benchmark_index']:.0f}{load})"
                                                                       if load and p.get("benchmark_index") else ""), "100",
                        "n/a" if s is None else ("yes" if s >= r["target"] else "**no**")))
    ext = sorted({u for p in r["pages"].values() for u in p["external_requests"]})
    out.append(("lighthouse: requests off 127.0.0.1 (offline run)", ", ".join(ext) or "none", "none",
                "yes" if not ext else "**no**"))
    return out


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=2000)
    ap.add_argument("--pages", default=",".join(PAGES))
    ap.add_argument("--keep", type=Path, help="build into this folder and keep it (reports too)")
    ap.add_argument("--desktop", action="store_true")
    a = ap.parse_args()
    res = run(a.n, [p for p in a.pages.split(",") if p], a.keep, "desktop" if a.desktop else "mobile")
    for row in rows(res):
        print(" | ".join(row))
