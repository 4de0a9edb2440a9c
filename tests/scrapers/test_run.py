"""scrapers.run end to end: real HTTP from a local server, a tiny registered adapter,
failures injected per source, 304 reuse, shards and merge, the CLI, and a SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pytest
from werkzeug import Request, Response as WResponse

from board.entry import format_datetime
from scrapers import run as runner
from scrapers import storage
from scrapers.__main__ import main
from scrapers.config import Config, load_config
from scrapers.record import SourceConfig

from .support import NOW as SUPPORT_NOW, greenhouse_with_prose_deadline
from .conftest import ADAPTERS, NOW, DripServer, curate, fast_settings, free_port, get_adapter, jobs, make_adapter, make_entry, source

REPO = Path(__file__).resolve().parents[2]


def do_run(config: Config, out: Path, **kw) -> runner.RunResult:
    kw.setdefault("http", fast_settings())
    kw.setdefault("curate", curate)
    kw.setdefault("get_adapter", get_adapter)
    kw.setdefault("now", NOW)
    return runner.run(config, out, **kw)


def by_name(result: runner.RunResult) -> dict[str, runner.SourceResult]:
    return {s.name: s for s in result.sources}


def requests_to(server, path: str):
    return [req for req, _ in server.log if req.path == path]


def test_run_keeps_rejects_explains_and_writes(server, tmp_path):
    server.expect_request("/a").respond_with_json(jobs(("1", "Keep Data Sprint"), ("2", "Senior Engineer"),
                                                       ("3", "Keep Logo Refresh", "Bakery")))
    server.expect_request("/b").respond_with_json(jobs(("9", "Barista")))
    config = Config([source("alpha", server.url_for("/a")), source("beta", server.url_for("/b"))])
    result = do_run(config, tmp_path, explain=True)
    a, b = by_name(result)["alpha"], by_name(result)["beta"]
    assert (a.status, a.fetched, a.kept, dict(a.rejected)) == ("ok", 3, 2, {"not-micro-internship": 1})
    assert (b.status, b.fetched, b.kept) == ("ok", 1, 0)
    data = json.loads((tmp_path / "alpha.json").read_text())
    assert [e["slug"] for e in data["entries"]] == ["acme-keep-data-sprint", "bakery-keep-logo-refresh"]
    assert data["entries"][0]["source"]["ids"] == ["alpha:1"]
    assert json.loads((tmp_path / "beta.json").read_text())["entries"] == []
    assert any("\tREJECT\tnot-micro-internship\t2\tSenior Engineer" in line for line in a.explain)
    assert any("\tKEEP\tkept-explicit-hours\t1\t" in line for line in a.explain)
    table = runner.format_summary(result)
    assert "rejected (by reason)" in table and "not-micro-internship 1" in table
    summary = result.to_dict()
    assert summary["totals"]["kept"] == 2 and summary["sources"][0]["rejected"] == {"not-micro-internship": 1}


def test_disabled_and_reuse_forbidden_sources_are_skipped_without_a_request(server, tmp_path):
    server.expect_request("/x").respond_with_json(jobs())
    config = Config([source("off", server.url_for("/x"), enabled=False),
                     source("forbidden", server.url_for("/x"), reuse_allowed=False)])
    result = by_name(do_run(config, tmp_path))
    assert result["off"].status == "skipped" and "enabled" in result["off"].reason
    assert result["forbidden"].status == "skipped" and "terms" in result["forbidden"].reason
    assert server.log == []
    assert not (tmp_path / "off.json").exists()


@pytest.mark.parametrize("inject, code", [
    (lambda s: s.expect_request("/bad").respond_with_data('{"jobs": [{"id": 1,', content_type="application/json"),
     "parse"),
    (lambda s: s.expect_request("/bad").respond_with_json({"jobs": [{"id": 1, "title": "x", "crash": True}]}),
     "adapter-crash"),
    (lambda s: s.expect_request("/bad").respond_with_data("<html/>", content_type="text/html"), "content-type"),
    (lambda s: s.expect_request("/bad").respond_with_data("oops", status=500), "http-500"),
    (lambda s: s.expect_request("/bad").respond_with_data("x" * 3000, content_type="application/json"), "too-large"),
])
def test_a_failing_source_keeps_its_entries_and_the_run_goes_on(server, tmp_path, inject, code):
    server.expect_oneshot_request("/bad").respond_with_json(jobs(("1", "Keep Data Sprint")))
    server.expect_request("/good").respond_with_json(jobs(("5", "Keep Copy Edit")))
    config = Config([source("flaky", server.url_for("/bad")), source("steady", server.url_for("/good"))])
    http = fast_settings(max_bytes=2000)
    do_run(config, tmp_path, http=http)
    before = (tmp_path / "flaky.json").read_bytes()
    inject(server)
    result = by_name(do_run(config, tmp_path, http=http, now=NOW.replace(day=20)))
    assert result["flaky"].status == "failed" and result["flaky"].reason.startswith(code)
    assert result["flaky"].errors == 1
    assert result["steady"].status in ("ok", "not-modified")
    assert (tmp_path / "flaky.json").read_bytes() == before
    state = storage.Store(tmp_path).load_state("flaky")
    assert state.failing_since == NOW.replace(day=20) and state.last_error.startswith(code)


def test_entries_are_read_after_the_fetch_and_an_unreadable_file_still_fails_only_its_source(server, tmp_path):
    """A source's stored entries are read once its requests are answered (so 200 threads reading
    files do not hold back the hosts' first requests). The server proves the order: answering
    the request, it makes the file unreadable, and the run sees that. Such a file still fails
    only that source, with ``storage``, untouched and with no failure counted; and a failed
    fetch still reports how many entries the source keeps."""
    server.expect_request("/b").respond_with_json(jobs(("2", "Keep Copy Edit"), ("3", "Keep Logo Refresh")))
    server.expect_oneshot_request("/a").respond_with_json(jobs(("1", "Keep Data Sprint")))
    config = Config([source("broken", server.url_for("/a")), source("steady", server.url_for("/b"))])
    do_run(config, tmp_path)
    state_before = storage.Store(tmp_path).load_state("broken")

    def spoil_then_answer(req: Request) -> WResponse:
        (tmp_path / "broken.json").write_text('{"entries": 7}', encoding="utf-8")
        return WResponse(json.dumps(jobs(("1", "Keep Data Sprint"))), content_type="application/json")

    server.expect_request("/a").respond_with_handler(spoil_then_answer)
    result = by_name(do_run(config, tmp_path, now=NOW.replace(day=20)))
    assert result["broken"].status == "failed" and result["broken"].reason.startswith("storage: ")
    assert (tmp_path / "broken.json").read_text(encoding="utf-8") == '{"entries": 7}'
    assert storage.Store(tmp_path).load_state("broken") == state_before
    assert result["steady"].status in ("ok", "not-modified") and result["steady"].total == 2
    server.expect_request("/gone").respond_with_data("oops", status=404)
    moved = Config([source("steady", server.url_for("/gone"))])
    failed = by_name(do_run(moved, tmp_path, now=NOW.replace(day=21)))["steady"]
    assert failed.status == "failed" and failed.reason.startswith("http-404") and failed.total == 2


def test_connection_refused_is_reported_per_source(tmp_path):
    config = Config([source("nowhere", f"http://127.0.0.1:{free_port()}/jobs")])
    result = by_name(do_run(config, tmp_path))["nowhere"]
    assert result.status == "failed" and result.reason.startswith("connect")


def test_a_source_on_a_private_host_fails_blocked_host_and_keeps_its_entries(server, tmp_path):
    server.expect_request("/a").respond_with_json(jobs(("1", "Keep Data Sprint")))
    config = Config([source("alpha", server.url_for("/a"))])
    do_run(config, tmp_path)
    before = (tmp_path / "alpha.json").read_bytes()
    production = fast_settings(allow_private_hosts=False)
    result = by_name(do_run(config, tmp_path, http=production, now=NOW.replace(day=20)))["alpha"]
    assert result.status == "failed" and result.reason.startswith("blocked-host: 127.0.0.1 is a loopback address")
    assert (tmp_path / "alpha.json").read_bytes() == before
    assert len(requests_to(server, "/a")) == 1  # only the first, allowed, run


def test_a_source_past_its_deadline_fails_and_keeps_its_last_good_entries(server, tmp_path):
    server.expect_request("/a").respond_with_json(jobs(("1", "Keep Data Sprint")))
    server.expect_request("/b").respond_with_json(jobs(("5", "Keep Copy Edit")))
    do_run(Config([source("slow", server.url_for("/a")), source("steady", server.url_for("/b"))]), tmp_path)
    before = (tmp_path / "slow.json").read_bytes()
    started = time.monotonic()
    with DripServer("length") as drip:  # every byte in time for read_timeout, the whole never
        config = Config([source("slow", drip.url), source("steady", server.url_for("/b"))])
        result = by_name(do_run(config, tmp_path, http=fast_settings(source_timeout=1.0, total_timeout=60.0),
                                now=NOW.replace(day=20)))
    assert time.monotonic() - started < 30  # a hang guard only
    assert result["slow"].status == "failed"
    assert result["slow"].reason.startswith("deadline: source deadline of 1 s passed")
    assert result["steady"].status in ("ok", "not-modified")
    assert (tmp_path / "slow.json").read_bytes() == before
    assert storage.Store(tmp_path).load_state("slow").last_error.startswith("deadline")


def test_a_run_past_its_deadline_starts_no_more_sources_and_reports_them_not_run(server, tmp_path):
    server.expect_request("/q").respond_with_json(jobs(("1", "Keep Quick One")))
    with DripServer("close") as drip:
        # Three sources on the dripping host: one holds the host, two queue behind it.
        config = Config([source("quick", server.url_for("/q")), source("stuck", drip.url),
                         source("later-1", drip.url.replace("/jobs", "/jobs?2")),
                         source("later-2", drip.url.replace("/jobs", "/jobs?3"))])
        started = time.monotonic()
        result = do_run(config, tmp_path, http=fast_settings(run_timeout=1.5, total_timeout=60.0))
        assert time.monotonic() - started < 30  # a hang guard only
    statuses = {s.name: s.status for s in result.sources}
    assert statuses == {"quick": "ok", "stuck": "not-run", "later-1": "not-run", "later-2": "not-run"}
    assert drip.hits == 1  # the queued sources never sent a request
    assert all("run deadline of 1.5 s passed" in by_name(result)[n].reason for n in ("stuck", "later-1", "later-2"))
    assert result.stopped == "run deadline of 1.5 s" and result.to_dict()["totals"]["not_run"] == 3
    assert "3 not run" in runner.format_summary(result)
    # Not the sources' fault: no failure is counted and nothing of theirs is written.
    assert not (tmp_path / "stuck.json").exists() and not (tmp_path / ".state" / "stuck.json").exists()
    assert (tmp_path / "quick.json").exists()


def test_one_record_failing_curation_is_counted_and_its_entry_not_closed(server, tmp_path):
    server.expect_oneshot_request("/a").respond_with_json(jobs(("1", "Keep One"), ("2", "Keep Two")))
    server.expect_request("/a").respond_with_json(jobs(("1", "Keep One"), ("2", "Boom Two")))
    config = Config([source("alpha", server.url_for("/a"))])
    do_run(config, tmp_path)
    result = by_name(do_run(config, tmp_path, now=NOW.replace(day=20), explain=True))["alpha"]
    assert result.status == "ok" and result.errors == 1 and result.rejected == {"curation-error": 1}
    assert any("curation bug" in line for line in result.explain)
    statuses = {e.slug: e.status for e in storage.Store(tmp_path).load_entries("alpha")}
    assert statuses == {"acme-keep-one": "open", "acme-keep-two": "open"}


def etag_handler(payload: dict, etag: str = '"v1"'):
    body = json.dumps(payload).encode()

    def handler(req: Request) -> WResponse:
        if req.headers.get("If-None-Match") == etag:
            return WResponse(status=304, headers={"ETag": etag})
        return WResponse(body, content_type="application/json", headers={"ETag": etag})

    return handler


def test_unchanged_source_costs_one_304_and_reuses_entries(server, tmp_path):
    server.expect_request("/a").respond_with_handler(etag_handler(jobs(("1", "Keep Data Sprint"))))
    config = Config([source("alpha", server.url_for("/a"))])
    first = by_name(do_run(config, tmp_path))["alpha"]
    before = (tmp_path / "alpha.json").read_bytes()
    second = by_name(do_run(config, tmp_path, now=NOW.replace(hour=18)))["alpha"]
    reqs = requests_to(server, "/a")
    assert "If-None-Match" not in reqs[0].headers and reqs[1].headers["If-None-Match"] == '"v1"'
    assert first.bytes > 0 and second.bytes == 0 and second.requests == 1
    assert second.not_modified and second.status == "not-modified" and second.total == 1
    assert (tmp_path / "alpha.json").read_bytes() == before
    assert "yes" in runner.format_summary(runner.RunResult(NOW, None, [second]))


def test_changed_source_config_defeats_the_304(server, tmp_path):
    server.expect_request("/a").respond_with_handler(etag_handler(jobs(("1", "Keep Data Sprint"))))
    src = source("alpha", server.url_for("/a"))
    do_run(Config([src]), tmp_path)
    changed = replace(src, curation={"assume_remote": True})
    result = by_name(do_run(Config([changed]), tmp_path))["alpha"]
    assert not result.not_modified and "If-None-Match" not in requests_to(server, "/a")[1].headers


def test_a_held_shrink_forgets_validators_so_the_next_run_recounts(server, tmp_path):
    server.expect_oneshot_request("/a").respond_with_handler(
        etag_handler(jobs(*[(str(i), f"Keep Job {i}") for i in range(6)]), etag='"big"'))
    server.expect_request("/a").respond_with_handler(etag_handler(jobs(("1", "Keep Job 1")), etag='"small"'))
    config = Config([source("alpha", server.url_for("/a"))])
    do_run(config, tmp_path)
    statuses = []
    for day in (11, 12, 13):
        r = by_name(do_run(config, tmp_path, now=NOW.replace(day=day)))["alpha"]
        statuses.append(r.status)
    assert statuses == ["held", "held", "ok"]
    reqs = requests_to(server, "/a")
    assert reqs[1].headers["If-None-Match"] == '"big"'  # the first run was accepted
    assert all("If-None-Match" not in r.headers for r in reqs[2:])  # held runs look again in full
    entries = storage.Store(tmp_path).load_entries("alpha")
    assert sum(e.status == "closed" for e in entries) == 5 and len(entries) == 6


def test_follow_fetches_details_and_parse_gets_headers(server, tmp_path):
    seen_headers = []

    def parse(body, src, headers=None):
        seen_headers.append((headers or {}).get("X-Kind"))
        data = json.loads(body)
        for job in data["jobs"]:
            from scrapers.record import RawRecord
            yield RawRecord(source_id=job["id"], title=job["title"])

    mod = make_adapter("test-follow")
    mod.parse = parse
    mod.follow = lambda body, src: [server.url_for(f"/detail/{j['id']}") for j in json.loads(body)["jobs"]]
    ADAPTERS["test-follow"] = mod
    server.expect_request("/list").respond_with_json(jobs(("1", "Listing only"), ("2", "Listing only")),
                                                     headers={"X-Kind": "list"})
    server.expect_request("/detail/1").respond_with_json(jobs(("1", "Keep Detail One")), headers={"X-Kind": "detail"})
    server.expect_request("/detail/2").respond_with_data("gone", status=404)
    config = Config([source("sr", server.url_for("/list"), kind="test-follow")])
    result = by_name(do_run(config, tmp_path))["sr"]
    assert seen_headers == ["list", "detail"]
    assert result.fetched == 2 and result.kept == 1 and result.errors == 1
    assert [e.title for e in storage.Store(tmp_path).load_entries("sr")] == ["Keep Detail One"]


def test_dedupe_runs_after_an_unsharded_run(server, tmp_path):
    url = "https://jobs.example.org/acme/42"
    server.expect_request("/a").respond_with_json(jobs(("1", "Keep Data Sprint", "Acme", url)))
    server.expect_request("/b").respond_with_json(jobs(("x", "Keep Data Sprint", "Acme", url)))
    result = do_run(Config([source("alpha", server.url_for("/a")), source("beta", server.url_for("/b"))]), tmp_path)
    assert len(result.merged) == 1
    [entry] = storage.Store(tmp_path).load_entries("alpha")
    assert entry.source.ids == ("alpha:1", "beta:x")
    assert storage.Store(tmp_path).load_entries("beta") == []


# ---- shards and merge ------------------------------------------------------------------


def test_shards_partition_sources_by_host_deterministically():
    sources = [SourceConfig(f"s{i}", "greenhouse", f"https://host{i % 7}.example/jobs/{i}") for i in range(40)]
    shards = [runner.shard_sources(sources, k, 4) for k in range(1, 5)]
    names = [s.name for shard in shards for s in shard]
    assert sorted(names) == sorted(s.name for s in sources) and len(names) == len(set(names))
    for shard in shards:
        hosts = {runner.host_of(s) for s in shard}
        assert all(runner.host_of(s) in hosts for s in sources if s in shard)
        for other in shards:
            if other is not shard:
                assert hosts.isdisjoint({runner.host_of(s) for s in other})
    assert shards == [runner.shard_sources(sources, k, 4) for k in range(1, 5)]
    assert runner.parse_shard("2/4") == (2, 4)
    for bad in ("0/4", "5/4", "x", "1/0"):
        with pytest.raises(ValueError):
            runner.parse_shard(bad)


def test_shard_runs_then_merge_equal_one_full_run(server, other_server, tmp_path):
    url = "https://jobs.example.org/acme/7"
    server.expect_request("/a").respond_with_json(jobs(("1", "Keep Data Sprint", "Acme", url), ("2", "Keep Other")))
    other_server.expect_request("/b").respond_with_json(jobs(("9", "Keep Data Sprint", "Acme", url)))
    config = Config([source("alpha", server.url_for("/a")), source("beta", other_server.url_for("/b"))])
    base = tmp_path / "checkout"
    base.mkdir()
    shard_of = {s.name: k for k in (1, 2) for s in runner.shard_sources(config.sources, k, 2)}
    dirs = []
    for k in (1, 2):
        d = tmp_path / f"shard-{k}"
        import shutil
        shutil.copytree(base, d)
        result = do_run(config, d, shard=(k, 2))
        assert result.merged == []  # shards never dedupe
        assert {s.name for s in result.sources} == {n for n, kk in shard_of.items() if kk == k}
        dirs.append(d)
    merged = runner.merge_shards(dirs, base, NOW)
    assert merged.conflicts == [] and len(merged.merged) == 1
    full = tmp_path / "full"
    do_run(config, full)
    for name in ("alpha", "beta"):
        assert (base / f"{name}.json").read_bytes() == (full / f"{name}.json").read_bytes()
        assert (base / ".state" / f"{name}.json").exists()


# ---- configuration and CLI -------------------------------------------------------------


ADAPTER_MODULE = textwrap.dedent('''
    """A test adapter importable by dotted kind, for CLI and subprocess runs."""
    import json
    from scrapers.record import ParseError, RawRecord
    KIND = "tadapters.jsonjobs"
    CONTENT_TYPES = ("application/json",)
    def parse(body, source):
        try:
            data = json.loads(body)
        except ValueError as e:
            raise ParseError(str(e))
        for job in data["jobs"]:
            yield RawRecord(source_id=str(job["id"]), title=job["title"], description_html=job.get("text", ""))
''')


@pytest.fixture
def dotted_adapter(tmp_path, monkeypatch) -> Path:
    pkg = tmp_path / "mods" / "tadapters"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "jsonjobs.py").write_text(ADAPTER_MODULE)
    monkeypatch.syspath_prepend(str(tmp_path / "mods"))
    return tmp_path / "mods"


def write_config(path: Path, *sources: dict) -> Path:
    lines = ["[http]", "backoff = 0.01", "retries = 1", "workers = 2", "allow_private_hosts = true", ""]
    for s in sources:
        lines.append("[[source]]")
        lines += [f"{k} = {json.dumps(v)}" for k, v in s.items()]
        lines.append("")
    path.write_text("\n".join(lines))
    return path


@pytest.mark.parametrize("extra", [[], ["--processes", "2"]], ids=["in-thread", "worker-processes"])
def test_cli_run_with_real_curation_explain_and_summary_json(server, tmp_path, dotted_adapter, capsys, extra):
    server.expect_request("/jobs").respond_with_json(
        {"jobs": [{"id": 1, "title": "Senior Backend Engineer", "text": "Full-time, 401k, on-site in Berlin."}]})
    cfg = write_config(tmp_path / "sources.toml", {"name": "cli-src", "kind": "tadapters.jsonjobs",
                                                  "url": server.url_for("/jobs"), "min_delay": 0})
    summary = tmp_path / "summary.json"
    code = main(["--config", str(cfg), "--out", str(tmp_path / "out"), "--explain", "--summary-json", str(summary),
                 "--now", "2026-03-10T12:00:00Z", "--no-progress", *extra])
    out = capsys.readouterr().out
    assert code == 0
    assert "cli-src\tREJECT\tREJECT_" in out  # a reason code of the real curation
    assert "fetched" in out and "cli-src" in out.split("\n-")[-1]
    data = json.loads(summary.read_text())
    assert data["now"] == "2026-03-10T12:00:00Z" and data["sources"][0]["fetched"] == 1
    assert data["sources"][0]["kept"] == 0 and sum(data["sources"][0]["rejected"].values()) == 1


def test_cli_bad_config_and_unknown_source_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[source]]\nname = "x"\nkind = "greenhouse"\nurl = "https://e.example/"\nmin_dealy = 2\n')
    assert main(["--config", str(bad)]) == 2
    assert "min_dealy" in capsys.readouterr().err
    good = write_config(tmp_path / "good.toml", {"name": "a", "kind": "greenhouse", "url": "https://e.example/"})
    assert main(["--config", str(good), "--sources", "nope"]) == 2
    assert "unknown source" in capsys.readouterr().err


# ---- a real process killed mid-write ---------------------------------------------------


def test_sigkill_mid_write_leaves_the_previous_file_intact(server, tmp_path, dotted_adapter):
    """Kill a real ``python -m scrapers`` while it writes a big file: the old file stays whole."""
    out = tmp_path / "out"
    cfg = write_config(tmp_path / "sources.toml", {"name": "big", "kind": "tadapters.jsonjobs",
                                                  "url": server.url_for("/big"), "min_delay": 0})
    # The previous run's state: 2,000 entries last seen a week ago, and the ETag it earned.
    # This run gets a 304, so it must refresh last_seen on every entry: a big rewrite.
    config = load_config(cfg)
    src = config.sources[0]
    week_ago = NOW.replace(day=3)
    entries = [replace(make_entry("big", str(i), f"Keep Project {i}"), first_seen=week_ago, last_seen=week_ago)
               for i in range(2000)]
    store = storage.Store(out)
    store.save_entries("big", entries, week_ago)
    import tadapters.jsonjobs as adapter_module

    _curate, _rules, files = runner.default_curation()
    store.save_state("big", storage.SourceState(last_count=2000, http={src.url: {"etag": '"v1"'}},
                                                fingerprint=runner.fingerprint(src, adapter_module, files)))
    before = (out / "big.json").read_bytes()
    server.expect_request("/big").respond_with_handler(etag_handler(jobs()))

    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), str(dotted_adapter)]))
    proc = subprocess.Popen(
        [sys.executable, "-m", "scrapers", "--config", str(cfg), "--out", str(out), "--now", format_datetime(NOW),
         "--no-progress"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killed = False
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if any(out.glob(".big.json.*.tmp")):
                os.kill(proc.pid, signal.SIGKILL)
                killed = True
                break
            time.sleep(0.001)
    finally:
        if proc.poll() is None and not killed:
            proc.kill()
        _stdout, stderr = proc.communicate(timeout=30)
    assert killed, f"the run ended before it started writing: {stderr.decode()[-2000:]}"
    assert proc.returncode == -signal.SIGKILL
    assert "If-None-Match" in requests_to(server, "/big")[0].headers
    assert (out / "big.json").read_bytes() == before
    data = json.loads((out / "big.json").read_text())
    assert len(data["entries"]) == 2000
    assert list(out.glob(".big.json.*.tmp")), "the kill landed mid-write, so a temp file is left behind"


# ---- terminal output and real adapters -------------------------------------------------


def test_progress_bar_draws_on_a_terminal_only():
    import io

    stream = io.StringIO()
    bar = runner.Progress(2, stream=stream, enabled=True)
    bar.start("alpha")
    bar.done("alpha")
    bar.finish()
    assert "[" + "#" * 12 + "." * 12 + "] 1/2" in stream.getvalue()
    quiet = io.StringIO()
    runner.Progress(2, stream=quiet).start("alpha")  # a StringIO is not a TTY
    assert quiet.getvalue() == ""


CORPUS = REPO.parent / "shared" / "corpus" / "payloads"


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"../shared corpus not found at {CORPUS}")
def test_real_adapter_and_curation_on_a_recorded_payload(server, tmp_path):
    """A recorded Greenhouse response served locally, through the real adapter and curation."""
    body = (CORPUS / "greenhouse" / "lubobali__aws-job-streamer__greenhouse_jobs.json").read_bytes()

    def handler(req: Request) -> WResponse:
        if req.headers.get("If-None-Match") == '"gh1"':
            return WResponse(status=304, headers={"ETag": '"gh1"'})
        return WResponse(body, content_type="application/json; charset=utf-8", headers={"ETag": '"gh1"'})

    server.expect_request("/v1/boards/anthropic/jobs").respond_with_handler(handler)
    config = Config([SourceConfig("greenhouse-test", "greenhouse", server.url_for("/v1/boards/anthropic/jobs"),
                                  organization="Anthropic", min_delay=0.0)])
    kw = dict(http=fast_settings(), now=NOW, explain=True)
    first = by_name(runner.run(config, tmp_path, **kw))["greenhouse-test"]
    assert first.status == "ok" and first.fetched == 4 and first.errors == 0
    assert first.kept + sum(first.rejected.values()) == 4 and len(first.explain) == 4
    assert "content=true" in requests_to(server, "/v1/boards/anthropic/jobs")[0].query_string.decode()
    second = by_name(runner.run(config, tmp_path, **kw))["greenhouse-test"]
    assert second.not_modified and second.bytes == 0


GREENHOUSE = (REPO / "tests" / "fixtures" / "payloads" / "greenhouse.json").read_bytes()
GREENHOUSE_NOW = SUPPORT_NOW  # the fixture's micro-internship is open then (real curation keeps it)


def test_prose_deadline_is_stored_with_the_kept_entry(server, tmp_path):
    """Real HTTP, the real Greenhouse adapter, real curation and storage: the JSON written to the
    scraped folder carries the closing date the text gave as the entry's deadline."""
    server.expect_request("/v1/boards/acme/jobs").respond_with_data(greenhouse_with_prose_deadline("15 September 2026"),
                                                                    content_type="application/json")
    config = Config([SourceConfig("greenhouse-acme", "greenhouse", server.url_for("/v1/boards/acme/jobs"),
                                  organization="Acme Analytics", min_delay=0.0)])
    result = by_name(runner.run(config, tmp_path, http=fast_settings(), now=GREENHOUSE_NOW))["greenhouse-acme"]
    assert (result.status, result.kept) == ("ok", 1)
    [entry] = json.loads((tmp_path / "greenhouse-acme.json").read_text())["entries"]
    assert entry["title"] == "Survey Data Cleanup Micro-Internship"
    assert entry["apply_by"] == "2026-09-15T23:59:59Z"


# ---- SIGTERM (and SIGKILL) between the per-source writes and the dedupe ------------------


def _children_by_parent() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(ppid, []).append(int(d.name))
    return kids


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (curation workers, a forkserver and its children)."""
    kids, found, todo = _children_by_parent(), [], [pid]
    while todo:
        for child in kids.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")  # a zombie is dead, only not yet reaped


def _start_run_and_wait_between_writes_and_dedupe(server, tmp_path, drip):
    """A real ``python -m scrapers`` with curation workers: two sources carrying the same
    posting have written their files (so the store holds a duplicate) while a third hangs
    on a dripping server, so the run's dedupe has not happened yet. Returns the process,
    the output folder, the previous bytes of the hanging source's file and the workers."""
    for name in ("a", "b"):
        server.expect_request(f"/boards/{name}/jobs").respond_with_data(GREENHOUSE, content_type="application/json")
    out = tmp_path / "out"
    cfg = tmp_path / "sources.toml"
    rows = [("alpha", server.url_for("/boards/a/jobs")), ("beta", server.url_for("/boards/b/jobs")),
            ("stuck", drip.url)]
    cfg.write_text("[http]\nallow_private_hosts = true\nretries = 0\nworkers = 4\n\n" + "".join(
        f'[[source]]\nname = "{n}"\nkind = "greenhouse"\nurl = "{u}"\norganization = "Org {n}"\n'
        f'organization_url = "https://{n}.example.org"\nmin_delay = 0\n\n' for n, u in rows))
    store = storage.Store(out)
    store.save_entries("stuck", [make_entry("stuck", "1", "Keep Last Good")], GREENHOUSE_NOW)
    before = (out / "stuck.json").read_bytes()
    proc = subprocess.Popen(
        [sys.executable, "-m", "scrapers", "--config", str(cfg), "--out", str(out),
         "--now", format_datetime(GREENHOUSE_NOW), "--no-progress", "--processes", "2"],
        cwd=REPO, env=dict(os.environ, PYTHONPATH=str(REPO)), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if (out / "alpha.json").exists() and (out / "beta.json").exists() and drip.hits:
            break
        time.sleep(0.02)
    assert proc.poll() is None, proc.communicate()[1].decode()[-2000:]
    files = {n: store.load_entries(n) for n in ("alpha", "beta")}
    assert files["alpha"] and files["beta"] and len(storage.dedupe(files).merged) == 1  # a duplicate on disk now
    workers = descendants(proc.pid)
    assert len(workers) >= 2, "the run has curation worker processes"
    return proc, out, before, workers


def _gone(pids: list[int], within: float = 15.0) -> list[int]:
    end = time.monotonic() + within
    while time.monotonic() < end and any(alive(p) for p in pids):
        time.sleep(0.05)
    return [p for p in pids if alive(p)]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_sigterm_mid_run_stops_cleanly_no_orphans_no_duplicates(server, tmp_path, sig):
    with DripServer("close") as drip:
        proc, out, before, workers = _start_run_and_wait_between_writes_and_dedupe(server, tmp_path, drip)
        try:
            proc.send_signal(sig)
            stdout, stderr = proc.communicate(timeout=60)  # returns only once no process holds stdout
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == 128 + sig, stderr.decode()[-2000:]
    assert _gone(workers) == []
    text = stdout.decode()
    assert f"run stopped early: {sig.name}" in text and "not-run" in text and "dedupe: 1 duplicate(s) merged" in text
    store = storage.Store(out)
    files = {n: store.load_entries(n) for n in store.sources()}
    assert storage.dedupe(files).merged == []  # the run finished its dedupe: the store is consistent
    assert (out / "stuck.json").read_bytes() == before  # the stopped source kept its last good entries
    assert not (out / ".state" / "stuck.json").exists()  # and no failure was counted against it


def test_sigkill_mid_run_leaves_no_orphan_and_the_catalog_publishes_no_duplicate(server, tmp_path):
    from board.catalog import load_scraped
    from board.policy import load_policy

    with DripServer("close") as drip:
        proc, out, before, workers = _start_run_and_wait_between_writes_and_dedupe(server, tmp_path, drip)
        try:
            proc.kill()
            proc.communicate(timeout=60)  # returns only once no worker holds stdout
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert _gone(workers) == []  # PR_SET_PDEATHSIG: the kernel killed them with the parent
    store = storage.Store(out)
    assert len(storage.dedupe({n: store.load_entries(n) for n in store.sources()}).merged) == 1  # half-finished
    entries, warnings = load_scraped(out, load_policy(), GREENHOUSE_NOW)
    urls = [e.apply_url for e in entries if e.status == "open"]
    assert len(urls) == len(set(urls)) == 2  # the shared posting once, plus the stuck source's last good one
    assert any("did not finish its dedupe" in w for w in warnings)


def test_sources_start_busiest_host_first_one_of_each_host_a_round():
    """The run lasts as long as its busiest host's queue, so that queue starts first; then one
    source of every other host, before any host's second source. Ties keep config order."""
    cfg = [source("a1", "https://a.example.org/1"), source("b1", "https://b.example.org/1"),
           source("c1", "https://c.example.org/1"), source("c2", "https://c.example.org/2"),
           source("c3", "https://c.example.org/3"), source("b2", "https://B.example.org/2"),
           source("d1", "https://d.example.org/1")]
    assert [s.name for s in runner.fetch_order(cfg)] == ["c1", "b1", "a1", "d1", "c2", "b2", "c3"]
    assert runner.fetch_order([]) == []


def test_results_stay_in_config_order_whatever_order_the_sources_start_in(server, tmp_path):
    server.expect_request("/one").respond_with_json(jobs(("1", "Keep Data Sprint")))
    server.expect_request("/two").respond_with_json(jobs(("2", "Keep Logo Refresh")))
    names = ["solo", "local-1", "local-2"]  # local-1 and local-2 share 127.0.0.1 and start first
    config = Config([source("solo", server.url_for("/one").replace("127.0.0.1", "localhost")),
                     source("local-1", server.url_for("/one")), source("local-2", server.url_for("/two"))])
    assert [s.name for s in runner.fetch_order(list(config.sources))] == ["local-1", "solo", "local-2"]
    result = do_run(config, tmp_path)
    assert [s.name for s in result.sources] == names
    assert [s.status for s in result.sources] == ["ok"] * 3


def test_a_run_over_two_hosts_stays_polite_on_each_as_its_sources_start_in_rounds(server, tmp_path):
    """Three sources on 127.0.0.1 and two on localhost (the same server, another host to the
    client): every source is fetched, and the server's own timestamps show, per host, one
    request at a time and ``min_delay`` from the end of one to the start of the next."""
    import threading as _threading

    seen: list[tuple[str, float, float]] = []
    lock = _threading.Lock()

    def handler(request: Request) -> WResponse:
        start = time.monotonic()
        time.sleep(0.02)  # a response that takes a while, so overlapping requests would show
        body = json.dumps(jobs((request.path.strip("/"), "Keep Data Sprint")))
        with lock:
            seen.append((request.host.split(":")[0], start, time.monotonic()))
        return WResponse(body, content_type="application/json")

    for i in range(5):
        server.expect_request(f"/s{i}").respond_with_handler(handler)
    local = server.url_for("/").replace("127.0.0.1", "localhost").rstrip("/")
    config = Config([source(f"s{i}", (local if i >= 3 else server.url_for("").rstrip("/")) + f"/s{i}",
                            min_delay=0.1) for i in range(5)])
    result = do_run(config, tmp_path, http=fast_settings(workers=4))
    assert [s.status for s in result.sources] == ["ok"] * 5 and sum(s.kept for s in result.sources) == 5
    by_host = {h: sorted((a, b) for host, a, b in seen if host == h) for h in ("127.0.0.1", "localhost")}
    assert [len(v) for v in by_host.values()] == [3, 2]
    for spans in by_host.values():
        assert all(nxt[0] - prev[1] >= 0.1 for prev, nxt in zip(spans, spans[1:])), spans
