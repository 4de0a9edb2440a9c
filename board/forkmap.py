"""``fork_map``: a function over a list in forked child processes, results in order.

The build uses both cores this way (parsing posting files here in ``board``, rendering
pages in the plugin's ``workers.py``). A child inherits everything by ``fork`` (the
function may be a closure: nothing is pickled on the way in); only results travel back,
pickled through a pipe. Share ``k`` of ``n`` is items ``k, k+n, …``, so costly and
cheap items spread evenly; the calling process runs share 0 itself while ``n - 1`` children
run the others (one fork fewer: every fork costs copied pages and a second warm-up of the
per-build memos, ~10 % of a 1,000-posting build's CPU when two children ran and the parent
waited).

**Failures surface:** an item that raises stops its child, and ``fork_map`` raises
:class:`ForkedError` naming the item's index and carrying the child's traceback; a child
that dies without a word (killed, out of memory) is reported at the first item it had
not sent back. A result never goes missing silently.
"""

from __future__ import annotations

import gc
import os
import pickle
import traceback
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class ForkedError(RuntimeError):
    """An item failed in a child: ``index`` of the item, ``worker`` (1-based), ``detail``."""

    def __init__(self, index: int, worker: int, detail: str):
        super().__init__(f"item {index} failed in worker {worker}: {detail}")
        self.index, self.worker, self.detail = index, worker, detail


def fork_map(fn: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """``[fn(x) for x in items]`` over ``workers`` processes (this one and forked children)
    when there are several and fork exists. Worker 1 is this process."""
    n = min(workers, len(items))
    if n <= 1 or not hasattr(os, "fork"):
        return [fn(x) for x in items]
    gc.collect()
    gc.freeze()  # inherited objects stay out of the children's collections: fewer copied pages
    children = []
    try:
        for k in range(1, n):
            read_fd, write_fd = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: never returns
                os.close(read_fd)
                _child(fn, items[k::n], write_fd)
            os.close(write_fd)
            children.append((pid, read_fd))
    finally:
        gc.unfreeze()
    reports = [_run(fn, items[0::n])]  # share 0 here, while the children run theirs
    reports += [_collect(pid, fd) for pid, fd in children]  # reap every child before raising
    results: list = [None] * len(items)
    for k, (done, error) in enumerate(reports):
        for i, r in enumerate(done):
            results[k + i * n] = r
        if error is not None or len(done) < len(items[k::n]):
            raise ForkedError(k + len(done) * n, k + 1, error or "the worker ended without reporting it")
    return results


def _run(fn: Callable, mine: Sequence, catch: type[BaseException] = Exception) -> tuple[list, str | None]:
    """``fn`` over ``mine`` until one raises ``catch``: ``(results so far, traceback or None)``."""
    done: list = []
    try:
        for x in mine:
            done.append(fn(x))
    except catch:  # noqa: BLE001 - reported, and raised by the parent once every child is reaped
        return done, traceback.format_exc(limit=12)
    return done, None


def _child(fn: Callable, mine: Sequence, write_fd: int) -> None:
    """Run ``fn`` over ``mine``, send ``(results, error or None)`` up the pipe, and exit."""
    done, error = _run(fn, mine, BaseException)  # even SystemExit: a child never unwinds the parent's stack
    try:
        data = pickle.dumps((done, error), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(data)
    finally:
        os._exit(1 if error else 0)  # no atexit handlers, no flushing of the parent's buffers


def _collect(pid: int, fd: int) -> tuple[list, str | None]:
    """One child's report, read before it is reaped (a full pipe would block it)."""
    with os.fdopen(fd, "rb") as pipe:
        try:  # unpickled as it arrives: the report's bytes and its objects are never held at once
            report = pickle.load(pipe)
        except Exception:  # noqa: BLE001 - the child died before its report was whole
            report = None
        pipe.read()  # whatever is left, so the child never blocks on a full pipe
    _, status = os.waitpid(pid, 0)
    if report is None:
        return [], f"the worker exited with status {os.waitstatus_to_exitcode(status)} without a report"
    return report
