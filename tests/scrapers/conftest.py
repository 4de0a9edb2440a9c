"""Shared fixtures for the scraper tests: a fixed clock, a policy, fixture payloads."""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from board.policy import Policy

sys.path.insert(0, str(Path(__file__).resolve().parent))  # for the corpus helper module

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "payloads"
NOW = datetime(2026, 8, 1, 12, 0, tzinfo=timezone.utc)
POLICY = Policy(pay_floors={"USD": 15, "EUR": 13, "GBP": 12})


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def policy() -> Policy:
    return POLICY
