"""The pull-request bot comment: problems, or a preview of the card, for each changed posting.

Run by ``.github/workflows/pr-comment.yml`` (``workflow_run``, write token) on the
*default branch's* code, with the artifact of the read-only PR check as its only input::

    PYTHONPATH=plugins python -m board_site.pr_report ARTIFACT_DIR > comment.md

``ARTIFACT_DIR`` holds ``files.txt`` (changed paths, one a line) and copies of those files
under the same relative paths. Everything in it is untrusted data: paths are matched
against ``content/postings/<slug>.md``, file texts are only parsed by ``board.posting``,
and every string that reaches the Markdown is escaped (no HTML, no links, no mentions).
The comment starts with :data:`MARKER`, so the workflow updates one comment per PR.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

from board import vocabulary as vocab
from board.entry import Entry, problem
from board.identity import url_key
from board.policy import Policy, load_policy
from board.posting import MAX_FILE_BYTES, parse_posting
from board.validate import POSTINGS_DIR, posting_files, validate_files

from . import present

MARKER = "<!-- microboard-posting-check -->"
_PATH = re.compile(r"^content/postings/[A-Za-z0-9._-]{1,100}\.md$")
MAX_FILES = 20
MAX_PROBLEMS = 30


def md(text: str, limit: int = 300) -> str:
    """Untrusted text as inert Markdown: one line, escaped, no HTML, no @mentions, no autolinks."""
    text = re.sub(r"\s+", " ", str(text)).strip()
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"([\\`*_{}\[\]()#+!|~])", r"\\\1", text)
    text = text.replace("@", "@\u200b").replace("://", ":\u200b//").replace("www.", "www\u200b.")
    return text


def read_artifact(folder: Path) -> tuple[list[tuple[str, str | None]], list[str]]:
    """(path, text or None if unreadable) for every acceptable path listed; and notes."""
    notes: list[str] = []
    listed = (folder / "files.txt").read_text(encoding="utf-8", errors="replace").splitlines() \
        if (folder / "files.txt").exists() else []
    out: list[tuple[str, str | None]] = []
    for raw in listed:
        path = raw.strip()
        if not path:
            continue
        if not _PATH.match(path) or ".." in path:
            notes.append(f"Ignored a changed file outside content/postings/: {md(path, 120)}")
            continue
        if len(out) >= MAX_FILES:
            notes.append(f"Only the first {MAX_FILES} posting files are shown.")
            break
        f = folder / path
        if f.is_symlink() or not f.is_file() or f.stat().st_size > MAX_FILE_BYTES * 2:
            out.append((path, None))
            continue
        out.append((path, f.read_bytes().decode("utf-8", errors="replace")))
    return out, notes


def other_open_urls(repo_postings: Path, changed: set[str], policy: Policy, now: datetime) -> dict[str, str]:
    """Apply URLs of the default branch's open postings (for the duplicate check)."""
    files = [f for f in posting_files([repo_postings]) if f"content/postings/{f.name}" not in changed] \
        if repo_postings.exists() else []
    entries, _ = validate_files(files, policy, now, allow_expired=True)
    return {url_key(e.apply_url): f"content/postings/{e.slug}.md"
            for e in entries if e.apply_url and e.status == "open"}


def card_markdown(e: Entry, now: datetime) -> list[str]:
    rows = [
        ("Title", e.title), ("Organization", e.organization.name), ("Category", vocab.category_label(e.category)),
        ("Pay", present.pay_label(e)), ("Per hour", present.hourly_label(e)), ("Effort", present.hours_label(e)),
        ("Deadline", present.deadline_label(e, now)),
        ("Who may apply", f"{vocab.STUDENT_STATUS.get(e.eligibility.students, '')}; {present.regions_label(e)}"),
        ("Time zones", present.timezone_label(e)), ("Skills", ", ".join(e.skills)), ("Summary", e.summary),
        ("Apply", e.apply_url or e.apply_email or ""),
    ]
    lines = ["| | |", "| --- | --- |"]
    lines += [f"| {name} | {md(value)} |" for name, value in rows if value]
    return lines


def report(folder: Path, policy: Policy, now: datetime, repo_postings: Path = POSTINGS_DIR) -> tuple[str, bool]:
    """The comment's Markdown, and whether every changed posting is valid."""
    files, notes = read_artifact(folder)
    lines = [MARKER, "### Posting check", ""]
    if not files:
        lines.append("No posting file (`content/postings/*.md`) changed in this pull request.")
        lines += [""] + [f"- {n}" for n in notes]
        return "\n".join(lines) + "\n", True
    urls = other_open_urls(repo_postings, {p for p, _ in files}, policy, now)
    all_ok = True
    for path, text in files:
        name = Path(path).name
        if text is None:
            problems = [problem("file", "file.unreadable", 1)]
            entry = None
        else:
            entry, problems = parse_posting(Path(name), policy, now, text=text)
            if entry is not None and entry.apply_url and entry.status == "open":
                other = urls.get(url_key(entry.apply_url))
                if other and other != path:
                    problems = [problem("apply-url", "apply_url.taken", 1, path=str(other), kind="posting")]
                    entry = None
        lines.append(f"#### `{path}`")  # matched _PATH: only safe characters
        if problems:
            all_ok = False
            lines.append(f"❌ {len(problems)} problem(s) to fix (also annotated on the lines in *Files changed*):")
            lines += ["", "| line | field | problem | expected |", "| ---: | --- | --- | --- |"]
            for p in problems[:MAX_PROBLEMS]:
                lines.append(f"| {p.line or 1} | {md(p.field, 40)} | {md(p.message)} | {md(p.expected)} |")
            if len(problems) > MAX_PROBLEMS:
                lines.append(f"\n… and {len(problems) - MAX_PROBLEMS} more.")
        else:
            lines.append("✅ Valid. This is how the card will read on the board:")
            lines += [""] + card_markdown(entry, now)
        lines.append("")
    lines += [f"- {n}" for n in notes]
    lines.append("<sub>Checked with the board's validator (`make validate`) on the default branch's code. "
                 "This comment is updated on every push.</sub>")
    return "\n".join(lines) + "\n", all_ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m board_site.pr_report", description=__doc__.splitlines()[0])
    ap.add_argument("artifact", type=Path, help="folder with files.txt and the changed posting files")
    ap.add_argument("--policy", type=Path, default=None)
    ap.add_argument("--now", default=os.environ.get("BOARD_NOW") or None,
                    help="pretend it is this ISO date (default: $BOARD_NOW, else the clock), as board.validate")
    args = ap.parse_args(argv)
    now = datetime.fromisoformat(args.now).replace(tzinfo=timezone.utc) if args.now else datetime.now(timezone.utc)
    text, _ok = report(args.artifact, load_policy(args.policy), now)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
