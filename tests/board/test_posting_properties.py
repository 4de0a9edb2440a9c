"""Property tests: whatever text arrives, parse_posting returns problems, never raises."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings, strategies as st

from board.entry import Entry
from board.posting import KNOWN, parse_posting
from tests.board.board_testkit import NOW, POLICY, VALID_BODY, VALID_HEADER, make_posting

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALID = make_posting()
LABELS = [k for k, _ in VALID_HEADER] + ["Status", "Updated", "Last-Verified", "Apply-Email"]

# Characters that matter to the parsers: separators, signs, digits of other scripts,
# line breaks of every kind, controls, bidi overrides, currency symbols.
TRICKY = st.sampled_from(list(":,;-–—−+.…/\\ \t\n\r\x0b\x0c\x1c\x85\u2028\u2029\x00\x07\x1b\x7f\u200b\u202e"
                              "\u2066$€£₹¥0123456789٣߃𝟘<>&\"'`#*[]()@%Zz") + ["UTC", "USD", "total", "per hour",
                                                                            "https://", "javascript:", "\ufeff"])
TEXTISH = st.text(max_size=60)
VALUE = st.one_of(TEXTISH, st.lists(st.one_of(TRICKY, st.characters()), max_size=12).map("".join))


def assert_well_formed(text: str, name: str = "fuzz-posting.md"):
    entry, problems = parse_posting(Path(name), POLICY, NOW, text=text)
    assert (entry is None) == bool(problems)
    n_lines = len(text.splitlines())
    for p in problems:
        assert isinstance(p.field, str) and p.field
        assert isinstance(p.message, str) and p.message
        assert p.line is None or 1 <= p.line <= n_lines + 2
        line = p.format(name)
        assert line.startswith(f"{name}:")
    if entry is not None:
        assert Entry.from_dict(json.loads(json.dumps(entry.to_dict()))) == entry
    return entry, problems


@SETTINGS
@given(st.text(max_size=400))
def test_random_text_never_raises(text):
    assert_well_formed(text)


@SETTINGS
@example([("Title", "\ud800")], "body \udfff")  # lone surrogates once crashed nh3
@given(st.lists(st.tuples(st.sampled_from(LABELS + ["X", "Titel", "apply_by"]), VALUE), max_size=20), TEXTISH)
def test_random_headers_never_raise(pairs, body):
    text = "\n".join(f"{k}: {v}" for k, v in pairs) + "\n\n" + body
    assert_well_formed(text)


@SETTINGS
@example({"Posted": "0001-01-01T00:00+05:00"})  # once raised OverflowError
@example({"Apply-By": "9999-12-31T23:00-05:00"})
@example({"Hours": "٣٠", "Pay": "𝟘 USD total"})
@example({"Hours": "0", "Pay": "0 USD total"})
@example({"Pay": "9" * 400 + " USD total"})
@example({"Organization-URL": "https://[harvestshare.example.org"})  # urlsplit raised ValueError
@example({"Apply-URL": "https://example.org]/x"})
@example({"Hours": "15-0"})  # once raised ZeroDivisionError in the pay-floor check
@given(st.dictionaries(st.sampled_from([k for k, _ in VALID_HEADER]), VALUE, min_size=1, max_size=6))
def test_valid_posting_with_random_values_never_raises(changes):
    lines = [f"{k}: {changes.get(k, v)}" for k, v in VALID_HEADER]
    assert_well_formed("\n".join(lines) + "\n\n" + VALID_BODY)


@st.composite
def mutated(draw):
    text = VALID
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["insert", "delete", "replace", "dup-line", "swap-lines", "drop-line"]))
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 20)))
        if op == "insert":
            text = text[:i] + draw(VALUE) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "replace":
            text = text[:i] + draw(VALUE) + text[j:]
        else:
            lines = text.split("\n")
            a = draw(st.integers(0, len(lines) - 1))
            b = draw(st.integers(0, len(lines) - 1))
            if op == "dup-line":
                lines.insert(b, lines[a])
            elif op == "swap-lines":
                lines[a], lines[b] = lines[b], lines[a]
            elif len(lines) > 1:
                del lines[a]
            text = "\n".join(lines)
    return text


@SETTINGS
@given(mutated())
def test_mutated_valid_postings_never_raise(text):
    assert_well_formed(text)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["fuzz.md", "Bad Name.md", "ok-name.md"]))
def test_random_bytes_from_disk_never_raise(data, name):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / name
        path.write_bytes(make_posting().encode()[:50] + data)
        entry, problems = parse_posting(path, POLICY, NOW)
        assert (entry is None) == bool(problems)
        for p in problems:
            p.format(str(path))


def test_known_keys_fuzz_labels_cover_every_key():
    assert {k.lower() for k in LABELS} <= set(KNOWN)
