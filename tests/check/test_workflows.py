"""The GitHub Actions workflows, proven here before they ever run on GitHub.

- ``zizmor`` (the Actions security audit, pinned in the test extras) finds nothing: actions
  pinned to commits, least permissions, no credentials left in checkouts, no template
  injection; a suppression carries its reason next to it in the workflow.
- every ``make`` target, ``python -m`` module, script and path filter a workflow names
  exists in this repository, so a rename cannot silently break the schedule or the deploy.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
pytestmark = pytest.mark.check


def zizmor() -> str:
    exe = Path(sys.executable).parent / "zizmor"
    if exe.exists():
        return str(exe)
    found = shutil.which("zizmor")
    if not found:
        pytest.skip("zizmor is not installed (it is in the test extras: make venv)")
    return found


def run_commands(workflow: dict) -> list[str]:
    """Every ``run:`` script of every job."""
    return [step["run"] for job in workflow.get("jobs", {}).values() for step in job.get("steps", [])
            if isinstance(step, dict) and "run" in step]


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return {m.group(1) for m in re.finditer(r"^([A-Za-z][\w-]*):", text, re.M)}


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "deploy.yml", "pr-check.yml", "pr-comment.yml",
                                           "scrape.yml", "check-links.yml"}


def test_zizmor_finds_nothing():
    proc = subprocess.run([zizmor(), "--offline", "--no-progress", "--format", "plain", str(ROOT / ".github")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No findings to report" in proc.stdout + proc.stderr


def test_every_action_is_pinned_to_a_commit():
    for path in WORKFLOWS:
        for m in re.finditer(r"^\s*(?:- )?uses:\s*(\S+)", path.read_text(encoding="utf-8"), re.M):
            ref = m.group(1)
            if ref.startswith("./"):
                assert (ROOT / ref).exists(), f"{path.name}: {ref} does not exist"
                continue
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), f"{path.name}: {ref} is not pinned"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_what_a_workflow_names_exists(path):
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert workflow.get("permissions") is not None, f"{path.name}: set top-level permissions"
    targets = makefile_targets()
    for script in run_commands(workflow):
        for target in re.findall(r"(?:^|[;&|]\s*|\s)make\s+([a-z][\w-]*)", script):
            assert target in targets, f"{path.name}: make {target} is not a Makefile target"
        for module in re.findall(r"python\s+-m\s+([A-Za-z_][\w.]*)", script):
            if module in ("pip", "venv", "pytest"):
                continue
            top = module.split(".")[0]
            candidates = [ROOT / Path(*module.split(".")), ROOT / "plugins" / Path(*module.split("."))]
            assert any(c.with_suffix(".py").exists() or (c / "__main__.py").exists() or (c / "__init__.py").exists()
                       for c in candidates), f"{path.name}: python -m {module} ({top}) does not exist"
    triggers = workflow.get(True) or workflow.get("on") or {}  # YAML 1.1 reads a bare `on:` as True
    for event in ("push", "pull_request"):
        for pattern in (triggers.get(event) or {}).get("paths", []) if isinstance(triggers, dict) else []:
            plain = pattern.removesuffix("/**").removesuffix("**")
            assert plain and (list(ROOT.glob(plain)) or (ROOT / plain).exists()), \
                f"{path.name}: the path filter {pattern} matches nothing"


#: A repository path a script names: the board's own folders, up to the first glob or variable.
_REPO_PATH = re.compile(r"(?<![\w$/.-])((?:content|board|plugins|scrapers|theme|tests|bench|\.github)/[\w./-]*)")


#: Folders a run writes rather than the repository holds, and who writes them.
GENERATED = {"content/scraped": "scrapers/storage.py writes it; scrape.yml creates it with mkdir -p"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_repository_path_and_local_workflow_a_workflow_names_exists(path):
    """``content/postings`` in a script, ``uses: ./.github/workflows/deploy.yml``: renamed, they
    would fail only on GitHub. Generated files (``content/.linkcheck.json``) need their folder."""
    text = path.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    named = [m for script in run_commands(workflow) for m in _REPO_PATH.findall(script)]
    local = [job["uses"][2:] for job in workflow["jobs"].values() if str(job.get("uses", "")).startswith("./")]
    for name in named:
        if any(name.startswith(g) for g in GENERATED):
            continue
        target = ROOT / name.rstrip("/.")
        assert target.exists() or target.parent.is_dir(), f"{path.name}: {name} names nothing in the repository"
    for name in local:
        assert (ROOT / name).is_file(), f"{path.name}: uses ./{name}, which does not exist"
    if path.name in ("pr-check.yml", "scrape.yml", "check-links.yml"):
        assert named, f"{path.name}: expected the scripts to name repository paths"


# ---- the pull-request check and its comment, run as GitHub would run them ------------------------

import os  # noqa: E402
from datetime import date, timedelta  # noqa: E402

from tests.board.board_testkit import make_posting  # noqa: E402

GIT = ["git", "-c", "user.name=Employer", "-c", "user.email=employer@example.org", "-c", "init.defaultBranch=main"]


def workflow_step(file: str, name: str) -> dict:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / file).read_text(encoding="utf-8"))
    steps = [s for job in workflow["jobs"].values() for s in job["steps"] if s.get("name") == name]
    assert len(steps) == 1, f"{file}: no single step named {name!r}"
    return steps[0]


def run_step(step: dict, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """A ``run:`` script as the runner runs it (bash -eo pipefail), its ``${{ }}`` values given as env."""
    script = step["run"]
    assert "${{" not in script, "values reach scripts through env:, never by template"
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=cwd, env=env,
                          capture_output=True, text=True)


def git(cwd: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


#: The PR check's "now": its scripts run as on GitHub, and board.validate reads $BOARD_NOW.
TODAY = date(2026, 11, 26)


def dated(**changes: str) -> str:
    """A valid posting dated around TODAY, the clock the check's subprocesses are given."""
    today = TODAY
    return make_posting(Posted=(today - timedelta(days=1)).isoformat(),
                        Apply_By=(today + timedelta(days=60)).isoformat(), **changes)


@pytest.fixture
def fork_branch(tmp_path: Path) -> Path:
    """The board's repository (main) and a fork's clone of it with one pull-request branch:
    a valid posting added, a broken one added, and a change to code."""
    base = tmp_path / "board"
    (base / "content" / "postings").mkdir(parents=True)
    (base / "content" / "postings" / "existing.md").write_text(
        dated(Apply_URL="https://harvestshare.example.org/jobs/existing"), encoding="utf-8")
    (base / "scrapers").mkdir()
    (base / "scrapers" / "tool.py").write_text("VALUE = 1\n", encoding="utf-8")
    (base / "board.toml").write_text((ROOT / "board.toml").read_text(encoding="utf-8"), encoding="utf-8")
    git(base, "init", "-q")
    git(base, "add", ".")
    git(base, "commit", "-qm", "board")
    fork = tmp_path / "fork"
    git(tmp_path, "clone", "-q", str(base), str(fork))  # origin/main is the base branch, fetch-depth 0
    git(fork, "checkout", "-qb", "add-my-postings")
    posts = fork / "content" / "postings"
    (posts / "good-dashboard.md").write_text(dated(Apply_URL="https://harvestshare.example.org/jobs/good"), encoding="utf-8")
    (posts / "broken-dashboard.md").write_text(dated(Hours="lots", Apply_URL="https://harvestshare.example.org/jobs/b"),
                                               encoding="utf-8")
    (fork / "scrapers" / "tool.py").write_text("import os\nprint(os.environ)\n", encoding="utf-8")
    git(fork, "add", ".")
    git(fork, "commit", "-qm", "Add two postings (and touch code)")
    return fork


def test_the_pr_check_and_the_comment_job_on_a_fork_like_branch(fork_branch, tmp_path):
    runner_temp = tmp_path / "runner"
    runner_temp.mkdir()
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '/usr/bin:/bin')}",
           "RUNNER_TEMP": str(runner_temp), "BASE_REF": "main", "PR_NUMBER": "42", "PYTHONPATH": str(ROOT),
           "BOARD_NOW": TODAY.isoformat()}
    env.pop("GITHUB_TOKEN", None)

    check = run_step(workflow_step("pr-check.yml", "Validate the changed postings"), fork_branch, env)
    assert check.returncode == 1, check.stdout + check.stderr  # the broken posting fails the check
    lines = check.stdout.splitlines()
    assert "content/postings/broken-dashboard.md:7: hours: cannot read 'lots' (expected total project hours, e.g. 15-20 (between 5 and 40))" in lines
    assert any(line.startswith("::error file=content/postings/broken-dashboard.md,line=7,") for line in lines)
    assert not any("good-dashboard" in line or "existing" in line or "tool.py" in line for line in lines)

    collect = run_step(workflow_step("pr-check.yml", "Collect the changed posting files (data for the comment job)"),
                       fork_branch, env)
    assert collect.returncode == 0, collect.stderr
    artifact = runner_temp / "pr"
    assert (artifact / "number").read_text() == "42\n"
    assert (artifact / "files.txt").read_text().splitlines() == [
        "content/postings/broken-dashboard.md", "content/postings/good-dashboard.md"]
    copied = sorted(p.relative_to(artifact).as_posix() for p in artifact.rglob("*") if p.is_file())
    assert copied == ["content/postings/broken-dashboard.md", "content/postings/good-dashboard.md", "files.txt", "number"]

    # the comment job: the default branch's code (this repository), the artifact as data
    render = run_step(workflow_step("pr-comment.yml", "Render the comment (default branch code, artifact as data)"),
                      ROOT, {**env, "PYTHONPATH": ""})
    assert render.returncode == 0, render.stderr
    comment = (runner_temp / "comment.md").read_text(encoding="utf-8")
    assert comment.startswith("<!-- microboard-posting-check -->\n### Posting check")
    assert "#### `content/postings/good-dashboard.md`\n✅ Valid. This is how the card will read on the board:" in comment
    assert "| Pay | 600 USD total |" in comment
    assert "#### `content/postings/broken-dashboard.md`\n❌ 1 problem(s) to fix" in comment
    assert "| 7 | hours | cannot read 'lots' |" in comment
    assert "tool.py" not in comment and "environ" not in comment


def test_the_deploy_build_step_is_make_publish_and_it_builds(tmp_path):
    """deploy.yml builds with exactly `make publish`; the same command builds the real content here."""
    step = workflow_step("deploy.yml", "Build (refuses invalid postings; expired ones are shown closed)")
    assert step["run"].strip() == "make publish"
    venv = Path(sys.prefix)
    out = tmp_path / "output"
    # -o: the venv is already installed; never reinstall it from a test
    done = subprocess.run(["make", "-o", f"{venv}/bin/.installed", step["run"].split()[1], f"VENV={venv}",
                           f"OUTPUTDIR={out}", f"PELICANOPTS=--cache-path {tmp_path / 'cache'}"],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "SITEURL": "https://board.example.org"})
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Sample data." not in index and 'content="noindex"' not in index
    assert (out / "post-a-project" / "index.html").exists()
