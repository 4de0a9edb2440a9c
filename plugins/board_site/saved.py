"""The Saved page (/saved/): a static shell whose list theme/static/js/shortlist.js fills
from the browser's localStorage. Nothing about a student's list reaches the build or the
server; the page is the same for everyone and says what it needs when JavaScript is off."""

from __future__ import annotations

PATH = "saved/"


def write_saved_page(gen) -> None:
    """Rendered once per build; ``noindex``: it is empty until a browser fills it."""
    gen.render("saved.html", f"{PATH}index.html", page_title="Saved postings", noindex=True,
               canonical=gen.urls.abs(PATH),
               description="Postings you saved, applied to or hid, kept on this device only.")
