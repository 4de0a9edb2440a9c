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
