"""Build benchmark: our board against two anchors on the same synthetic postings.

The anchors: *fair Pelican* (plain Pelican reading the scraped bodies as ``.html`` as we
do, Markdown with ``sane_lists`` only, 24 per page), *Hugo* (``bench/hugo.py``), and,
for continuity with round one only, the *published* Pelican baseline (every body in a
``.md`` file, Pelican's default Markdown extensions, no pagination). Then the rebuilds the
board really sees (``bench/scenarios.py``), each from a warm cache, as ratios to our cold
build, and what each build writes (``bench/output.py``).

Every build runs in its own subprocess (``python -m bench.child …`` or ``hugo``);
the parent reaps it with ``os.wait4`` for its CPU and peak memory (``bench/proc.py``).
Builds of all sites alternate within one run, so a busy neighbour slows all of them and
the ratios stay meaningful; absolute seconds are reported, not judged.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

from . import hugo, output, synthetic
from .proc import measure
from .scenarios import SCENARIOS, State

ROOT = Path(__file__).resolve().parents[1]
CHILD_TIMEOUT = 1800  # seconds; a build that takes longer is reported as failed


# ---- the parent ----------------------------------------------------------------

SNAPSHOT = ("board", "plugins", "theme", "bench", "pelicanconf.py", "board.toml")


def snapshot(dest: Path) -> Path:
    """A copy of the code the builds run, taken once per benchmark run.

    Others edit the tree while benchmarks run; every build of one run must run the same
    code, or a "nothing changed" rebuild would measure somebody's edit.
    """
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "results.json")
    for name in SNAPSHOT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore)
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def run_build(kind: str, content: Path, output: Path, cache: Path, profile: Path | None = None,
              src: Path = ROOT, now: str = synthetic.NOW) -> dict:
    """One build in a subprocess (code from ``src``, "now" = ``now``): wall, CPU, peak RSS (MB).

    CPU and peak memory are the kernel's, from ``os.wait4`` (``bench/proc.py``), for every
    kind of build alike.
    """
    cmd = [sys.executable, "-m", "bench.child", kind, str(content), str(output), str(cache),
           "--now", now] + (["--profile", str(profile)] if profile else [])
    env = dict(os.environ, PYTHONPATH=str(src), PYTHONDONTWRITEBYTECODE="1")
    m = measure(cmd, cwd=src, env=env, timeout=CHILD_TIMEOUT)
    if m.timed_out:
        raise RuntimeError(f"{kind} build timed out after {CHILD_TIMEOUT} s")
    if m.returncode != 0:
        raise RuntimeError(f"{kind} build failed ({m.returncode}):\n{m.stderr[-3000:]}")
    report = json.loads(m.stdout.strip().splitlines()[-1])
    return {"wall_s": m.wall_s, "cpu_s": m.cpu_s, "build_s": round(report["seconds"], 3), "peak_mb": m.peak_mb}


def _fresh(*paths: Path) -> None:
    for p in paths:
        shutil.rmtree(p, ignore_errors=True)


def _med(runs: list[dict], key: str) -> float:
    return round(statistics.median(r[key] for r in runs), 3)


@dataclass
class Sites:
    """The inputs of one size: our content and each anchor's copy of the same postings."""

    base: Path
    content: Path
    pelican_fair: Path
    pelican_default: Path
    hugo_site: Path | None
    hugo_skipped: str | None

    def out(self, kind: str) -> Path:
        return self.base / f"out-{kind}"

    def cache(self, kind: str) -> Path:
        return self.base / f"cache-{kind}"


def _prepare(n: int, base: Path) -> Sites:
    content = synthetic.generate(base / "content", n)
    binary = hugo.binary()
    return Sites(base, content,
                 synthetic.to_pelican(content, base / "pelican-fair-content", fair=True),
                 synthetic.to_pelican(content, base / "pelican-default-content", fair=False),
                 hugo.write_site(content, base / "hugo-site") if binary else None,
                 None if binary else "hugo not found (HUGO unset, none on PATH): `make hugo` installs Debian's")


def _cold_builds(sites: Sites, n: int, repeat: int, run, log) -> dict[str, list[dict] | str]:
    """``repeat`` rounds of cold builds, each round every site in turn (the same neighbours).

    The published (default) Pelican baseline is built in the first round only: it is kept
    for continuity with round one's figures and not judged.
    """
    runs: dict = {"ours": [], "pelican_fair": [], "pelican_default": [], "hugo": []}
    inputs = {"ours": sites.content, "pelican_fair": sites.pelican_fair, "pelican_default": sites.pelican_default}
    for i in range(repeat):
        for kind in ("ours", "pelican_fair", "pelican_default", "hugo"):
            if kind == "pelican_default" and i > 0 or kind == "hugo" and not isinstance(runs["hugo"], list):
                continue
            log(f"  n={n}: {kind} cold build ({i + 1}/{repeat}) …")
            if kind != "hugo":
                _fresh(sites.out(kind), sites.cache(kind))
                runs[kind].append(run(kind, inputs[kind], sites.out(kind), sites.cache(kind)))
            elif sites.hugo_site is None:
                runs["hugo"] = sites.hugo_skipped
            else:
                try:
                    runs["hugo"].append(hugo.build(sites.hugo_site, sites.out("hugo"), hugo.binary()))
                except (RuntimeError, OSError) as exc:  # the other anchors' figures still count
                    log(f"  hugo failed: {exc}")
                    runs["hugo"] = f"hugo build failed: {str(exc)[:500]}"
    return runs


def _rebuilds(sites: Sites, n: int, rebuilds: int, run, log, src: Path, check) -> dict[str, list[dict]]:
    """``rebuilds`` passes over the scenarios, each build from the previous one's warm caches."""
    state = State(sites.content, src)
    runs: dict[str, list[dict]] = {s.key: [] for s in SCENARIOS}
    for k in range(rebuilds):
        for scenario in SCENARIOS:
            scenario.apply(state, k)
            log(f"  n={n}: rebuild, {scenario.label} ({k + 1}/{rebuilds}): {state.changed[-1]} …")
            runs[scenario.key].append(run("ours", sites.content, sites.out("ours"), sites.cache("ours"),
                                          now=state.now))
            if check:
                check(scenario, state, sites.out("ours"))
    return runs


def bench_size(n: int, work: Path, repeat: int = 1, log=print, src: Path | None = None, rebuilds: int = 3,
               check=None) -> dict:
    """All build figures for ``n`` postings, as ratios of builds taken side by side in this run.

    Medians of ``repeat`` cold builds of our board, fair Pelican and Hugo (alternating),
    one of the published Pelican baseline, and ``rebuilds`` passes over the rebuild
    scenarios (``bench/scenarios.py``). ``check(scenario, state, output)``, if given, is
    called after each rebuild (the test compares the output with a cold build there).
    CPU seconds (user + system) are judged; wall seconds are shown beside them.
    """
    base = work / f"n{n}"
    _fresh(base)
    # a copy of the snapshot per size: the template scenario edits the theme in it
    src = snapshot(base / "src") if src is None else Path(shutil.copytree(src, base / "src"))
    run = lambda *a, **kw: run_build(*a, src=src, **kw)  # noqa: E731
    sites = _prepare(n, base)
    cold = _cold_builds(sites, n, repeat, run, log)
    outputs = {kind: output.stats(sites.out(kind), n) for kind, runs in cold.items() if isinstance(runs, list)}
    again = _rebuilds(sites, n, rebuilds, run, log, src, check)
    return summarize(n, repeat, rebuilds, cold, again, outputs)


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 3) if b else None


def summarize(n: int, repeat: int, rebuilds: int, cold: dict, again: dict, outputs: dict) -> dict:
    """The results of one size: medians, ratios to the anchors and to our cold build, targets."""
    out: dict = {"n": n, "repeat": repeat, "rebuilds": rebuilds, "anchors": {}, "rebuild": {},
                 "output": outputs, "runs": {"cold": cold, "rebuild": again}}
    ours = {key: _med(cold["ours"], key) for key in ("cpu_s", "wall_s")}
    out["ours_cold"] = ours
    for kind in ("pelican_fair", "pelican_default", "hugo"):
        if not isinstance(cold[kind], list):
            out["anchors"][kind] = {"skipped": cold[kind]}
            continue
        theirs = {key: _med(cold[kind], key) for key in ("cpu_s", "wall_s")}
        out["anchors"][kind] = {**theirs, "ratio_cpu": _ratio(ours["cpu_s"], theirs["cpu_s"]),
                                "ratio_wall": _ratio(ours["wall_s"], theirs["wall_s"]),
                                "peak_mb": max(r["peak_mb"] for r in cold[kind])}
    for s in SCENARIOS:
        mine = {key: _med(again[s.key], key) for key in ("cpu_s", "wall_s")}
        out["rebuild"][s.key] = {"label": s.label, **mine, "ratio_cpu": _ratio(mine["cpu_s"], ours["cpu_s"]),
                                 "ratio_wall": _ratio(mine["wall_s"], ours["wall_s"])}
    out["peak_mb"] = max(r["peak_mb"] for runs in [cold["ours"], *again.values()] for r in runs)
    out["targets"] = targets(n)
    return out


def targets(n: int) -> dict:
    """Issue #19's targets: at 10,000 postings, and the fair-Pelican one at 1,000 below that."""
    big = n >= 10_000
    return {"ratio_cpu_vs_pelican_fair": 0.6 if big else 0.8, "ratio_cpu_vs_hugo": 1.0, "ratio_wall_vs_hugo": 1.0,
            "ratio_rebuild_vs_cold": 0.15, "peak_mb": 300, "bytes_per_posting": 10_000 if big else None}


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.build")
    ap.add_argument("n", type=int)
    ap.add_argument("--work", type=Path, default=ROOT / ".cache" / "bench")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--rebuilds", type=int, default=3)
    args = ap.parse_args(argv)
    print(json.dumps(bench_size(args.n, args.work, args.repeat, log=lambda m: print(m, file=sys.stderr),
                                rebuilds=args.rebuilds), indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
