"""``python -m scrapers.linkcheck``: is every open posting's apply link still alive?

Politely, through the shared client in :mod:`scrapers.http` (its robots.txt cache,
one-request-at-a-time per host with a minimum interval, timeouts, retries with backoff,
size cap, redirects followed hop by hop): first a ``HEAD``; if that is not a plain 2xx
(some servers refuse or mishandle HEAD), a ``GET`` through :meth:`Fetcher.get`.

Verdicts:

* **live**: a 2xx answer (after redirects). The posting file gets ``Last-Verified:
  <date>`` (shown on its page as "Verified open on …"); a scraped entry gets
  ``last_verified`` in its ``content/scraped/<source>.json``.
* **dead**: a definite answer from the employer's server that the page is gone: 404,
  410 or another definitive 4xx. After ``--dead-after`` (3) dead checks in a row an
  employer posting is set to ``Status: closed``.
* **unreachable**: no definite answer: a host that does not resolve, a refused
  connection, a timeout, a TLS error, a 5xx after retries, a redirect loop. A network
  fault is never evidence that a posting closed, so this changes no count and no file.
* **skipped**: robots.txt disallows us, or the server blocks or rate-limits us (401,
  403, 429): nothing is learned, so nothing changes.

If more than half of the checked hosts are unreachable, the run is a network problem
(:class:`NetworkProblem`): it changes nothing at all and exits 3 with a message.

The consecutive-failure count lives in ``content/.linkcheck.json``. Files are edited
line by line (only the one header line changes) and re-validated, so the result is a
small diff a maintainer reviews in a pull request (``.github/workflows/check-links.yml``).
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from board.entry import Entry, format_datetime, parse_datetime
from board.policy import load_policy
from board.posting import parse_posting, read_header, split_lines
from board.programme import is_programme_file, parse_programme
from board.validate import posting_files

from .http import (
    BodyTooLarge, FetchError, FetchTimeout, Fetcher, HttpSettings, HttpStatusError, RateLimited,
    RobotsDisallowed, WrongContentType,
)
from .storage import atomic_write_json

STATE_FILE = ".linkcheck.json"
DEAD_AFTER = 3
INCONCLUSIVE_STATUSES = {401, 403, 407, 429}
LINKCHECK_SETTINGS = HttpSettings(connect_timeout=10.0, read_timeout=20.0, total_timeout=60.0, retries=2,
                                  backoff=2.0, max_bytes=2_000_000, workers=4)


class NetworkProblem(Exception):
    """Most hosts gave no answer: our network is down, not their postings."""


@dataclass(frozen=True)
class Verdict:
    state: str  # "live", "dead", "unreachable" or "skipped"
    reason: str  # "HTTP 200", "http-404", "robots", "timeout", …
    final_url: str | None = None


@dataclass
class Target:
    key: str  # state key: "postings/<slug>" or "scraped/<source>/<slug>"
    url: str
    path: Path
    kind: str  # "posting", "programme" or "scraped"
    slug: str


@dataclass
class Report:
    checked: list[tuple[Target, Verdict]] = field(default_factory=list)
    verified: list[str] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def markdown(self, dead_after: int, state: dict) -> str:
        lines = ["## Link check", ""]
        dead = [(t, v) for t, v in self.checked if v.state == "dead"]
        skipped = [(t, v) for t, v in self.checked if v.state == "skipped"]
        unreachable = [(t, v) for t, v in self.checked if v.state == "unreachable"]
        live = [t for t, v in self.checked if v.state == "live"]
        lines.append(f"{len(self.checked)} apply links checked: {len(live)} live, {len(dead)} dead, "
                     f"{len(unreachable)} unreachable, {len(skipped)} skipped.")
        if self.closed:
            lines += ["", f"**Closed** (dead for {dead_after} checks in a row; please confirm before merging):"]
            lines += [f"- `{k}`" for k in self.closed]
        if dead:
            lines += ["", "Dead links (consecutive failures):"]
            lines += [f"- `{t.key}` {t.url} — {v.reason} ({state['links'].get(t.key, {}).get('failures', 0)}/{dead_after})"
                      for t, v in dead]
        if unreachable:
            lines += ["", "No answer (a network fault is not evidence; nothing changes):"]
            lines += [f"- `{t.key}` {t.url} — {v.reason}" for t, v in unreachable]
        if skipped:
            lines += ["", "Not checked (robots.txt or the server blocked us):"]
            lines += [f"- `{t.key}` {t.url} — {v.reason}" for t, v in skipped]
        if self.problems:
            lines += ["", "Problems:"] + [f"- {p}" for p in self.problems]
        return "\n".join(lines) + "\n"


# ---- checking one link ---------------------------------------------------------------


def check_url(fetcher: Fetcher, url: str, min_delay: float = 2.0) -> Verdict:
    """HEAD, then GET if HEAD was not a plain 2xx; both under the fetcher's politeness rules."""
    try:
        status = fetcher.head(url, min_delay)
    except RobotsDisallowed as e:
        return Verdict("skipped", f"robots: {e.message}")
    except FetchError:
        status = None  # the host may still answer a GET; the GET path has the retries
    if status is not None and 200 <= status < 300:
        return Verdict("live", f"HTTP {status} (HEAD)", url)
    try:
        resp = fetcher.get(url, content_types=("*/*",), min_delay=min_delay, accept="text/html, */*;q=0.5")
    except RobotsDisallowed as e:
        return Verdict("skipped", f"robots: {e.message}")
    except (BodyTooLarge, WrongContentType) as e:  # only raised after a 2xx status
        return Verdict("live", f"HTTP 2xx ({e.code})", e.url)
    except RateLimited as e:
        return Verdict("skipped", f"rate limited: {e.message}")
    except HttpStatusError as e:
        if e.status in INCONCLUSIVE_STATUSES:
            return Verdict("skipped", f"{e.code}: the server does not let us check")
        if e.status >= 500:
            return Verdict("unreachable", f"{e.code}: the server failed, which says nothing about the posting")
        return Verdict("dead", e.code)
    except FetchTimeout as e:
        return Verdict("unreachable", f"timeout: {e.message}")
    except FetchError as e:  # DNS, refused, TLS, redirect loop, truncated body: no answer
        return Verdict("unreachable", f"{e.code}: {e.message}")
    if 200 <= resp.status < 300:
        return Verdict("live", f"HTTP {resp.status}" + (f" via {resp.url}" if resp.url != url else ""), resp.url)
    if resp.status >= 500:
        return Verdict("unreachable", f"http-{resp.status}")
    return Verdict("dead", f"http-{resp.status}")


def unreachable_hosts(checked: list[tuple[Target, Verdict]]) -> tuple[set[str], set[str]]:
    """(hosts that gave no answer to any link, every host checked)."""
    answered: set[str] = set()
    hosts: set[str] = set()
    for target, verdict in checked:
        parts = urlsplit(target.url)
        host = f"{(parts.hostname or '').lower()}:{parts.port or parts.scheme}"
        hosts.add(host)
        if verdict.state != "unreachable":
            answered.add(host)
    return hosts - answered, hosts


def network_problem(checked: list[tuple[Target, Verdict]]) -> str | None:
    """The message that stops the run when more than half of the hosts gave no answer."""
    down, hosts = unreachable_hosts(checked)
    if hosts and 2 * len(down) > len(hosts):
        return (f"{len(down)} of {len(hosts)} hosts gave no answer (DNS, connection, timeout or 5xx): this looks "
                "like a network problem, not closed postings. Nothing was changed; run the check again later.")
    return None


# ---- what to check -------------------------------------------------------------------


def open_targets(content: Path, now: datetime) -> tuple[list[Target], list[str]]:
    policy = load_policy()
    targets: list[Target] = []
    problems: list[str] = []
    for path in posting_files([content / "postings"]) if (content / "postings").exists() else []:
        entry, errs = parse_posting(path, policy, now, allow_expired=True)
        if entry is None:
            problems.append(f"{path}: not checked, the posting does not validate ({len(errs)} problem(s))")
            continue
        if entry.is_open(now) and entry.apply_url:
            targets.append(Target(f"postings/{entry.slug}", entry.apply_url, path, "posting", entry.slug))
    targets += programme_targets(content, now, policy, problems)
    for path in sorted((content / "scraped").glob("*.json")) if (content / "scraped").exists() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            records = data["entries"]
        except (OSError, ValueError, KeyError, TypeError) as e:
            problems.append(f"{path}: not checked ({e})")
            continue
        for rec in records:
            try:
                entry = Entry.from_dict(rec)
            except (TypeError, ValueError, KeyError):
                continue
            if entry.is_open(now) and entry.apply_url and entry.apply_url.startswith(("http://", "https://")):
                targets.append(Target(f"scraped/{path.stem}/{entry.slug}", entry.apply_url, path, "scraped", entry.slug))
    return targets, problems


def programme_targets(content: Path, now: datetime, policy, problems: list[str]) -> list[Target]:
    """Each open programme's source page and apply page: the page its facts are taken from must live.

    A programme's own ``Verified`` date is a person's reading of the facts, so a live link
    changes no file; three dead checks in a row close it (``Status: closed``) until a
    maintainer reads the page again.
    """
    folder = content / "programmes"
    targets: list[Target] = []
    for path in posting_files([folder]) if folder.exists() else []:
        entry, errs = parse_programme(path, policy, now, allow_expired=True)
        if entry is None:
            problems.append(f"{path}: not checked, the programme does not validate ({len(errs)} problem(s))")
            continue
        if not entry.is_open(now):
            continue
        urls = dict.fromkeys(u for u in (entry.programme.source_url, entry.apply_url) if u)  # once each
        for i, url in enumerate(urls):
            targets.append(Target(f"programmes/{entry.slug}" + ("" if i == 0 else "/apply"), url, path,
                                  "programme", entry.slug))
    return targets


# ---- editing files ---------------------------------------------------------------------


def set_header(text: str, key: str, value: str) -> str:
    """Set ``Key: value`` in a posting's header, touching no other line."""
    header, _ = read_header(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = split_lines(text, keepends=True)
    new_line = f"{key}: {value}{newline}"
    at = header.lines.get(key.lower())
    if at is not None:
        end = at
        while end < len(lines) and lines[end].startswith(("    ", "\t")) and lines[end].strip():
            end += 1  # drop the old value's continuation lines
        lines[at - 1:end] = [new_line]
    else:
        blank = header.body_line - 2  # index of the blank line ending the header
        if 0 <= blank < len(lines) and not lines[blank].strip():
            lines.insert(blank, new_line)
        else:
            if lines and not lines[-1].endswith(("\n", "\r")):
                lines[-1] += newline
            lines.append(new_line)
    return "".join(lines)


def update_posting(path: Path, changes: dict[str, str], now: datetime) -> str | None:
    """Apply header changes; keep the file only if it still validates. Returns a problem or None."""
    old = path.read_text(encoding="utf-8-sig")
    new = old
    for key, value in changes.items():
        new = set_header(new, key, value)
    if new == old:
        return None
    parse = parse_programme if is_programme_file(path) else parse_posting
    _, problems = parse(path, load_policy(), now, text=new, allow_expired=True)
    if problems:
        return f"{path}: left unchanged, the edit would not validate: {problems[0].format(str(path))}"
    path.write_text(new, encoding="utf-8", newline="")
    return None


def update_scraped(path: Path, verified: dict[str, str]) -> None:
    """Set ``last_verified`` on scraped entries (slug -> ISO datetime), written like storage writes."""
    data = json.loads(path.read_text(encoding="utf-8"))
    changed = False
    for rec in data.get("entries", []):
        when = verified.get(rec.get("slug"))
        if when and rec.get("last_verified") != when:
            rec["last_verified"] = when
            changed = True
    if changed:
        atomic_write_json(path, data)


# ---- the run -----------------------------------------------------------------------------


def load_state(path: Path) -> dict:
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and isinstance(data.get("links"), dict):
                return data
        except ValueError:
            pass
    return {"version": 1, "links": {}}


def run(content: Path, now: datetime, *, state_path: Path | None = None, fetcher: Fetcher | None = None,
        dead_after: int = DEAD_AFTER, min_delay: float = 2.0, dry_run: bool = False) -> tuple[Report, dict]:
    state_path = state_path or content / STATE_FILE
    state = load_state(state_path)
    targets, problems = open_targets(content, now)
    report = Report(problems=problems)
    own = fetcher is None
    fetcher = fetcher or Fetcher(LINKCHECK_SETTINGS)
    try:
        with ThreadPoolExecutor(max_workers=max(1, fetcher.settings.workers)) as pool:
            verdicts = list(pool.map(lambda t: check_url(fetcher, t.url, min_delay), targets))
    finally:
        if own:
            fetcher.close()
    if why := network_problem(list(zip(targets, verdicts))):
        raise NetworkProblem(why)
    today = now.date().isoformat()
    links = state["links"]
    scraped_verified: dict[Path, dict[str, str]] = {}
    for target, verdict in zip(targets, verdicts):
        report.checked.append((target, verdict))
        rec = links.setdefault(target.key, {})
        if rec.get("url") != target.url:
            rec.clear()  # a new link starts a new count
        rec["url"] = target.url
        rec["last_checked"] = today
        rec["last_result"] = verdict.reason
        if verdict.state == "live":
            rec["failures"] = 0
            rec["last_ok"] = today
            report.verified.append(target.key)
            if target.kind == "posting" and not dry_run:
                if why := update_posting(target.path, {"Last-Verified": today}, now):
                    report.problems.append(why)
            elif target.kind == "scraped":
                scraped_verified.setdefault(target.path, {})[target.slug] = format_datetime(parse_datetime(today))
        elif verdict.state == "dead":
            rec["failures"] = int(rec.get("failures", 0)) + 1
            if rec["failures"] >= dead_after and target.kind in ("posting", "programme"):
                rec["closed"] = today
                report.closed.append(target.key)
                if not dry_run and (why := update_posting(target.path, {"Status": "closed"}, now)):
                    report.problems.append(why)
        # "unreachable", "skipped": nothing learned, the count stays as it was
    live_keys = {t.key for t in targets}
    state["links"] = {k: v for k, v in sorted(links.items()) if k in live_keys}  # forget closed and removed postings
    if not dry_run:
        for path, verified in scraped_verified.items():
            update_scraped(path, verified)
        atomic_write_json(state_path, state)
    return report, state


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m scrapers.linkcheck", description=__doc__.splitlines()[0])
    ap.add_argument("--content", type=Path, default=Path("content"))
    ap.add_argument("--state", type=Path, default=None, help=f"failure counts (default: CONTENT/{STATE_FILE})")
    ap.add_argument("--dead-after", type=int, default=DEAD_AFTER, help="close after this many dead checks in a row")
    ap.add_argument("--interval", type=float, default=2.0, help="minimum seconds between requests to one host")
    ap.add_argument("--now", default=None, help="pretend it is this ISO date")
    ap.add_argument("--dry-run", action="store_true", help="check and report; change no file")
    ap.add_argument("--summary", type=Path, default=None, help="also write the report as Markdown here (PR body)")
    args = ap.parse_args(argv)
    now = parse_datetime(args.now) if args.now else datetime.now(timezone.utc)
    try:
        report, state = run(args.content, now, state_path=args.state, dead_after=args.dead_after,
                            min_delay=args.interval, dry_run=args.dry_run)
    except NetworkProblem as e:
        print(f"linkcheck: stopped: {e}", file=sys.stderr)
        return 3
    for target, verdict in report.checked:
        print(f"{verdict.state:7} {target.key}  {target.url}  ({verdict.reason})")
    for p in report.problems:
        print(f"problem {p}", file=sys.stderr)
    text = report.markdown(args.dead_after, state)
    if args.summary:
        args.summary.write_text(text, encoding="utf-8")
    print(f"\n{len(report.verified)} verified, {len(report.closed)} closed, {len(report.checked)} checked.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
