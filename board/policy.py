"""Board policy that maintainers tune without touching code (``board.toml``)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "board.toml"


@dataclass(frozen=True)
class Policy:
    #: Minimum effective hourly pay per ISO 4217 currency; currencies not listed have no floor.
    pay_floors: dict[str, float] = field(default_factory=dict)
    #: Floors for scraped pay in currencies the rate table does not quote (NGN, KES, …): an
    #: employer's posting cannot pay in them (the board could not convert it), a scraped
    #: record in them is still judged against a floor.
    scraped_floors: dict[str, float] = field(default_factory=dict)
    #: Days before the deadline that put a posting in the "closing soon" strip.
    closing_soon_days: int = 7
    #: GitHub repository ("owner/name") that employers send pull requests to.
    repository: str = ""

    def pay_floor(self, currency: str) -> float | None:
        return self.pay_floors.get(currency)

    def scraped_pay_floor(self, currency: str) -> float | None:
        """The floor a scraped record's pay is judged against (either table)."""
        return self.pay_floors.get(currency, self.scraped_floors.get(currency))


def load_policy(path: Path | str | None = None) -> Policy:
    """Read ``board.toml``; a missing file means no floors (tests pass their own)."""
    p = Path(path) if path else DEFAULT_PATH
    if not p.exists():
        return Policy()
    data = tomllib.loads(p.read_text(encoding="utf-8"))
    return Policy(
        pay_floors={k.upper(): float(v) for k, v in data.get("pay_floor", {}).items()},
        scraped_floors={k.upper(): float(v) for k, v in data.get("scraped_pay_floor", {}).items()},
        closing_soon_days=int(data.get("board", {}).get("closing_soon_days", 7)),
        repository=str(data.get("board", {}).get("repository", "")),
    )
