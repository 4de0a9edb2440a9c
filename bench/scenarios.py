"""The rebuilds the board really sees, each one change away from the build before it.

The scheduled job builds once a day after the scrape; pull requests add, withdraw and
edit postings; a theme fix edits a template. Each scenario below makes one such change
to the content (or to the benchmark's copy of the code) and the build that follows runs
from the warm caches the previous build left. They run in this order, so the "next day"
one starts from a same-day warm cache and every later one sits on the new day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Callable

from board.entry import format_datetime, parse_datetime

from . import synthetic


@dataclass
class State:
    """What a rebuild reads: the content, the code snapshot, and how many days after NOW it runs."""

    content: Path
    src: Path
    day: int = 0
    changed: list[str] = field(default_factory=list)  # what each scenario did, for the log

    @property
    def now(self) -> str:
        return format_datetime(parse_datetime(synthetic.NOW) + timedelta(days=self.day))


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    apply: Callable[[State, int], None]  # (state, repetition) -> None: make the one change


def _same_day(state: State, k: int) -> None:
    state.changed.append("nothing")


def _next_day(state: State, k: int) -> None:
    state.day += 1
    state.changed.append(f"clock +1 day ({state.now})")


def _added(state: State, k: int) -> None:
    state.changed.append(f"added {synthetic.add_one(state.content, k).name}")


def _removed(state: State, k: int) -> None:
    state.changed.append(f"removed {synthetic.remove_one(state.content, k).name}")


def _edited(state: State, k: int) -> None:
    state.changed.append(f"edited the summary of {synthetic.touch_one(state.content).name}")


def _template(state: State, k: int) -> None:
    state.changed.append(f"edited {synthetic.edit_template(state.src).name}")


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("same_day", "nothing changed, same day", _same_day),
    Scenario("next_day", "nothing changed, next day (the daily build)", _next_day),
    Scenario("added", "one posting added", _added),
    Scenario("removed", "one posting removed", _removed),
    Scenario("edited", "one posting's summary edited", _edited),
    Scenario("template", "a template edited (posting.html)", _template),
)
