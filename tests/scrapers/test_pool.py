"""scrapers.pool: curation in worker processes decides exactly what the calling thread would.

Real processes (forkserver), the real Greenhouse adapter and curation, real HTTP from a
local server; nothing of ours is mocked.
"""

from __future__ import annotations

import threading
from pathlib import Path

from scrapers import pool
from scrapers import run as runner
from scrapers.config import Config
from scrapers.curation import Decision
from scrapers.record import RawRecord, SourceConfig

from .conftest import fast_settings
from .support import NOW

PAYLOAD = (Path(__file__).resolve().parents[1] / "fixtures" / "payloads" / "greenhouse.json").read_bytes()


def _sources(server, n: int) -> list[SourceConfig]:
    for i in range(n):
        server.expect_request(f"/boards/{i}/jobs").respond_with_data(PAYLOAD, content_type="application/json")
    return [SourceConfig(name=f"gh-{i}", kind="greenhouse", url=server.url_for(f"/boards/{i}/jobs"),
                         organization=f"Org {i}", organization_url=f"https://org{i}.example.org", min_delay=0.0)
            for i in range(n)]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.json"))}


def test_a_run_with_worker_processes_writes_what_a_run_without_them_writes(server, tmp_path):
    config = Config(_sources(server, 6))
    inline = runner.run(config, tmp_path / "inline", now=NOW, http=fast_settings(), processes=0)
    pooled = runner.run(config, tmp_path / "pooled", now=NOW, http=fast_settings(), processes=2)
    assert [s.status for s in pooled.sources] == ["ok"] * 6
    assert sum(s.kept for s in pooled.sources) == 6  # the fixture's micro-internship, once per source
    assert [s.to_dict() | {"seconds": 0} for s in pooled.sources] == \
        [s.to_dict() | {"seconds": 0} for s in inline.sources]
    files = _files(tmp_path / "pooled")
    assert files and files == _files(tmp_path / "inline")


def test_pool_outcomes_equal_in_thread_outcomes_record_by_record():
    curate, rules, _ = runner.default_curation()
    src = SourceConfig(name="gh", kind="greenhouse", url="https://boards.example.org/x", organization="Acme",
                       organization_url="https://acme.example.org")
    from scrapers.adapters import greenhouse

    records = list(greenhouse.parse(PAYLOAD, src))
    p = pool.CurationPool(2, None, curate, rules)
    try:
        assert p.decide(records, src, NOW) == pool.decide(curate, rules, records, src, NOW)
        assert p.executor is not None  # it really went through the workers
    finally:
        p.close()


def test_a_record_that_cannot_cross_the_process_boundary_is_decided_in_the_thread():
    curate, rules, _ = runner.default_curation()
    src = SourceConfig(name="odd", kind="test", url="https://boards.example.org/x", organization="Acme")
    lock = threading.Lock()  # not picklable: an adapter left something odd in a field
    record = RawRecord(source_id="1", title="Data cleanup micro-internship", tags=[lock])  # type: ignore[list-item]
    p = pool.CurationPool(1, None, curate, rules)
    try:
        [outcome] = p.decide([record], src, NOW)
    finally:
        p.close()
    assert outcome == pool.decide(curate, rules, [record], src, NOW)[0]
    assert outcome.reason  # decided (rejected or kept), not lost


def test_a_record_whose_curation_raises_is_an_error_outcome_not_an_exception():
    def broken(record, source, rules, now):
        raise RuntimeError(f"boom on {record.source_id}")

    src = SourceConfig(name="s", kind="test", url="https://e.example.org/")
    out = pool.decide(broken, None, [RawRecord(source_id="7", title="x")], src, NOW)
    assert out == [Decision("reject", "curation-error", error="RuntimeError: boom on 7")]


def test_small_runs_and_single_cpu_machines_get_no_pool(monkeypatch):
    monkeypatch.setattr(pool.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3, 4, 5, 6, 7}, raising=False)
    assert pool.auto_processes(pool.MIN_SOURCES - 1) == 0
    assert pool.auto_processes(pool.MIN_SOURCES) == pool.MAX_PROCESSES
    monkeypatch.setattr(pool.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert pool.auto_processes(500) == 0


def test_a_single_threaded_program_forks_its_workers_and_gets_the_same_files(server, tmp_path):
    """The CLI's case: no other thread at start, so the workers are plain forks."""
    import json
    import subprocess
    import sys

    sources = _sources(server, 4)
    spec = [{"name": s.name, "url": s.url, "organization": s.organization, "organization_url": s.organization_url}
            for s in sources]
    script = f"""
import json, sys
from pathlib import Path
from scrapers import pool, run as runner
from scrapers.config import Config
from scrapers.curation import Decision
from scrapers.http import HttpSettings
from scrapers.record import SourceConfig
from board.entry import parse_datetime
sources = [SourceConfig(kind="greenhouse", min_delay=0.0, **s) for s in json.loads(sys.argv[1])]
methods = []
original = pool.CurationPool.__init__
def init(self, *a, **k):
    original(self, *a, **k)
    methods.append(self.method)
pool.CurationPool.__init__ = init
result = runner.run(Config(sources), Path(sys.argv[2]), now=parse_datetime({NOW.isoformat()!r}),
                    http=HttpSettings(retries=0, workers=4, allow_private_hosts=True), processes=2)
print(json.dumps({{"methods": methods, "kept": sum(s.kept for s in result.sources)}}))
"""
    done = subprocess.run([sys.executable, "-c", script, json.dumps(spec), str(tmp_path / "forked")],
                          capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"methods": ["fork"], "kept": 4}
    runner.run(Config(sources), tmp_path / "inline", now=NOW, http=fast_settings(), processes=0)
    assert _files(tmp_path / "forked") == _files(tmp_path / "inline")
