"""Constants shared by the parsing and curation tests (adapters, curation, normalize, corpus).

Kept out of conftest.py, which belongs to the HTTP/storage tests and has its own clock.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from board.policy import Policy

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "payloads"
NOW = datetime(2026, 8, 1, 12, 0, tzinfo=timezone.utc)
POLICY = Policy(pay_floors={"USD": 15, "EUR": 13, "GBP": 12})
