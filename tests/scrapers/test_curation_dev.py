"""The labelled development set: every case decided as its sidecar says, and the targets met.

Each case is a payload in its adapter's real wire format under ``curation_dev/<kind>/``
with ``<case>.expect.toml`` beside it (class, outcome, reason): feedparser-style data-driven
tests. Add a case by adding the two files. The loader and the figures are
``bench.curation``'s, so the benchmark and these tests count the same way.

A case whose sidecar has ``pending = "why"`` is a known miss: a blind batch's case the rules
still decide wrongly, kept with its true label so the set measures honestly. It must stay
wrong (a rule that fixes it fails the test until the flag goes) and a near-miss among them
must never be kept (a rule that starts publishing it fails at once), and the targets are
asserted over the settled cases, so a known miss never hides a regression elsewhere;
``make bench`` reports the figures over every case.
"""

from __future__ import annotations

import collections

import pytest

from bench.curation import NOW, TARGETS, dev_cases, decide_case, shared_records
from board.policy import load_policy
from scrapers.curation import REASONS, CurationRules, curate

from ..conftest import shared_or_skip

CASES = dev_cases()
POLICY = load_policy()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_gets_its_expected_outcome_and_reason(case):
    decisions = decide_case(case, POLICY)
    assert len(decisions) == 1, f"{case.name}: the payload should hold one record"
    d = decisions[0]
    assert case.reason in REASONS and case.outcome in ("keep", "review", "reject")
    if case.pending:
        assert (d.outcome, d.reason) != (case.outcome, case.reason), \
            f"{case.name} is decided as labelled now: remove its `pending` line"
        # a known miss may be decided wrongly in its own way, never by publishing a near-miss
        assert not (case.cls == "near-miss" and d.outcome == "keep"), \
            f"{case.name}: a near-miss is kept ({d.reason}: {d.detail})"
        pytest.xfail(f"known miss: {case.pending} (decided {d.outcome} {d.reason})")
    assert (d.outcome, d.reason) == (case.outcome, case.reason), d.detail
    assert d.detail and d.evidence, "every decision carries its detail and quoted evidence"
    if d.outcome == "keep":
        assert d.entry is not None and d.entry.hours and d.entry.compensation
        if case.apply_by is not None:  # the deadline the entry carries, from a field or the prose
            assert (d.entry.apply_by.date().isoformat() if d.entry.apply_by else "none") == case.apply_by
    else:
        assert d.entry is None or not d.keep


def test_dev_set_is_big_varied_and_meets_the_targets():
    by_class: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    kinds: dict[str, set[str]] = collections.defaultdict(set)
    for case in (c for c in CASES if not c.pending):
        by_class[case.cls][decide_case(case, POLICY)[0].outcome] += 1
        kinds[case.cls].add(case.kind)
    micro, miss = by_class["micro"], by_class["near-miss"]
    assert sum(micro.values()) >= 60 and sum(miss.values()) >= 60
    every = {"greenhouse", "lever", "ashby", "workable", "remoteok", "remotive", "jsonld", "feed", "hn_algolia"}
    assert kinds["micro"] >= every and kinds["near-miss"] >= every
    assert micro["reject"] == 0, "a micro-internship is kept or reviewed, never rejected"
    # The keep rate (target TARGETS["micro_kept"]) is a figure, reported by `make bench` over
    # every case, known misses included; here each settled case is pinned by the test above,
    # so the rate cannot fall without a case failing there.
    assert miss["keep"] / sum(miss.values()) <= TARGETS["near_miss_kept"]


def test_real_shared_records_none_kept_and_almost_none_in_review():
    shared_or_skip("corpus", "payloads")
    outcomes = collections.Counter(curate(r, src, CurationRules(), POLICY, NOW).outcome for r, src in shared_records())
    assert sum(outcomes.values()) >= 500
    assert outcomes["keep"] == 0
    assert outcomes["review"] <= TARGETS["shared_review"] * sum(outcomes.values())
