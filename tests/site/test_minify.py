"""plugins/board_site/minify.py: the theme's own scripts and stylesheets are served minified,
and minifying changes no script's meaning (its syntax tree, read by acorn under Node)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from plugins.board_site.minify import MINIFIERS, minify_tree

from .conftest import ROOT, build_site, sample_content

THEME = ROOT / "theme" / "static"
ACORN = ROOT / ".cache" / "npm" / "node_modules" / "acorn"
#: Parse each file (as a module, else as a classic script) and print its tree without
#: positions and raw spellings: what the browser runs, not how it was written.
_AST_JS = r"""
const acorn = require(process.argv[1]);  // node -e: argv[1] is the first argument
const strip = n => Array.isArray(n) ? n.map(strip) : n && typeof n === "object" ? Object.fromEntries(
  Object.entries(n).filter(([k]) => !["start", "end", "loc", "range", "raw"].includes(k))
    .map(([k, v]) => [k, n.type === "TemplateElement" && k === "value" ? v.cooked : strip(v)])) : n;
const parse = t => { try { return acorn.parse(t, {ecmaVersion: "latest", sourceType: "module"}); }
                     catch (e) { return acorn.parse(t, {ecmaVersion: "latest", sourceType: "script"}); } };
const texts = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(texts.map(t => JSON.stringify(strip(parse(t))))));
"""


def _trees(texts: list[str]) -> list[str]:
    node = shutil.which("node")
    if not node or not ACORN.is_dir():
        pytest.skip("needs Node and acorn (make vnu installs acorn pinned into .cache/npm)")
    out = subprocess.run([node, "-e", _AST_JS, str(ACORN)], input=json.dumps(texts), capture_output=True,
                         text=True, check=True, timeout=120)
    return json.loads(out.stdout)


def test_every_script_keeps_its_syntax_tree():
    scripts = sorted(THEME.joinpath("js").rglob("*.js"))
    assert len(scripts) > 20
    sources = [p.read_text(encoding="utf-8") for p in scripts]
    before, after = _trees(sources), _trees([MINIFIERS[".js"](s) for s in sources])
    changed = [str(p.relative_to(ROOT)) for p, a, b in zip(scripts, before, after) if a != b]
    assert changed == []


def test_the_built_theme_is_minified_and_vendored_files_are_as_released(tmp_path):
    out = build_site(sample_content(tmp_path / "content"), tmp_path / "out")
    theme = out / "theme"
    for own in ("js/board.js", "js/submit/validate.js", "css/board.css"):
        source = (THEME / own).read_text(encoding="utf-8")
        served = (theme / own).read_text(encoding="utf-8")
        assert served == MINIFIERS[Path(own).suffix](source) and len(served) < 0.85 * len(source), own
        assert "/*" not in served.split("\n", 1)[0] or own.endswith(".css")
    for vendored in THEME.joinpath("vendor").rglob("*.*"):
        assert (theme / "vendor" / vendored.relative_to(THEME / "vendor")).read_bytes() == vendored.read_bytes()
    assert minify_tree(theme) == 0  # already minified: a second pass changes nothing


def test_minify_can_be_switched_off(tmp_path):
    out = build_site(sample_content(tmp_path / "content"), tmp_path / "out", BOARD_MINIFY=False)
    assert (out / "theme/js/board.js").read_bytes() == (THEME / "js/board.js").read_bytes()
