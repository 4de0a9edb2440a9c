"""``python -m board.validate``: every problem at once, exit status, cross-file rules."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from board import vocabulary as vocab
from board.policy import load_policy
from board.validate import main, posting_files, validate_files
from tests.board.board_testkit import FIXTURES, NOW, NOW_ARG, POLICY, REPO, make_posting

SAMPLE = REPO / "content" / "samples" / "postings"
BROKEN = FIXTURES / "broken-posting.md"
BROKEN_LINES = [
    f"{BROKEN}:2: organisation: unknown key; did you mean 'Organization'? (expected one of: title, organization, "
    "summary, category, skills, hours, pay, apply-by, posted, organization-url, apply-url, apply-email, deliverables, "
    "eligible-regions, timezones, students, work-authorization, updated, status, last-verified)",
    f"{BROKEN}:1: organization: is missing (expected the organization's name, e.g. Harvest Share)",
    f"{BROKEN}:12: timezones: 'UTC+5 to UTC-5' runs east to west (expected a UTC offset range, e.g. UTC-8 to UTC+2)",
    f"{BROKEN}:5: skills: unknown skill 'Pythn'; did you mean 'Python'? "
    "(expected skills from the list in README (ask for a new one in your pull request))",
    f"{BROKEN}:11: eligible-regions: unknown country or region 'Narnia' "
    "(expected country codes or regions, e.g. US, CA or WORLDWIDE)",
    f"{BROKEN}:4: category: unknown category 'cooking' (expected one of software, data, design, marketing, writing, "
    "research, business, finance, education)",
    f"{BROKEN}:8: apply-url: uses scheme 'http' (expected an https:// URL)",
    f"{BROKEN}:9: apply-by: deadline 2026-11-01 has passed for an open posting (expected a future date, or Status: closed)",
    f"{BROKEN}:9: apply-by: is before the posting date (expected a date after Posted)",
]


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "board.validate", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=60)


def test_main_prints_every_problem_at_once_and_exits_1(capsys, policy_file):
    rc = main([str(BROKEN), str(FIXTURES / "valid-posting.md"), "--now", NOW_ARG, "--policy", str(policy_file)])
    out, err = capsys.readouterr()
    assert rc == 1
    assert out.splitlines() == BROKEN_LINES
    assert err.strip() == "9 problem(s) in 2 posting file(s)."


def test_main_ok_exits_0(capsys, policy_file):
    rc = main([str(FIXTURES / "valid-posting.md"), str(FIXTURES / "closed-posting.md"), "--now", NOW_ARG,
               "--policy", str(policy_file)])
    out, err = capsys.readouterr()
    assert rc == 0
    assert out.strip() == "2 posting file(s) OK."
    assert err == ""


def test_main_reports_problems_in_several_files(tmp_path, capsys, policy_file):
    (tmp_path / "one.md").write_text(make_posting(Hours="50", Pay="30 USD per hour"), encoding="utf-8")
    (tmp_path / "two.md").write_text(make_posting(Apply_URL="javascript:alert(1)"), encoding="utf-8")
    (tmp_path / "three.md").write_bytes(b"Title: \xff\n")
    (tmp_path / "ignored.txt").write_text("not a posting", encoding="utf-8")
    rc = main([str(tmp_path), "--now", NOW_ARG, "--policy", str(policy_file)])
    out, err = capsys.readouterr()
    assert rc == 1
    assert out.splitlines() == [
        f"{tmp_path / 'one.md'}:7: hours: 50-50 is outside 5-40 total hours "
        "(expected total project hours between 5 and 40, e.g. 15-20)",
        f"{tmp_path / 'three.md'}:1: file: is not UTF-8 (invalid start byte at byte 7) (expected a UTF-8 text file)",
        f"{tmp_path / 'two.md'}:9: apply-url: uses scheme 'javascript' (expected an https:// URL)",
    ]
    assert "3 problem(s) in 3 posting file(s)." in err


def test_subprocess_exit_1_with_every_problem(policy_file):
    proc = run(str(BROKEN.relative_to(REPO)), "--now", NOW_ARG, "--policy", str(policy_file))
    assert proc.returncode == 1
    rel = str(BROKEN.relative_to(REPO))
    assert proc.stdout.splitlines() == [line.replace(str(BROKEN), rel) for line in BROKEN_LINES]
    assert "9 problem(s) in 1 posting file(s)." in proc.stderr


def test_subprocess_ok_on_fixture_folder_subset(tmp_path, policy_file):
    for name in ("valid-posting.md", "closed-posting.md"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    proc = run(str(tmp_path), "--now", NOW_ARG, "--policy", str(policy_file))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == "2 posting file(s) OK."


def test_duplicate_apply_urls_across_files(tmp_path):
    url = "https://harvestshare.example.org/jobs/dashboard"
    (tmp_path / "a-first.md").write_text(make_posting(Apply_URL=url), encoding="utf-8")
    (tmp_path / "b-second.md").write_text(make_posting(Apply_URL=url.upper().replace("HTTPS", "https") + "/"),
                                          encoding="utf-8")
    (tmp_path / "c-closed.md").write_text(make_posting(Apply_URL=url, extra=[("Status", "filled")]), encoding="utf-8")
    entries, errors = validate_files(posting_files([tmp_path]), POLICY, NOW)
    assert errors == [f"{tmp_path / 'b-second.md'}:1: apply-url: same apply URL as {tmp_path / 'a-first.md'} "
                      "(expected one posting per application link)"]
    assert [e.slug for e in entries] == ["a-first", "c-closed"]


def test_duplicate_slug_when_a_file_is_given_twice():
    path = FIXTURES / "valid-posting.md"
    entries, errors = validate_files([path, path], POLICY, NOW)
    assert errors == [f"{path}:1: file name: slug 'valid-posting' is already used by {path} (expected a unique file name)"]
    assert len(entries) == 1


def test_posting_files_expands_folders_sorted_and_keeps_files():
    files = posting_files([FIXTURES, FIXTURES / "valid-posting.md"])
    assert [f.name for f in files] == ["broken-posting.md", "closed-posting.md", "valid-posting.md", "valid-posting.md"]


# ---- the bundled sample content ----------------------------------------------------------------------------


@pytest.mark.parametrize("now", [NOW_ARG, "2027-02-28T23:00:00"])
def test_bundled_sample_content_is_valid(capsys, now):
    rc = main([str(SAMPLE), "--now", now, "--policy", str(REPO / "board.toml")])
    out, _ = capsys.readouterr()
    assert rc == 0, out
    assert out.strip() == f"{len(list(SAMPLE.glob('*.md')))} posting file(s) OK."


def test_bundled_sample_content_via_subprocess_with_default_policy():
    proc = run("content/samples/postings", "--now", NOW_ARG)
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.strip().endswith("posting file(s) OK.")


def test_bundled_sample_content_covers_the_board():
    entries, errors = validate_files(posting_files([SAMPLE]), load_policy(REPO / "board.toml"), NOW)
    assert errors == []
    assert len(entries) >= 18
    categories = Counter(e.category for e in entries)
    assert set(categories) == set(vocab.CATEGORIES)
    assert sum(1 for n in categories.values() if n >= 2) >= 5
    assert len({e.compensation.currency for e in entries}) >= 5
    assert {e.compensation.unit for e in entries} == {"total", "hour"}
    assert any(e.compensation.min != e.compensation.max for e in entries)
    assert 3 <= sum(1 for e in entries if e.status != "open") <= 4
    assert any(e.apply_email and not e.apply_url for e in entries)
    assert all(e.is_open(NOW) for e in entries if e.status == "open")


@pytest.mark.parametrize("day", ["2026-11-26", "2027-06-30", "2031-02-28", "2040-12-31"])
def test_bundled_samples_validate_on_any_day(capsys, day):
    """Samples are checked as of board.samples.AS_OF, so `make validate` never turns red with time."""
    rc = main([str(SAMPLE), "--now", day, "--policy", str(REPO / "board.toml")])
    out, _ = capsys.readouterr()
    assert rc == 0, out
    assert out.strip() == f"{len(list(SAMPLE.glob('*.md')))} posting file(s) OK."


def test_a_real_posting_is_still_checked_against_the_real_day(tmp_path, capsys):
    """Only files of a samples/postings folder get the samples' day; a real expired posting fails."""
    real = tmp_path / "content" / "postings"
    real.mkdir(parents=True)
    (real / "late.md").write_text(make_posting(**{"Apply-By": "2026-12-31"}), encoding="utf-8")
    assert main([str(real), "--now", "2027-01-15", "--policy", str(REPO / "board.toml")]) == 1
    assert "apply-by" in capsys.readouterr().out


def hostile_folder(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """content/postings holding everything that is not a regular posting file, and one good file."""
    posts = tmp_path / "content" / "postings"
    posts.mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET-TOKEN-LINE one\nSECRET-TOKEN-LINE two\n", encoding="utf-8")
    (outside / "valid.md").write_text(make_posting(Apply_URL="https://harvestshare.example.org/outside"),
                                      encoding="utf-8")
    (posts / "good.md").write_text(make_posting(), encoding="utf-8")
    (posts / "folder.md").mkdir()
    (posts / "link-to-folder.md").symlink_to(outside, target_is_directory=True)
    (posts / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    (posts / "zero.md").symlink_to("/dev/zero")
    (posts / "secret.md").symlink_to(outside / "secret.txt")
    (posts / "outside-valid.md").symlink_to(outside / "valid.md")
    (posts / "upper.MD").write_text(make_posting(), encoding="utf-8")
    (posts / "long.markdown").write_text(make_posting(), encoding="utf-8")
    (posts / "sub").mkdir()
    (posts / "sub" / "nested.md").write_text(make_posting(), encoding="utf-8")
    (posts / "new\nline.md").write_text(make_posting(), encoding="utf-8")
    expected = {"folder.md": "is a folder", "link-to-folder.md": "symbolic link", "dangling.md": "symbolic link",
                "zero.md": "symbolic link", "secret.md": "symbolic link", "outside-valid.md": "symbolic link",
                "upper.MD": "must end in .md", "long.markdown": "must end in .md", "sub": "is a folder"}
    return posts, expected


def test_only_regular_files_are_postings_and_nothing_else_is_read(tmp_path):
    posts, expected = hostile_folder(tmp_path)
    proc = run(str(posts), "--now", NOW_ARG, "--policy", str(REPO / "board.toml"))  # a 60 s timeout guards /dev/zero
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    for name, why in expected.items():
        assert any(line.startswith(f"{posts / name}:1: file: ") and why in line for line in lines), (name, proc.stdout)
    assert "SECRET-TOKEN-LINE" not in proc.stdout + proc.stderr
    assert not [line for line in lines if line.startswith(str(posts / "good.md"))]
    assert any(line.startswith(str(posts) + "/new\\nline.md:") for line in lines)  # the name cannot forge a line
    assert not [line for line in lines if line.startswith("line.md")]


def test_the_build_refuses_non_regular_files_with_the_validators_message(tmp_path):
    from board.catalog import InvalidPostings, load_postings
    posts, expected = hostile_folder(tmp_path)
    with pytest.raises(InvalidPostings) as err:
        load_postings(posts, load_policy(REPO / "board.toml"), NOW)
    text = "\n".join(err.value.errors)
    assert all(f"{posts / name}:1: file: " in text for name in expected)
    assert "SECRET-TOKEN-LINE" not in text
