"""``python -m board.validate [paths…]``: check posting and programme files, print every problem at once.

Output is ``path:line: field: problem (expected …)``, one line each, exit status 1
if anything is wrong; the site build refuses invalid postings with the same lines.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from . import samples
from .entry import Entry, parse_datetime, problem
from .forkmap import fork_map
from .identity import url_key
from .policy import Policy, load_policy
from .posting import parse_posting
from .programme import is_programme_file, parse_programme

POSTINGS_DIR = Path("content/postings")
PROGRAMMES_DIR = Path("content/programmes")


def posting_files(paths: list[Path]) -> list[Path]:
    """The posting files of ``paths`` (files or folders): regular ``*.md`` files only, never a link.

    Anything else a folder holds that looks meant as a posting is reported by
    :func:`unusable_files` instead of being read (a symlink may point at ``/dev/zero`` or
    at a file outside the repository, whose lines must not reach a public log).
    """
    files: list[Path] = []
    for p in paths:
        candidates = sorted(p.glob("*.md")) if p.is_dir() and not p.is_symlink() else [p]
        files.extend(f for f in candidates if _regular(f))
    return files


def _regular(path: Path) -> bool:
    return not path.is_symlink() and path.is_file()


def unusable_files(paths: list[Path]) -> list[str]:
    """``path:1: file: …`` for everything in ``paths`` that is not a usable posting file.

    Symlinks, folders named ``*.md``, other file types, and files that would be silently
    skipped (``x.MD``, ``x.markdown``, a posting in a subfolder). Nothing of their content
    is read or printed.
    """
    out: list[str] = []
    for p in paths:
        if p.is_symlink() or (p.exists() and not p.is_dir() and not p.is_file()):
            out.append(_unusable(p, "is a symbolic link or a special file"))
            continue
        if not p.is_dir():
            continue
        for f in sorted(p.iterdir()):
            name = f.name
            if f.is_symlink():
                out.append(_unusable(f, "is a symbolic link"))
            elif f.is_dir():
                if name.lower().endswith((".md", ".markdown")) or any(f.rglob("*.md")):
                    out.append(_unusable(f, "is a folder; postings are files directly in this folder"))
            elif not f.is_file():
                out.append(_unusable(f, "is not a regular file"))
            elif name.lower().endswith((".md", ".markdown")) and not name.endswith(".md"):
                out.append(_unusable(f, "would be ignored: the file name must end in .md (lower case)"))
    return out


def _unusable(path: Path, why: str) -> str:
    return f"{display_path(path)}:1: file: {why} (expected a regular file named <slug>.md)"


def display_path(path: Path) -> str:
    """The path as printed: a newline or ESC in a file name cannot forge a line of output."""
    text = str(path)
    return text if text.isprintable() else repr(text)[1:-1]


def validate_files(files: list[Path], policy: Policy, now: datetime,
                   allow_expired: bool = False, workers: int = 1) -> tuple[list[Entry], list[str]]:
    """Parse and check every file (a posting, or a programme by its folder); also catch
    duplicates across files of the same kind (their pages live under different prefixes).

    Sample files (``content/samples/postings/``) are checked as of the day they are written
    for (``board.samples.AS_OF``), so the bundled samples validate on any date.
    """
    entries: list[Entry] = []
    errors: list[str] = []
    slugs: dict[tuple[str, str], Path] = {}
    apply_urls: dict[tuple[str, str], Path] = {}
    parse = functools.partial(_parse_file, policy=policy, now=now, allow_expired=allow_expired)
    for path, (entry, problems) in zip(files, fork_map(parse, files, workers)):  # the parsing on both cores
        errors.extend(p.format(display_path(path)) for p in problems)
        if entry is None:
            continue
        if (entry.kind, entry.slug) in slugs:
            errors.append(problem("file name", "slug.taken", 1, slug=repr(entry.slug),
                                  path=str(slugs[entry.kind, entry.slug])).format(display_path(path)))
            continue
        slugs[entry.kind, entry.slug] = path
        if entry.apply_url and entry.status == "open":
            key = (entry.kind, url_key(entry.apply_url))
            if key in apply_urls:
                errors.append(problem("apply-url", "apply_url.taken", 1, path=str(apply_urls[key]),
                                      kind=entry.kind).format(display_path(path)))
                continue
            apply_urls[key] = path
        entries.append(entry)
    return entries, errors


def file_day(path: Path, now: datetime) -> datetime:
    """The "now" a file is checked as of: a sample's is ``AS_OF`` (it never decays), any other's the build's."""
    return samples.AS_OF if samples.is_sample_path(path) else now


def _parse_file(path: Path, *, policy: Policy, now: datetime, allow_expired: bool) -> tuple:
    """One file's (entry or None, problems), as of its day (samples: ``AS_OF``)."""
    parse = parse_programme if is_programme_file(path) else parse_posting
    return parse(path, policy, file_day(path, now), allow_expired=allow_expired)


def github_annotation(line: str) -> str:
    """``path:line: field: message`` as a GitHub Actions ``::error`` workflow command."""
    m = re.match(r"^(?P<path>.+?):(?P<line>\d+): (?P<field>[^:]+): (?P<msg>.*)$", line, re.S)
    if not m:
        return f"::error::{_gh_escape(line)}"
    prop = lambda v: _gh_escape(v).replace(":", "%3A").replace(",", "%2C")  # noqa: E731
    return (f"::error file={prop(m['path'])},line={m['line']},title={prop(m['field'])}::"
            f"{_gh_escape(m['field'] + ': ' + m['msg'])}")


def _gh_escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def count_label(files: set[Path] | list[Path]) -> str:
    """'3 posting file(s)', or '3 posting file(s) and 8 programme file(s)' when there are programmes."""
    programmes = sum(1 for f in files if is_programme_file(f))
    postings = len(files) - programmes
    parts = [f"{postings} posting file(s)"] if postings or not programmes else []
    return " and ".join(parts + ([f"{programmes} programme file(s)"] if programmes else []))


def real_paths() -> list[Path]:
    """The real content a pull request changes: postings, and programmes if there are any."""
    return [POSTINGS_DIR] + ([PROGRAMMES_DIR] if PROGRAMMES_DIR.is_dir() else [])


def default_paths() -> list[Path]:
    """What a bare ``python -m board.validate`` checks: the real content and the samples."""
    return [POSTINGS_DIR, samples.FOLDER] + real_paths()[1:]


def changed_postings(ref: str, folder: Path = POSTINGS_DIR) -> list[Path]:
    """Posting files added or modified since ``ref``, plus untracked ones (deletions are not checked)."""
    # -z: names NUL-separated and unquoted (git quotes "café.md" or a name with a newline otherwise,
    # and a quoted name would not end in .md, so a file main refuses would pass the check unseen).
    git = lambda *a: subprocess.run(["git", "-c", "core.quotepath=off", *a, "-z", "--", str(folder)],  # noqa: E731
                                    capture_output=True, text=True, check=True).stdout.split("\0")
    names = git("diff", "--name-only", "--diff-filter=d", ref) + git("ls-files", "--others", "--exclude-standard")
    return sorted({Path(p) for p in names if p})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m board.validate", description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=None,
                    help="posting or programme files or folders "
                         "(default: content/postings, the samples and content/programmes)")
    ap.add_argument("--policy", type=Path, default=None, help="board.toml with pay floors")
    ap.add_argument("--now", default=os.environ.get("BOARD_NOW") or None,
                    help="pretend it is this ISO date, for reproducible checks (default: $BOARD_NOW, else the clock)")
    ap.add_argument("--github", action="store_true", help="also print ::error annotations for GitHub Actions")
    ap.add_argument("--changed-from", metavar="REF", default=None,
                    help="report only posting files changed since this git ref (checked against all the others)")
    args = ap.parse_args(argv)
    now = parse_datetime(args.now) if args.now else datetime.now(timezone.utc)
    files = posting_files(args.paths or default_paths())
    report = set(files)
    if args.changed_from:
        changed = sorted({p for folder in real_paths() for p in changed_postings(args.changed_from, folder)})
        if not changed:
            print(f"No posting file changed since {args.changed_from}.")
            return 0
        usable = set(posting_files(real_paths()))  # x.MD, sub/y.md, links: reported by unusable_files
        changed = [c for c in changed if c in usable]
        report = set(changed)  # the others come first, so a clash is reported on the changed file
        files = [f for f in sorted(usable) if f not in report] + changed
    _, errors = validate_files(files, load_policy(args.policy), now)
    errors = [e for e in errors if any(e.startswith(f"{display_path(f)}:") for f in report)]
    errors = unusable_files(real_paths() if args.changed_from else args.paths or default_paths()) + errors
    for line in errors:
        print(line)
        if args.github:
            print(github_annotation(line))
    if errors:
        print(f"\n{len(errors)} problem(s) in {count_label(report)}.", file=sys.stderr)
        return 1
    print(f"{count_label(report)} OK.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
