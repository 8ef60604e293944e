"""Kept pair counts on a big library (pairs15): trends of the most common characters and pairs,
searches of two characters and of exclusions, and the import of a new day, each timed as wall
and CPU time (this process's user+sys, which other jobs on the machine disturb far less).

    python benchmarks/bench_pairs.py --library COPY [--common 20] [--runs 5] [--per-class 20]
    python benchmarks/bench_pairs.py --library COPY --import-days 3

Searches are timed twice in one run: as they are, and with the kept totals switched off (the
index's own count, what every search did before), alternating query by query. --import-days N
imports a synthetic day after the library's last, N times with the pair counts kept and N times
without, alternating, deleting the day after each (the library ends as it began). Opening the
library runs any pending migration, so give it a copy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_trend import most_common
from benchmarks.search_classes import query_classes
from benchmarks.synth import generate
from telereader.core import index_writes
from telereader.core import search as search_module
from telereader.core.importer import import_paths
from telereader.core.search import search
from telereader.core.store import Store
from telereader.core.trend import trend


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall and median CPU milliseconds of `runs` calls."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def spread(values: list[float]) -> str:
    """p50 / p95 / max."""
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{statistics.median(ordered):.1f} | {p95:.1f} | {ordered[-1]:.1f}"


def trends(store: Store, n: int, runs: int) -> None:
    characters, pairs = most_common(store, n)
    print("pairs:", " ".join(pairs))
    print("| queries | by | wall p50 | p95 | max | CPU p50 | p95 | max | = search |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    for name, queries in (("characters", characters), ("pairs", pairs)):
        for by in ("day", "month"):
            walls, cpus, agree = [], [], True
            for query in queries:
                wall, cpu = timed(lambda q=query, b=by: trend(store, q, by=b), runs)
                walls.append(wall)
                cpus.append(cpu)
                agree = agree and trend(store, query, by=by).total == search(
                    store, query, limit=0).total  # fmt: skip
            print(f"| {n} most common {name} | {by} | {spread(walls)} | {spread(cpus)} | "
                  f"{'yes' if agree else 'NO'} |", flush=True)  # fmt: skip


def searches(store: Store, per_class: int, runs: int, seed: int) -> None:
    classes = query_classes(store, seed)
    kept_total = search_module._kept_total
    print("| class | totals | wall p50 | p95 | max | CPU p50 | p95 | max |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for name in ("2 chars", "excluding"):
        queries = classes[name].queries[:per_class]
        timings: dict[str, tuple[list[float], list[float]]] = {"kept": ([], []), "counted": ([], [])}
        for query in queries:
            for label in ("kept", "counted"):
                search_module._kept_total = kept_total if label == "kept" else _none
                wall, cpu = timed(lambda q=query: search(store, q), runs)
                timings[label][0].append(wall)
                timings[label][1].append(cpu)
            search_module._kept_total = kept_total
        for label, (walls, cpus) in timings.items():
            print(f"| {name} | {label} | {spread(walls)} | {spread(cpus)} |", flush=True)
    print("queries:", "; ".join(classes["excluding"].queries[:per_class]))


def _none(*args: object) -> None:
    return None


def new_days(store: Store, repeats: int) -> None:
    last = dt.date.fromisoformat(store.conn.execute("SELECT max(day) FROM items").fetchone()[0])
    keep_pairs = index_writes.count_pairs
    with tempfile.TemporaryDirectory() as folder:
        paths = generate(Path(folder), 1, last + dt.timedelta(days=1), seed=99)
        results: dict[str, list[tuple[float, float]]] = {"pairs kept": [], "pairs not kept": []}
        for _ in range(repeats):
            for label in results:
                index_writes.count_pairs = keep_pairs if label == "pairs kept" else _none
                results[label].append(timed(lambda: import_paths(store, paths, workers=0), 1))
                store.delete_day(last + dt.timedelta(days=1))
        index_writes.count_pairs = keep_pairs
    for label, runs in results.items():
        walls = ", ".join(f"{wall:.0f}" for wall, _ in runs)
        cpus = ", ".join(f"{cpu:.0f}" for _, cpu in runs)
        print(f"import of a new day, {label}: wall {walls} ms; CPU {cpus} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--common", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--per-class", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--import-days", type=int, default=0)
    args = parser.parse_args()
    with Store.open(args.library) as store:
        if args.import_days:
            new_days(store, args.import_days)
            return
        trends(store, args.common, args.runs)
        searches(store, args.per_class, args.runs, args.seed)


if __name__ == "__main__":
    main()
