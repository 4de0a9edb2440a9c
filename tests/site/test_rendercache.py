"""The render cache never serves a stale file: after every kind of edit, a cached rebuild
is byte for byte the cold build of the same inputs.

One board (the sample postings plus two scraped entries whose deadlines fall on the
pinned day) is built once with a copy of the theme and the policy file; its content,
output and caches are snapshotted. Each case restores the snapshot at the *same* paths
(settings, paths included, are part of the cache key, so a copy elsewhere would reuse
nothing), makes one edit, rebuilds over the cache and compares every file with a cold
build into empty folders (a removed posting's files included: the cache deletes what it
wrote last time and did not write this time). ``render.json``'s ``stats`` prove the rebuild really reused
outputs where the edit leaves most of the site alone, so no case passes by caching nothing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from tests.board.board_testkit import make_posting

from .conftest import NOW, ROOT, build_site, sample_content, scraped_entry, write_scraped

POSTING = "bakery-brand-refresh.md"  # a sample with Category: design, Organization: Crumb & Kettle


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _scraped() -> list[dict]:
    """Two entries that close on the pinned day: at 23:59:59 (a bare date) and at 15:00 exactly."""
    return [
        scraped_entry(slug="closes-tonight-openfields-a1b2c3", title="Closes tonight",
                      apply_url="https://jobs.example.com/openfields/1", apply_by="2026-11-26T23:59:59Z",
                      source={**scraped_entry()["source"], "ids": ["example-board:1"]}),
        scraped_entry(slug="closes-at-three-openfields-d4e5f6", title="Closes at three",
                      apply_url="https://jobs.example.com/openfields/2", apply_by="2026-11-26T15:00:00Z",
                      source={**scraped_entry()["source"], "ids": ["example-board:2"]}),
    ]


# ---- edits: each changes files under the work root and may change the settings ----------


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _posting(root: Path) -> Path:
    return root / "content" / "samples" / "postings" / POSTING


def _set_status(root: Path) -> None:
    entries = _scraped()
    entries[0]["status"] = "filled"
    write_scraped(root / "content", "example-board", entries)


def _add_posting(root: Path) -> None:
    (root / "content" / "postings").mkdir(exist_ok=True)
    (root / "content" / "postings" / "donations-dashboard.md").write_text(make_posting(), encoding="utf-8")


@dataclass(frozen=True)
class Edit:
    id: str
    change: Callable[[Path], None]
    settings: dict = field(default_factory=dict)  # overrides of the rebuild (and its cold twin)
    reuses: bool = True  # False: the edit is in the site fingerprint, so nothing may be reused


EDITS = [
    Edit("category", lambda r: _replace(_posting(r), "Category: design", "Category: writing")),
    Edit("skills", lambda r: _replace(_posting(r), "Skills: Graphic design, Figma, Canva", "Skills: Figma, Python")),
    Edit("status", _set_status),
    Edit("organization", lambda r: _replace(_posting(r), "Organization: Crumb & Kettle", "Organization: Crumb and Kettle")),
    Edit("summary", lambda r: _replace(_posting(r), "Summary: ", "Summary: (Edited) ")),
    Edit("deadline-passes-within-the-day", lambda r: None, {"BOARD_NOW": "2026-11-26T16:00:00Z"}),
    # The day is not in the key (pages show deadlines as dates, countdown.js counts the days):
    # crossing midnight re-renders what two postings closing change, and reuses the rest.
    Edit("deadline-crosses-midnight", lambda r: None, {"BOARD_NOW": "2026-11-27T00:00:01Z"}),
    # The scheduled rebuild: the next day, nothing changed but the clock; then a week on.
    Edit("next-day", lambda r: None, {"BOARD_NOW": "2026-11-27T12:00:00Z"}),
    Edit("next-week", lambda r: None, {"BOARD_NOW": "2026-12-03T12:00:00Z"}),
    # A clock that goes back: every cached entry passed its date rules as of a later "now",
    # so the catalog checks them again (board.catalog._still_valid) instead of trusting them.
    Edit("clock-back-a-day", lambda r: None, {"BOARD_NOW": "2026-11-25T12:00:00Z"}),
    Edit("policy", lambda r: _replace(r / "board.toml", "closing_soon_days = 7", "closing_soon_days = 3"), reuses=False),
    # A page is keyed on the sources of the templates it is made of: each edit below re-renders
    # the pages made of that template (the feeds and calendars, made without templates, stay).
    Edit("card-template", lambda r: _replace(r / "theme" / "templates" / "_card.html", "</", "<!-- edited --></")),
    # rows are kept like cards (cardstore.py): a row edit must reach every list
    Edit("row-template", lambda r: _replace(r / "theme" / "templates" / "_row.html", "</a>", "</a> ·")),
    Edit("page-template", lambda r: _replace(r / "theme" / "templates" / "posting.html", "</", "<!-- edited --></")),
    Edit("included-template", lambda r: _replace(r / "theme" / "templates" / "_pagination.html", "</", "<!-- e --></")),
    Edit("base-template", lambda r: _replace(r / "theme" / "templates" / "base.html", "</body>", "<!-- e --></body>")),
    Edit("posting-added", _add_posting),
    Edit("posting-removed", lambda r: _posting(r).unlink()),
    Edit("scraped-removed", lambda r: write_scraped(r / "content", "example-board", _scraped()[1:])),
]


def _settings(root: Path) -> dict:
    """Four cards a page: an edit on one board page must leave the others right (the filter form)."""
    return {"THEME": str(root / "theme"), "BOARD_POLICY": str(root / "board.toml"), "BOARD_PER_PAGE": 4}


def _make_board(root: Path) -> None:
    sample_content(root / "content")
    write_scraped(root / "content", "example-board", _scraped())
    shutil.copytree(ROOT / "theme", root / "theme")
    shutil.copy2(ROOT / "board.toml", root / "board.toml")


@pytest.fixture(scope="module")
def primed(tmp_path_factory) -> tuple[Path, Path]:
    """(work root, snapshot): the board built once over empty caches, then copied aside."""
    base = tmp_path_factory.mktemp("rendercache")
    work, snap = base / "work", base / "snapshot"
    _make_board(work)
    build_site(work / "content", work / "out", **_settings(work))
    shutil.copytree(work, snap)  # copy2 keeps mtimes to the nanosecond: the cache checks them
    return work, snap


def _stats(root: Path) -> dict:
    return json.loads((root / "cache" / "board" / "render.json").read_text(encoding="utf-8"))["stats"]


def _check(work: Path, cold: Path, before: dict[str, bytes], edit: Edit) -> None:
    cached, fresh = _tree(work / "out"), _tree(cold / "out")
    assert fresh != before, f"{edit.id}: the edit changed no output, so this case proves nothing"
    assert sorted(cached) == sorted(fresh)
    stale = [p for p in fresh if cached[p] != fresh[p]]
    assert stale == [], f"{edit.id}: served stale: {stale[:10]}"
    stats = _stats(work)
    assert stats["rendered"] > 0, stats
    if edit.reuses:
        assert stats["reused"] > 0, f"{edit.id}: nothing reused, the cache was not exercised: {stats}"
    else:
        assert stats["reused"] == 0, f"{edit.id}: is in the site fingerprint, yet {stats['reused']} outputs were reused"


@pytest.mark.parametrize("edit", EDITS, ids=[e.id for e in EDITS])
def test_cached_rebuild_after_an_edit_is_the_cold_build(primed, tmp_path, edit):
    work, snap = primed
    shutil.rmtree(work)
    shutil.copytree(snap, work)
    before = _tree(work / "out")
    assert before and NOW == "2026-11-26T12:00:00Z"
    edit.change(work)
    settings = {**_settings(work), **edit.settings}
    build_site(work / "content", work / "out", **settings)  # over the primed caches
    cold = tmp_path / "cold"
    shutil.copytree(work / "content", cold / "content")
    build_site(cold / "content", cold / "out", **settings)  # empty caches (CACHE_PATH is beside out)
    _check(work, cold, before, edit)


def test_unchanged_rebuild_reuses_every_output(primed):
    work, snap = primed
    shutil.rmtree(work)
    shutil.copytree(snap, work)
    before = _tree(work / "out")
    build_site(work / "content", work / "out", **_settings(work))
    assert _tree(work / "out") == before
    assert _stats(work) == {"reused": _stats(snap)["rendered"], "rendered": 0}


def test_off_switch_renders_everything_and_keeps_no_keys(primed, tmp_path):
    """``BOARD_RENDER_CACHE = False``: the same bytes, and no render.json to trust later."""
    work, snap = primed
    root = tmp_path / "off"
    _make_board(root)
    build_site(root / "content", root / "out", BOARD_RENDER_CACHE=False, **_settings(root))
    assert not (root / "cache" / "board" / "render.json").exists()
    assert (root / "cache" / "board").is_dir()  # the catalog cache stays on: a separate switch (BOARD_CACHE)
    assert _tree(root / "out") == _tree(snap / "out")


BUILD = """
import json, sys
from pathlib import Path
from tests.site.conftest import build_site
build_site(Path(sys.argv[1]), Path(sys.argv[2]), **json.loads(sys.argv[3]))
"""


def _build_in_child(content: Path, out: Path, settings: dict) -> None:
    """A build in a fresh interpreter, so it imports the plugin from PLUGIN_PATHS (a copy)."""
    subprocess.run([sys.executable, "-c", BUILD, str(content), str(out), json.dumps(settings)],
                   cwd=ROOT, check=True, capture_output=True, timeout=600)


def test_an_edited_plugin_module_renders_everything_again(tmp_path):
    """The plugin's own code is in the site fingerprint: edit a label in a copy of present.py."""
    root = tmp_path / "work"
    _make_board(root)
    shutil.copytree(ROOT / "plugins", root / "plugins", ignore=shutil.ignore_patterns("__pycache__"))
    settings = {**_settings(root), "PLUGIN_PATHS": [str(root / "plugins")]}
    _build_in_child(root / "content", root / "out", settings)
    before = _tree(root / "out")
    present = root / "plugins" / "board_site" / "present.py"
    assert '"Open until filled"' in present.read_text(encoding="utf-8")
    _replace(present, 'or f"Closes {human_date(e.apply_by)}"', 'or f"Closes {human_date(e.apply_by)}!"')
    _build_in_child(root / "content", root / "out", settings)
    cold = tmp_path / "cold"
    shutil.copytree(root / "content", cold / "content")
    _build_in_child(cold / "content", cold / "out", settings)
    _check(root, cold, before, Edit("plugin-module", lambda r: None, reuses=False))
    assert any(b" 2026!</time>" in data or b" 2027!</time>" in data for data in _tree(root / "out").values())


def _keys(root: Path) -> dict[str, str]:
    return {unit: key for unit, (key, _files) in
            json.loads((root / "cache" / "board" / "render.json").read_text(encoding="utf-8"))["pages"].items()}


@pytest.mark.parametrize("template, changed, kept", [
    ("posting.html", "postings/", "index.html"),  # a page template: its pages, not the board
    ("_row.html", "categories/design/index.html", "index.html"),  # rows: the lists of rows, not the board
    ("_card.html", "index.html", "categories/design/index.html"),  # cards: the board, not the lists of rows
])
def test_a_template_edit_re_renders_only_the_pages_made_of_it(primed, tmp_path, template, changed, kept):
    """Each page is keyed on the sources of its own templates (and of those its globals render):
    an edit re-keys exactly those pages, the others keep their keys, and the result is the cold build."""
    work, snap = primed
    shutil.rmtree(work)
    shutil.copytree(snap, work)
    keys = _keys(work)
    _replace(work / "theme" / "templates" / template, "</", "<!-- edited --></")
    build_site(work / "content", work / "out", **_settings(work))
    after = _keys(work)
    moved = {u for u in keys if after.get(u) != keys[u]}
    assert any(u.startswith(changed) for u in moved), (template, sorted(moved)[:5])
    assert kept not in moved and keys[kept] == after[kept]
    assert not any(u.startswith("feeds:") for u in moved), sorted(moved)[:5]
    cold = tmp_path / "cold"
    shutil.copytree(work / "content", cold / "content")
    build_site(cold / "content", cold / "out", **_settings(work))
    assert _tree(work / "out") == _tree(cold / "out")


DEADLINES = ["2026-12-01", "2026-12-04", "2027-01-20", "2027-02-10", "2027-03-01", "2027-03-15"]


def _employer_posting(i: int, apply_by: str, organization: str = "Harvest Share") -> str:
    return make_posting(Title=f"Build a donations dashboard, part {i}", Apply_By=apply_by,
                        Posted=f"2026-11-{10 + i}", Apply_URL=f"https://harvestshare.example.org/jobs/{i}",
                        Organization=organization)


def _employer_board(root: Path, organizations: tuple[str, ...] = ("Harvest Share",)) -> Path:
    """Six employer postings (no samples: they move with the clock), dealt to ``organizations``."""
    folder = root / "content" / "postings"
    folder.mkdir(parents=True)
    for i, apply_by in enumerate(DEADLINES):
        (folder / f"posting-{i}.md").write_text(
            _employer_posting(i, apply_by, organizations[i % len(organizations)]), encoding="utf-8")
    return root / "content"


def test_a_posting_added_to_one_organization_leaves_the_other_organizations_pages(tmp_path):
    """An organization's page 1 shows how long its own postings stay open: adding one to
    Harvest Share changes that figure, and Ember Kitchen's page is reused (it once read a
    global holding every organization's figure), byte for byte a cold build."""
    orgs = ("Harvest Share", "Ember Kitchen")
    work, cold = tmp_path / "work", tmp_path / "cold"
    build_site(_employer_board(work, orgs), work / "out", BOARD_PER_PAGE=2)
    keys = _keys(work)
    added = _employer_posting(6, "2027-04-30")  # Harvest Share
    for root in (work, cold):
        if root is cold:
            _employer_board(cold, orgs)
        (root / "content" / "postings" / "posting-6.md").write_text(added, encoding="utf-8")
    build_site(work / "content", work / "out", BOARD_PER_PAGE=2)
    build_site(cold / "content", cold / "out", BOARD_PER_PAGE=2)
    assert _tree(work / "out") == _tree(cold / "out")
    after = _keys(work)
    assert after["organizations/harvest-share/index.html"] != keys["organizations/harvest-share/index.html"]
    assert after["organizations/ember-kitchen/index.html"] == keys["organizations/ember-kitchen/index.html"]


def test_the_next_day_re_renders_the_first_board_page_not_the_others(tmp_path):
    """Only page 1 shows "Closing soon": a posting entering that box the next day (nothing closes)
    re-renders page 1 and the views, and reuses board pages 2 and later, byte for byte a cold build.

    Employer postings only, no samples (samples move with the clock, so every page of theirs would change).
    """
    board = _employer_board
    settings = {"BOARD_PER_PAGE": 2}
    next_day = {**settings, "BOARD_NOW": "2026-11-27T12:00:00Z"}  # 2026-12-04 comes within 7 days
    work = tmp_path / "work"
    build_site(board(work), work / "out", **settings)
    before, keys = _tree(work / "out"), _keys(work)
    build_site(work / "content", work / "out", **next_day)
    cold = tmp_path / "cold"
    build_site(board(cold), cold / "out", **next_day)
    after = _tree(work / "out")
    assert after == _tree(cold / "out")
    # part 1 (due 2026-12-04) is on page 3; on page 1 only in the box, which it enters that day
    assert b"part 1<" not in before["index.html"] and b"part 1<" in after["index.html"]
    later = [u for u in keys if u.startswith("page/")]
    assert later and all(_keys(work)[u] == keys[u] for u in later), "board pages 2+ were rendered again"


def _card_stats(root: Path) -> dict:
    import pickle

    with open(root / "cache" / "board" / "cards.pickle", "rb") as f:
        return pickle.load(f)["stats"]  # the file's head; the cards follow it


def test_a_posting_added_re_renders_its_own_card_only_and_the_shifted_pages_are_the_cold_build(tmp_path):
    """A posting added moves every later posting of the board by one place: the shifted pages
    are rendered again from the cards and rows the last build kept (cardstore.py), one card (in
    the two headings the lists use) and one row are made, and every file is byte for byte a cold build's."""
    settings = {"BOARD_PER_PAGE": 2}
    work, cold = tmp_path / "work", tmp_path / "cold"
    build_site(_employer_board(work), work / "out", **settings)
    keys = _keys(work)
    assert _card_stats(work)["made"] == 3 * len(DEADLINES)  # the cold build made every card (2 headings) and row
    added = _employer_posting(6, "2027-04-30")  # posted last: the first on the board
    for root in (work, cold):
        if root is cold:
            _employer_board(cold)
        (root / "content" / "postings" / "posting-6.md").write_text(added, encoding="utf-8")
    build_site(work / "content", work / "out", **settings)
    build_site(cold / "content", cold / "out", **settings)
    assert _tree(work / "out") == _tree(cold / "out")
    assert _keys(work)["page/2/index.html"] != keys["page/2/index.html"]  # shifted by the new posting
    stats = _card_stats(work)
    assert stats["made"] == 3 and stats["reused"] > 0, stats  # its two cards and its row


def test_later_pages_do_not_print_the_count_so_removing_the_oldest_leaves_them(tmp_path):
    """Only page 1 prints how many postings a list has: the oldest posting (on the last page)
    removed re-renders page 1 and the last page, and page 2 is reused, byte for byte a cold build."""
    settings = {"BOARD_PER_PAGE": 2}
    work, cold = tmp_path / "work", tmp_path / "cold"
    build_site(_employer_board(work), work / "out", **settings)
    keys, page2 = _keys(work), (work / "out" / "page/2/index.html").read_bytes()
    _employer_board(cold)
    for root in (work, cold):
        (root / "content" / "postings" / "posting-0.md").unlink()  # posted first: the last on the board
    build_site(work / "content", work / "out", **settings)
    build_site(cold / "content", cold / "out", **settings)
    assert _tree(work / "out") == _tree(cold / "out")
    after = _keys(work)
    assert after["index.html"] != keys["index.html"] and after["page/3/index.html"] != keys["page/3/index.html"]
    assert after["page/2/index.html"] == keys["page/2/index.html"]
    assert (work / "out" / "page/2/index.html").read_bytes() == page2
    assert b"5 open projects" in (work / "out" / "index.html").read_bytes()
