"""One measured subprocess: wall time, CPU (user + system) and peak RSS from ``os.wait4``.

Every build of the benchmark (ours, Pelican's, Hugo's) is measured the same way, by the
parent reaping the child with ``os.wait4``: the kernel's figures include every thread of
the child (Hugo renders on all cores) and every child *it* reaped (worker processes of a
parallel build), which a build's own ``getrusage(RUSAGE_SELF)`` would miss.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Measured:
    returncode: int
    wall_s: float
    cpu_s: float
    peak_mb: float  # the largest resident set of the child or a reaped descendant
    stdout: str
    stderr: str
    timed_out: bool = False


def measure(cmd: list[str], *, cwd: Path, env: dict[str, str], timeout: float) -> Measured:
    """Run ``cmd`` to completion and return what the kernel accounted to it.

    Output goes to temporary files rather than pipes, so nothing but ``wait4`` reaps the
    child (``communicate`` would, and its rusage would be lost); a timer kills a child
    that outlives ``timeout``.
    """
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err, text=True)
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            proc.kill()
        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # tell Popen it is reaped
        out.seek(0)
        err.seek(0)
        return Measured(returncode=proc.returncode, wall_s=round(wall, 3),
                        cpu_s=round(usage.ru_utime + usage.ru_stime, 3),
                        peak_mb=round(usage.ru_maxrss / 1024, 1),  # Linux: KiB
                        stdout=out.read(), stderr=err.read(), timed_out=killed.is_set())
