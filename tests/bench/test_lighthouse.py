"""The bench's Lighthouse part, run for real on a tiny board (one page, mobile).

It checks that Lighthouse really ran against our local server (four category scores that
are numbers in 0..1, the report's URL is the page we asked for, no request left
127.0.0.1) and that the bench's table carries a row per category. It never looks at how
high a score is or how long anything took: that is what ``make bench`` records.
"""

from __future__ import annotations

import math

import pytest

from bench import lighthouse
from bench.__main__ import PARTS, table

pytestmark = pytest.mark.browser

N = 20


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    reason = lighthouse.missing()
    if reason:
        pytest.skip(f"Lighthouse cannot run here: {reason}")
    return lighthouse.run(N, pages=("home",), keep=tmp_path_factory.mktemp("lh"), log=lambda m: None)


def test_lighthouse_is_part_of_the_default_bench_run():
    assert "lighthouse" in PARTS


def test_lighthouse_scored_the_page_in_every_category(result):
    assert result["n_open"] > 0
    assert result["version"], "the report names no Lighthouse version"
    assert list(result["pages"]) == ["home"]
    page = result["pages"]["home"]
    assert page["runtime_error"] is None, page["warnings"]
    assert page["url"].startswith("http://127.0.0.1:")
    assert set(page["scores"]) == set(lighthouse.CATEGORIES)
    for category, score in page["scores"].items():
        assert isinstance(score, float | int) and not math.isnan(score), category
        assert 0 <= score <= 1, (category, score)
    assert page["requests"] > 0, "Lighthouse saw no request: it did not load the page"


def test_the_run_stayed_offline(result):
    assert result["pages"]["home"]["external_requests"] == []


def test_every_lost_point_names_its_audit(result):
    for category, losses in result["pages"]["home"]["losses"].items():
        for loss in losses:
            assert loss["id"] and 0 <= loss["score"] < 1, (category, loss)


def test_the_table_has_a_row_per_category_and_the_offline_check(result):
    rows = lighthouse.rows(result)
    assert len(rows) == len(lighthouse.CATEGORIES) + 1
    for row, category in zip(rows, lighthouse.CATEGORIES):
        assert category in row[0] and row[2] == "100" and row[3] in ("yes", "**no**")
    assert "lighthouse" in table(rows)


def test_a_missing_lighthouse_is_a_row_that_says_why(monkeypatch, tmp_path):
    monkeypatch.setenv("LIGHTHOUSE", str(tmp_path / "no-lighthouse"))
    r = lighthouse.run(N, log=lambda m: None)
    assert "skipped" in r
    assert "Lighthouse is not installed" in r["skipped"] or "Node.js" in r["skipped"], r["skipped"]
    (row,) = lighthouse.rows(r)
    assert row[3] == "n/a" and row[1] == r["skipped"]
