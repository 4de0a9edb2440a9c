"""board.browser_rules: the rules the Submit page gets are the parser's own (no browser needed)."""

from __future__ import annotations

import json
import unicodedata

import pytest

from board import browser_rules as br
from board import charclasses, posting, vocabulary
from board.browser_rules import browser_formats, js_regex, rules, rules_json
from tests.board.board_testkit import POLICY, make_posting, messages

SKILLS = sorted(vocabulary.SKILLS)


@pytest.mark.parametrize("extra", [0, 1])
def test_the_skill_limit_the_page_gets_is_the_one_the_validator_applies(extra):
    """At the emitted limit a posting passes; one skill more and the validator refuses it."""
    limit = rules(POLICY)["max_skills"]
    assert limit < len(SKILLS)
    problems = messages(make_posting(Skills=", ".join(SKILLS[:limit + extra])))
    assert problems == ([f"valid-posting.md:6: skills: {limit + 1} skills listed (expected at most {limit})"]
                        if extra else [])


@pytest.mark.parametrize("extra", [0, 1])
def test_the_deliverable_and_slug_limits_the_page_gets_are_the_validators(extra):
    r = rules(POLICY)
    items = "; ".join(f"item {i}" for i in range(r["max_deliverables"] + extra))
    assert any("deliverables: too many" in m for m in messages(make_posting(Deliverables=items))) == bool(extra)
    name = "a" * (r["max_slug_len"] + extra) + ".md"
    assert any("is not a valid slug" in m for m in messages(make_posting(), name=name)) == bool(extra)


@pytest.mark.parametrize("spelling, code", sorted(rules(POLICY)["country_aliases"].items()))
def test_every_country_alias_the_page_gets_is_one_the_validator_reads(spelling, code):
    assert vocabulary.canonical_region(spelling.title()) == code


def test_the_patterns_the_page_gets_are_the_parsers_compiled_ones():
    """No pattern is retyped: each emitted one is the translation of the parser's own object."""
    regex = rules(POLICY)["regex"]
    assert regex["header_line"] == js_regex(posting.HEADER_LINE)
    assert regex["tz_split"] == js_regex(posting.TZ_SPLIT) and regex["tz_split"]["flags"] == "ui"
    assert regex["deliverable_split"] == js_regex(posting.DELIVERABLE_SPLIT)
    assert regex["skill_key"] == js_regex(vocabulary.SKILL_KEY_DROP)
    assert posting.parse_timezones("UTC-3 to UTC+1") == posting.parse_timezones("utc-3 TO utc+1") == (-3, 1)


def test_formats_are_emitted_for_the_browser():
    f = rules(POLICY)["formats"]
    assert f == browser_formats() and f["numbers"]["rounding"] == "halfEven"
    assert f["slug"]["max_len"] == rules(POLICY)["max_slug_len"]


def test_rules_come_from_the_schema():
    r = rules(POLICY, {"x": "content/postings/x.md"}, {"https://a.example/x": "content/postings/x.md"})
    assert r["required"] == list(posting.REQUIRED) and r["known"] == list(posting.KNOWN)
    assert r["examples"] == posting.EXAMPLES
    assert r["pay_floors"]["USD"] == 15.0 and r["repository"] == "microboard/microboard"
    assert r["skill_index"]["js"] == "JavaScript"
    assert list(r["categories"])[0] == "software"  # order is kept: messages list categories in order
    assert r["taken"] == {"x": "content/postings/x.md"}


def test_rules_json_is_safe_in_a_script_element():
    r = rules(POLICY)
    r["examples"] = {**r["examples"], "title": "</script><!-- & \u2028"}
    text = rules_json(r)
    assert "</" not in text and "<!--" not in text and "\u2028" not in text
    assert json.loads(text)["examples"]["title"] == "</script><!-- & \u2028"


def test_js_regex_translates_python_only_syntax():
    pay = js_regex(posting._PAY)
    assert pay["flags"] == "ui" and "(?<cur1>" in pay["source"] and "(?P<" not in pay["source"]
    assert " " not in pay["source"].replace("\\u{20}", "")  # verbose whitespace is gone
    assert js_regex(r"^a$")["source"] == r"^a(?=\n?(?![\s\S]))"  # Python's $ allows one final newline
    assert js_regex(r"\d")["source"].startswith("[\\u{30}-\\u{39}\\u{660}-\\u{669}")  # Unicode digits, as in Python
    assert "\\u{3000}" in js_regex(r"\s")["source"]
    assert js_regex(r"[\d.]")["source"].startswith("[\\u{30}-\\u{39}")
    assert js_regex(r"a{2,3}\{")["source"] == r"a{2,3}\{"


@pytest.mark.parametrize("pattern", [r"(?P=x)", r"(?i)a", r"\1", r"\D"])
def test_js_regex_refuses_what_it_cannot_translate(pattern):
    with pytest.raises(ValueError):
        js_regex(pattern)


# ---- board.messages: one table, emitted; no message text typed into JavaScript ----------------

from pathlib import Path  # noqa: E402
import re  # noqa: E402

from board import messages as msgs  # noqa: E402

SUBMIT_JS = Path(__file__).resolve().parents[2] / "theme" / "static" / "js"


def test_the_page_gets_the_message_table():
    emitted = rules(POLICY)["messages"]
    assert emitted and emitted == msgs.table()
    assert set(emitted) == set(msgs.RULES)


@pytest.mark.parametrize("rule", sorted(msgs.RULES))
def test_every_template_reads_the_same_in_python_and_in_the_page(rule):
    """Only ``{name}`` placeholders (no format spec, no literal brace), so str.format and the
    page's one-pass replace fill them alike; the form sentence uses only the values the file
    message has, plus the field's label and what was entered."""
    r = msgs.RULES[rule]
    for template in (r.message, r.expected, r.form):
        assert re.sub(r"\{\w+\}", "", template).count("{") == 0 and "}" not in re.sub(r"\{\w+\}", "", template)
    given = msgs.placeholders(r.message) | msgs.placeholders(r.expected)
    assert msgs.placeholders(r.form) <= given | {"label", "entered", "example", "expected"}, rule
    assert r.form and r.form[0].isupper() or r.form.startswith("{label}"), rule
    assert "(expected" not in r.form and ".md" not in r.form.replace("{name}", "")


def test_no_message_text_is_copied_into_javascript():
    """Every fixed run of words of every message lives in board/messages.py only."""
    scripts = "\n".join(p.read_text(encoding="utf-8") for p in SUBMIT_JS.rglob("*.js"))
    found = []
    for rule, r in msgs.RULES.items():
        for template in (r.message, r.expected, r.form):
            for piece in re.split(r"\{\w+\}", template):
                piece = piece.strip(" ;:,.'—()")
                if len(piece) >= 14 and piece in scripts:
                    found.append((rule, piece))
    assert not found, found


def test_form_text_fills_the_label_and_what_was_entered():
    p = msgs.texts("hours.range", {"min": "60", "max": "60", "lo": "5", "hi": "40", "entered": "60"})
    assert p == ("60-60 is outside 5-40 total hours", "total project hours between 5 and 40, e.g. 15-20")
    assert (msgs.form_text("hours.range", {"lo": "5", "hi": "40", "entered": "60"}, "Total hours")
            == "Total hours must be between 5 and 40 — you entered 60")


def test_the_emitted_character_classes_are_the_plain_definitions():
    """The classes are found in C (``re`` over every character, one pass for the scripts);
    they must be exactly what the character-by-character definitions give."""
    from board import urls
    from board.charclasses import every_character

    chars = every_character()
    assert len(chars) == 0x110000 - 0x800 and chars[0x41] == "A" and chars[-1] == chr(0x10FFFF)
    assert br._whitespace() == "".join(chr(c) for c in range(0x110000) if chr(c).isspace())
    assert br._digit_zeros() == [c for c in range(0x110000)
                                 if unicodedata.category(chr(c)) == "Nd" and unicodedata.digit(chr(c)) == 0]
    pvalid = urls._pvalid()
    for script, rx in urls.host_classes().items():
        if script == "letter":
            continue
        word = script.upper()
        expected = [cp for cp in [*range(0x41, 0x2000), *(p for p in pvalid if p >= 0x2000)]
                    if unicodedata.category(chr(cp)).startswith("L")
                    and unicodedata.name(chr(cp), "").split(" ", 1)[0] == word]
        assert expected and rx.pattern == charclasses.ranges_class(sorted(set(expected)))
