"""The Submit page (``/post-a-project/``): the posting rules as JSON for ``submit.js``.

``content/pages/post-a-project.md`` is rendered with ``theme/templates/submit.html``.
The rules (~78 KB, most of the page when they were inlined, and parsed before the form
could paint) are written to ``PATHS["submit_rules"]`` by the board generator and fetched
by the form after first paint from ``submit_rules_href()``: the address carries
``?v=<hash of the rules>``, computed once per build, so a host may cache the file for
ever and a changed rule is still a new address. The rules come from
``board.browser_rules`` (read from the Python schema at build time), so the browser
validates with what ``make validate`` uses. Hooked by one line in
``generator.install_template_helpers``.

The cross-file checks' data (every posting file, every open apply link) grows with the
board (300 KB at 2,000 postings: most of the page, and its blocking time on a phone), so
it is not inlined: :func:`taken_json` is written to ``PATHS["submit_taken"]`` and the form
fetches it the first time it needs it (``submit/form.js``).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import unicodedata
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Callable
from urllib.parse import quote

from board import samples
from board.identity import url_key
from board import vocabulary as vocab
from board.browser_rules import rules, rules_json
from board.paths import PATHS
from board.catalog import code_version
from board.entry import email_problem, parse_datetime
from board.policy import load_policy
from board.programme import scaffold
from board.validate import PROGRAMMES_DIR


def taken_and_urls(catalog) -> tuple[dict[str, str], dict[str, str]]:
    """Existing posting files and open apply URLs (``board.validate``'s cross-file checks)."""
    taken: dict[str, str] = {}
    urls: dict[str, str] = {}
    for e in catalog.all if catalog is not None else ():
        if e.source.kind != "employer":
            continue
        path = samples.posting_path(e)
        taken[e.slug] = path
        if e.apply_url and e.status == "open":
            urls.setdefault(url_key(e.apply_url), path)
    return taken, urls


def taken_json(catalog) -> str:
    """``{"taken", "open_apply_urls"}`` of ``catalog`` as JSON: what the form fetches."""
    taken, urls = taken_and_urls(catalog)
    return rules_json({"taken": dict(sorted(taken.items())), "open_apply_urls": dict(sorted(urls.items()))})


def next_steps(settings: dict, repository: str | None) -> dict:
    """What the page says happens after "Create pull request", from the board owner's settings.

    ``BOARD_MAINTAINER_EMAIL`` is shown only when set and a valid address (a typo must not
    become a mailto: link that reaches nobody); the README and CONTRIBUTING links point at
    the repository's own sections.
    """
    email = (settings.get("BOARD_MAINTAINER_EMAIL") or "").strip()
    blob = f"https://github.com/{repository}/blob/main" if repository else None
    return {
        "reviewers": [h.lstrip("@") for h in settings.get("BOARD_REVIEWERS") or ()],
        "review_days": settings.get("BOARD_REVIEW_DAYS") or 3,
        "email": email if email and not email_problem(email) else None,
        "review_url": f"{blob}/CONTRIBUTING.md#what-happens-to-your-pull-request" if blob else None,
        "update_url": f"{blob}/CONTRIBUTING.md#keeping-the-posting-true" if blob else None,
        "readme_url": f"{blob}/README.md#submit-a-posting" if blob else None,
    }


def stored_rules(store: Path | None, policy_path: str | None, taken: tuple, urls: tuple,
                 make: Callable[[], str]) -> str:
    """The rules' JSON, kept in ``store`` between builds: ``make()`` derives regular
    expressions from Unicode's and IDNA's tables (about a second, issue #19's profile), and
    its result changes only with ``board``'s code, the policy, the posting files and open
    apply URLs, and the Python and ``idna`` versions, which the key holds."""
    if store is None:
        return make()
    policy = Path(policy_path) if policy_path else None
    raw = json.dumps([code_version(), policy.read_text(encoding="utf-8") if policy and policy.is_file() else None,
                      taken, urls, sys.version, unicodedata.unidata_version, metadata.version("idna")])
    key = hashlib.sha1(raw.encode("utf-8")).hexdigest()
    try:
        kept = json.loads(store.read_text(encoding="utf-8"))
        if kept.get("key") == key:
            return kept["json"]
    except (OSError, ValueError, AttributeError):
        pass
    text = make()
    store.parent.mkdir(parents=True, exist_ok=True)
    tmp = store.with_name(store.name + ".tmp")
    tmp.write_text(json.dumps({"key": key, "json": text}), encoding="utf-8")
    os.replace(tmp, store)
    return text


def install(env, settings: dict) -> None:
    """Add the ``submit_rules(catalog)`` global (JSON text, safe inside a script element)."""
    policy_path = settings.get("BOARD_POLICY")

    store = Path(settings.get("CACHE_PATH", "cache")) / "board" / "submit-rules.json" \
        if settings.get("BOARD_CACHE", True) else None

    @lru_cache(maxsize=1)
    def submit_rules(catalog=None) -> str:  # noqa: ARG001 - the duplicates are taken_json's now
        """The rules without the cross-file data (``taken`` and ``open_apply_urls`` are empty:
        the form fetches them from ``submit_taken_href()``), kept between builds."""
        return stored_rules(store, policy_path, (), (), lambda: rules_json(rules(load_policy(policy_path))))

    def submit_currencies() -> list[str]:
        """Currencies with a pay floor first (the common ones), then every other ISO code."""
        floors = sorted(load_policy(policy_path).pay_floors)
        return floors + [c for c in sorted(vocab.currencies()) if c not in floors]

    def programme_file_url() -> str | None:
        """GitHub's new-file page in content/programmes, filled with the programme scaffold.

        The form writes postings only; a programme is written by hand and checked by the
        pull-request check (``board.validate``), so this link is all the page offers for it.
        """
        repository = load_policy(policy_path).repository
        if not repository:
            return None
        today = parse_datetime(settings["BOARD_NOW"]) if settings.get("BOARD_NOW") else None
        return (f"https://github.com/{repository}/new/main/{PROGRAMMES_DIR.as_posix()}"
                f"?filename=your-programme.md&value={quote(scaffold(today))}")

    env.globals["submit_next"] = lambda: next_steps(settings, load_policy(policy_path).repository)
    @lru_cache(maxsize=1)
    def submit_rules_version() -> str:
        """The rules' content hash, the ``?v=`` of their address (computed once per build)."""
        return hashlib.sha256(submit_rules().encode("utf-8")).hexdigest()[:12]

    env.globals["submit_rules"] = submit_rules
    env.globals["submit_rules_path"] = PATHS["submit_rules"]
    env.globals["submit_rules_version"] = submit_rules_version
    env.globals["submit_taken_path"] = PATHS["submit_taken"]
    env.globals["submit_currencies"] = submit_currencies
    env.globals["programme_file_url"] = programme_file_url
