"""Fixtures shared by every test folder: the sample board built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.conftest import HOSTILE_POSTING, ROOT, build_site, sample_content, scraped_entry, write_scraped

SHARED = ROOT.parent / "shared"


def shared_or_skip(*parts: str) -> Path:
    """A path in ../shared, or skip: a user's fresh clone has no ../shared beside it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared ships only beside CI and developer checkouts)")
    return path


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The sample board plus a hostile posting, an expired one and a scraped source."""
    base = tmp_path_factory.mktemp("site")
    content = sample_content(base / "content")
    (content / "postings" / "hostile-posting.md").write_text(HOSTILE_POSTING, encoding="utf-8")
    expired = (ROOT / "content/postings/food-bank-donations-dashboard.md").read_text(encoding="utf-8")
    expired = expired.replace("Apply-By: 2027-03-15", "Apply-By: 2026-11-25").replace(
        "harvestshare.example.org/volunteer/dashboard-project", "harvestshare.example.org/volunteer/expired")
    (content / "postings" / "expired-posting.md").write_text(expired, encoding="utf-8")
    write_scraped(content, "example-board", [scraped_entry()])
    return build_site(content, base / "output")
