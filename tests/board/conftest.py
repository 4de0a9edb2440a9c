"""Fixtures for the board tests; the helpers live in board_testkit."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.board.board_testkit import POLICY_TOML


@pytest.fixture
def policy_file(tmp_path: Path) -> Path:
    path = tmp_path / "board.toml"
    path.write_text(POLICY_TOML, encoding="utf-8")
    return path
