"""Curation on every CPU: decide a source's records in worker processes.

Fetching is I/O and runs in the run's threads; curating is pure-Python regex and
normalizing work, about a millisecond per record, and under the GIL it serializes
every thread behind it. A run of 200 sources spent most of its time there, so a big
run hands each source's records to a small process pool and waits (the GIL is free
while it waits). Records and decisions cross the process boundary by pickle; both are
plain dataclasses.

A pool only exists for the default curation (``scrapers.curation.curate`` with the
rules file the run was given): an injected ``curate`` callable, as tests use, stays in
the calling thread, and so does everything when the run is small (:data:`MIN_SOURCES`).
Workers are forked while the calling process has no other thread (the CLI), else
started from a ``forkserver`` that imports this module and the curation code once
(never a plain ``fork`` of a process with threads running).

Nothing here may lose a record: a worker that dies or a batch that cannot be pickled
is decided again in the calling thread.

No worker outlives the run: on Linux each worker asks the kernel for SIGKILL when its
parent dies (``prctl(PR_SET_PDEATHSIG)``, one ctypes call; with a forkserver the parent
is the forkserver, which exits with the run), so even a SIGKILLed run leaves no orphan
holding its stdout; workers ignore SIGINT (Ctrl-C reaches the whole process group:
the run decides), and :meth:`CurationPool.terminate` kills them at once on SIGTERM.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from contextlib import suppress
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from board.entry import Entry
from .curation import Decision
from .curator import default_curation  # the same binding of policy and rules as the calling process
from .record import RawRecord, SourceConfig

#: Below this many sources a pool costs more (about 0.5 s of CPU to start) than it saves.
MIN_SOURCES = 16
#: At most this many worker processes, whatever the machine has.
MAX_PROCESSES = 4


def decide(curate: Callable[..., Any], rules: Any, records: list[RawRecord], source: SourceConfig,
           now: datetime) -> list[Decision]:
    """Curate each record; a record whose curation raises becomes an error decision, never an exception."""
    out = []
    for record in records:
        try:
            d = curate(record, source, rules, now)
            if d.keep and not isinstance(d.entry, Entry):
                raise TypeError(f"curation kept the record but returned entry={d.entry!r}")
            out.append(d)
        except Exception as e:
            out.append(Decision("reject", "curation-error", error=f"{type(e).__name__}: {e}"))
    return out


def auto_processes(n_sources: int) -> int:
    """Worker processes for a run of ``n_sources``: none for a small run or a one-CPU machine."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if n_sources < MIN_SOURCES or cpus < 2:
        return 0
    return min(cpus, MAX_PROCESSES)


# ---- the worker side ----------------------------------------------------------------------

_WORKER: tuple[Callable[..., Any], Any] | None = None  # (curate, rules), set once per worker process


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent_pid: int | None) -> None:
    """Have the kernel kill this process when its parent dies (Linux), and ignore Ctrl-C.

    ``parent_pid``: the parent expected at fork time; if it is already gone (it died
    before the prctl took effect) exit now rather than live on as an orphan.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        with suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(1)


def _init_worker(rules_path: str | None, parent_pid: int | None = None) -> None:
    global _WORKER
    die_with_parent(parent_pid)

    curate, rules, _files = default_curation(Path(rules_path) if rules_path else None)
    _WORKER = (curate, rules)


def _ready() -> bool:
    return _WORKER is not None


def _decide_in_worker(records: list[RawRecord], source: SourceConfig, now: datetime) -> list[Decision]:
    assert _WORKER is not None, "worker not initialized"
    curate, rules = _WORKER
    return decide(curate, rules, records, source, now)


# ---- the calling side ---------------------------------------------------------------------


class CurationPool:
    """Decide batches of records in ``processes`` workers; fall back to the caller's thread."""

    def __init__(self, processes: int, rules_path: Path | None, fallback: Callable[..., Any], rules: Any):
        self.fallback, self.rules = fallback, rules
        methods = multiprocessing.get_all_start_methods()
        # A plain fork is the cheapest start (no interpreter to boot, no imports), and safe
        # while this is the process's only thread: the children inherit no lock that
        # another thread held. Otherwise (tests, an embedding program) a forkserver.
        forking = "fork" in methods and threading.active_count() == 1
        method = "fork" if forking else "forkserver" if "forkserver" in methods else "spawn"
        ctx = multiprocessing.get_context(method)
        if method == "forkserver":
            ctx.set_forkserver_preload(["scrapers.pool", "scrapers.run", "scrapers.curation"])
        self.method = method
        self.executor: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=processes, mp_context=ctx, initializer=_init_worker,
            # A forked worker's parent is this process; a forkserver's is the server.
            initargs=(str(rules_path) if rules_path else None, os.getpid() if forking else None))
        if forking:  # fork every worker now, before this process starts any thread
            self.executor.submit(_ready)
        else:
            # Start the workers in the background: booting a forkserver imports the
            # curation code (about half a second), which then overlaps the run's first
            # requests (robots.txt, the first responses) instead of delaying the first batch.
            threading.Thread(target=self._warm, args=(processes,), name="curation-pool-start", daemon=True).start()

    def _warm(self, processes: int) -> None:
        executor = self.executor
        if executor is None:
            return
        try:
            for _ in range(processes):
                executor.submit(_ready)
        except RuntimeError:  # closed before it started (a run with nothing to fetch)
            pass

    def decide(self, records: list[RawRecord], source: SourceConfig, now: datetime) -> list[Decision]:
        executor = self.executor
        if executor is not None and records:
            try:
                return executor.submit(_decide_in_worker, records, source, now).result()
            except BrokenProcessPool:  # a worker died (OOM killer, a crash in a C extension)
                self.executor = None
            except Exception:  # e.g. a record that cannot be pickled: decide it here
                pass
        return decide(self.fallback, self.rules, records, source, now)

    def terminate(self) -> None:
        """Kill the workers now (the run was stopped); batches in flight fall back to their threads."""
        executor, self.executor = self.executor, None
        if executor is None:
            return
        # ProcessPoolExecutor has no public way to kill its workers before Python 3.14.
        for proc in list((getattr(executor, "_processes", None) or {}).values()):
            with suppress(Exception):
                proc.kill()
        with suppress(Exception):
            executor.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None
