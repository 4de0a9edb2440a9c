"""Render the build's outputs in worker processes: both cores, the same bytes as one process.

The render cache decides, in the parent, which outputs must be rendered
(``RenderCache.run``); with workers each such *unit* is queued here instead of run at
once (:meth:`Pool.add`), and :meth:`Pool.flush`, before the cache is pruned and saved,
forks ``BOARD_WORKERS`` children. A child inherits everything by ``fork`` (the Jinja
environment, the catalog, the units' closures: nothing is pickled on the way in), runs
every ``n``-th unit, writing its files itself, and sends back only each unit's file
paths. The parent then records each unit in the render cache (it stats the files the
child wrote), so the cache stays exact, and adds the paths to the build's ``written``
set, so pruning and the summary count them.

A unit renders the same bytes wherever it runs: it depends only on its inputs, which
the child holds as the parent did, and the per-build memos (cards, feed items' XML) are
caches of pure functions, rebuilt in each child. ``tests/site/test_workers.py`` compares
trees byte for byte.

**Failures surface.** A unit that raises in a child stops that child, and the build
fails with the unit named and the child's traceback; a child that dies without a word
(killed, out of memory) fails the build naming the first unit it had not reported.
No file goes missing silently.

``BOARD_WORKERS`` (a Pelican setting): 0 or unset is ``os.cpu_count()``; 1 renders in
the building process, as before. It is left out of the render cache's site fingerprint:
the worker count never changes a byte.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable

from board.forkmap import ForkedError, fork_map

#: Below this many units to render, forking costs more than it saves (a warm rebuild).
MIN_UNITS = 24


class WorkerError(RuntimeError):
    """A unit failed in a worker process (its message names the unit)."""


def worker_count(settings: dict) -> int:
    """``BOARD_WORKERS`` as a number of processes (0 or unset: one per CPU)."""
    value = int(settings.get("BOARD_WORKERS") or 0)
    return value if value > 0 else (os.cpu_count() or 1)


@dataclass
class Unit:
    name: str  # the render cache's unit ("postings/x/index.html", "feeds:skills:python", …)
    key: str | None
    produce: Callable[[], None]


class Pool:
    """The units queued in one build, and the fork that renders them.

    ``run_here(unit)`` runs one unit in the calling process and returns the paths it
    wrote; ``done(unit, paths)`` is told in the parent for every unit, in queue order.
    """

    def __init__(self, workers: int, run_here: Callable[[Unit], list[str]],
                 done: Callable[[Unit, list[str]], None]):
        self.workers = workers
        self.units: list[Unit] = []
        self.run_here, self.done = run_here, done

    def add(self, name: str, key: str | None, produce: Callable[[], None]) -> None:
        self.units.append(Unit(name, key, produce))

    def flush(self) -> None:
        """Render every queued unit (in children when there are enough of them)."""
        units, self.units = self.units, []
        n = min(self.workers, len(units))
        if n <= 1 or len(units) < MIN_UNITS:
            for u in units:
                self.done(u, self.run_here(u))
            return
        try:
            results = fork_map(self.run_here, units, n)
        except ForkedError as exc:
            raise WorkerError(f"rendering {units[exc.index].name} failed in worker {exc.worker} of {n}: "
                              f"{exc.detail}") from None
        for u, paths in zip(units, results):
            self.done(u, paths)
