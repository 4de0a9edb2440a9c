"""Constants shared by the parsing and curation tests (adapters, curation, normalize, corpus).

Kept out of conftest.py, which belongs to the HTTP/storage tests and has its own clock.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from board.policy import Policy

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "payloads"
NOW = datetime(2026, 8, 1, 12, 0, tzinfo=timezone.utc)
POLICY = Policy(pay_floors={"USD": 15, "EUR": 13, "GBP": 12})


def greenhouse_with_prose_deadline(day: str) -> bytes:
    """The Greenhouse fixture (its micro-internship has no ``application_deadline``) with
    "Applications close <day>." added to that posting's text: a deadline said only in prose."""
    data = json.loads((FIXTURES / "greenhouse.json").read_text(encoding="utf-8"))
    job = data["jobs"][0]
    assert job["application_deadline"] is None
    job["content"] += f"&lt;p&gt;Applications close {day}.&lt;/p&gt;"
    return json.dumps(data).encode()
