"""``python -m scrapers`` (what ``make scrape`` runs). See scrapers/README.md.

Exit status: 0 when the run completed (failed sources are reported, not fatal, so one
flaky source cannot block the others' commit); 1 with ``--fail-on-error`` if any source
failed; 2 for a bad command line or a bad sources file; 128 + the signal's number
(143, 130) when SIGTERM or SIGINT stopped the run (it still ended cleanly: see
:func:`stop_on_signals`).

``python -m scrapers review`` lists the review queue; ``review accept KEY --hours 20 --pay
"600 USD total"`` and ``review decline KEY`` write the curation.toml row (see scrapers/README.md).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from board.entry import parse_datetime
from . import run as runner
from .config import DEFAULT_PATH, ConfigError, load_config
from .http import Deadline


@contextmanager
def stop_on_signals(deadline: Deadline) -> Iterator[list[int]]:
    """On SIGTERM or SIGINT, stop the run cleanly; a second signal ends the process at once.

    Stopping (:meth:`Deadline.stop`) kills the curation workers, cuts the requests in
    flight and lets no source start or store anything more; sources already stored keep
    their files, and the run still dedupes and prints its summary, so the store is
    consistent when the process exits. ``stop`` takes locks a source thread may hold, so
    it runs in a thread of its own, never inside the handler. Yields the list the
    handler appends the signal numbers to; the previous handlers come back afterwards
    (``main`` is also called in-process, by tests).
    """
    received: list[int] = []

    def handler(signum: int, _frame: object) -> None:
        received.append(signum)
        if len(received) > 1:  # asked twice: do as the signal says
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        name = signal.Signals(signum).name
        print(f"{name}: stopping the run (no new source; the dedupe still runs)", file=sys.stderr, flush=True)
        threading.Thread(target=deadline.stop, args=(name,), name="stop", daemon=True).start()

    if threading.current_thread() is not threading.main_thread():  # signals only reach the main thread
        yield received
        return
    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield received
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m scrapers",
        description="Fetch the configured job sources, keep the real micro-internships, "
                    "write content/scraped/<source>.json.",
    )
    p.add_argument("--sources", nargs="+", metavar="NAME", help="run only these sources (default: all)")
    p.add_argument("--config", type=Path, default=DEFAULT_PATH, metavar="PATH",
                   help="sources file (default: scrapers/sources.toml)")
    p.add_argument("--out", type=Path, default=Path("content/scraped"), metavar="DIR",
                   help="output folder (default: content/scraped)")
    p.add_argument("--state", type=Path, default=None, metavar="DIR",
                   help="run-state folder (default: OUT/.state)")
    p.add_argument("--curation", type=Path, default=None, metavar="PATH",
                   help="curation rules file (default: the curation module's own)")
    p.add_argument("--shard", metavar="K/N",
                   help="run only shard K of N (sources split by host); skips the cross-source dedupe")
    p.add_argument("--merge", nargs="+", type=Path, metavar="DIR",
                   help="instead of scraping, fold these shard output folders into OUT and dedupe")
    p.add_argument("--explain", action="store_true", help="print why each record was kept or rejected")
    p.add_argument("--summary-json", type=Path, metavar="PATH", help="also write the summary as JSON (for CI)")
    p.add_argument("--now", metavar="ISO", help="pretend it is this time (reproducible runs and tests)")
    p.add_argument("--workers", type=int, metavar="N", help="requests in flight at once (different hosts)")
    p.add_argument("--processes", type=int, metavar="N",
                   help="curation worker processes (default: by number of sources and CPUs; 0 = none)")
    p.add_argument("--fail-on-error", action="store_true", help="exit 1 if any source failed")
    p.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    return p


def build_review_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m scrapers review",
                                description="List the review queue, or accept or decline one item "
                                            "(writes the curation.toml include/exclude row).")
    p.add_argument("action", nargs="?", choices=("list", "accept", "decline"), default="list")
    p.add_argument("key", nargs="?", help='the item, "<source>:<id>" as listed')
    p.add_argument("--out", type=Path, default=Path("content/scraped"), metavar="DIR",
                   help="output folder whose review/ holds the queue (default: content/scraped)")
    p.add_argument("--curation", type=Path, default=None, metavar="PATH",
                   help="curation rules file to write the row to (default: scrapers/curation.toml)")
    p.add_argument("--source", nargs="+", metavar="NAME", help="list only these sources' queues")
    p.add_argument("--hours", help='accept: total hours you checked, "20" or "15-20"')
    p.add_argument("--pay", help='accept: the pay you checked, "600 USD total" or "20 EUR hour"')
    p.add_argument("--reason", default="", help="why (goes into the row)")
    p.add_argument("--now", metavar="ISO", help="pretend it is this time (tests)")
    p.add_argument("--pr-body", nargs="+", type=Path, metavar="SUMMARY_JSON",
                   help="print the review pull request's description from these run summaries (CI)")
    return p


def review_main(argv: list[str]) -> int:
    """The maintainer's side of the review queue."""
    from . import curation, review

    parser = build_review_parser()
    args = parser.parse_args(argv)
    try:
        now = parse_datetime(args.now) if args.now else datetime.now(timezone.utc).replace(microsecond=0)
    except ValueError:
        parser.error(f"--now must be an ISO 8601 date or time, not {args.now!r}")
    if args.pr_body:
        new = review.new_keys(args.pr_body)
        print(review.pr_body(args.out, new), end="")
        return 0 if new else 3  # 3: nothing new, no pull request to open
    if args.action == "list":
        print(review.format_queue(args.out, args.source))
        return 0
    if not args.key:
        parser.error(f"{args.action} needs the KEY of an item")
    try:
        hours = review.parse_hours(args.hours) if args.hours else None
        pay = review.parse_pay(args.pay) if args.pay else None
        row = review.decide_item(args.out, args.curation or curation.DEFAULT_PATH, args.key,
                                 args.action == "accept", args.reason, now, hours, pay)
    except (KeyError, ValueError) as e:
        print(f"error: {e.args[0] if e.args else e}", file=sys.stderr)
        return 2
    print(f"wrote to {args.curation or curation.DEFAULT_PATH}:\n{row}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["review"]:
        return review_main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        now = parse_datetime(args.now) if args.now else datetime.now(timezone.utc).replace(microsecond=0)
    except ValueError:
        parser.error(f"--now must be an ISO 8601 date or time, not {args.now!r}")

    if args.merge:
        try:
            merged = runner.merge_shards(args.merge, args.out, now, args.state)
        except (ValueError, OSError) as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
        print(f"merged {len(merged.copied)} file(s) from {len(args.merge)} shard folder(s); "
              f"{len(merged.merged)} duplicate(s) folded")
        for line in merged.conflicts:
            print(f"warning: {line}", file=sys.stderr)
        return 0

    try:
        config = load_config(args.config)
        shard = runner.parse_shard(args.shard) if args.shard else None
        sources = runner.select_sources(config, args.sources, shard)
    except (ConfigError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    http = config.http if not args.workers else replace(config.http, workers=max(1, args.workers))
    progress = runner.Progress(len(sources), enabled=False if args.no_progress else None)
    deadline = Deadline(http.run_timeout, "run")
    with stop_on_signals(deadline) as received:
        result = runner.run(
            config, args.out, names=args.sources, shard=shard, now=now, state_dir=args.state, http=http,
            rules_path=args.curation, explain=args.explain, progress=progress,
            processes=None if args.processes is None else max(0, args.processes), deadline=deadline,
        )
    if args.explain:
        for s in result.sources:
            for line in s.explain:
                print(line)
        print()
    print(runner.format_summary(result))
    if args.summary_json:
        runner.write_summary_json(result, args.summary_json)
    if received:
        return 128 + received[0]
    return 1 if (args.fail_on_error and result.failed) else 0


if __name__ == "__main__":
    sys.exit(main())
