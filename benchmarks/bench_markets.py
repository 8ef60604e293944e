"""The market layer on a big library: the whole catch-up (movers, mentions, near-duplicates of
every day), then a new day imported and extracted; and the movers' precision and recall on the
hand-labelled items. Writes market rows into the library given: run it on a copy.

    python benchmarks/bench_markets.py --library /tmp/mine/lib3650 [--skip-catch-up] [--labelled-only]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "data" / "movers" / "labelled.json"


def precision_recall() -> None:
    """Movers found against movers labelled, counted as (item, theme, stock, move) tuples."""
    from telereader.core.movers import Mover, movers

    items = json.loads(LABELLED.read_text(encoding="utf-8"))["items"]
    found_total = labelled_total = right = 0
    for item in items:
        found = set(movers(item["title"], item["body"]))
        labelled = {Mover(*mover) for mover in item["movers"]}
        found_total += len(found)
        labelled_total += len(labelled)
        right += len(found & labelled)
    precision = right / found_total if found_total else 1.0
    recall = right / labelled_total if labelled_total else 1.0
    print(
        f"labelled items: {len(items)}, movers labelled {labelled_total}, found {found_total}, "
        f"right {right}: precision {precision:.3f}, recall {recall:.3f}"
    )


def whole_catch_up(store) -> None:
    from telereader.core.markets import catch_up, stale_days

    pending = len(stale_days(store.conn))
    marks: list[tuple[int, float]] = []
    began = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if done % 365 == 0 or done == total:
            marks.append((done, time.perf_counter() - began))
            print(f"  {done}/{total} days: {marks[-1][1]:.1f} s", flush=True)

    catch_up(store, progress=progress)
    print(f"catch-up of {pending} days: {time.perf_counter() - began:.1f} s")


def new_day(store) -> None:
    from benchmarks.synth import generate
    from telereader.core.importer import import_paths
    from telereader.core.markets import catch_up

    last = store.db.execute("SELECT max(day) FROM day_counts").fetchone()[0]
    day = dt.date.fromisoformat(last) + dt.timedelta(days=1)
    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder), 1, day, 7)
        began = time.perf_counter()
        import_paths(store, [Path(folder)], workers=0)
        imported = time.perf_counter() - began
        began = time.perf_counter()
        done = catch_up(store, days=[day])
        extracted = time.perf_counter() - began
    print(f"new day {day}: import {imported * 1000:.0f} ms, its market rows ({done} day) "
          f"{extracted * 1000:.0f} ms")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--library", type=Path)
    parser.add_argument("--skip-catch-up", action="store_true")
    parser.add_argument("--new-days", type=int, default=3)
    args = parser.parse_args()
    precision_recall()
    if args.library is None:
        return
    from telereader.core.store import Store

    began = time.perf_counter()
    store = Store.open(args.library)
    print(f"open (and migrate): {time.perf_counter() - began:.1f} s")
    if not args.skip_catch_up:
        whole_catch_up(store)
    for _ in range(args.new_days):
        new_day(store)
    store.close()


if __name__ == "__main__":
    main()
