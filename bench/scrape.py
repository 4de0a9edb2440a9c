"""Scrape benchmark: our scraper run versus a naive sequential ``requests.get`` loop.

A threaded HTTP server, in a process of its own, listens on several loopback addresses
(127.0.0.1 … 127.0.0.H, one port each), so the sources live on H different hosts and the client's per-host
politeness applies. Every response, robots.txt included, is delayed by ``LATENCY``.
Each source is a Greenhouse job board (our real adapter and curation) with 20 jobs;
the server answers ``If-None-Match`` with 304.

Measured side by side in one run: the naive loop over the 200 source URLs; our run
(``scrapers.run.run``) cold; our run again with nothing changed. The server's log
checks politeness (never two requests at once on a host, starts at least ``min_delay``
apart) and that the second run's source requests were all conditional and answered 304.
Only 127.0.0.x is contacted; every loop is bounded.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import shutil
import threading
import time
from collections import defaultdict
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

LATENCY = 0.2  # seconds added to every response
SOURCES = 200
HOSTS = 40
MIN_DELAY = 0.25  # seconds between two requests to one host (the sources' min_delay)
JOBS_PER_SOURCE = 20
NOW = datetime(2026, 11, 26, 12, tzinfo=timezone.utc)
ROUNDS = 3  # side-by-side pairs; the median is reported (the machine is shared and noisy)
DEADLINE = 300  # seconds; the whole naive loop stops here whatever happens


def _job(source: int, k: int) -> dict:
    jid = source * 1000 + k
    micro = k % 3 != 2  # two in three are real micro-internships, one is a full-time job
    title = (f"Survey data cleanup micro-internship {jid}" if micro else f"Senior data analyst {jid}")
    content = ("<p>Paid micro-internship for college students and recent graduates, completed 100% remotely.</p>"
               f"<p>A 20-hour project: clean and chart survey batch {jid} in Python and Excel, due within 2 to 3 "
               "weeks of kick-off.</p><p>$500 stipend upon successful completion.</p>" if micro else
               "<p>Full-time, permanent role. 5+ years of experience required. Salary 120,000 USD.</p>")
    return {
        "absolute_url": f"https://job-boards.example.com/org{source}/jobs/{jid}", "id": jid,
        "internal_job_id": jid, "title": title, "company_name": f"Organization {source}",
        "updated_at": "2026-11-20T10:00:00-04:00", "first_published": "2026-11-20T09:00:00-04:00",
        "application_deadline": None, "language": "en", "location": {"name": "Remote"},
        "metadata": [{"id": 1, "name": "Location Type", "value": "Remote", "value_type": "single_select"}],
        "content": content.replace("<", "&lt;").replace(">", "&gt;"),
        "departments": [{"id": 1, "name": "Data", "child_ids": [], "parent_id": None}], "offices": [],
    }


def payload(source: int) -> bytes:
    return json.dumps({"jobs": [_job(source, k) for k in range(JOBS_PER_SOURCE)],
                       "meta": {"total": JOBS_PER_SOURCE}}, indent=2).encode()


class _Server:
    """The sources: one ThreadingHTTPServer per loopback address, in a process of its own.

    The server must not share our interpreter: its 40 threads would compete with the run
    for the GIL, which a real remote host never does. The parent talks to it over a pipe
    ("log" returns and clears the request log, "close" stops it).
    """

    def __init__(self, hosts: int, latency: float):
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, hosts, latency), daemon=True)
        self._proc.start()
        deadline = time.monotonic() + 60
        while not self._conn.poll(0.1):
            if not self._proc.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the bench server did not start (exit code {self._proc.exitcode})")
        self.addresses: list[tuple[str, int]] = self._conn.recv()

    def url(self, i: int) -> str:
        addr, port = self.addresses[i % len(self.addresses)]
        return f"http://{addr}:{port}/boards/{i}/jobs"

    def take_log(self) -> list[dict]:
        self._conn.send("log")
        return self._conn.recv()

    def cpu_seconds(self) -> float:
        """CPU time the server process has used (to show it is not what limits the run)."""
        self._conn.send("cpu")
        return self._conn.recv()

    def close(self) -> None:
        try:
            self._conn.send("close")
            self._conn.recv()
        except (EOFError, OSError):
            pass
        self._proc.join(10)
        if self._proc.is_alive():
            self._proc.kill()


def _serve(conn, hosts: int, latency: float) -> None:
    """The server process: start the hosts, report their addresses, answer the parent's commands."""
    log: list[dict] = []
    lock = threading.Lock()
    bodies = {i: payload(i) for i in range(SOURCES)}
    etags = {i: '"' + hashlib.sha1(b).hexdigest()[:16] + '"' for i, b in bodies.items()}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # quiet
            pass

        def do_GET(self):
            start = time.monotonic()
            time.sleep(latency)
            host = f"{self.server.server_address[0]}:{self.server.server_address[1]}"
            conditional = bool(self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"))
            if self.path == "/robots.txt":
                status, body, ctype, etag = 200, b"User-agent: *\nAllow: /\n", "text/plain", None
            elif self.path.startswith("/boards/") and self.path.split("/")[2].isdigit():
                i = int(self.path.split("/")[2])
                etag = etags.get(i)
                if i not in bodies:
                    status, body, ctype = 404, b"", "text/plain"
                elif self.headers.get("If-None-Match") == etag:
                    status, body, ctype = 304, b"", "application/json"
                else:
                    status, body, ctype = 200, bodies[i], "application/json"
            else:
                status, body, ctype, etag = 404, b"", "text/plain", None
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            if etag:
                self.send_header("ETag", etag)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)
            end = time.monotonic()  # before the log's lock: waiting for it is not the response's time
            with lock:
                log.append({"host": host, "path": self.path, "start": start, "end": end,
                            "status": status, "bytes": len(body), "conditional": conditional,
                            "ua": self.headers.get("User-Agent", "")})

    servers = []
    for h in range(hosts):
        srv = ThreadingHTTPServer((f"127.0.0.{h + 1}", 0), Handler)
        srv.daemon_threads = True
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
    conn.send([srv.server_address[:2] for srv in servers])
    while True:
        try:
            command = conn.recv()
        except EOFError:  # the parent went away
            command = "close"
        if command == "log":
            with lock:
                taken = log[:]
                log.clear()
            conn.send(taken)
        elif command == "cpu":
            conn.send(time.process_time())
        elif command == "close":
            for srv in servers:
                srv.shutdown()
                srv.server_close()
            try:
                conn.send("closed")
            except OSError:
                pass
            return


def politeness(log: list[dict]) -> dict:
    """Per host: most requests in flight at once, and the smallest gap between two starts and
    between the end of one request and the start of the next."""
    by_host: dict[str, list[dict]] = defaultdict(list)
    for r in log:
        by_host[r["host"]].append(r)
    max_inflight, min_gap, min_idle = 0, float("inf"), float("inf")
    for reqs in by_host.values():
        reqs.sort(key=lambda r: r["start"])
        events = sorted([(r["start"], 1) for r in reqs] + [(r["end"], -1) for r in reqs], key=lambda e: (e[0], e[1]))
        inflight = 0
        for _, d in events:
            inflight += d
            max_inflight = max(max_inflight, inflight)
        for a, b in zip(reqs, reqs[1:]):
            min_gap = min(min_gap, b["start"] - a["start"])
            min_idle = min(min_idle, b["start"] - a["end"])  # what min_delay bounds: end of one to start of the next
    return {"hosts": len(by_host), "max_in_flight_per_host": max_inflight,
            "min_gap_between_starts_s": round(min_gap, 3) if min_gap != float("inf") else None,
            "min_gap_end_to_start_s": round(min_idle, 3) if min_idle != float("inf") else None}


def schedule(log: list[dict], started: float, ended: float, min_delay: float) -> dict:
    """The politeness floor of one run and where the run's time went, from the server's log.

    ``started``/``ended``: the run's start and end on the monotonic clock the server stamps its
    log with (one clock for every process of the machine). A host's requests go one at a time
    with ``min_delay`` from the end of one to the start of the next, so no client can finish a
    host sooner than the sum of its responses' own durations (measured by the server: the
    added latency and the server's own work) plus ``min_delay`` between each two; the run's
    floor is the slowest host's. What the run took beyond it is split into: the latest first
    request of a host, the waits between two requests of one host beyond ``min_delay`` (the
    host that lost most), and the time after the last response (curation, storage, dedupe).
    """
    by_host: dict[str, list[dict]] = defaultdict(list)
    for r in log:
        by_host[r["host"]].append(r)
    floors, late, extra = [], [], []
    for reqs in by_host.values():
        reqs.sort(key=lambda r: r["start"])
        floors.append(sum(r["end"] - r["start"] for r in reqs) + (len(reqs) - 1) * min_delay)
        late.append(reqs[0]["start"] - started)
        extra.append(sum(b["start"] - a["end"] - min_delay for a, b in zip(reqs, reqs[1:])))
    last_end = max(r["end"] for r in log) - started
    floor = max(floors)
    return {"floor_s": round(floor, 3), "ratio_to_floor": round((ended - started) / floor, 3),
            "requests_per_host": max(len(v) for v in by_host.values()),
            "first_request_latest_s": round(max(late), 3), "gap_beyond_min_delay_worst_host_s": round(max(extra), 3),
            "last_response_end_s": round(last_end, 3), "after_last_response_s": round(ended - started - last_end, 3)}


def nominal_floor(sources: int = SOURCES, hosts: int = HOSTS, latency: float = LATENCY,
                  min_delay: float = MIN_DELAY) -> float:
    """The floor from the bench's parameters alone: robots.txt plus each host's sources, one at a
    time, each ``latency`` long, ``min_delay`` between two (none before the first or after the last)."""
    n = 1 + -(-sources // hosts)
    return n * latency + (n - 1) * min_delay


def naive(urls: list[str]) -> dict:
    import requests

    start = time.perf_counter()
    size = done = 0
    for url in urls:
        if time.perf_counter() - start > DEADLINE:
            break
        r = requests.get(url, timeout=10)
        size += len(r.content)
        done += 1
    return {"seconds": round(time.perf_counter() - start, 3), "requests": done, "bytes": size}


def ours(server: _Server, out: Path, workers: int) -> dict:
    from scrapers import run as runner
    from scrapers.config import Config
    from scrapers.http import HttpSettings
    from scrapers.record import SourceConfig

    sources = [SourceConfig(name=f"bench-{i:03d}", kind="greenhouse", url=server.url(i),
                            organization=f"Organization {i}", organization_url=f"https://org{i}.example.org",
                            attribution="Bench board", min_delay=MIN_DELAY) for i in range(SOURCES)]
    http = HttpSettings(connect_timeout=5.0, read_timeout=10.0, total_timeout=30.0, retries=1, backoff=0.1,
                        workers=workers, allow_private_hosts=True)  # the bench server is local
    start = time.monotonic()  # the clock the server's log uses
    result = runner.run(Config(sources, http=http), out, now=NOW)
    end = time.monotonic()
    res = result.sources
    return {"seconds": round(end - start, 3), "started": start, "ended": end, "status": dict(sorted(_count(s.status for s in res).items())),
            "kept": sum(s.kept for s in res), "fetched": sum(s.fetched for s in res),
            "errors": sum(s.errors for s in res)}


def _children_cpu() -> float:
    """CPU seconds of this process's ended children: the run's curation workers once it closed
    its pool (the server process is still running, so it is not counted)."""
    import resource

    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def cpu_floor(first: dict) -> float:
    """A second floor, from CPU: the run's own CPU (this process, its curation workers) and the
    server's, spread over every core of the machine. No schedule finishes sooner on this
    machine, however polite or impolite; when it is above the politeness floor, the run is
    bound by its CPU (curation), not by its waits."""
    import os

    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    used = first["main_process_cpu_s"] + first["curation_workers_cpu_s"] + first["server_cpu_s"]
    return round(used / cpus, 3)


def _count(items) -> dict:
    out: dict = defaultdict(int)
    for i in items:
        out[i] += 1
    return out


def _source_requests(log: list[dict]) -> list[dict]:
    return [r for r in log if r["path"].startswith("/boards/")]


def bench(work: Path, log=print, workers: int = HOSTS, rounds: int = ROUNDS) -> dict:
    """``rounds`` side-by-side pairs (naive loop, then our run cold, then again unchanged);
    the round with the median speed-up is reported, and every round's speed-up with it."""
    import scrapers.run  # noqa: F401 - imported before any round: round 1 must not pay for imports

    server = _Server(HOSTS, LATENCY)
    try:
        done = []
        for k in range(rounds):
            done.append(_round(server, work, workers, log, f"round {k + 1}/{rounds}"))
    finally:
        server.close()
    ranked = sorted(done, key=lambda r: r["speedup"])
    result = ranked[len(ranked) // 2]
    result["rounds"] = [{"naive_s": r["naive_s"], "ours_s": r["ours_s"], "speedup": r["speedup"],
                         "ratio_to_floor": r["first"]["schedule"]["ratio_to_floor"],
                         "ours_again_s": r["ours_again_s"],
                         "again_ratio_to_floor": r["second"]["schedule"]["ratio_to_floor"]} for r in done]
    return result


def _round(server: _Server, work: Path, workers: int, log, label: str) -> dict:
    urls = [server.url(i) for i in range(SOURCES)]
    out = work / "scraped"
    shutil.rmtree(out, ignore_errors=True)
    server.take_log()
    log(f"  scrape {label}: naive sequential loop over {SOURCES} URLs …")
    naive_r = naive(urls)
    server.take_log()
    log(f"  scrape {label}: our run, {SOURCES} sources on {HOSTS} hosts …")
    cpu0 = time.process_time(), server.cpu_seconds(), _children_cpu()
    first = ours(server, out, workers)
    first["main_process_cpu_s"] = round(time.process_time() - cpu0[0], 2)
    first["server_cpu_s"] = round(server.cpu_seconds() - cpu0[1], 2)
    first["curation_workers_cpu_s"] = round(_children_cpu() - cpu0[2], 2)
    first["cpu_floor_s"] = cpu_floor(first)
    first_log = server.take_log()
    log(f"  scrape {label}: our run again, nothing changed …")
    second = ours(server, out, workers)
    second_log = server.take_log()
    src1, src2 = _source_requests(first_log), _source_requests(second_log)
    span1, span2 = (first.pop("started"), first.pop("ended")), (second.pop("started"), second.pop("ended"))
    bytes1 = sum(r["bytes"] for r in first_log)
    bytes2 = sum(r["bytes"] for r in second_log)
    return {
        "sources": SOURCES, "hosts": HOSTS, "latency_s": LATENCY, "min_delay_s": MIN_DELAY, "workers": workers,
        "naive_s": naive_r["seconds"], "naive_requests": naive_r["requests"], "naive_bytes": naive_r["bytes"],
        "ours_s": first["seconds"], "ours_again_s": second["seconds"],
        "speedup": round(naive_r["seconds"] / first["seconds"], 2),
        "nominal_floor_s": round(nominal_floor(), 3),
        "first": {**first, "requests": len(first_log), "source_requests": len(src1), "bytes": bytes1,
                  "politeness": politeness(first_log),
                  "schedule": schedule(first_log, *span1, MIN_DELAY)},
        "second": {**second, "requests": len(second_log), "source_requests": len(src2),
                   "conditional": sum(r["conditional"] for r in src2), "status_304": sum(r["status"] == 304 for r in src2),
                   "robots_requests": len(second_log) - len(src2), "bytes": bytes2,
                   "politeness": politeness(second_log),
                   "schedule": schedule(second_log, *span2, MIN_DELAY)},
        "bytes_ratio_second_vs_first": round(bytes2 / bytes1, 4) if bytes1 else None,
        "targets": {"speedup": 10.0, "bytes_ratio_second_vs_first": 0.05, "ratio_to_floor": 1.1},
    }


if __name__ == "__main__":
    import sys
    print(json.dumps(bench(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/bench-scrape")), indent=2))
