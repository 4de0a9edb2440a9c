"""What the board's search box understands besides the words on a card (issue #16, item 3).

A student types "js", "dataviz", "canada" or "non-profit" and expects the postings
that mean it. The vocabulary already knows the skills' aliases and the countries' names;
this module turns them into two lookup tables for ``board.js`` (emitted in
``search/entries.json`` by the plugin), so the browser never keeps a copy of its own:

- ``skills``: every spelling of each skill on the board (name and aliases, keyed the way
  ``board.vocabulary.canonical_skill`` keys them: lower case, punctuation dropped) ->
  the skill's position in the index's skill table;
- ``countries``: every country name, code and alias (folded to lower case ASCII) -> its
  ISO code, which ``board.js`` matches against eligibility as the "I live in" filter does.

Hyphen and space folding and one-typo tolerance are rules of the search itself
(:data:`RULES`), applied in ``board.js``.

Imports nothing from the board but ``vocabulary`` and ``browser_rules``' regex translation.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from . import vocabulary as vocab
from .browser_rules import js_regex

#: The search's own rules: a word of ``typo_min`` letters or more also matches a word one
#: edit away (insert, delete, replace or swap two neighbours: "dashbord" -> "dashboard");
#: a typed word of ``alias_substring_min`` letters or more inside a skill's spelling means
#: that skill ("viz" -> "dataviz" -> Data visualization); shorter ones must be a whole
#: spelling ("js"). ``fold``: what is dropped when hyphens and spaces should not matter.
RULES: dict[str, Any] = {"typo_min": 5, "alias_substring_min": 3, "fold": r"[^\w]|_"}


def fold(text: str) -> str:
    """Lower case without accents: how both sides compare country names ("Côte d'Ivoire")."""
    t = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in t if not unicodedata.combining(c))


def skill_spellings(skill_names: list[str]) -> dict[str, int]:
    """Spelling key -> position in ``skill_names`` for every skill the index lists."""
    position = {name: i for i, name in enumerate(skill_names)}
    out: dict[str, int] = {}
    for name, aliases in vocab.SKILLS.items():
        if name not in position:
            continue
        for spelling in (name, *aliases):
            key = vocab._key(spelling)
            if key:
                out.setdefault(key, position[name])
    return out


def country_spellings() -> dict[str, str]:
    """Folded country name, code or alias -> ISO code ("canada", "ca" -> "CA"; "uk" -> "GB")."""
    out: dict[str, str] = {}
    for code, name in vocab.countries().items():
        out[fold(name)] = code
        out[code.lower()] = code
    for alias, code in vocab.COUNTRY_ALIASES.items():
        out[fold(alias)] = code
    return dict(sorted(out.items()))


def search_tables(skill_names: list[str]) -> dict[str, Any]:
    """The tables and rules ``board.js`` searches with (the index's ``search`` key)."""
    return {
        "rules": {**RULES, "fold": js_regex(RULES["fold"])},
        "skill_key": js_regex(vocab.SKILL_KEY_DROP),
        "skills": skill_spellings(skill_names),
        "countries": country_spellings(),
    }
