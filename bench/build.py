"""Build benchmark: our board versus plain Pelican on the same synthetic postings.

Every build runs in its own subprocess (``python -m bench.build child …``) so its peak
memory is its own: the parent reaps it with ``os.wait4`` and reads ``ru_maxrss``.
Builds of both sites alternate within one run, so a busy neighbour slows both and the
ratios stay meaningful; absolute seconds are reported, not judged.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from . import synthetic

ROOT = Path(__file__).resolve().parents[1]
PUBLIC = "https://board.example.org"
CHILD_TIMEOUT = 1800  # seconds; a build that takes longer is reported as failed


# ---- the child: one build, nothing else -----------------------------------------

def _child(kind: str, content: Path, output: Path, cache: Path, profile: Path | None) -> float:
    from pelican import Pelican
    from pelican.settings import read_settings

    if kind == "ours":
        override = {
            "PATH": str(content), "OUTPUT_PATH": str(output), "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")], "BOARD_POLICY": str(ROOT / "board.toml"),
            "BOARD_NOW": synthetic.NOW, "BOARD_PUBLIC_URL": PUBLIC, "CACHE_PATH": str(cache),
        }
        settings = read_settings(str(ROOT / "pelicanconf.py"), override=override)
    else:  # Pelican's defaults: notmyidea theme, no plugins, its own feeds and taxonomy pages
        settings = read_settings(None, override={
            "PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": str(cache), "PLUGINS": [],
            "SITENAME": "Plain Pelican", "SITEURL": "", "TIMEZONE": "UTC", "AUTHOR": "Board",
        })
    import logging
    logging.getLogger("pelican").setLevel(logging.ERROR)
    logging.getLogger("board").setLevel(logging.ERROR)
    start = time.perf_counter()
    if profile:
        import cProfile
        cProfile.runctx("Pelican(settings).run()", globals(), {"Pelican": Pelican, "settings": settings},
                        str(profile))
    else:
        Pelican(settings).run()
    return time.perf_counter() - start


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
              src: Path = ROOT) -> dict:
    """One build in a subprocess (code from ``src``): wall seconds, in-process seconds, peak RSS (MB)."""
    cmd = [sys.executable, "-m", "bench.build", "child", kind, str(content), str(output), str(cache)]
    if profile:
        cmd.append(str(profile))
    env = dict(os.environ, PYTHONPATH=str(src), PYTHONDONTWRITEBYTECODE="1")
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=src, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=CHILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise RuntimeError(f"{kind} build timed out after {CHILD_TIMEOUT} s")
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{kind} build failed ({proc.returncode}):\n{err[-3000:]}")
    report = json.loads(out.strip().splitlines()[-1])
    return {"wall_s": round(wall, 3), "cpu_s": round(report["cpu_s"], 3), "build_s": round(report["seconds"], 3),
            "peak_mb": report.get("peak_mb")}


def output_stats(output: Path) -> dict:
    files = size = 0
    for dirpath, _, names in os.walk(output):
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(dirpath, name))
    return {"files": files, "mb": round(size / 1e6, 1)}


def _fresh(*paths: Path) -> None:
    for p in paths:
        shutil.rmtree(p, ignore_errors=True)


def bench_size(n: int, work: Path, repeat: int = 1, log=print, src: Path | None = None, rebuilds: int = 3) -> dict:
    """All build figures for ``n`` postings: medians of ``repeat`` cold builds of each site
    (alternating) and of ``rebuilds`` pairs of rebuilds (nothing changed, one posting changed).

    Times are both wall-clock and CPU (user + system) seconds of the build process; the
    CPU figures are judged, because a neighbour's load stretches wall time unevenly.
    """
    src = src or snapshot(work / "src")
    run = lambda *a: run_build(*a, src=src)  # noqa: E731
    base = work / f"n{n}"
    content = synthetic.generate(base / "content", n)
    pel_content = synthetic.to_pelican(content, base / "pelican-content")
    ours_out, ours_cache = base / "out-ours", base / "cache-ours"
    pel_out, pel_cache = base / "out-pelican", base / "cache-pelican"
    cold_runs, pelican = [], []
    for i in range(repeat):  # alternate so both see the same neighbours
        _fresh(ours_out, ours_cache)
        log(f"  n={n}: our cold build ({i + 1}/{repeat}) …")
        cold_runs.append(run("ours", content, ours_out, ours_cache))
        _fresh(pel_out, pel_cache)
        log(f"  n={n}: plain Pelican cold build ({i + 1}/{repeat}) …")
        pelican.append(run("pelican", pel_content, pel_out, pel_cache))
    ours_stats, pel_stats = output_stats(ours_out), output_stats(pel_out)
    nochange, onechange = [], []
    for i in range(rebuilds):
        log(f"  n={n}: rebuild, nothing changed ({i + 1}/{rebuilds}) …")
        nochange.append(run("ours", content, ours_out, ours_cache))
        synthetic.touch_one(content)
        log(f"  n={n}: rebuild, one posting changed ({i + 1}/{rebuilds}) …")
        onechange.append(run("ours", content, ours_out, ours_cache))

    def med(runs, key):
        return round(statistics.median(r[key] for r in runs), 3)

    out = {"n": n, "repeat": repeat, "rebuilds": rebuilds}
    for key, unit in (("cpu_s", "cpu"), ("wall_s", "wall")):
        cold, pel, nc, oc = med(cold_runs, key), med(pelican, key), med(nochange, key), med(onechange, key)
        out[unit] = {
            "ours_cold_s": cold, "pelican_cold_s": pel, "ours_nochange_s": nc, "ours_onechange_s": oc,
            "ratio_cold_vs_pelican": round(cold / pel, 3),
            "ratio_nochange_vs_cold": round(nc / cold, 3),
            "ratio_onechange_vs_cold": round(oc / cold, 3),
        }
    out.update({
        "peak_mb": max(r["peak_mb"] for r in cold_runs + nochange + onechange),
        "pelican_peak_mb": max(r["peak_mb"] for r in pelican),
        "ours_output": ours_stats, "pelican_output": pel_stats,
        "runs": {"ours_cold": cold_runs, "pelican_cold": pelican, "ours_nochange": nochange, "ours_onechange": onechange},
        "targets": {"ratio_cold_vs_pelican": 1.0, "ratio_nochange_vs_cold": 0.25,
                    "ratio_onechange_vs_cold": 0.3, "peak_mb": 1024},
    })
    return out


def main(argv: list[str]) -> None:
    if argv and argv[0] == "child":
        kind, content, output, cache = argv[1:5]
        profile = Path(argv[5]) if len(argv) > 5 else None
        import resource
        seconds = _child(kind, Path(content), Path(output), Path(cache), profile)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        peak_mb = usage.ru_maxrss / 1024  # this process's peak; Linux: KiB
        print(json.dumps({"seconds": seconds, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_mb": round(peak_mb, 1)}))
        return
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
