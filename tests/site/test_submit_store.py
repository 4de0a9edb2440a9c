"""The Submit page's rules JSON is kept between builds, and remade whenever its key changes."""

from __future__ import annotations

from plugins.board_site.submit import stored_rules

from .conftest import ROOT

POLICY = str(ROOT / "board.toml")


def test_rules_are_made_once_per_key_and_again_when_postings_change(tmp_path):
    store = tmp_path / "board" / "submit-rules.json"
    made = []

    def make(text):
        return lambda: made.append(text) or text
    taken, urls = (("a", "content/postings/a.md"),), ()
    assert stored_rules(store, POLICY, taken, urls, make("one")) == "one"
    assert stored_rules(store, POLICY, taken, urls, make("two")) == "one"  # kept: same key
    assert made == ["one"]
    more = taken + (("b", "content/postings/b.md"),)
    assert stored_rules(store, POLICY, more, urls, make("three")) == "three"  # a new posting file
    store.write_text("{not json", encoding="utf-8")
    assert stored_rules(store, POLICY, more, urls, make("four")) == "four"  # a broken store is a miss
    assert stored_rules(None, POLICY, more, urls, make("five")) == "five"  # BOARD_CACHE = False
    assert made == ["one", "three", "four", "five"]
