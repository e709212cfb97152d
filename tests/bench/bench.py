#!/usr/bin/python3
"""The benchmark behind scripts/bench: for each N, a generated network of N
contacts (tests/bench/make-network) and N Taskwarrior tasks
(tests/bench/make-tasks, imported once); hyperfine's median wall time of each
command, each kith time as a ratio to the floor (reading every file once,
bench_read_all), peak memory (GNU time's maximum resident set), and at the end
the targets of issue 10, each met or missed.

    tests/bench/bench.py BUILD_DIR [N ...] [--before KITH]     (default N: 1000 10000 100000)

With --before, each kith command is timed with that other kith binary too (a
build of an earlier commit), and the table shows both and their ratio: how a
change moved every figure. "show", "draft" and "prepare" are timed naming the
contact by its slug, by its name and by a prefix, which resolve alike.

Networks and task lists are kept in BUILD_DIR/bench/ and made again only when
their generator changes. Times are with the files in the page cache (each
command runs a few times first), as for a cron job that runs after a day of
use; nothing else should run meanwhile. "kith due" reads through its cache of
parsed files (warm after the first run, as every day but the first);
"every file parsed" runs it with no cache at all (through env, which adds an
exec), which is what a day after editing every file would cost.
"""

import argparse
import hashlib
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = "2026-11-23"


def stamp_of(*parts):
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
    return digest.hexdigest()


def made_once(folder, stamp, make):
    """Calls make(folder) unless folder was made by the same stamp before."""
    stamp_file = folder + ".stamp"
    if os.path.isdir(folder) and os.path.exists(stamp_file) and open(stamp_file).read() == stamp:
        return
    shutil.rmtree(folder, ignore_errors=True)
    make(folder)
    with open(stamp_file, "w") as f:
        f.write(stamp)


def network_for(n, root):
    generator = os.path.join(HERE, "make-network")
    folder = os.path.join(root, f"network-{n}")
    def make(f):
        subprocess.run([generator, str(n), f, "--today", TODAY], check=True)
        time.sleep(2.1)  # kith caches a file once it is two seconds old

    made_once(folder, stamp_of(open(generator, "rb").read(), str(n)), make)
    return folder


def taskwarrior_for(n, root):
    """A Taskwarrior data folder holding n imported tasks, and its TASKRC."""
    generator = os.path.join(HERE, "make-tasks")
    folder = os.path.join(root, f"taskwarrior-{n}")
    rc = folder + ".taskrc"

    def make(f):
        os.makedirs(f)
        with open(rc, "w") as out:
            out.write(f"data.location={f}\nconfirmation=off\nnews.version=2.6.0\n")
        tasks = subprocess.run([generator, str(n), "--today", TODAY], check=True, capture_output=True).stdout
        with tempfile.NamedTemporaryFile(suffix=".json") as file:
            file.write(tasks)
            file.flush()
            subprocess.run(["task", "import", file.name], check=True, env=dict(os.environ, TASKRC=rc),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    made_once(folder, stamp_of(open(generator, "rb").read(), str(n), "taskwarrior"), make)
    return rc


def sizes_of(folder):
    """The bytes in the folder's files, and the bytes they take on disk (whole blocks)."""
    content = disk = 0
    for dirpath, _, files in os.walk(folder):
        for name in files:
            status = os.stat(os.path.join(dirpath, name))
            content += status.st_size
            disk += status.st_blocks * 512
    return content, disk


def medians(commands, runs, env):
    """hyperfine's median seconds of each (name, argv), run in turn."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        argv = ["hyperfine", "--shell=none", "--style=none", "--warmup", "3", "--runs", str(runs),
                "--export-json", out.name]
        for name, command in commands:
            argv += ["--command-name", name, shlex.join(command)]
        subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results = json.load(open(out.name))["results"]
    return {r["command"]: r["median"] for r in results}


def peak_kib(command, env):
    """GNU time's maximum resident set size of one run, in KiB."""
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    return int(result.stderr.strip().splitlines()[-1])


def millis(seconds):
    return f"{seconds * 1000:9.1f} ms"


def named_contact(network):
    """A contact's slug, its name, and a prefix that names only it (of slugs and names alike)."""
    folder = os.path.join(network, "contacts")
    names = {}
    for file in sorted(os.listdir(folder)):
        for line in open(os.path.join(folder, file), encoding="utf-8"):
            if line.startswith("name = "):
                names[file.removesuffix(".toml")] = json.loads(line[len("name = "):])
                break
    words = [w.lower() for pair in names.items() for w in pair]
    for slug, name in names.items():
        if sum(1 for n in names.values() if n.lower() == name.lower()) != 1:
            continue
        for end in range(3, len(slug)):
            prefix = slug[:end]
            if prefix != slug and sum(1 for w in words if w.startswith(prefix)) == 1:
                return slug, name, prefix
    raise SystemExit(f"no contact in {network} has a unique name and prefix")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build")
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 100000])
    parser.add_argument("--before", help="another kith binary, each kith command timed with it too")
    args = parser.parse_args()
    kith = os.path.join(args.build, "kith")
    floor = os.path.join(args.build, "bench_read_all")
    root = os.path.join(args.build, "bench")
    os.makedirs(root, exist_ok=True)

    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.machine())
    version = subprocess.run([kith, "--version"], capture_output=True, text=True).stdout.strip()
    task_version = subprocess.run(["task", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"{version} against Taskwarrior {task_version}; {os.cpu_count()} cores ({cpu}), "
          f"Linux {platform.release()}; files in the page cache; medians of hyperfine runs")

    summary = {}
    for n in args.sizes:
        network = network_for(n, root)
        rc = taskwarrior_for(n, root)
        cache = os.path.join(root, "cache")
        env = dict(os.environ, TASKRC=rc, TZ="UTC", XDG_CACHE_HOME=cache)
        content, size = sizes_of(network)
        slug = sorted(os.listdir(os.path.join(network, "contacts")))[0].removesuffix(".toml")
        at = [kith, "--dir", network, "--today", TODAY]
        scratch = network + ".note"  # note writes: on a copy made afresh each run, the kept network never grows
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.copytree(network, scratch, symlinks=True)
        target, name, prefix = named_contact(network)
        commands = [  # (key, what the table calls it, argv)
            ("floor", "read every file once (the floor)", [floor, network]),
            ("due", "kith due", [*at, "due"]),
            ("parse", "kith due, every file parsed (no cache)", ["env", "XDG_CACHE_HOME=", "HOME=", *at, "due"]),
            ("json", "kith due --format json", [*at, "due", "--format", "json"]),
            ("list", "kith list", [*at, "list"]),
            ("show", "kith show SLUG", [*at, "show", target]),
            ("show-name", "kith show NAME", [*at, "show", name]),
            ("show-prefix", "kith show PREFIX", [*at, "show", prefix]),
            ("draft", "kith draft check-in SLUG", [*at, "draft", "check-in", target]),
            ("draft-prefix", "kith draft check-in PREFIX", [*at, "draft", "check-in", prefix]),
            ("prepare", "kith prepare SLUG", [*at, "prepare", target]),
            ("prepare-prefix", "kith prepare PREFIX", [*at, "prepare", prefix]),
            ("note", f"kith note {slug} TEXT",
             [kith, "--dir", scratch, "--today", TODAY, "note", slug, "a line the benchmark adds", "-q"]),
            ("version", "kith --version", [kith, "--version"]),
            ("task", "task due.before:eow export", ["task", "due.before:eow", "export"]),
        ]
        runs = 20 if n <= 1000 else 10 if n <= 10000 else 5
        timed = [(label, argv) for _, label, argv in commands]
        if args.before:  # the same kith commands with the other binary, named "before: ..."
            timed += [("before: " + label, [args.before if a == kith else a for a in argv])
                      for _, label, argv in commands if kith in argv]
        times = medians(timed, runs, env)
        floor_time = times[commands[0][1]]
        print(f"\nN = {n:,} contacts: {n + 1:,} files, {content / 1e6:.1f} MB, {size / 1e6:.1f} MB on disk; "
              f"{runs} runs each\n")
        before = " " * 3 + f"{'before':>12} {'÷ before':>8}" if args.before else ""
        print(f"  {'command':<44} {'median':>12} {'÷ floor':>8} {'peak memory':>12} {'÷ disk':>7}{before}")
        for key, label, argv in commands:
            kib = peak_kib(argv, env)
            then = times.get("before: " + label)
            before = f"   {millis(then)} {times[label] / then:8.2f}" if then else ""
            print(f"  {label:<44} {millis(times[label])} {times[label] / floor_time:8.2f} "
                  f"{kib / 1024:9.1f} MiB {kib * 1024 / size:7.2f}{before}")
            summary[(n, key)] = (times[label], kib * 1024)
        summary[(n, "size")] = (0, size)
        shutil.rmtree(scratch, ignore_errors=True)
        print(f"\n  kith due ÷ task export: {summary[(n, 'due')][0] / summary[(n, 'task')][0]:.2f}")

    print_targets(args.sizes, summary)


def print_targets(sizes, summary):
    """Issue 10's targets, each met or missed, from the figures above."""
    rows = []
    if 10000 in sizes:
        due, _ = summary[(10000, "due")]
        rows.append(("kith due on 10,000 contacts within 2x the floor", due / summary[(10000, "floor")][0], 2.0))
        rows.append(("kith due on 10,000 contacts at most 1/2 of task export", due / summary[(10000, "task")][0], 0.5))
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        per_small = summary[(small, "due")][0] / small
        per_large = summary[(large, "due")][0] / large
        rows.append((f"kith due time per contact, {large:,} vs {small:,} (linear: ~1)", per_large / per_small, 1.5))
        rows.append((f"kith note time, {large:,} vs {small:,} contacts (independent of N: ~1)",
                     summary[(large, "note")][0] / summary[(small, "note")][0], 1.5))
    version = max(summary[(n, "version")][0] for n in sizes)
    rows.append(("kith --version, in ms (under 5)", version * 1000, 5.0))
    memory = max(summary[(n, "due")][1] / summary[(n, "size")][1] for n in sizes)
    rows.append(("kith due's peak memory ÷ the network's size on disk (under 3)", memory, 3.0))
    print("\nTargets (issue 10)\n")
    for name, value, limit in rows:
        print(f"  {name:<68} {value:8.2f}  {'met' if value <= limit else 'MISSED'} (≤ {limit:g})")


if __name__ == "__main__":
    sys.exit(main())
