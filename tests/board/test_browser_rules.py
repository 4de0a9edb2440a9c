"""board.browser_rules: the rules the Submit page gets are the parser's own (no browser needed)."""

from __future__ import annotations

import inspect
import json

import pytest

from board import posting
from board.browser_rules import HEADER_LINE, TZ_SPLIT, js_regex, rules, rules_json
from tests.board.board_testkit import POLICY


def test_inline_regexes_are_still_the_parsers():
    """The two patterns written inline in board/posting.py are mirrored verbatim."""
    assert f'r"{HEADER_LINE}"' in inspect.getsource(posting.read_header)
    assert f'r"{TZ_SPLIT}"' in inspect.getsource(posting.parse_timezones)


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
