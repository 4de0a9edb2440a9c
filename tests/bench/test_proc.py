"""bench.proc.measure reaps the child itself and keeps what it wrote (no timing asserted)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from bench.proc import measure


def test_measure_keeps_output_and_exit_code(tmp_path: Path):
    script = "import sys; print('out'); print('err', file=sys.stderr); sys.exit(3)"
    m = measure([sys.executable, "-c", script], cwd=tmp_path, env=dict(os.environ), timeout=600)
    assert (m.returncode, m.stdout, m.stderr, m.timed_out) == (3, "out\n", "err\n", False)
    assert m.peak_mb > 0  # the kernel's figure for a process that ran

