"""``python -m board.new_posting``: answer questions, get a valid posting file.

Asks for each field in turn, shows what is expected (``board.posting.EXAMPLES`` and the
vocabularies), and re-asks until the answer passes. It has no rules of its own: every
answer is checked by building the posting text and running it through
``board.posting.parse_posting`` (which applies ``board.entry.check``), keeping only the
problems about the field just asked. The finished file is then run through
``board.validate``.

Answers may come from a pipe, one per line, so it can be scripted and tested::

    printf '%s\\n' "Build a rota app" "Harvest Share" ... | python -m board.new_posting
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, TextIO

from . import vocabulary as vocab
from .entry import Problem, format_datetime, parse_datetime, problem
from .formats import MAX_SLUG_LEN, default_slug
from .policy import Policy, load_policy
from .posting import DISPLAY, EXAMPLES, has_line_separator, parse_posting, read_header
from .validate import POSTINGS_DIR
from .validate import main as validate_main


#: Stand-ins for fields not asked yet: they parse, so the cross-field rules still run
#: for the field being asked. Problems about them are ignored until they are asked.
PLACEHOLDERS = {
    "title": "Placeholder title", "organization": "Placeholder", "summary": "Placeholder summary.",
    "category": "software", "skills": "Python", "hours": "10", "pay": "100000 USD total",
    "apply-url": "https://placeholder.example.org/apply",
}
PLACEHOLDER_BODY = "Placeholder body."


class EndOfAnswers(Exception):
    """Standard input ran out before every question was answered."""


@dataclass
class Scaffold:
    policy: Policy
    now: datetime
    out: TextIO = sys.stdout
    inp: TextIO = sys.stdin

    def __post_init__(self) -> None:
        self.answers: dict[str, str] = {}
        self.body: str | None = None
        self.slug = "new-posting"

    # ---- input / output ------------------------------------------------------
    def say(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    def read_line(self, prompt: str) -> str:
        self.out.write(prompt)
        self.out.flush()
        line = self.inp.readline()
        if not line:
            raise EndOfAnswers(prompt.strip())
        if not self.inp.isatty():
            self.out.write(line if line.endswith("\n") else line + "\n")  # echo piped answers
        return line.rstrip("\r\n")

    # ---- checking: the validator's own verdict, restricted to one field -----------
    def render(self, with_placeholders: bool = True, body: str | None = None) -> str:
        values = dict(PLACEHOLDERS) if with_placeholders else {}
        if with_placeholders:
            values["posted"] = self.now.date().isoformat()
        values.update({k: v for k, v in self.answers.items() if v})
        if values.get("apply-email") and "apply-url" not in self.answers:
            values.pop("apply-url", None)
        lines = []
        for key, label in DISPLAY.items():
            value = values.get(key)
            if not value:
                continue
            first, *rest = value.split("\n")
            lines.append(f"{label}: {first}")
            lines.extend("    " + more for more in rest)
        text = body if body is not None else (self.body if self.body is not None else PLACEHOLDER_BODY)
        return "\n".join(lines) + "\n\n" + text.strip("\n") + "\n"

    def problems_for(self, fields: tuple[str, ...], slug: str | None = None, body: str | None = None) -> list[Problem]:
        path = Path(f"{slug or self.slug}.md")
        text = self.render(body=body)
        _, problems = parse_posting(path, self.policy, self.now, text=text)
        mine = [p for p in problems if p.field in (*fields, "header")]
        # An answer with a character that ends a line (e.g. U+2028) would not survive the
        # round trip through the file format: say so rather than write a broken file.
        header, _ = read_header(text)
        for key in fields:
            answer = self.answers.get(key)
            if answer and (header.values.get(key) != answer or has_line_separator(answer)):
                mine.append(Problem(key, "contains a line break or a character that ends a line",
                                    "one line of plain text"))
        return mine

    def show(self, problems: list[Problem]) -> None:
        for p in problems:
            self.say("  ✗ " + p.format())

    # ---- questions -------------------------------------------------------------
    def ask(self, key: str, question: str, hint: str = "", default: str = "", optional: bool = False,
            transform: Callable[[str], str] = str.strip, also: tuple[str, ...] = ()) -> str:
        """Ask until the validator has nothing to say about ``key``; store and return the answer."""
        hint = hint or EXAMPLES.get(key, "")
        while True:
            self.say()
            self.say(question + (" (optional, Enter to skip)" if optional else ""))
            if hint:
                self.say(f"  Expected: {hint}")
            answer = self.read_line(f"> [{default}] " if default else "> ").strip()
            if not answer:
                answer = default
            if not answer and optional:
                self.answers.pop(key, None)
                return ""
            answer = transform(answer)
            self.answers[key] = answer
            problems = self.problems_for((key, *also))
            if not answer and not problems:
                problems = [problem(key, "key.missing", example=hint)]
            if not problems:
                return answer
            self.show(problems)
            self.say("  Please try again.")

    def ask_list(self, key: str, question: str, hint: str) -> list[str]:
        """Several answers, one per line, ended by an empty line."""
        while True:
            self.say()
            self.say(question + " (one per line, empty line to finish)")
            self.say(f"  Expected: {hint}")
            items: list[str] = []
            while line := self.read_line("> ").strip():
                items.append(line)
            self.answers[key] = "\n".join(items)
            problems = self.problems_for((key,))
            if not problems:
                if not items:
                    self.answers.pop(key, None)
                return items
            self.show(problems)
            self.say("  Please try again.")

    def ask_body(self) -> str:
        while True:
            self.say()
            self.say("Description of the project, in Markdown (headings, lists, https:// links).")
            self.say("  End with a line containing only a single dot: .")
            lines: list[str] = []
            while True:
                try:
                    line = self.read_line("| ")
                except EndOfAnswers:
                    if lines:
                        break
                    raise
                if line.strip() == ".":
                    break
                lines.append(line)
            body = "\n".join(lines).strip("\n")
            problems = self.problems_for(("body", "description"), body=body or " ")
            if body and not problems:
                self.body = body
                return body
            self.show(problems or [problem("body", "description.empty")])
            self.say("  Please try again.")

    def ask_slug(self, directory: Path) -> str:
        default = default_slug(self.answers["title"], self.answers["organization"])
        while True:
            self.say()
            self.say("File name for the posting (without .md)")
            self.say(f"  Expected: lower-case letters, digits and hyphens, at most {MAX_SLUG_LEN}")
            slug = self.read_line(f"> [{default}] ").strip() or default
            slug = slug.removesuffix(".md")
            problems = self.problems_for(("file name",), slug=slug)
            if not problems and (directory / f"{slug}.md").exists():
                problems = [Problem("file name", f"{slug}.md already exists in {directory}", "a new file name")]
            if not problems:
                self.slug = slug
                return slug
            self.show(problems)
            self.say("  Please try again.")

    def run(self, directory: Path) -> Path:
        self.say("New micro-internship posting. Answer each question; Enter accepts the [default].")
        self.say("Every answer is checked with the same rules as `make validate`.")
        self.ask("title", "Title of the project")
        self.ask("organization", "Organization name")
        self.ask("organization-url", "Organization website", hint="an https:// URL, e.g. https://harvestshare.example.org",
                 optional=True)
        self.ask("summary", "One-sentence summary")
        cats = ", ".join(f"{i}={slug}" for i, slug in enumerate(vocab.CATEGORIES, start=1))
        numbered = {str(i): slug for i, slug in enumerate(vocab.CATEGORIES, start=1)}
        self.ask("category", "Category", hint=f"one of {cats} (number or name)",
                 transform=lambda s: numbered.get(s.strip(), s.strip()))
        self.say()
        self.say("Known skills: " + ", ".join(vocab.SKILLS))
        self.ask("skills", "Skills needed", transform=_canonical_skills)
        self.ask("hours", "Total hours for the whole project (not per week)")
        self.ask("pay", "Pay", hint=EXAMPLES["pay"] + "; currencies: ISO 4217 codes; the board's floors: "
                 + ", ".join(f"{c} {v:g}/h" for c, v in sorted(self.policy.pay_floors.items())))
        url = self.ask("apply-url", "Application link", hint="an https:// URL (Enter to give an e-mail address instead)",
                       optional=True)
        if not url:
            self.ask("apply-email", "Application e-mail address", hint="name@example.org")
        self.ask("posted", "Date posted", default=self.now.date().isoformat())
        self.ask("apply-by", "Apply by (deadline)")
        self.ask("eligible-regions", "Who may apply: countries or regions",
                 hint=EXAMPLES["eligible-regions"] + "; regions: " + ", ".join(vocab.REGIONS), default="WORLDWIDE")
        self.ask("timezones", "Time zones the student must overlap with", optional=True)
        self.ask("students", "Study status", hint=_choices(vocab.STUDENT_STATUS), default="enrolled-or-recent",
                 transform=lambda s: s.strip().lower())
        self.ask("work-authorization", "Work authorization", hint=_choices(vocab.WORK_AUTHORIZATION),
                 default="not-required", transform=lambda s: s.strip().lower())
        self.ask_list("deliverables", "Deliverables", "short items, e.g. A one-page dashboard")
        self.ask_body()
        slug = self.ask_slug(directory)

        text = self.render(with_placeholders=False)
        _, problems = parse_posting(Path(f"{slug}.md"), self.policy, self.now, text=text)
        if problems:  # cannot happen if every field passed; never write a broken file
            self.show(problems)
            raise SystemExit(1)
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"{slug}.md"
        path.write_text(text, encoding="utf-8")
        self.say()
        self.say(f"Wrote {path}")
        return path


def _canonical_skills(text: str) -> str:
    """Write known skills by their canonical names ("JS" -> "JavaScript"); keep the rest as typed."""
    out: list[str] = []
    for word in (w.strip() for w in text.split(",")):
        if word:
            name = vocab.canonical_skill(word) or word
            if name not in out:
                out.append(name)
    return ", ".join(out)


def _choices(options: dict[str, str]) -> str:
    return "; ".join(f"{k} ({v})" for k, v in options.items())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m board.new_posting", description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=POSTINGS_DIR, help="where to write the file (content/postings)")
    ap.add_argument("--policy", type=Path, default=None, help="board.toml with pay floors")
    ap.add_argument("--now", default=None, help="pretend it is this ISO date or datetime (for tests)")
    args = ap.parse_args(argv)
    now = parse_datetime(args.now) if args.now else datetime.now(timezone.utc)
    scaffold = Scaffold(load_policy(args.policy), now)
    try:
        path = scaffold.run(args.dir)
    except (EndOfAnswers, KeyboardInterrupt) as exc:
        print(f"\nStopped before the posting was complete ({exc or 'interrupted'}); nothing written.", file=sys.stderr)
        return 2
    scaffold.say("Running the validator on it:")
    v_args = [str(path), "--now", format_datetime(now).removesuffix("Z")]
    if args.policy:
        v_args += ["--policy", str(args.policy)]
    return validate_main(v_args)


if __name__ == "__main__":
    sys.exit(main())
