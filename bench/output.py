"""What a build leaves on disk: files, bytes, bytes per posting and the largest folders.

GitHub Pages stops at 1 GB a site, so bytes per posting says how many postings a board
can hold; the largest folders say where the bytes go (feeds, calendars, posting pages…).
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

DEPTH = 2  # folders are reported down to e.g. feeds/organizations/
TOP = 8


def stats(output: Path, postings: int, top: int = TOP) -> dict:
    """Totals for ``output`` and its ``top`` largest folders (up to :data:`DEPTH` deep).

    A folder's size includes everything below it, so ``feeds`` and ``feeds/organizations``
    may both be listed: the second says how much of the first one sub-folder holds.
    """
    files = total = 0
    size: Counter[str] = Counter()
    count: Counter[str] = Counter()
    for dirpath, _, names in os.walk(output):
        rel = Path(dirpath).relative_to(output).parts
        folders = ["/".join(rel[:d]) + "/" for d in range(1, min(len(rel), DEPTH) + 1)]
        for name in names:
            b = os.path.getsize(os.path.join(dirpath, name))
            files += 1
            total += b
            for f in folders:
                size[f] += b
                count[f] += 1
    largest = [{"folder": f, "bytes": b, "files": count[f]} for f, b in
               sorted(size.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    return {"files": files, "bytes": total, "mb": round(total / 1e6, 1),
            "bytes_per_posting": round(total / postings) if postings else None, "largest": largest}


def human(b: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if b >= scale:
            return f"{b / scale:.1f} {unit}"
    return f"{b} B"
