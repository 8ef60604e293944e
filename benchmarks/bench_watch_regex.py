"""What a watchlist's `/…/` keyword costs at ten years, next to a plain keyword, with the list
options: the seqs one keyword lights up (core.watch_matching.matching_seqs: what the dialog's
preview counts and what saving the list inserts), read-only on an existing library.

    .venv/bin/python benchmarks/bench_watch_regex.py /tmp/lib3650v8 [--runs 3] [--full-scan]

`--full-scan` also times one pattern with no narrowing (every item read and matched), the cost
the index narrowing avoids.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from pathlib import Path

from telereader.core.keywords import WatchOptions, parse_keyword
from telereader.core.watch_matching import _checked, matching_seqs

CASES = [
    ("黄金", WatchOptions()),
    ("/黄金/", WatchOptions()),
    ("/宁德(时代|汽车)/", WatchOptions()),
    ("/涨停\\d+家/", WatchOptions()),
    ("/美联储.{0,6}降息/", WatchOptions()),
    ("/(?:央行|人民银行).*逆回购/", WatchOptions()),
    ("黄金", WatchOptions(titles_only=True)),
    ("黄金", WatchOptions(important_only=True)),
    ("/黄金/", WatchOptions(important_only=True)),
    ("/\\d{4}亿/", WatchOptions()),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("library", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--full-scan", action="store_true")
    args = parser.parse_args()
    path = args.library / "library.sqlite3"
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
    print(f"{items} items; median of {args.runs} runs (the machine is shared: noise)")
    for line, options in CASES:
        keyword = parse_keyword(line)
        times, count = [], 0
        for _ in range(args.runs):
            start = time.perf_counter()
            count = len(matching_seqs(conn, options, keyword))
            times.append(time.perf_counter() - start)
        flags = ",".join(k for k, v in options.to_json().items() if v and k != "alert") or "-"
        needs = keyword.required if keyword.pattern is not None else ""
        print(f"{line:28} {flags:15} {count:8} hits {statistics.median(times):7.3f} s  {needs}")
    if args.full_scan:
        keyword = parse_keyword("/宁德(时代|汽车)/")
        start = time.perf_counter()
        rows = conn.execute("SELECT seq, title, body FROM items")
        count = sum(1 for _ in _checked(rows, keyword, titles_only=False))
        print(f"full scan {keyword.line}: {count} hits {time.perf_counter() - start:.3f} s")


if __name__ == "__main__":
    main()
