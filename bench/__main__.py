"""``python -m bench`` (``make bench``): build, scrape, browser, curation and Lighthouse benchmarks.

    python -m bench [--sizes 1000,10000] [--only build,scrape,browser,curation,lighthouse] [--quick] [--repeat N]

Prints a table, writes ``bench/results.json`` and ``BENCHMARKS.md``. Every judged figure
is a ratio of two measurements taken side by side in this run (the machine is shared);
absolute seconds are reported for context only. ``--quick`` is 1,000 postings, one
repetition, browser at 1,000: for iterating, not for the committed figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

from . import build, curation, hugo, lighthouse, scrape
from .output import human

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results.json"
REPORT = ROOT / "BENCHMARKS.md"
PARTS = ("build", "scrape", "browser", "curation", "lighthouse")
LIGHTHOUSE_N = 2000  # issue #16 item 8: a 2,000-posting board


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _ok(value, target, below=True) -> str:
    if value is None:
        return "n/a"
    return "yes" if (value <= target if below else value >= target) else "**no**"


ANCHOR_LABELS = {"pelican_fair": "fair Pelican", "hugo": "Hugo",
                 "pelican_default": "published baseline (Pelican defaults, all bodies as Markdown; not judged)"}


def _anchor_rows(n: str, r: dict) -> list[tuple[str, str, str, str]]:
    t, ours = r["targets"], r["ours_cold"]
    rows = []
    for kind, label in ANCHOR_LABELS.items():
        a = r["anchors"][kind]
        if "skipped" in a:
            rows.append((f"build {n}: our cold / {label} cold", a["skipped"], "", "n/a"))
            continue
        cpu = (f"{a['ratio_cpu']:.3f} CPU ({ours['cpu_s']:.1f} s / {a['cpu_s']:.1f} s); "
               f"wall {a['ratio_wall']:.3f} ({ours['wall_s']:.1f} s / {a['wall_s']:.1f} s)")
        if kind == "hugo":
            rows.append((f"build {n}: our cold / {label} cold, CPU; wall", cpu,
                         f"CPU ≤ {t['ratio_cpu_vs_hugo']}, wall ≤ {t['ratio_wall_vs_hugo']}",
                         "yes" if _ok(a["ratio_cpu"], t["ratio_cpu_vs_hugo"]) == _ok(
                             a["ratio_wall"], t["ratio_wall_vs_hugo"]) == "yes" else "**no**"))
        elif kind == "pelican_fair":
            rows.append((f"build {n}: our cold / {label} cold", cpu, f"CPU ≤ {t['ratio_cpu_vs_pelican_fair']}",
                         _ok(a["ratio_cpu"], t["ratio_cpu_vs_pelican_fair"])))
        else:
            rows.append((f"build {n}: our cold / {label} cold", cpu, "", ""))
    return rows


def _output_rows(n: str, r: dict) -> list[tuple[str, str, str, str]]:
    t, o = r["targets"], r["output"]
    others = ", ".join(f"{ANCHOR_LABELS[k].split(' (')[0]} {human(o[k]['bytes_per_posting'])}"
                       for k in ("pelican_fair", "hugo") if k in o)
    target = t.get("bytes_per_posting")
    return [
        (f"build {n}: output bytes per posting, ours ({others})",
         f"{human(o['ours']['bytes_per_posting'])} ({o['ours']['files']:,} files, {human(o['ours']['bytes'])})",
         f"≤ {human(target)}" if target else "", _ok(o["ours"]["bytes_per_posting"], target) if target else ""),
        (f"build {n}: largest folders of our output",
         ", ".join(f"{f['folder']} {human(f['bytes'])}" for f in o["ours"]["largest"]), "", ""),
    ]


def build_rows(r: dict) -> list[tuple[str, str, str, str]]:
    n = f"{r['n']:,}"
    if "anchors" not in r:  # results.json from before the anchors of issue #19
        return [(f"build {n}", "figures in an older format: rerun `python -m bench --only build`", "", "")]
    t, ours = r["targets"], r["ours_cold"]
    rows = _anchor_rows(n, r)
    for s in r["rebuild"].values():
        rows.append((f"build {n}: rebuild, {s['label']} / our cold",
                     f"{s['ratio_cpu']:.3f} ({s['cpu_s']:.1f} s / {ours['cpu_s']:.1f} s CPU); wall {s['ratio_wall']:.3f}",
                     f"≤ {t['ratio_rebuild_vs_cold']}", _ok(s["ratio_cpu"], t["ratio_rebuild_vs_cold"])))
    peaks = ", ".join(f"{ANCHOR_LABELS[k].split(' (')[0]} {a['peak_mb']:.0f} MB"
                      for k, a in r["anchors"].items() if "peak_mb" in a)
    rows.append((f"build {n}: peak memory, ours ({peaks})", f"{r['peak_mb']:.0f} MB", f"≤ {t['peak_mb']} MB",
                 _ok(r["peak_mb"], t["peak_mb"])))
    return rows + _output_rows(n, r)


def scrape_rows(r: dict) -> list[tuple[str, str, str, str]]:
    s = r["second"]
    return [
        (f"scrape {r['sources']} sources / {r['hosts']} hosts: naive loop / our run",
         f"{r['speedup']:.1f}× ({r['naive_s']:.1f} s / {r['ours_s']:.1f} s)"
         + ("; median of " + ", ".join(f"{x['speedup']:.1f}×" for x in r["rounds"]) if r.get("rounds") else ""),
         "≥ 10×", _ok(r["speedup"], 10, below=False)),
        *_floor_rows(r),
        ("scrape: politeness (max in flight per host, min gap)",
         f"{r['first']['politeness']['max_in_flight_per_host']}, {r['first']['politeness']['min_gap_between_starts_s']} s",
         f"1, ≥ {r['min_delay_s']} s",
         "yes" if r["first"]["politeness"]["max_in_flight_per_host"] == 1
         and (r["first"]["politeness"]["min_gap_between_starts_s"] or 0) >= r["min_delay_s"] else "**no**"),
        ("scrape again, nothing changed: conditional / 304 of source requests",
         f"{s['conditional']}/{s['source_requests']}, {s['status_304']}/{s['source_requests']} ({r['ours_again_s']:.1f} s)",
         "all", "yes" if s["conditional"] == s["status_304"] == s["source_requests"] else "**no**"),
        ("scrape again: bytes downloaded / first run", f"{r['bytes_ratio_second_vs_first']:.4f} "
         f"({s['bytes']:,} B / {r['first']['bytes']:,} B)", "≤ 0.05", _ok(r["bytes_ratio_second_vs_first"], 0.05)),
    ]


def _floor_rows(r: dict) -> list[tuple[str, str, str, str]]:
    """Our run against the politeness floor (``bench.scrape.schedule``), cold and unchanged."""
    if "schedule" not in r["first"]:  # a results.json from before the floor was measured
        return []
    a, b = r["first"]["schedule"], r["second"]["schedule"]
    target = r["targets"].get("ratio_to_floor", 1.1)
    n = a["requests_per_host"]
    where = (f"; first request by {a['first_request_latest_s']:.2f} s, last response {a['last_response_end_s']:.2f} s, "
             f"then {a['after_last_response_s']:.2f} s")
    if "cpu_floor_s" in r["first"]:  # the CPU the run used, spread over the machine's cores
        f = r["first"]
        where += (f"; CPU floor {f['cpu_floor_s']:.2f} s ({f['main_process_cpu_s']:.1f} s run + "
                  f"{f['curation_workers_cpu_s']:.1f} s curation workers + {f['server_cpu_s']:.1f} s server, over the cores)")
    rounds = ", ".join(f"{x['ratio_to_floor']:.2f}×" for x in r.get("rounds", []) if "ratio_to_floor" in x)
    return [
        (f"scrape: our run / politeness floor ({n} requests a host: their durations + {n - 1} × "
         f"{r['min_delay_s']} s; {r['nominal_floor_s']:.2f} s nominal)",
         f"{a['ratio_to_floor']:.2f}× ({r['ours_s']:.2f} s / {a['floor_s']:.2f} s){where}"
         + (f"; rounds {rounds}" if rounds else ""), f"≤ {target}×", _ok(a["ratio_to_floor"], target)),
        ("scrape again, nothing changed: our run / politeness floor",
         f"{b['ratio_to_floor']:.2f}× ({r['ours_again_s']:.2f} s / {b['floor_s']:.2f} s); first request by "
         f"{b['first_request_latest_s']:.2f} s, then {b['after_last_response_s']:.2f} s after the last response",
         f"≤ {target}×", _ok(b["ratio_to_floor"], target)),
    ]


def _flatten(d, prefix=""):
    for k, v in d.items():
        if isinstance(v, dict):
            yield from _flatten(v, f"{prefix}{k}.")
        elif isinstance(v, (int, float, str, bool)) or v is None:
            yield f"{prefix}{k}", v


def browser_rows(r: dict) -> list[tuple[str, str, str, str]]:
    if "skipped" in r or "error" in r:
        return [("browser", r.get("skipped") or r.get("error"), "", "")]
    def fmt(v) -> str:
        return f"{v:,.1f}" if isinstance(v, float) else str(v)
    return [(f"browser: {k}", fmt(v), "", "") for k, v in _flatten(r) if not k.startswith("_")]


def table(rows: list[tuple[str, str, str, str]]) -> str:
    head = ("measurement", "value", "target", "met")
    lines = ["| " + " | ".join(head) + " |", "| --- | --- | --- | --- |"]
    lines += ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _hugo_version() -> str | None:
    binary = hugo.binary()
    try:
        return hugo.version(binary) if binary else None
    except (OSError, subprocess.SubprocessError) as exc:
        return f"unusable: {exc}"


def run_browser(n: int) -> dict:
    path = ROOT / "bench" / "browser.py"
    if not path.exists():
        return {"skipped": "bench/browser.py is not there yet"}
    try:
        spec = importlib.util.spec_from_file_location("bench.browser", path)
        mod = importlib.util.module_from_spec(spec)
        sys.modules["bench.browser"] = mod
        spec.loader.exec_module(mod)
        if not hasattr(mod, "run"):
            return {"skipped": "bench/browser.py has no run(n)"}
        return mod.run(n)
    except Exception as exc:  # noqa: BLE001 - one part failing must not lose the others' figures
        log(traceback.format_exc())
        return {"error": f"{type(exc).__name__}: {exc}"}


def run_lighthouse(n: int) -> dict:
    """The Lighthouse part; a failure is its row's text, never the other parts' loss."""
    try:
        return lighthouse.run(n, log=log)
    except Exception as exc:  # noqa: BLE001 - one part failing must not lose the others' figures
        log(traceback.format_exc())
        return {"error": f"{type(exc).__name__}: {exc}"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="numbers of postings for the build benchmark")
    ap.add_argument("--only", default=",".join(PARTS), help="comma-separated parts to run")
    ap.add_argument("--quick", action="store_true", help="1,000 postings, one repetition (iterating)")
    ap.add_argument("--repeat", type=int, default=None, help="cold builds per site and size (median kept)")
    ap.add_argument("--work", type=Path, default=ROOT / ".cache" / "bench", help="scratch folder")
    ap.add_argument("--no-write", action="store_true", help="print only; leave results.json and BENCHMARKS.md")
    ap.add_argument("--report-only", action="store_true", help="measure nothing: rewrite BENCHMARKS.md from results.json")
    args = ap.parse_args(argv)
    if args.report_only:
        results = json.loads(RESULTS.read_text(encoding="utf-8"))
        rows = [row for r in results["build"] or [] for row in build_rows(r)]
        rows += scrape_rows(results["scrape"]) if results["scrape"] else []
        rows += browser_rows(results["browser"]) if results["browser"] else []
        rows += curation.rows(results["curation"]) if results.get("curation") else []
        rows += lighthouse.rows(results["lighthouse"]) if results.get("lighthouse") else []
        REPORT.write_text(report(results, rows), encoding="utf-8")
        return 0
    parts = {p.strip() for p in args.only.split(",") if p.strip()}
    sizes = [1000] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    args.work.mkdir(parents=True, exist_ok=True)

    started = time.time()
    results: dict = {
        "date": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
                    "load_at_start": os.getloadavg(), "hugo": _hugo_version()},
        "quick": args.quick, "build": [], "scrape": None, "browser": None, "curation": None,
        "lighthouse": None,
    }
    if parts != set(PARTS) and RESULTS.exists() and not args.no_write:
        # a partial run keeps the other parts' figures from the last run (each part carries its date)
        previous = json.loads(RESULTS.read_text(encoding="utf-8"))
        for part in set(PARTS) - parts:
            results[part] = previous.get(part)
            results.setdefault("dates", {})[part] = previous.get("dates", {}).get(part, previous.get("date"))
        if "build" in parts:  # and a build run of some sizes keeps the other sizes' figures
            results["build"] = [r for r in previous.get("build") or [] if r.get("n") not in sizes]
    for part in parts:
        results.setdefault("dates", {})[part] = results["date"]
    rows: list = []
    if "build" in parts:
        src = build.snapshot(args.work / "src")
        for n in sizes:
            repeat = args.repeat or (1 if args.quick or n >= 10000 else 3)
            rebuilds = 1 if args.quick else 3
            log(f"build benchmark, {n:,} postings ({repeat} cold build(s) of each site, {rebuilds} of each rebuild) …")
            r = build.bench_size(n, args.work, repeat=repeat, log=log, src=src, rebuilds=rebuilds)
            results["build"].append(r)
            results["build"].sort(key=lambda r: r.get("n", 0))
            rows += build_rows(r)
            print(table(build_rows(r)), flush=True)
    if "scrape" in parts:
        log("scrape benchmark …")
        results["scrape"] = scrape.bench(args.work / "scrape", log=log)
        rows += scrape_rows(results["scrape"])
        print(table(scrape_rows(results["scrape"])), flush=True)
    if "browser" in parts:
        n = 1000 if args.quick else 10000
        log(f"browser benchmark, {n:,} postings …")
        results["browser"] = run_browser(n)
        rows += browser_rows(results["browser"])
    if "curation" in parts:
        log("curation benchmark (development set and ../shared negatives) …")
        results["curation"] = curation.bench(log=log)
        print(table(curation.rows(results["curation"])), flush=True)
    if "lighthouse" in parts:
        log(f"Lighthouse, {LIGHTHOUSE_N:,} postings, mobile …")
        results["lighthouse"] = run_lighthouse(LIGHTHOUSE_N)
        print(table(lighthouse.rows(results["lighthouse"])), flush=True)
    rows = []
    for r in results["build"] or []:
        rows += build_rows(r)
    if results["scrape"]:
        rows += scrape_rows(results["scrape"])
    if results["browser"]:
        rows += browser_rows(results["browser"])
    if results.get("curation"):
        rows += curation.rows(results["curation"])
    if results.get("lighthouse"):
        rows += lighthouse.rows(results["lighthouse"])
    results["machine"]["load_at_end"] = os.getloadavg()
    results["seconds"] = round(time.time() - started, 1)
    print()
    print(table(rows))
    if not args.no_write:
        RESULTS.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
        REPORT.write_text(report(results, rows), encoding="utf-8")
        log(f"wrote {RESULTS.relative_to(ROOT)} and {REPORT.relative_to(ROOT)}")
    return 0


def report(results: dict, rows: list) -> str:
    from .notes import NOTES

    m = results["machine"]
    return "\n".join([
        "# Benchmarks",
        "",
        f"Last `make bench` run {results['date']} ({m['cpus']} CPUs shared with other jobs, Python {m['python']}, "
        f"load average {m['load_at_start'][0]:.1f} at start, {m['load_at_end'][0]:.1f} at end; "
        f"{results['seconds'] / 60:.0f} minutes){' — quick run' if results['quick'] else ''}.",
        *([f"Parts measured on: " + ", ".join(f"{k} {v}" for k, v in sorted(results["dates"].items())) + "."]
          if len(set(results.get("dates", {}).values())) > 1 else []),
        "Judged figures are ratios of measurements taken side by side in the same run; absolute",
        "seconds are for context only (the machine is shared and noisy). Raw figures: `bench/results.json`.",
        "",
        table([r for r in rows if not r[0].startswith("browser")]),
        "",
        "### Browser (`bench/browser.py`, figures as it returns them)",
        "",
        table([r for r in rows if r[0].startswith("browser")]),
        "",
        NOTES.strip(),
        "",
    ])


if __name__ == "__main__":
    sys.exit(main())
