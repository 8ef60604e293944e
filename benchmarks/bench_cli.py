"""The command line as quick as grep: whole processes, start to exit, against their floors.

    python benchmarks/bench_cli.py --library /tmp/lib3650 --corpus benchmarks/out/corpus-3650
    python benchmarks/bench_cli.py ... --compare OLD/.venv/bin/python   # and another version
    python benchmarks/bench_cli.py ... --window      # and the window's cold start (offscreen)

Each command runs as the `telereader` console script runs it (`from telereader.cli import
main`), with the telereader that this interpreter imports (`--compare`: also the one another
interpreter imports, for instance a venv with an older checkout installed), read commands only:
the library is never written. The commands are run in turn, one run of each per round, so that
the machine's drift hits all of them alike (and both versions alike); medians of `--runs`.

- "besides the query": the whole process minus the query's own time. `search --json` reports its
  own (`elapsed_ms`); for items, show and days the process times its store call (Store.days,
  Store.iter_items_on as it is read, Store.item) and says so on stderr at exit.
- Floors: `python -c pass`; a bare Python process that opens the library with sqlite3 and reads one
  page of rows (20, newest first); one that counts the same index match as the search; and
  `rg -c -F QUERY` over the raw folder of digests.
- Before measuring, each telereader is compiled to bytecode, as installing it does.
- `--window`: the window's cold start, a fresh process from its start to the first painted
  window (as benchmarks/bench_window.py times it, offscreen), and the CPU it used until then.

Targets (issue 19): --version ≤ 2 × `python -c pass`; what search, items, show and days spend
besides their query ≤ 1.5 × the bare page; search as a whole no slower than rg.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RG = "/usr/bin/rg"
PAGE = 20
_ENTRY = "import sys\nfrom telereader.cli import main\nsys.exit(main())\n"
# The same, timing the store calls that items, show and days make.
_ENTRY_TIMED = """
import atexit, sys, time
from telereader.core.store import Store
spent = [0.0]
def timed(method):
    def call(*args, **kwargs):
        began = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - began
    return call
def timed_rows(method):
    def call(*args, **kwargs):
        rows = timed(method)(*args, **kwargs)
        step = timed(next)
        while True:
            try:
                row = step(rows)
            except StopIteration:
                return
            yield row
    return call
Store.days, Store.item = timed(Store.days), timed(Store.item)
Store.iter_items_on = timed_rows(Store.iter_items_on)
atexit.register(lambda: sys.stderr.write(f"\\nquery_ms {spent[0] * 1000}\\n"))
from telereader.cli import main
sys.exit(main())
"""
_BARE_PAGE = (
    "import sqlite3, sys\n"
    "conn = sqlite3.connect(sys.argv[1])\n"
    f"conn.execute('SELECT * FROM items ORDER BY seq DESC LIMIT {PAGE}').fetchall()\n"
)
_BARE_COUNT = (
    "import sqlite3, sys\n"
    "conn = sqlite3.connect(sys.argv[1])\n"
    "conn.execute(f'SELECT count(*) FROM {sys.argv[2]} WHERE {sys.argv[2]} MATCH ?',"
    " [sys.argv[3]]).fetchone()\n"
)


def timed(command: list[str]) -> tuple[float, float, float | None]:
    """Milliseconds from start to exit, the CPU milliseconds it used (user + system: what a
    busy machine's other work does not inflate much), and the query's own time when the
    process says it."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    # from "/": `python -c` puts the current folder first on sys.path
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd="/")
    spent = (time.perf_counter() - began) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime) * 1000
    if '"elapsed_ms"' in done.stdout:
        return spent, cpu, json.loads(done.stdout)["elapsed_ms"]
    said = [line for line in done.stderr.splitlines() if line.startswith("query_ms ")]
    return spent, cpu, float(said[-1].split()[1]) if said else None


def sample_of(library: Path) -> tuple[str, str]:
    """The library's last day and an item of it (read-only)."""
    conn = sqlite3.connect(f"file:{library / 'library.sqlite3'}?mode=ro", uri=True)
    day = conn.execute("SELECT max(day) FROM day_counts").fetchone()[0]
    item = conn.execute("SELECT id FROM items WHERE day = ? LIMIT 1", [day]).fetchone()[0]
    conn.close()
    return day, item


def floors(args: argparse.Namespace) -> dict[str, list[str]]:
    from telereader.core.search_index import INDEX_TABLE, term_expression

    python = sys.executable
    database = str(args.library / "library.sqlite3")
    match = term_expression(args.query)
    return {
        "python -c pass": [python, "-c", "pass"],
        "bare page": [python, "-c", _BARE_PAGE, database],
        "bare count": [python, "-c", _BARE_COUNT, database, INDEX_TABLE, match],
        "rg": [RG, "-c", "-F", args.query, str(args.corpus)],
    }


def commands(python: str, args: argparse.Namespace, day: str, item: str) -> dict[str, list[str]]:
    telereader = [python, "-c", _ENTRY_TIMED, "--data-dir", str(args.library)]
    return {
        "--version": [python, "-c", _ENTRY, "--version"],
        "search": [*telereader, "search", args.query, "--limit", str(PAGE), "--json"],
        "items": [*telereader, "items", day, "--json"],
        "show": [*telereader, "show", item, "--json"],
        "days": [*telereader, "days", "--json"],
    }


def measure(args: argparse.Namespace) -> dict[tuple[str, str], dict[str, float]]:
    """{(python or "", name): {"whole": ms, "query": ms}}; "" keys the floors."""
    day, item = sample_of(args.library)
    table = {("", name): command for name, command in floors(args).items()}
    for python in args.pythons:
        for name, command in commands(python, args, day, item).items():
            table[(python, name)] = command
    wall: dict[tuple[str, str], list[float]] = {key: [] for key in table}
    cpu: dict[tuple[str, str], list[float]] = {key: [] for key in table}
    queries: dict[tuple[str, str], list[float]] = {key: [] for key in table}
    for _ in range(args.runs):
        for key, command in table.items():
            spent, used, query = timed(command)
            wall[key].append(spent)
            cpu[key].append(used)
            if query is not None:
                queries[key].append(query)
    return {
        key: {
            "whole": statistics.median(wall[key]),
            "cpu": statistics.median(cpu[key]),
            "query": statistics.median(queries[key]) if queries[key] else 0.0,
        }
        for key in table
    }


def compile_bytecode(python: str) -> None:
    """Compile the telereader that `python` imports, as installing it does: with
    PYTHONDONTWRITEBYTECODE set (as on this machine), a checkout installed in editable mode would
    otherwise compile every module of it again on every run."""
    subprocess.run([python, "-m", "compileall", "-q", where(python)], check=True, cwd="/")


def where(python: str) -> str:
    found = subprocess.run(
        [python, "-c", "import telereader, os; print(os.path.dirname(telereader.__file__))"],
        capture_output=True, text=True, check=True, cwd="/",
    )  # fmt: skip
    return found.stdout.strip()


def print_table(results: dict[tuple[str, str], dict[str, float]], args: argparse.Namespace) -> None:
    floor, bare, rg = (results[("", name)] for name in ("python -c pass", "bare page", "rg"))
    print(f"library: {args.library}  runs: {args.runs} (medians, ms)")
    for number, python in enumerate(args.pythons, 1):
        print(f"telereader {number}: {where(python)}")
    print("| command | whole process | CPU (user+sys) | its query | besides the query "
          "| against its floor |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---|")
    for name in ("python -c pass", "bare page", "bare count", "rg"):
        measured = results[("", name)]
        print(f"| {label(name, args)} | {measured['whole']:.0f} | {measured['cpu']:.0f} "
              "| | | floor |")  # fmt: skip
    for number, python in enumerate(args.pythons, 1):
        tag = f" ({number})" if len(args.pythons) > 1 else ""
        for name in ("--version", "search", "items", "show", "days"):
            measured = results[(python, name)]
            whole, cpu, query = measured["whole"], measured["cpu"], measured["query"]
            if name == "--version":
                against = (f"{whole / floor['whole']:.2f}; {cpu / floor['cpu']:.2f} "
                           "× python -c pass")  # fmt: skip
            else:  # the query's own time is wall time: only the wall column can lose it
                against = f"{(whole - query) / bare['whole']:.2f} × bare page"
            if name == "search":
                against += f"; whole {whole / rg['whole']:.2f} × rg"
            shown_query = f"{query:.1f}" if name != "--version" else ""
            besides = f"{whole - query:.0f}" if name != "--version" else ""
            print(f"| {label(name, args)}{tag} | {whole:.0f} | {cpu:.0f} | {shown_query} "
                  f"| {besides} | {against} |")  # fmt: skip


def label(name: str, args: argparse.Namespace) -> str:
    return {
        "python -c pass": "`python -c pass`",
        "bare page": f"bare: open the library, read {PAGE} rows",
        "bare count": f"bare: open the library, count the index match of {args.query}",
        "rg": f"`rg -c -F {args.query}` over the raw folder",
        "search": f"`telereader search {args.query} --limit {PAGE} --json`",
        "items": "`telereader items DAY --json` (the last day)",
        "show": "`telereader show ID --json`",
        "days": "`telereader days --json`",
        "--version": "`telereader --version`",
    }[name]


# A fresh process from its start to the first painted window (as bench_window.py's cold start),
# then its CPU time (all threads) at that moment.
_WINDOW = """
import json, os, sys, time
began = float(os.environ["BENCH_STARTED"])
from pathlib import Path
from PySide6.QtWidgets import QApplication
from telereader.app.window import MainWindow
from telereader.core.store import Store
app = QApplication(sys.argv[:1])
store = Store.open(Path(sys.argv[1]))
window = MainWindow(store, Path(sys.argv[1]), "zh")
window.show()
window.start()
app.processEvents()
window.repaint()
painted, cpu = time.time() - began, time.process_time()
print(json.dumps({"painted_s": painted, "cpu_s": cpu}))
window.close()
store.close()
"""


def window_cold_start(python: str, library: Path) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BENCH_STARTED=repr(time.time()))
    done = subprocess.run(
        [python, "-c", _WINDOW, str(library)],
        capture_output=True, text=True, env=env, check=True, cwd="/",
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_window(args: argparse.Namespace) -> None:
    starts: dict[str, list[dict[str, float]]] = {python: [] for python in args.pythons}
    for _ in range(args.runs):
        for python in args.pythons:
            starts[python].append(window_cold_start(python, args.library))
    print("| window cold start, to the first paint | wall, median (min–max) | CPU, median |")
    print("|---|---:|---:|")
    for number, python in enumerate(args.pythons, 1):
        wall = [run["painted_s"] for run in starts[python]]
        cpu = [run["cpu_s"] for run in starts[python]]
        print(f"| telereader {number}, {args.runs} starts | {statistics.median(wall):.2f} s "
              f"({min(wall):.2f}–{max(wall):.2f}) | {statistics.median(cpu):.2f} s |")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--library", type=Path, default=Path("/tmp/lib3650"))
    parser.add_argument("--corpus", type=Path, default=ROOT / "benchmarks/out/corpus-3650")
    parser.add_argument("--compare", metavar="PYTHON", help="also the telereader it imports")
    parser.add_argument("--query", default="金")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--window", action="store_true", help="also the window's cold start")
    parser.add_argument("--no-commands", action="store_true", help="only the window")
    args = parser.parse_args(argv)
    args.pythons = [sys.executable, *([args.compare] if args.compare else [])]
    for python in args.pythons:
        compile_bytecode(python)
    if not args.no_commands:
        print_table(measure(args), args)
    if args.window:
        print_window(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
