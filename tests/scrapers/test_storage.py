"""scrapers.storage: file shape, atomic writes, and the nothing-is-lost guarantees."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import timedelta

import pytest

from board.entry import Entry
from scrapers import storage
from scrapers.storage import Guard, SourceState, Store

from .conftest import NOW, make_entry

DAY = timedelta(days=1)


def run_once(store: Store, name: str, fresh: list[Entry], records: int | None = None, now=NOW, **kw):
    previous = store.load_entries(name)
    state = store.load_state(name)
    entries, state, outcome = storage.apply_run(name, previous, fresh, len(fresh) if records is None else records,
                                                state, now, **kw)
    store.save_entries(name, entries, now)
    store.save_state(name, state)
    return outcome


def by_slug(store: Store, name: str) -> dict[str, Entry]:
    return {e.slug: e for e in store.load_entries(name)}


def test_file_shape_is_sorted_pretty_json_readable_by_entry_from_dict(tmp_path):
    store = Store(tmp_path)
    fresh = [make_entry("src", "2", "Keep Zeta"), make_entry("src", "1", "Keep Alpha")]
    run_once(store, "src", fresh)
    text = (tmp_path / "src.json").read_text()
    data = json.loads(text)
    assert set(data) == {"source", "updated", "entries"} and data["source"] == "src"
    assert [e["slug"] for e in data["entries"]] == ["acme-keep-alpha", "acme-keep-zeta"]
    assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    back = [Entry.from_dict(e) for e in data["entries"]]
    assert back[0].first_seen == NOW and back[0].last_seen == NOW
    assert back[0].source.ids == ("src:1",)
    assert (tmp_path / ".state" / "src.json").exists()


def test_unchanged_run_rewrites_nothing(tmp_path):
    store = Store(tmp_path)
    fresh = [make_entry("src", "1", "Keep Alpha")]
    run_once(store, "src", fresh)
    before = (tmp_path / "src.json").read_bytes(), (tmp_path / ".state" / "src.json").read_bytes()
    run_once(store, "src", fresh, now=NOW + timedelta(hours=6))  # within the seen resolution
    after = (tmp_path / "src.json").read_bytes(), (tmp_path / ".state" / "src.json").read_bytes()
    assert before == after
    run_once(store, "src", fresh, now=NOW + DAY)
    assert by_slug(store, "src")["acme-keep-alpha"].last_seen == NOW + DAY
    assert by_slug(store, "src")["acme-keep-alpha"].first_seen == NOW


def test_failed_source_keeps_entries_untouched(tmp_path):
    store = Store(tmp_path)
    run_once(store, "src", [make_entry("src", "1", "Keep Alpha")])
    before = (tmp_path / "src.json").read_bytes()
    state, outcome = storage.apply_failure(store.load_state("src"), "http-500: HTTP 500", NOW + DAY)
    store.save_state("src", state)
    assert outcome.action == "failed"
    assert (tmp_path / "src.json").read_bytes() == before
    assert store.load_state("src").failing_since == NOW + DAY
    assert store.load_state("src").last_error.startswith("http-500")
    state, _ = storage.apply_failure(store.load_state("src"), "http-500: HTTP 500", NOW + 2 * DAY)
    assert not store.save_state("src", state)  # still down, same error: nothing to commit
    run_once(store, "src", [make_entry("src", "1", "Keep Alpha")], now=NOW + 3 * DAY)
    assert store.load_state("src").failing_since is None and store.load_state("src").last_error is None


def test_disappeared_entry_is_closed_not_deleted_and_can_reopen(tmp_path):
    store = Store(tmp_path)
    a, b = make_entry("src", "1", "Keep Alpha"), make_entry("src", "2", "Keep Beta")
    run_once(store, "src", [a, b])
    outcome = run_once(store, "src", [a], records=2, now=NOW + DAY)
    entries = by_slug(store, "src")
    assert outcome.closed == 1
    assert entries["acme-keep-beta"].status == "closed"
    assert entries["acme-keep-beta"].first_seen == NOW
    assert entries["acme-keep-alpha"].status == "open"
    outcome = run_once(store, "src", [a, b], now=NOW + 2 * DAY)
    assert outcome.reopened == 1 and by_slug(store, "src")["acme-keep-beta"].status == "open"


def test_empty_run_does_not_wipe_until_confirmed_over_three_runs(tmp_path):
    store = Store(tmp_path)
    fresh = [make_entry("src", str(i), f"Keep Job {i}") for i in range(10)]
    run_once(store, "src", fresh)
    for n in (1, 2):
        outcome = run_once(store, "src", [], records=0, now=NOW + n * DAY)
        assert outcome.action == "held" and outcome.closed == 0 and outcome.held_back == 10
        assert all(e.status == "open" for e in store.load_entries("src"))
        assert store.load_state("src").consecutive_short == n
    outcome = run_once(store, "src", [], records=0, now=NOW + 3 * DAY)
    assert outcome.action == "confirmed" and outcome.closed == 10
    assert len(store.load_entries("src")) == 10  # closed, still there
    assert all(e.status == "closed" for e in store.load_entries("src"))
    assert store.load_state("src").consecutive_short == 0 and store.load_state("src").last_count == 0


def test_sharp_shrink_is_held_but_new_entries_still_arrive(tmp_path):
    store = Store(tmp_path)
    old = [make_entry("src", str(i), f"Keep Job {i}") for i in range(10)]
    run_once(store, "src", old, records=100)
    new = make_entry("src", "new", "Keep Newcomer")
    outcome = run_once(store, "src", [old[0], new], records=40, now=NOW + DAY)  # 40 < 50% of 100
    entries = by_slug(store, "src")
    assert outcome.action == "held" and outcome.new == 1 and outcome.closed == 0
    assert entries["acme-keep-newcomer"].status == "open"
    assert all(e.status == "open" for e in entries.values())


def test_a_normal_run_resets_the_shrink_counter(tmp_path):
    store = Store(tmp_path)
    fresh = [make_entry("src", str(i), f"Keep Job {i}") for i in range(4)]
    run_once(store, "src", fresh)
    run_once(store, "src", [], records=0, now=NOW + DAY)
    run_once(store, "src", fresh, now=NOW + 2 * DAY)
    assert store.load_state("src").consecutive_short == 0
    outcome = run_once(store, "src", [], records=0, now=NOW + 3 * DAY)
    assert outcome.action == "held"  # the count starts again


def test_entries_whose_record_errored_are_not_closed(tmp_path):
    store = Store(tmp_path)
    a, b = make_entry("src", "1", "Keep Alpha"), make_entry("src", "2", "Keep Beta")
    run_once(store, "src", [a, b])
    outcome = run_once(store, "src", [a], records=2, now=NOW + DAY, uncertain_ids=frozenset({"src:2"}))
    assert outcome.closed == 0 and by_slug(store, "src")["acme-keep-beta"].status == "open"


def test_not_modified_bumps_last_seen_of_open_entries_only(tmp_path):
    store = Store(tmp_path)
    a = make_entry("src", "1", "Keep Alpha")
    closed = make_entry("src", "2", "Keep Beta", status="closed", last_seen=NOW - 5 * DAY, first_seen=NOW - 9 * DAY)
    store.save_entries("src", [replace(a, first_seen=NOW, last_seen=NOW), closed], NOW)
    entries, _state, outcome = storage.apply_not_modified(store.load_entries("src"), SourceState(), NOW + 2 * DAY)
    got = {e.slug: e for e in entries}
    assert outcome.action == "not-modified"
    assert got["acme-keep-alpha"].last_seen == NOW + 2 * DAY
    assert got["acme-keep-beta"].last_seen == NOW - 5 * DAY


def test_atomic_write_failure_leaves_old_file_intact(tmp_path):
    path = tmp_path / "src.json"
    storage.atomic_write_json(path, {"entries": [1, 2, 3]})
    before = path.read_bytes()
    with pytest.raises(TypeError):
        # json.dump fails half-way through (the object is not serializable): a real
        # mid-write failure, after part of the temp file has been written.
        storage.atomic_write_json(path, {"a": "x" * 100_000, "z": object()})
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["src.json"]  # no temp file left behind


def test_atomic_write_into_unwritable_folder_leaves_old_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions")
    path = tmp_path / "src.json"
    storage.atomic_write_json(path, {"v": 1})
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(PermissionError):
            storage.atomic_write_json(path, {"v": 2})
    finally:
        tmp_path.chmod(0o700)
    assert json.loads(path.read_text()) == {"v": 1}


def test_stale_temp_files_are_cleaned_but_fresh_ones_kept(tmp_path):
    store = Store(tmp_path)
    old = tmp_path / ".src.json.abc.tmp"
    new = tmp_path / ".src.json.def.tmp"
    old.write_text("{")
    new.write_text("{")
    now = 1_795_000_000.0  # a fixed clock: file times are set, not read from the machine's date
    os.utime(old, (now - 7200, now - 7200))
    os.utime(new, (now - 60, now - 60))
    assert store.clean_stale_temp(now=now) == [old]
    assert new.exists() and not old.exists()


def test_corrupt_file_is_an_error_not_an_empty_board(tmp_path):
    (tmp_path / "src.json").write_text('{"entries": [')
    with pytest.raises(storage.StorageError):
        Store(tmp_path).load_entries("src")


def test_unsafe_source_names_are_refused(tmp_path):
    with pytest.raises(storage.StorageError):
        Store(tmp_path).entries_path("../../etc/passwd")


# ---- dedupe ------------------------------------------------------------------------


def test_same_apply_url_from_two_sources_is_one_entry_in_the_first_sources_file(tmp_path):
    store = Store(tmp_path)
    url = "https://jobs.example.org/acme/42"
    run_once(store, "alpha", [make_entry("alpha", "a1", "Keep Data Cleanup", apply=url)], now=NOW)
    run_once(store, "beta", [make_entry("beta", "b7", "Keep Data cleanup project",
                                        apply="http://www.jobs.example.org/acme/42/?utm_source=x")], now=NOW + DAY)
    result = storage.dedupe_store(store, NOW + DAY)
    assert len(result.merged) == 1
    alpha, beta = store.load_entries("alpha"), store.load_entries("beta")
    assert beta == []
    assert len(alpha) == 1
    assert alpha[0].source.ids == ("alpha:a1", "beta:b7")
    assert alpha[0].first_seen == NOW
    # Idempotent: another pass, and the next run of beta re-adding its copy, change nothing.
    assert storage.dedupe_store(store, NOW + DAY).merged == []
    run_once(store, "beta", [make_entry("beta", "b7", "Keep Data cleanup project", apply=url)], now=NOW + 2 * DAY)
    storage.dedupe_store(store, NOW + 2 * DAY)
    assert store.load_entries("beta") == [] and store.load_entries("alpha")[0].source.ids == ("alpha:a1", "beta:b7")


def test_same_organization_and_title_is_one_entry(tmp_path):
    files = {
        "beta": [replace(make_entry("beta", "9", "Keep Survey Analysis", apply="https://b.example/x"),
                         first_seen=NOW - DAY)],
        "alpha": [replace(make_entry("alpha", "3", "Keep Survey Analysis", apply="https://a.example/y"),
                          first_seen=NOW)],
    }
    result = storage.dedupe(files)
    assert result.files["alpha"] == [] and len(result.files["beta"]) == 1  # beta saw it first
    assert result.files["beta"][0].source.ids == ("alpha:3", "beta:9")
    assert result.changed == {"alpha", "beta"}
    again = storage.dedupe(result.files)
    assert again.merged == [] and again.changed == set()


def test_open_copy_wins_over_a_closed_one(tmp_path):
    files = {
        "alpha": [replace(make_entry("alpha", "1", "Keep Logo Sprint"), first_seen=NOW - 9 * DAY, status="closed")],
        "beta": [replace(make_entry("beta", "2", "Keep Logo Sprint"), first_seen=NOW)],
    }
    result = storage.dedupe(files)
    assert result.files["alpha"] == []
    [entry] = result.files["beta"]
    assert entry.status == "open" and entry.first_seen == NOW - 9 * DAY


def test_same_source_entries_are_never_merged(tmp_path):
    files = {"alpha": [make_entry("alpha", "1", "Keep Tutor", apply="https://x.example/1"),
                       make_entry("alpha", "2", "Keep Tutor", apply="https://x.example/2")]}
    assert len(storage.dedupe(files).files["alpha"]) == 2


def test_normalize_url():
    n = storage.normalize_url
    assert n("HTTP://WWW.Example.org:443/jobs/1/?utm_medium=x&b=2&a=1#apply") == "https://example.org/jobs/1?a=1&b=2"
    assert n("https://example.org/jobs/1") != n("https://example.org/jobs/2")


def test_stale_temp_files_of_the_review_queue_are_cleaned_too(tmp_path):
    store = Store(tmp_path)
    (tmp_path / "review").mkdir()
    old = tmp_path / "review" / ".src.json.abc.tmp"
    old.write_text("{")
    os.utime(old, (0, 0))
    assert store.clean_stale_temp() == [old]


def test_a_stored_posting_keeps_the_slug_it_was_published_under(tmp_path):
    """Issue 18 (item 13): the slug hash changed to read source and id as a pair; a posting
    already stored keeps its slug (its page does not move) when the next run gives it another."""
    store = Store(tmp_path)
    run_once(store, "src", [make_entry("src", "1", "Keep Alpha")])
    renamed = replace(make_entry("src", "1", "Keep Alpha"), slug="acme-keep-alpha-0a1b2c")
    run_once(store, "src", [renamed], now=NOW + DAY)
    assert list(by_slug(store, "src")) == ["acme-keep-alpha"]
