"""Helpers for the board tests: a fixed clock, an explicit policy, posting builders.

Nothing here reads today's date or board.toml, so the tests give the same verdict
whenever and wherever they run.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from board.policy import Policy
from board.posting import parse_posting

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)
NOW_ARG = "2026-11-26T12:00:00"
POLICY = Policy(pay_floors={"USD": 15.0, "EUR": 13.0, "GBP": 12.0, "CAD": 17.0, "INR": 250.0, "AUD": 23.0},
                closing_soon_days=7, repository="microboard/microboard")
REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "postings"
POLICY_TOML = """[board]
closing_soon_days = 7
repository = "microboard/microboard"

[pay_floor]
USD = 15
EUR = 13
GBP = 12
CAD = 17
INR = 250
AUD = 23
"""

#: A valid posting, one header line per key in this order (line numbers = index + 1).
VALID_HEADER: list[tuple[str, str]] = [
    ("Title", "Build a donations dashboard"),
    ("Organization", "Harvest Share"),
    ("Organization-URL", "https://harvestshare.example.org"),
    ("Summary", "Turn donation spreadsheets into a one-page dashboard."),
    ("Category", "data"),
    ("Skills", "Python, Excel, data viz"),
    ("Hours", "15-20"),
    ("Pay", "600 USD total"),
    ("Apply-URL", "https://harvestshare.example.org/jobs/dashboard"),
    ("Apply-By", "2027-03-15"),
    ("Posted", "2026-11-18"),
    ("Eligible-Regions", "US, CA"),
    ("Timezones", "UTC-8 to UTC-5"),
    ("Students", "enrolled-or-recent"),
    ("Work-Authorization", "not-required"),
    ("Deliverables", "A cleaned dataset\n    A one-page dashboard"),
]
VALID_BODY = "## What you will do\n\n- Merge the sheets\n- Build three charts\n"


def make_posting(body: str = VALID_BODY, drop: tuple[str, ...] = (), extra: list[tuple[str, str]] | None = None,
                 **changes: str) -> str:
    """The valid posting with keys changed (``Apply_By="..."`` for Apply-By), dropped or appended."""
    changes = {k.replace("_", "-").lower(): v for k, v in changes.items()}
    dropped = {d.lower() for d in drop}
    lines = []
    for key, value in VALID_HEADER:
        if key.lower() in dropped:
            continue
        lines.append(f"{key}: {changes.pop(key.lower(), value)}")
    for key, value in (extra or []) + [(k, v) for k, v in changes.items()]:
        lines.append(f"{key}: {value}")
    return "\n".join(lines) + "\n\n" + body


def line_of(text: str, key: str) -> int:
    """1-based line number of the header line for ``key``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lower().startswith(key.lower() + ":"):
            return number
    raise AssertionError(f"{key} not in posting")


def parse(text: str, name: str = "valid-posting.md", policy: Policy = POLICY, now: datetime = NOW):
    return parse_posting(Path(name), policy, now, text=text)


def messages(text: str, name: str = "valid-posting.md", **kw) -> list[str]:
    return [p.format(name) for p in parse(text, name, **kw)[1]]
