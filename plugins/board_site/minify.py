"""Our own scripts and stylesheets, minified in the output once Pelican has copied them.

The sources in ``theme/static/js`` and ``theme/static/css`` keep their comments (they say
why a rule or a branch exists); the copies a student downloads need none of them, and the
board's first load is held to 25 KB gzip (issue #16). rJSmin and rCSSmin only drop comments
and whitespace; ``tests/site/test_minify.py`` checks that every script's syntax tree is the
same before and after. Vendored files (``theme/vendor``) are served as released. Set
``BOARD_MINIFY = False`` to serve the sources as they are.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

#: Output folders (under THEME_STATIC_DIR) that hold our own code, and how each suffix shrinks.
OWN = ("js", "css")
MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minify_tree(theme_out: Path) -> int:
    """Minify every script and stylesheet of ours under ``theme_out``; the number rewritten.

    Idempotent (a minified file minifies to itself), so a file Pelican did not copy again this
    build is left as it is."""
    changed = 0
    for folder in OWN:
        for path in sorted((theme_out / folder).rglob("*")):
            minify = MINIFIERS.get(path.suffix)
            if minify is None or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            small = minify(text)
            if small != text:
                path.write_text(small, encoding="utf-8")
                changed += 1
    return changed


def minify_output(pelican) -> None:
    """``finalized`` signal: minify the theme's copies in the output folder."""
    settings = pelican.settings
    if settings.get("BOARD_MINIFY", True):
        minify_tree(Path(pelican.output_path) / settings.get("THEME_STATIC_DIR", "theme"))
