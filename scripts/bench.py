#!/usr/bin/env python3
"""`make bench`: builds in release and measures the app as a user meets it.

Writes target/bench/results.json ({name: {"value": number, "unit": str}}) and prints a table.
The window measurements run the real binary under Xvfb; the app prints the moment its board
is painted when BRIDGEPLAN_BENCH_PAINT is set, and exits.
"""
import json
import os
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "target" / "bench"
BIN = ROOT / "target" / "release" / "bridgeplan"
RUNS = 7


def run(cmd, **kw):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kw)


def app_env(home):
    env = dict(os.environ)
    env.update({
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "WEBKIT_DISABLE_DMABUF_RENDERER": "1",
    })
    return env


def time_to_painted(workspace, home):
    """Milliseconds from process start until the UI reports its board painted."""
    env = app_env(home)
    env["BRIDGEPLAN_BENCH_PAINT"] = "1"
    start = time.time() * 1000.0
    proc = subprocess.run([str(BIN), str(workspace)], env=env, capture_output=True,
                          text=True, timeout=60)
    for line in proc.stdout.splitlines():
        if line.startswith("board_painted_unix_ms="):
            return float(line.split("=", 1)[1]) - start
    raise RuntimeError(f"the app did not report a painted board:\n{proc.stdout}\n{proc.stderr}")


def descendants(pid):
    """pid and every process below it (the web and network processes of the webview)."""
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, []))
    return found


def rss_kib(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def pss_kib(pid):
    """Proportional set size: shared library pages divided among the processes sharing them."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


PAGE = os.sysconf("SC_PAGE_SIZE")


def resident_frames(pid):
    """The physical page frames resident for pid, from /proc/pid/pagemap. Empty when the
    kernel hides frame numbers (they read as 0 without CAP_SYS_ADMIN)."""
    frames = set()
    try:
        with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/pagemap", "rb") as pagemap:
            for line in maps:
                start, end = (int(x, 16) for x in line.split()[0].split("-"))
                if start >= 1 << 47:  # [vsyscall]: not readable through pagemap
                    continue
                pagemap.seek(start // PAGE * 8)
                data = pagemap.read((end - start) // PAGE * 8)
                for (entry,) in struct.iter_unpack("<Q", data):
                    if entry >> 63 and entry & ((1 << 55) - 1):
                        frames.add(entry & ((1 << 55) - 1))
    except OSError:
        return set()
    return frames


def idle_memory_mib(workspace):
    """Memory of the app and its web processes, 5 s after start, in three views:
    resident: every physical page resident for the app, counted once (a library that both the
      app and its web process map is in memory once);
    rss_sum: each process's RSS added up, which counts such shared pages once per process;
    pss: proportional set size, shared pages divided among every process that maps them.
    resident falls back to rss_sum where frame numbers are hidden (not running as root)."""
    with tempfile.TemporaryDirectory() as home:
        proc = subprocess.Popen([str(BIN), str(workspace)], env=app_env(Path(home)),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(5)
            pids = descendants(proc.pid)
            rss_sum = sum(rss_kib(p) for p in pids) / 1024.0
            pss = sum(pss_kib(p) for p in pids) / 1024.0
            frames = set().union(*(resident_frames(p) for p in pids))
            resident = len(frames) * PAGE / 2**20 if frames else rss_sum
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    return resident, rss_sum, pss


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    run(["cargo", "build", "--release", "--features", "custom-protocol"])
    demo = OUT / "demo.bridgeplan"
    big = OUT / "items-10k.bridgeplan"
    plan = OUT / "tasks-10k.bridgeplan"
    for f in (demo, big, plan):
        if f.exists():
            f.unlink()
    run([str(BIN), "demo", str(demo)])
    run([str(BIN), "demo", str(big), "--items", "10000"])
    run([str(BIN), "demo", str(plan), "--tasks", "10000"])

    results = {}

    def median_start(workspace):
        # A returning user: one profile for all runs, the first (not counted) warms the page
        # cache and leaves the app's own remembered state, as any earlier use would.
        with tempfile.TemporaryDirectory() as home:
            time_to_painted(workspace, Path(home))
            return round(statistics.median(
                time_to_painted(workspace, Path(home)) for _ in range(RUNS)), 1)

    results["startup_to_board_ms"] = {"value": median_start(demo), "unit": "ms"}
    resident, rss_sum, pss = idle_memory_mib(demo)
    results["idle_rss_mib"] = {"value": round(resident, 1), "unit": "MiB"}
    results["idle_rss_sum_mib"] = {"value": round(rss_sum, 1), "unit": "MiB"}
    results["idle_pss_mib"] = {"value": round(pss, 1), "unit": "MiB"}
    results["open_10k_items_ms"] = {"value": median_start(big), "unit": "ms"}
    # The only project of this workspace is a waterfall plan: it opens on its timeline.
    results["timeline_10k_render_ms"] = {"value": median_start(plan), "unit": "ms"}
    # The core's and the reports' own benchmarks, each printing a JSON object of figures.
    examples = [("bridgeplan-core", name) for name in (
        "bench_core", "bench_budget", "bench_search", "bench_health", "bench_resources",
        "bench_backup", "bench_csv", "bench_json")]
    examples += [("bridgeplan-reports", "bench_reports"), ("bridgeplan-core", "bench_interchange")]
    for package, example in examples:
        printed = subprocess.run(["cargo", "run", "--quiet", "--release", "-p", package,
                                  "--example", example, "--", str(OUT)],
                                 cwd=ROOT, check=True, capture_output=True, text=True)
        results.update(json.loads(printed.stdout))
    results["binary_mib"] = {"value": round(BIN.stat().st_size / 2**20, 1), "unit": "MiB"}

    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    width = max(len(k) for k in results)
    print(f"\n{'measurement'.ljust(width)}  {'value':>10}  unit")
    for name, m in results.items():
        print(f"{name.ljust(width)}  {m['value']:>10}  {m['unit']}")
    print(f"\nwritten to {OUT / 'results.json'}")


if __name__ == "__main__":
    if not os.environ.get("DISPLAY") and shutil.which("xvfb-run"):
        os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
                               sys.executable, *sys.argv])
    main()
