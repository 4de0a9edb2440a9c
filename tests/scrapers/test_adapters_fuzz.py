"""Property: whatever happens to a payload on the way (truncation, flipped bytes, fields of
the wrong type), an adapter's parse raises ParseError or yields well-typed records, and
curation decides every record without raising."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrapers import adapters
from scrapers.curation import CurationRules, REASONS, curate
from scrapers.record import ParseError, RawRecord, SourceConfig

from .support import FIXTURES, NOW, POLICY

FILES = {
    "greenhouse": "greenhouse.json", "lever": "lever.json", "ashby": "ashby.json", "workable": "workable.json",
    "smartrecruiters": "smartrecruiters.json", "recruitee": "recruitee.json", "remoteok": "remoteok.json",
    "remotive": "remotive.json", "himalayas": "himalayas.json", "jobicy": "jobicy.json", "arbeitnow": "arbeitnow.json",
    "feed": "feed.xml", "jsonfeed": "jsonfeed.json", "jsonld": "jsonld.html", "hn_algolia": "hn_algolia.json",
}
BODIES = {kind: (FIXTURES / name).read_bytes() for kind, name in FILES.items()}
WRONG = st.sampled_from([None, True, 0, -1, 1e308, "", "x" * 5000, "javascript:alert(1)", [], [None], {}, {"@type": 5},
                         "<script>alert(1)</script>", "2026-02-30", "\x00\u202e"])
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(kind: str, body: bytes) -> None:
    src = SourceConfig(name=f"fuzz-{kind}", kind=kind, url="https://api.example.org/x", organization="Fuzz Org")
    try:
        records = list(adapters.get(kind).parse(body, src))
    except ParseError:
        return
    for r in records:
        assert isinstance(r, RawRecord) and isinstance(r.title, str) and isinstance(r.source_id, str)
        assert curate(r, src, CurationRules(), POLICY, NOW).reason in REASONS


def paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += paths(v, prefix + (i,))
    return out


def set_at(node: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    node[path[0]] = set_at(node[path[0]], path[1:], value)
    return node


@given(kind=st.sampled_from(sorted(FILES)), data=st.data())
@FUZZ
def test_truncated_payloads(kind, data):
    body = BODIES[kind]
    check(kind, body[: data.draw(st.integers(0, len(body)))])


@given(kind=st.sampled_from(sorted(FILES)), data=st.data())
@FUZZ
def test_flipped_bytes(kind, data):
    body = bytearray(BODIES[kind])
    for _ in range(data.draw(st.integers(1, 8))):
        i = data.draw(st.integers(0, len(body) - 1))
        body[i] = data.draw(st.integers(0, 255))
    check(kind, bytes(body))


@given(kind=st.sampled_from(sorted(k for k, n in FILES.items() if n.endswith(".json"))), data=st.data())
@FUZZ
def test_wrongly_typed_fields(kind, data):
    doc = json.loads(BODIES[kind])
    for _ in range(data.draw(st.integers(1, 4))):
        path = data.draw(st.sampled_from(paths(doc)))
        doc = set_at(doc, path, copy.deepcopy(data.draw(WRONG)))
    check(kind, json.dumps(doc).encode())
