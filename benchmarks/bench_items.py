"""`telereader items DAY` on one enormous day: time and peak memory of the command, text and JSON.

    python benchmarks/bench_items.py --items 1000000          # builds benchmarks/out/items-1000000

The library holds the sample day imported as usual, then copied in SQL until the day has the asked
number of items (new ids, keys and positions; same text), which no import could make in reasonable
time. Each run starts `python -m telereader items DAY [--json]` with its output to /dev/null under
`/usr/bin/time -v` and reports the wall time and the maximum resident set size.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from telereader.core.importer import import_paths
from telereader.core.store import LIBRARY_FILE, Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "cls-telegraph-2026-01-14.md"
DAY = "2026-01-14"


def build(data_dir: Path, total: int) -> None:
    """A library whose day DAY has `total` items."""
    with Store.open(data_dir) as store:
        import_paths(store, [SAMPLE])
    conn = sqlite3.connect(data_dir / LIBRARY_FILE)
    with conn:
        have, last = conn.execute(
            "SELECT count(*), (SELECT max(seq) FROM items) FROM items WHERE day = ?", [DAY]
        ).fetchone()
        conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "INSERT INTO items (seq, id, day, time, title, body, source, level, kind, "
            "teaser_column, position, imported_at, updated_at) "
            "SELECT ? + n.i * 10000 + items.position, "
            "items.id || '-' || n.i, items.day, items.time, items.title, items.body, "
            "items.source, items.level, items.kind, items.teaser_column, "
            "items.position + n.i * 10000, items.imported_at, items.updated_at "
            "FROM n, items WHERE items.day = ? AND items.seq <= ? "
            "LIMIT ?",
            [total // have + 1, last, DAY, last, total - have],
        )
        conn.execute(
            "UPDATE day_counts SET (items, min_seq, max_seq) = "
            "(SELECT count(*), min(seq), max(seq) FROM items WHERE day = ?) WHERE day = ?",
            [DAY, DAY],
        )
    conn.close()


def measure(data_dir: Path, *extra: str) -> tuple[float, int]:
    """(seconds, peak KiB) of one `telereader items DAY` run."""
    command = [sys.executable, "-m", "telereader", "--data-dir", str(data_dir), "items", DAY]
    result = subprocess.run(
        ["/usr/bin/time", "-v", *command, *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        check=True,
    )
    wall = re.search(r"Elapsed \(wall clock\) time .*: (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    assert wall is not None, result.stderr
    hours, minutes, seconds = (float(part or 0) for part in wall.groups())
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    assert peak is not None, result.stderr
    return hours * 3600 + minutes * 60 + seconds, int(peak.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = parser.parse_args(argv)
    data_dir = args.out / f"items-{args.items}"
    if not (data_dir / LIBRARY_FILE).exists():
        build(data_dir, args.items)
    for label, extra in (("text", ()), ("json", ("--json",))):
        seconds, peak = measure(data_dir, *extra)
        print(f"items {label:4}  {args.items:>9} items  {seconds:6.1f} s  {peak / 1024:7.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
