"""One benchmark build in its own process: ``python -m bench.child KIND CONTENT OUTPUT CACHE``.

Kept apart from ``bench/build.py`` (the parent) so the measured process imports only what
a real build imports: the parent's helpers (Hugo, scenarios, synthetic postings) cost
~0.1 s of CPU at start-up, which a rebuild of 1,000 postings would count as ours.
The kinds: *ours* (``pelicanconf.py``, our plugin and theme), *fair Pelican* (plain
Pelican reading the scraped bodies as ``.html`` as we do, Markdown with ``sane_lists``
only, 24 per page) and *default Pelican* (Pelican's defaults; round one's baseline).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PUBLIC = "https://board.example.org"
PER_PAGE = 24  # BOARD_PER_PAGE in pelicanconf.py: fair Pelican and Hugo paginate by it too
KINDS = ("ours", "pelican_fair", "pelican_default")


def settings_for(kind: str, content: Path, output: Path, cache: Path, now: str) -> dict:
    """Pelican settings for one kind of build (the kinds are described in the module docstring)."""
    from pelican.settings import read_settings

    if kind == "ours":
        return read_settings(str(ROOT / "pelicanconf.py"), override={
            "PATH": str(content), "OUTPUT_PATH": str(output), "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")], "BOARD_POLICY": str(ROOT / "board.toml"),
            "BOARD_NOW": now, "BOARD_PUBLIC_URL": PUBLIC, "CACHE_PATH": str(cache),
        })
    # Pelican's defaults: notmyidea theme, no plugins, its own feeds and taxonomy pages
    plain = {"PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": str(cache), "PLUGINS": [],
             "SITENAME": "Plain Pelican", "SITEURL": "", "TIMEZONE": "UTC", "AUTHOR": "Board"}
    if kind == "pelican_fair":  # our Markdown (sane_lists only, board/sanitize.py) and our 24 per page
        plain.update({"MARKDOWN": {"extension_configs": {"markdown.extensions.sane_lists": {}},
                                   "output_format": "html"},
                      "DEFAULT_PAGINATION": PER_PAGE})
    elif kind != "pelican_default":
        raise ValueError(f"unknown kind of build {kind!r}; one of {', '.join(KINDS)}")
    return read_settings(None, override=plain)


def build(kind: str, content: Path, output: Path, cache: Path, now: str, profile: Path | None = None) -> float:
    """Run one Pelican build; its seconds (the parent measures CPU and memory from outside)."""
    from pelican import Pelican

    settings = settings_for(kind, content, output, cache, now)
    logging.getLogger("pelican").setLevel(logging.ERROR)
    logging.getLogger("board").setLevel(logging.ERROR)
    start = time.perf_counter()
    if profile:
        import cProfile
        cProfile.runctx("Pelican(settings).run()", globals(), {"Pelican": Pelican, "settings": settings},
                        str(profile))
    else:
        Pelican(settings).run()
    return time.perf_counter() - start


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.child")
    ap.add_argument("kind", choices=KINDS)
    ap.add_argument("content", type=Path)
    ap.add_argument("output", type=Path)
    ap.add_argument("cache", type=Path)
    ap.add_argument("--now", required=True, help="BOARD_NOW of our build")
    ap.add_argument("--profile", type=Path, help="write a cProfile of the build here")
    a = ap.parse_args(argv)
    print(json.dumps({"seconds": build(a.kind, a.content, a.output, a.cache, a.now, a.profile)}))


if __name__ == "__main__":
    main(sys.argv[1:])
