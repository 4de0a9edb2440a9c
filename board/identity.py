"""When are two postings the same posting? One answer, used by every caller.

The validator's duplicate check, the catalog's merge of employer postings with scraped
copies, the scrapers' dedupe across sources, curation.toml's URL selectors, the PR report
and the submit form (``submit.js`` gets :data:`TRACKING_PARAMS` emitted by
``board.browser_rules`` and ports :func:`url_key` line by line) all compare apply URLs
through :func:`url_key`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Query parameters that say where a visitor came from, not which posting it is.
TRACKING_PARAMS = re.compile(r"^(utm_[a-z]+|ref|referrer|source|src|gh_src|lever-source|fbclid|gclid|mc_[a-z]+)$",
                             re.I)
DEFAULT_PORTS = (80, 443)


def url_key(url: str) -> str:
    """The comparison key of an apply URL.

    ``https://www.acme.org/jobs/42/`` and ``http://acme.org:443/Jobs/42?utm_source=x#apply``
    are one posting: scheme (http/https), ``www.``, a default port, a trailing dot or
    slash, the fragment, tracking parameters, query order and letter case are ignored.
    The query is compared as written (pairs sorted, not re-encoded), so the browser's port
    of this function gives the same key.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").rstrip(".").removeprefix("www.")
        port = parts.port
    except ValueError:  # an unreadable port or bracket: compare the text itself
        return text.lower()
    scheme = parts.scheme.lower()
    scheme = "https" if scheme in ("http", "https") else scheme
    netloc = host if port is None or port in DEFAULT_PORTS else f"{host}:{port}"
    pairs = sorted(p for p in parts.query.split("&") if p and not TRACKING_PARAMS.match(p.split("=", 1)[0]))
    query = "?" + "&".join(pairs) if pairs else ""
    return f"{scheme}://{netloc}{parts.path.rstrip('/')}{query}".lower()


def apply_key(apply_url: str | None, apply_email: str | None = None) -> str:
    """The identity of a way to apply: the URL's key, else the address in lower case."""
    if apply_url:
        return url_key(apply_url)
    return (apply_email or "").strip().lower()
