"""Saved searches on a big library: what the side list's unread counts cost (one
`unread_counts` over a handful of saved searches, as the window counts them off its UI thread,
and `telereader saved` counts them), and each search's first page when it is opened.

    python benchmarks/bench_saved.py --library /tmp/mine/lib3650 [--runs 5]

Opening the library runs any pending migration, and this saves its searches in it and marks a
tenth of the items read (so unread counts differ from totals) when few are: give it a copy.
Relative dates end on the library's newest day.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from telereader.core.saved_searches import (
    SearchConditions,
    run_saved,
    save_search,
    saved_named,
    saved_searches,
    unread_counts,
)
from telereader.core.store import Store

SEARCHES = (
    ("黄金 · 近 7 天", "黄金", SearchConditions(last_days=7)),
    ("美联储 · 近 30 天 · 加红", "美联储", SearchConditions(last_days=30, important_only=True)),
    ("宁德时代 · 全部 · 未读", "宁德时代", SearchConditions(unread_only=True)),
    ("铜 · 近一年 · 隐藏预告", "铜", SearchConditions(last_days=365, hide_teasers=True)),
    ("原油 -期货 · 全部", "原油 -期货", SearchConditions()),
    ("央行 逆回购 · 全部 · 星标", "央行 逆回购", SearchConditions(starred_only=True)),
)


def median_ms(work, runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with Store.open(args.library) as store:
        newest = max(store.day_counts())
        have = {saved.name for saved in saved_searches(store)}
        for name, query, conditions in SEARCHES:
            if name not in have:
                save_search(store, name, query, conditions)
        if store.conn.execute("SELECT count(*) FROM reads").fetchone()[0] < 1000:
            with store.transaction() as db:
                db.execute(
                    "INSERT OR IGNORE INTO reads (item_id, read_at) "
                    "SELECT id, '2026-01-01T00:00:00' FROM items WHERE seq % 10 = 0"
                )
        items = store.conn.execute("SELECT count(*) FROM items").fetchone()[0]
        print(f"{items:,} items, newest day {newest}, {args.runs} runs, medians")
        counts = unread_counts(store, newest)
        whole = median_ms(lambda: unread_counts(store, newest), args.runs)
        print(f"unread_counts over {len(SEARCHES)} saved searches: {whole:.1f} ms")
        for name, _query, _conditions in SEARCHES:
            saved = saved_named(store, name)
            total = run_saved(store, saved, newest, limit=0).total
            page = median_ms(lambda s=saved: run_saved(store, s, newest), args.runs)
            alone = median_ms(
                lambda s=saved: run_saved(store, s, newest, limit=0, unread_only=True), args.runs
            )
            print(
                f"  {name}: {counts[saved.id]:,} unread of {total:,}; "
                f"count {alone:.1f} ms, first page {page:.1f} ms"
            )


if __name__ == "__main__":
    main()
