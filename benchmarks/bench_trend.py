"""Trends on a big library: every query class of bench_search.py (filters, exclusions,
punctuation, phrases) as a trend by month over the whole library, and a few named terms by
month and by day. Each trend's total is checked against the search's.

    python benchmarks/bench_trend.py --library /tmp/mine/lib3650 [--per-class 10] [--runs 3]
    python benchmarks/bench_trend.py --library /tmp/mine/lib3650 --common 20 [--runs 3]

--common N: the N most common characters and the N most common pairs of characters (pairs
counted over a sample of items), each as a trend by day and by month: p50/p95/max over them.

The 星标 classes star a sample in a TEMP table (the library is not written); opening the
library runs any pending migration, so give it a copy.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.search_classes import query_classes, star_a_sample
from telereader.core.search import search
from telereader.core.store import Store
from telereader.core.trend import trend

NAMED = ("黄金", "美联储", "宁德时代", "铜", "不存在的词")


def timed_trend(store: Store, query: str, runs: int, **kwargs) -> tuple[float, int]:
    """Median milliseconds of `runs` trends, and the trend's total."""
    times, total = [], 0
    for _ in range(runs):
        began = time.perf_counter()
        total = trend(store, query, **kwargs).total
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times), total


def most_common(store: Store, n: int) -> tuple[list[str], list[str]]:
    """The n characters most items hold, and the n pairs most items of a sample hold (word
    characters only: a pair with punctuation is no reader's query)."""
    characters = [
        row[0]
        for row in store.conn.execute("SELECT token FROM search_char_counts ORDER BY items DESC")
        if row[0] < "\U0010ff00"  # not an escaped ASCII character: the index's, no query's
    ][:n]
    pairs: Counter[str] = Counter()
    for title, body in store.conn.execute(
        "SELECT title, body FROM items ORDER BY seq DESC LIMIT 5000"
    ):
        text = f"{title or ''} {body}"
        pairs.update({a + b for a, b in itertools.pairwise(text) if a.isalnum() and b.isalnum()})
    return characters, [pair for pair, _ in pairs.most_common(n)]


def common_queries(store: Store, n: int, runs: int) -> None:
    characters, pairs = most_common(store, n)
    print("characters:", " ".join(characters))
    print("pairs:", " ".join(pairs))
    print("| queries | by | p50 ms | p95 ms | max ms | slowest | totals = search's |")
    print("|---|---|---:|---:|---:|---|---|")
    for name, queries in (("characters", characters), ("pairs", pairs)):
        for by in ("day", "month"):
            times, agree = {}, True
            for query in queries:
                times[query], total = timed_trend(store, query, runs, by=by)
                agree = agree and total == search(store, query, limit=0).total
            ordered = sorted(times.values())
            p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
            slowest = max(times, key=times.__getitem__)
            print(f"| {n} most common {name} | {by} | {statistics.median(ordered):.0f} | "
                  f"{p95:.0f} | {ordered[-1]:.0f} | {slowest} | {'yes' if agree else 'NO'} |",
                  flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--per-class", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--common", type=int, default=0)
    args = parser.parse_args()
    with Store.open(args.library) as store:
        if args.common:
            common_queries(store, args.common, args.runs)
            return
        for query in NAMED:
            for by in ("month", "day"):
                ms, total = timed_trend(store, query, args.runs, by=by)
                print(f"trend {query} by {by}: {ms:.0f} ms, total {total}")
        classes = query_classes(store, args.seed)
        star_a_sample(store, args.seed)
        print("| query class | median matches | p50 ms | max ms | totals = search's |")
        print("|---|---:|---:|---:|---|")
        for name, query_class in classes.items():
            times, totals, agree = [], [], True
            for query in query_class.queries[: args.per_class]:
                ms, total = timed_trend(
                    store, query, args.runs, by="month", search_filter=query_class.search_filter
                )
                times.append(ms)
                totals.append(total)
                found = search(store, query, limit=0, search_filter=query_class.search_filter)
                agree = agree and found.total == total
            print(f"| {name} | {statistics.median(totals):,.0f} | "
                  f"{statistics.median(times):.1f} | {max(times):.1f} | "
                  f"{'yes' if agree else 'NO'} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
