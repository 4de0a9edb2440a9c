"""``board.validate --github`` annotations, ``--changed-from``, and the PR comment renderer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from board.validate import github_annotation, main
from tests.board.board_testkit import FIXTURES, NOW, NOW_ARG, POLICY, REPO, make_posting

sys.path.insert(0, str(REPO / "plugins"))
from board_site.pr_report import MARKER, md, report  # noqa: E402


def test_annotation_names_file_line_and_field():
    line = "content/postings/x.md:7: hours: cannot read 'lots' (expected total project hours, e.g. 15-20)"
    assert github_annotation(line) == ("::error file=content/postings/x.md,line=7,title=hours::"
                                       "hours: cannot read 'lots' (expected total project hours, e.g. 15-20)")


def test_annotation_escapes_workflow_command_syntax():
    line = "content/postings/a,b.md:3: title: 100% wrong\nnext::error::x"
    out = github_annotation(line)
    assert out.startswith("::error file=content/postings/a%2Cb.md,line=3,title=title::")
    assert "\n" not in out and "100%25 wrong%0Anext::error::x" in out


def test_github_mode_prints_lines_and_annotations(capsys):
    code = main(["--github", "--now", NOW_ARG, str(FIXTURES / "broken-posting.md")])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    plain = [line for line in out if not line.startswith("::")]
    annotations = [line for line in out if line.startswith("::error ")]
    assert len(plain) == len(annotations) == 9
    assert annotations[0].startswith(f"::error file={FIXTURES / 'broken-posting.md'},line=2,title=organisation::")
    assert any(",line=12,title=timezones::timezones: 'UTC+5 to UTC-5' runs east to west" in a for a in annotations)


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with two valid postings on its main branch."""
    posts = tmp_path / "content" / "postings"
    posts.mkdir(parents=True)
    (posts / "one.md").write_text(make_posting(), encoding="utf-8")
    (posts / "two.md").write_text(make_posting(Apply_URL="https://harvestshare.example.org/jobs/two"), encoding="utf-8")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base")
    return tmp_path


def run_validate(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "board.validate", "--now", NOW_ARG, *args], cwd=cwd,
                          capture_output=True, text=True, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})


def test_changed_from_reports_only_changed_postings(repo):
    posts = repo / "content" / "postings"
    assert "No posting file changed" in run_validate(repo, "--changed-from", "main").stdout
    # an old posting that has since expired is not the pull request's problem
    (posts / "two.md").write_text(make_posting(Apply_By="2026-11-01", Posted="2026-10-01",
                                               Apply_URL="https://harvestshare.example.org/jobs/two"), encoding="utf-8")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam", "expire")
    (posts / "new.md").write_text(make_posting(Hours="lots", Apply_URL="https://x.example.org/new"), encoding="utf-8")
    r = run_validate(repo, "--github", "--changed-from", "main")
    assert r.returncode == 1
    assert r.stdout.splitlines() == [
        "content/postings/new.md:7: hours: cannot read 'lots' (expected total project hours, e.g. 15-20 (between 5 and 40))",
        "::error file=content/postings/new.md,line=7,title=hours::hours: cannot read 'lots' "
        "(expected total project hours, e.g. 15-20 (between 5 and 40))",
    ]


def test_changed_from_reports_a_clash_on_the_new_file(repo):
    posts = repo / "content" / "postings"
    (posts / "aaa-copy.md").write_text(make_posting(), encoding="utf-8")  # same apply URL as one.md, sorts first
    r = run_validate(repo, "--changed-from", "main")
    assert r.returncode == 1
    assert r.stdout.splitlines() == ["content/postings/aaa-copy.md:1: apply-url: same apply URL as "
                                     "content/postings/one.md (expected one posting per application link)"]


# ---- the bot comment (pr_report): artifact data in, escaped Markdown out ---------------------


def artifact(tmp_path: Path, files: dict[str, str], listed: list[str] | None = None) -> Path:
    root = tmp_path / "artifact"
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    root.mkdir(exist_ok=True)
    (root / "files.txt").write_text("\n".join(listed if listed is not None else files) + "\n", encoding="utf-8")
    return root


def test_comment_previews_a_valid_card_and_lists_problems(tmp_path):
    folder = artifact(tmp_path, {
        "content/postings/good.md": make_posting(Apply_URL="https://harvestshare.example.org/jobs/good"),
        "content/postings/bad.md": make_posting(Hours="lots"),
    })
    text, ok = report(folder, POLICY, NOW, repo_postings=tmp_path / "none")
    assert not ok and text.startswith(MARKER)
    assert "#### `content/postings/good.md`\n✅ Valid." in text
    assert "| Pay | 600 USD total |" in text and "| Per hour | ≈ 30–40 USD/h |" in text
    assert "#### `content/postings/bad.md`\n❌ 1 problem(s)" in text
    assert "| 7 | hours | cannot read 'lots' |" in text


def test_comment_treats_the_artifact_as_hostile_data(tmp_path):
    hostile = make_posting(Title="<img src=x onerror=alert(1)> @everyone [x](https://evil.example)",
                           Apply_URL="https://harvestshare.example.org/jobs/h")
    folder = artifact(tmp_path, {"content/postings/h.md": hostile},
                      listed=["content/postings/h.md", "../../etc/passwd", ".github/workflows/x.yml",
                              "content/postings/missing.md"])
    text, ok = report(folder, POLICY, NOW, repo_postings=tmp_path / "none")
    assert "<img" not in text and "@everyone" not in text and "](https://" not in text
    assert "passwd" in text and "Ignored a changed file" in text  # named, not read
    assert "#### `content/postings/missing.md`\n❌ 1 problem(s)" in text and not ok


def test_comment_when_no_posting_changed(tmp_path):
    text, ok = report(artifact(tmp_path, {}, listed=[]), POLICY, NOW, repo_postings=tmp_path / "none")
    assert ok and "No posting file" in text


def test_md_escaping():
    assert md("a|b *c* <d> @e\nf") == "a\\|b \\*c\\* &lt;d&gt; @\u200be f"


@pytest.mark.parametrize("name, problem", [
    ("café-project.md", "file name: 'café-project.md' is not a valid slug"),
    ("it's.md", "is not a valid slug"),
    ("esc\x1b[31m.md", "is not a valid slug"),
    ("upper.MD", "file: would be ignored"),
    ("long.markdown", "file: would be ignored"),
])
def test_changed_from_sees_files_git_would_quote_or_main_would_skip(repo, name, problem):
    """git quotes such names ("caf\\303\\251…"), so `.endswith(".md")` once dropped them: a green check main refuses."""
    (repo / "content" / "postings" / name).write_text(
        make_posting(Apply_URL="https://harvestshare.example.org/jobs/odd"), encoding="utf-8")
    r = run_validate(repo, "--changed-from", "main")
    assert r.returncode == 1, r.stdout
    assert problem in r.stdout
    assert "\x1b" not in r.stdout
