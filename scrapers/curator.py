"""The curate function a run calls, bound once to the curation rules and the board's policy.

The run (``scrapers.run``) and every curation worker process (``scrapers.pool``) get it
from here, so both decide with the same rules; it lives in its own module so that
neither has to import the other.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from board import entry as board_entry, sanitize
from board.policy import DEFAULT_PATH as POLICY_PATH, load_policy

from . import curation, extract, normalize
from .record import RawRecord, SourceConfig

#: ``curate(record, source, rules, now) -> curation.Decision``.
Curate = Callable[[RawRecord, SourceConfig, Any, datetime], Any]


def default_curation(rules_path: Path | None = None) -> tuple[Curate, Any, list[Path]]:
    """The curate function, its rules and the files whose change must defeat a 304.

    ``scrapers.curation.curate`` also takes the board's pay-floor policy; it is bound here
    so the run calls every curate as ``curate(record, source, rules, now)``.
    """
    rules = curation.load_rules(rules_path)
    policy = load_policy()

    def curate(record: RawRecord, source: SourceConfig, rules: Any, now: datetime) -> curation.Decision:
        return curation.curate(record, source, rules, policy, now)

    code = [Path(m.__file__ or "") for m in (normalize, extract, board_entry, sanitize)]
    # this order is the 304 fingerprint's: changing it makes every source re-read once
    return curate, rules, [Path(curation.__file__ or ""), Path(POLICY_PATH), *code,
                           Path(rules_path or curation.DEFAULT_PATH)]
