"""The word layer on a big library: catch-up, hot words of a day and a year, rising terms,
trends. Writes word statistics into the library given: run it on a copy.

    python benchmarks/bench_words.py --library /tmp/mine/lib3650 [--workers 2] [--hmm-probe]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from telereader.core.hotwords import hot_words, rising_words
from telereader.core.store import Store
from telereader.core.trend import trend
from telereader.core.wordstats import catch_up, pending_days


def timed(function, *args, repeat: int = 3, **kwargs) -> tuple[float, object]:
    """Median milliseconds of `repeat` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = function(*args, **kwargs)
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times), result


def import_one_day(store: Store) -> None:
    """A new day after the last, imported then counted with workers already started (as the
    window keeps them), each step timed."""
    import tempfile

    from benchmarks.synth import generate
    from telereader.core.importer import import_paths
    from telereader.core.lexicon import lexicon_words
    from telereader.core.pool import Pool
    from telereader.core.wordcut import count_in_worker

    last = store.db.execute("SELECT max(day) FROM day_counts").fetchone()[0]
    day = dt.date.fromisoformat(last) + dt.timedelta(days=1)
    pool = Pool(1)
    pool.submit(count_in_worker, [], lexicon_words(store), True).result()  # started, warm
    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder), 1, day, 7)
        began = time.perf_counter()
        import_paths(store, [Path(folder)], workers=0)
        imported = time.perf_counter() - began
        began = time.perf_counter()
        catch_up(store, pool=pool)
        counted = time.perf_counter() - began
    pool.close()
    print(f"import of a new day: {imported * 1000:.0f} ms, its words: {counted * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-catch-up", action="store_true")
    parser.add_argument("--import-day", action="store_true",
                        help="also import one new day and count its words (warm workers)")
    args = parser.parse_args()
    with Store.open(args.library) as store:
        if not args.skip_catch_up:
            pending = len(pending_days(store))
            began = time.perf_counter()

            def progress(done: int, total: int) -> None:
                if done % 100 == 0 or done == total:
                    elapsed = time.perf_counter() - began
                    print(f"  {done}/{total} days, {elapsed:.0f} s", flush=True)

            result = catch_up(store, workers=args.workers, progress=progress)
            print(f"catch-up: {result.done} of {pending} days in {result.elapsed_s:.1f} s "
                  f"({args.workers} workers)")  # fmt: skip
        if args.import_day:
            import_one_day(store)
        last = store.db.execute("SELECT max(day) FROM word_days").fetchone()[0]
        last_day = dt.date.fromisoformat(last)
        year_ago = (last_day - dt.timedelta(days=364)).isoformat()
        week_ago = (last_day - dt.timedelta(days=6)).isoformat()
        ms, words = timed(hot_words, store, last)
        print(f"hot words of a day: {ms:.0f} ms: {[w.word for w in words[:10]]}")
        ms, words = timed(hot_words, store, year_ago, last)
        print(f"hot words of a year: {ms:.0f} ms: {[w.word for w in words[:10]]}")
        ms, words = timed(rising_words, store, week_ago, last)
        print(f"rising, last 7 days: {ms:.0f} ms: {[w.word for w in words[:10]]}")
        for query in ("黄金", "美联储", "宁德时代", "固态电池", "铜"):
            for by in ("month", "day"):
                ms, result = timed(trend, store, query, by=by, repeat=1)
                print(f"trend {query} by {by}: {ms:.0f} ms, total {result.total}, "
                      f"{len(result.points)} points")  # fmt: skip


if __name__ == "__main__":
    main()
