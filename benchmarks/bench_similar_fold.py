"""What folding near-duplicates adds to a day switch, on a large library.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_similar_fold.py LIBRARY_DIR [--fill]

`--fill` first writes `market_similar` for every day with the market layer's own rule
(core.related.near_duplicates over core.markets.day_rows), without the rest of the market
extraction (a copy of the ten-year library has none: the catch-up takes far longer). Use it on a
copy only.

Then:
- the day's near-duplicates read (`similar_to`) and the fold (`day_fold.fold`) alone, 500 days;
- bench_window.py's day switch (the real window, 1400×900, same warm-up and timing), every
  other switch with folding off: wall and CPU time (time.process_time of this process) with and
  without the fold, so that the load of other processes falls on both alike.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["BENCH_NO_CATCH_UP"] = "1"  # nothing runs behind the window
sys.path.insert(0, str(Path(__file__).parent))


def fill(library: Path) -> int:
    """market_similar for every day, as the catch-up would write it; the rows written."""
    from telereader.core.markets import day_rows
    from telereader.core.related import near_duplicates

    conn = sqlite3.connect(library / "library.sqlite3")
    days = [row[0] for row in conn.execute("SELECT DISTINCT day FROM items ORDER BY day")]
    total = 0
    for day in days:
        rows = day_rows(conn, dt.date.fromisoformat(day))
        found = near_duplicates(
            [(item, dt.datetime.fromisoformat(at), title, body) for item, at, title, body in rows]
        )
        conn.execute("DELETE FROM market_similar WHERE day = ?", [day])
        conn.executemany("INSERT INTO market_similar VALUES (?, ?, ?)",
                         [(copy, day, leader) for copy, leader in found.items()])  # fmt: skip
        total += len(found)
    conn.commit()
    conn.close()
    return total


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[round(share * (len(ordered) - 1))]


def query_and_fold(library: Path) -> str:
    from telereader.app.day_fold import fold
    from telereader.core.markets_schema import similar_to
    from telereader.core.store import Store

    store = Store.open(library)
    days = [summary.day for summary in store.days()]
    rng = random.Random(1)
    reads, folds, counts = [], [], []
    for _ in range(500):
        day = rng.choice(days)
        rows = store.item_rows_on(day, 40, False)
        began = time.perf_counter()
        copies = similar_to(store.conn, day)
        reads.append((time.perf_counter() - began) * 1000)
        positions = {row[0]: at for at, row in enumerate(rows)}
        began = time.perf_counter()
        fold(positions, len(rows), copies, set())
        folds.append((time.perf_counter() - began) * 1000)
        counts.append(len(copies))
    store.close()
    return (f"| similar_to p50 / p95 | {percentile(reads, .5):.3f} / {percentile(reads, .95):.3f} ms |\n"
            f"| fold p50 / p95 | {percentile(folds, .5):.3f} / {percentile(folds, .95):.3f} ms |\n"
            f"| near-duplicates a day (median) | {statistics.median(counts):.0f} |")  # fmt: skip


def switches(library: Path) -> str:
    import bench_window

    app, store, window = bench_window._open_window(library)
    rng = random.Random(1)
    days = window.days
    for _ in range(bench_window.WARM_UP):
        window.show_day(rng.choice(days))
        window.list.viewport().repaint()
        app.processEvents()
    times: dict[bool, tuple[list[float], list[float]]] = {True: ([], []), False: ([], [])}
    for number in range(2 * bench_window.SWITCHES):
        day, folding = rng.choice(days), bool(number % 2)
        window.model.fold_similar = folding
        wall, cpu = time.perf_counter(), time.process_time()
        window.show_day(day)
        window.list.executeDelayedItemsLayout()
        window.list.viewport().repaint()
        window.detail.repaint()
        times[folding][0].append((time.perf_counter() - wall) * 1000)
        times[folding][1].append((time.process_time() - cpu) * 1000)
        app.processEvents()
    window.close()
    store.close()
    return "\n".join(
        f"| day switch, folding {'on' if folding else 'off'}: wall p50 / p95; CPU p50 / p95 | "
        f"{percentile(wall, .5):.1f} / {percentile(wall, .95):.1f} ms; "
        f"{percentile(cpu, .5):.1f} / {percentile(cpu, .95):.1f} ms |"
        for folding, (wall, cpu) in times.items()
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--fill", action="store_true", help="write market_similar first")
    args = parser.parse_args(argv)
    if args.fill:
        print(f"market_similar rows written: {fill(args.library)}")
    print("| measure | value |\n|---|---:|")
    print(query_and_fold(args.library))
    print(switches(args.library))
    return 0


if __name__ == "__main__":
    sys.exit(main())
