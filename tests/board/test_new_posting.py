"""``python -m board.new_posting``: driven through a pipe, bad answers first, then good ones."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from board.new_posting import EndOfAnswers, Scaffold
from board.posting import parse_posting
from tests.board.board_testkit import NOW, NOW_ARG, POLICY, REPO

# (bad answer or None, good answer) for every question, in the order they are asked.
QUESTIONS = [
    ("title", None, "Build a volunteer rota app"),
    ("organization", None, "Harvest Share"),
    ("organization-url", "http://harvestshare.example.org", "https://harvestshare.example.org"),
    ("summary", None, "Build a small app so volunteers can pick their own shifts."),
    ("category", "cooking", "1"),
    ("skills", "JS, Pythn", "JS, py, Python"),
    ("hours", "50", "10-20"),
    ("pay", "5 USD total", "600-800 USD total"),
    ("apply-url", "javascript:alert(1)", ""),
    ("apply-email", "jobs@harvestshare", "jobs@harvestshare.example.org"),
    ("posted", "2026-12-25", "2026-11-20"),
    ("apply-by", "2026-11-01", "2027-03-31"),
    ("eligible-regions", "US, Narnia", "US, CA"),
    ("timezones", "UTC+5 to UTC-5", "UTC-8 to UTC-5"),
    ("students", "alumni", "enrolled"),
    ("work-authorization", "maybe", ""),
]
DELIVERABLES = ["A web app", "A README for volunteers", ""]
BODY = ["## What you will do", "", "- Build the sign-up page", "- [Docs](https://harvestshare.example.org/docs)", "."]
EMPTY_BODY = ["", "."]


def answers(bad: bool = True, slug: list[str] | None = None) -> str:
    lines: list[str] = []
    for _, wrong, right in QUESTIONS:
        if bad and wrong is not None:
            lines.append(wrong)
        lines.append(right)
    lines += DELIVERABLES
    lines += (EMPTY_BODY if bad else []) + BODY
    lines += slug if slug is not None else (["Bad_Slug", ""] if bad else [""])
    return "\n".join(lines) + "\n"


def scaffold(stdin: str, directory: Path, policy: Path | None = None) -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "board.new_posting", "--dir", str(directory), "--now", NOW_ARG]
    if policy:
        args += ["--policy", str(policy)]
    return subprocess.run(args, input=stdin, cwd=REPO, capture_output=True, text=True, timeout=60)


EXPECTED_FILE = """Title: Build a volunteer rota app
Organization: Harvest Share
Organization-URL: https://harvestshare.example.org
Summary: Build a small app so volunteers can pick their own shifts.
Category: software
Skills: JavaScript, Python
Hours: 10-20
Pay: 600-800 USD total
Apply-Email: jobs@harvestshare.example.org
Apply-By: 2027-03-31
Posted: 2026-11-20
Eligible-Regions: US, CA
Timezones: UTC-8 to UTC-5
Students: enrolled
Work-Authorization: not-required
Deliverables: A web app
    A README for volunteers

## What you will do

- Build the sign-up page
- [Docs](https://harvestshare.example.org/docs)
"""


def test_bad_answers_are_re_asked_and_the_file_validates(tmp_path, policy_file):
    proc = scaffold(answers(bad=True), tmp_path, policy_file)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    path = tmp_path / "build-a-volunteer-rota-app-harvest-share.md"
    assert sorted(tmp_path.glob("*.md")) == [path]
    assert path.read_text(encoding="utf-8") == EXPECTED_FILE
    entry, problems = parse_posting(path, POLICY, NOW)
    assert problems == []
    assert entry.skills == ("JavaScript", "Python")

    out = proc.stdout
    # every bad answer got the validator's own message, then the question again
    for message in [
        "✗ organization-url: uses scheme 'http' (expected an https:// URL)",
        "✗ category: unknown category 'cooking'",
        "✗ skills: unknown skill 'Pythn'; did you mean 'Python'?",
        "✗ hours: 50-50 is outside 5-40 total hours",
        "✗ pay: works out at 0.25 USD/hour, below the board's floor of 15 USD/hour",
        "✗ apply-url: uses scheme 'javascript' (expected an https:// URL)",
        "✗ apply-email: is not a valid e-mail address (expected name@example.org)",
        "✗ posted: 2026-12-25 is in the future",
        "✗ apply-by: deadline 2026-11-01 has passed for an open posting",
        "✗ apply-by: is before the posting date",
        "✗ eligible-regions: unknown country or region 'Narnia'",
        "✗ timezones: 'UTC+5 to UTC-5' runs east to west",
        "✗ students: unknown value 'alumni'",
        "✗ work-authorization: unknown value 'maybe'",
        "✗ body: is empty",
        "✗ file name: 'Bad_Slug.md' is not a valid slug",
    ]:
        assert message in out, message
    assert out.count("Please try again.") == 15  # 13 fields, the body and the file name
    # the expected text and the vocabularies are shown
    assert "Expected: total project hours, e.g. 15-20 (between 5 and 40)" in out
    assert "1=software, 2=data, 3=design" in out
    assert "Known skills: Python, JavaScript" in out
    assert f"Wrote {path}" in out
    assert out.rstrip().endswith("1 posting file(s) OK.")


def test_good_answers_only(tmp_path, policy_file):
    proc = scaffold(answers(bad=False, slug=["rota-app"]), tmp_path, policy_file)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "✗" not in proc.stdout
    path = tmp_path / "rota-app.md"
    assert path.read_text(encoding="utf-8") == EXPECTED_FILE
    check = subprocess.run([sys.executable, "-m", "board.validate", str(path), "--now", NOW_ARG,
                            "--policy", str(policy_file)], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout


def test_existing_file_name_is_re_asked(tmp_path, policy_file):
    (tmp_path / "taken.md").write_text("x", encoding="utf-8")
    proc = scaffold(answers(bad=False, slug=["taken", "free"]), tmp_path, policy_file)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"✗ file name: taken.md already exists in {tmp_path}" in proc.stdout
    assert (tmp_path / "free.md").exists()
    assert (tmp_path / "taken.md").read_text() == "x"


def test_running_out_of_answers_writes_nothing(tmp_path, policy_file):
    proc = scaffold("Build a volunteer rota app\nHarvest Share\n", tmp_path, policy_file)
    assert proc.returncode == 2
    assert "nothing written" in proc.stderr
    assert list(tmp_path.iterdir()) == [policy_file]


# ---- in-process checks of the same scaffold (fast, no subprocess) ---------------------------------------


def run_inline(lines: list[str], directory: Path) -> tuple[Path, str]:
    out = io.StringIO()
    sc = Scaffold(POLICY, NOW, out=out, inp=io.StringIO("\n".join(lines) + "\n"))
    path = sc.run(directory)
    return path, out.getvalue()


def test_answer_with_a_line_separator_is_rejected(tmp_path):
    lines = answers(bad=False, slug=["sep"]).splitlines()
    lines.insert(0, "Rota\u2028\u2028Injected: value")  # would end the header inside the title
    path, out = run_inline(lines, tmp_path)
    assert "✗ title: " in out
    assert parse_posting(path, POLICY, NOW)[1] == []
    assert path.read_text(encoding="utf-8") == EXPECTED_FILE


@pytest.mark.parametrize("bad", ["Rota\x07app", "Rota \u202eppa"])
def test_control_characters_are_rejected(tmp_path, bad):
    lines = answers(bad=False, slug=["ctl"]).splitlines()
    lines.insert(0, bad)
    path, out = run_inline(lines, tmp_path)
    assert "✗ title: contains control or invisible characters (expected plain printable text)" in out
    assert parse_posting(path, POLICY, NOW)[1] == []


def test_apply_url_answer_is_used_when_given(tmp_path):
    lines = answers(bad=False, slug=["with-url"]).splitlines()
    i = [q for q, _, _ in QUESTIONS].index("apply-url")
    lines[i] = "https://harvestshare.example.org/jobs/rota"
    del lines[i + 1]  # no e-mail question then
    path, _ = run_inline(lines, tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "Apply-URL: https://harvestshare.example.org/jobs/rota\n" in text
    assert "Apply-Email" not in text
    assert parse_posting(path, POLICY, NOW)[1] == []


def test_eof_raises_end_of_answers(tmp_path):
    with pytest.raises(EndOfAnswers):
        run_inline(["Only a title"], tmp_path)
    assert list(tmp_path.iterdir()) == []
