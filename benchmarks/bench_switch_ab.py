"""Day switches of two versions of the code, in turn, one switch each at a time.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_switch_ab.py \\
        old=CHECKOUT_A:LIBRARY_A new=CHECKOUT_B:LIBRARY_B [more=…]

Each CHECKOUT is a tree holding `telereader/` and `benchmarks/` (`git worktree add`, or
`git archive REV | tar -x -C DIR`); each LIBRARY a data folder at the schema its code
expects (a copy, when a migration will run). Every version runs in a process of its own
(`bench_window._open_window`: the real window, 1400×900) and the versions take turns, one
switch each, the same random days in the same order: when the machine's speed drifts (it
changed by up to 2× from one minute to the next on the team's shared VM), all of them meet the
same drift, which two runs one after the other do not. The first 20 switches are not timed.

Printed per version: the switch (show_day to the list laid out and repainted, as
bench_window.py), the switch until the window settled (its layouts done and what they moved
repainted), and the process's CPU time over the switch, each p50 / p95 / max in ms.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

SWITCHES = int(os.environ.get("BENCH_SWITCHES", "220"))
WARM_UP = 20


def child(library: Path) -> None:
    """One version: a switch per line read, its three times printed."""
    import random

    from benchmarks.bench_window import _open_window  # the version's own window, as it opens it

    timed_switch = _beside("bench_window").timed_switch  # timed alike, older versions too

    app, _store, window = _open_window(library)
    rng, days = random.Random(1), window.days
    print("ready", flush=True)
    for _line in sys.stdin:
        day = rng.choice(days)
        cpu = time.process_time()
        switched, settled = timed_switch(window, day)
        used = (time.process_time() - cpu) * 1000
        print(f"{switched:.3f} {settled:.3f} {used:.3f}", flush=True)
        app.processEvents()


def _beside(name: str):
    """A module of this folder, whatever checkout the child runs."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"_{name}", Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _wait_ready(label: str, process: subprocess.Popen) -> None:
    """Until the version's window is open; a version that ended before is an error."""
    while True:
        line = process.stdout.readline()
        if not line:
            raise SystemExit(f"{label}: ended before its window opened (exit code {process.wait()})")
        if line.strip() == "ready":
            return


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[round(0.95 * (len(ordered) - 1))]
    return f"{statistics.median(ordered):.1f} / {p95:.1f} / {ordered[-1]:.1f}"


def main(specs: list[str]) -> int:
    versions = []
    for spec in specs:
        label, _, place = spec.partition("=")
        checkout, _, library = place.partition(":")
        process = subprocess.Popen(
            [sys.executable, __file__, "--child", library],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": checkout, "BENCH_NO_CATCH_UP": "1"},
        )  # fmt: skip
        _wait_ready(label, process)
        versions.append((label, process, []))
    for number in range(SWITCHES):
        for _label, process, rows in versions if number % 2 == 0 else versions[::-1]:
            process.stdin.write("switch\n")
            process.stdin.flush()
            row = [float(value) for value in process.stdout.readline().split()]
            if len(row) != 3:
                raise SystemExit(f"{_label}: the switch gave no times (exit code {process.poll()})")
            if number >= WARM_UP:
                rows.append(row)
    print("| version | switch p50 / p95 / max | until settled | CPU |")
    print("|---|---:|---:|---:|")
    for label, process, rows in versions:
        process.stdin.close()
        process.wait()
        columns = [summary([row[at] for row in rows]) for at in range(3)]
        print(f"| {label} | " + " | ".join(f"{column} ms" for column in columns) + " |")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.argv[1:2] == ["--child"]:
        sys.path.insert(0, os.environ["PYTHONPATH"])
        child(Path(sys.argv[2]))
    else:
        sys.exit(main(sys.argv[1:]))
