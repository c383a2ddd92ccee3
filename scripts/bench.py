#!/usr/bin/env python3
"""`make bench`: builds in release and measures the app as a user meets it.

Writes target/bench/results.json ({name: {"value": number, "unit": str, ...}}) and prints a
table. The window measurements run the real binary under Xvfb: with BRIDGEPLAN_BENCH_PAINT set
it prints when each start-up phase happened and ends once its first view is painted
(src-tauri/commands/bench.rs). The same binary with BRIDGEPLAN_BENCH_HELLO set shows a one-line
page instead: the floor of this stack, which the start-up figures are measured against.
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


# The start-up phases, in the order they happen, as the app prints them (NAME_unix_ms=...),
# except web_process_up, which this script sees appear.
PHASES = ["setup", "web_process_up", "window_built", "page_load_started", "script_start",
          "first_ipc", "board_painted"]
CLK_TCK = os.sysconf("SC_CLK_TCK")
ROUNDS = 15


def tree(pid):
    """pid and the processes below it, through /proc/PID/task/TID/children (cheap to poll)."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return found


def cpu_and_web(pids):
    """CPU time (user + system, ms) of pids together, and whether a WebKit web process is one."""
    total, web = 0, False
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as f:
                comm_end = f.read()
        except OSError:
            continue
        name = comm_end[comm_end.index("(") + 1:comm_end.rindex(")")]
        fields = comm_end.rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
        web = web or name.startswith("WebKitWebProc")
    return total * 1000.0 / CLK_TCK, web


def launch(workspace, home, hello=False, edits=False):
    """One start of the app (or of the hello-world) until it reports its first view painted.
    Answers {phase: (wall ms, CPU ms) since process start}, any timed edits, and the page's
    own timeline (its IPC calls and marks)."""
    env = app_env(home)
    env["BRIDGEPLAN_BENCH_PAINT"] = "1"
    if hello:
        env["BRIDGEPLAN_BENCH_HELLO"] = "1"
    if edits:
        env["BRIDGEPLAN_BENCH_EDIT"] = "1"
    start = time.time() * 1000.0
    proc = subprocess.Popen([str(BIN), str(workspace)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    samples, web_up = [], None
    while proc.poll() is None:
        now = time.time() * 1000.0
        cpu, web = cpu_and_web(tree(proc.pid))
        samples.append((now, cpu))
        if web and web_up is None:
            web_up = now
        if now - start > 120_000:
            proc.kill()
            raise RuntimeError("the app did not report a painted view within two minutes")
        time.sleep(0.01)
    marks, edit_ms, entries = {}, [], []
    for line in proc.stdout.read().splitlines():
        name, _, value = line.partition("=")
        if name.endswith("_unix_ms"):
            marks[name[:-len("_unix_ms")]] = float(value)
        elif name == "edit_repaint_ms":
            edit_ms.append(float(value))
        elif name == "page_entry":
            entries.append(value)
    if "board_painted" not in marks:
        raise RuntimeError(f"the app did not report a painted view (exit {proc.returncode})")
    if web_up is not None:
        marks["web_process_up"] = web_up

    def cpu_at(t):
        before = [cpu for (at, cpu) in samples if at <= t]
        return before[-1] if before else 0.0

    phases = {name: (marks[name] - start, cpu_at(marks[name])) for name in PHASES if name in marks}
    return phases, edit_ms, entries


def median(values):
    return round(statistics.median(values), 1)


def spread(values):
    """The middle half of the runs: (25th, 75th percentile)."""
    q = statistics.quantiles(values, n=4)
    return [round(q[0], 1), round(q[2], 1)]


def phase_table(label, runs):
    """Median wall and CPU time of each phase (from the previous phase), as printed lines."""
    lines = [f"  {label}: phase                 wall ms   CPU ms   (medians of {len(runs)})"]
    previous = "process_start"
    prev_wall = [0.0] * len(runs)
    prev_cpu = [0.0] * len(runs)
    for name in PHASES:
        if not all(name in r for r in runs):
            continue
        wall = [r[name][0] - w for r, w in zip(runs, prev_wall)]
        cpu = [r[name][1] - c for r, c in zip(runs, prev_cpu)]
        lines.append(f"    {previous} → {name}".ljust(46) + f"{median(wall):>8}  {median(cpu):>7}")
        previous, prev_wall, prev_cpu = name, [r[name][0] for r in runs], [r[name][1] for r in runs]
    return lines


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


def idle_memory_mib(workspace, hello=False):
    """Memory of the app (or the hello-world) and its web processes, 5 s after start, in three
    views:
    resident: every physical page resident for the app, counted once (a library that both the
      app and its web process map is in memory once);
    rss_sum: each process's RSS added up, which counts such shared pages once per process;
    pss: proportional set size, shared pages divided among every process that maps them.
    resident falls back to rss_sum where frame numbers are hidden (not running as root)."""
    with tempfile.TemporaryDirectory() as home:
        env = app_env(Path(home))
        if hello:
            env["BRIDGEPLAN_BENCH_HELLO"] = "1"
        proc = subprocess.Popen([str(BIN), str(workspace)], env=env,
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


def startup_against_floor(results, demo, big, plan):
    """The hello-world and the app's three start-ups, interleaved round by round (the order
    turning each round, so none always follows another), each with a profile of its own that a
    first, uncounted run has warmed (a returning user). Edits on the 10,000-task plan last."""
    workloads = {"hello": (demo, True), "demo": (demo, False), "board_10k": (big, False),
                 "timeline_10k": (plan, False)}
    homes = {name: Path(tempfile.mkdtemp(prefix=f"bench-{name}-")) for name in workloads}
    runs = {name: [] for name in workloads}
    try:
        for name, (ws, hello) in workloads.items():
            launch(ws, homes[name], hello)
        order = list(workloads)
        for round_no in range(ROUNDS):
            turn = round_no % len(order)
            for name in order[turn:] + order[:turn]:
                ws, hello = workloads[name]
                runs[name].append(launch(ws, homes[name], hello)[0])
        # Each run edits a fresh copy: the links a run adds would be refused as duplicates in
        # the next, and a refusal is not an edit.
        edit_ms = []
        for n in range(3):
            copy = plan.with_name(f"edited-{n}.bridgeplan")
            shutil.copyfile(plan, copy)
            edit_ms += launch(copy, homes["timeline_10k"], edits=True)[1]
            copy.unlink()
    finally:
        for home in homes.values():
            shutil.rmtree(home, ignore_errors=True)

    painted = {name: [r["board_painted"][0] for r in rs] for name, rs in runs.items()}
    floor = median(painted["hello"])
    ms = lambda v, name: {"value": v, "unit": "ms", "spread": spread(painted[name])}
    results["hello_first_paint_ms"] = ms(floor, "hello")
    results["startup_to_board_ms"] = ms(median(painted["demo"]), "demo")
    results["startup_ratio"] = {"value": round(median(painted["demo"]) / floor, 2), "unit": "×"}
    results["startup_over_floor_ms"] = {"value": round(median(painted["demo"]) - floor, 1),
                                        "unit": "ms"}
    results["open_10k_items_ms"] = ms(median(painted["board_10k"]), "board_10k")
    results["board_10k_over_floor_ms"] = {"value": round(median(painted["board_10k"]) - floor, 1),
                                          "unit": "ms"}
    # The only project of this workspace is a waterfall plan: it opens on its timeline.
    results["timeline_10k_render_ms"] = ms(median(painted["timeline_10k"]), "timeline_10k")
    results["timeline_10k_over_floor_ms"] = {
        "value": round(median(painted["timeline_10k"]) - floor, 1), "unit": "ms"}
    if edit_ms:
        results["edit_10k_repaint_ms"] = {"value": median(edit_ms), "unit": "ms",
                                          "spread": spread(edit_ms), "max": round(max(edit_ms), 1)}
    lines = []
    for name, rs in runs.items():
        lines += phase_table(name, rs)
    (OUT / "startup.json").write_text(json.dumps(runs, indent=1) + "\n")
    return lines


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
    phases = startup_against_floor(results, demo, big, plan)
    # Idle memory, three runs of each, alternating.
    memory = {False: [], True: []}
    for _ in range(3):
        for hello in (False, True):
            memory[hello].append(idle_memory_mib(demo, hello))
    resident, rss_sum, pss = (statistics.median(m[i] for m in memory[False]) for i in range(3))
    hello_pss = statistics.median(m[2] for m in memory[True])
    results["idle_rss_mib"] = {"value": round(resident, 1), "unit": "MiB"}
    results["idle_rss_sum_mib"] = {"value": round(rss_sum, 1), "unit": "MiB"}
    results["idle_pss_mib"] = {"value": round(pss, 1), "unit": "MiB"}
    results["hello_idle_pss_mib"] = {"value": round(hello_pss, 1), "unit": "MiB"}
    results["pss_ratio"] = {"value": round(pss / hello_pss, 2), "unit": "×"}
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
    print("\nstart-up phases, from the previous one:")
    print("\n".join(phases))
    print(f"\nwritten to {OUT / 'results.json'} (every start-up run in startup.json)")


if __name__ == "__main__":
    if not os.environ.get("DISPLAY") and shutil.which("xvfb-run"):
        os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
                               sys.executable, *sys.argv])
    main()
