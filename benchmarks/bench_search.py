"""Search at scale: import with the index, against a bare loop building the same index, then
search latency by query class, against ripgrep over the raw files.

    python benchmarks/bench_search.py --days 365            # one year, ~110k items
    python benchmarks/bench_search.py --days 3650           # ten years, ~1.1M items

One run: make (or reuse, `benchmarks/out/corpus-N`) a synthetic corpus; import it with
telereader into a fresh library (timed), import it again (every file unchanged); load it with a
bare sqlite3 loop into the same tables and the same search index, one transaction per file;
then time `telereader.core.search.search` (first page of 100 plus the total) for queries of each
class cut from the corpus itself, and `rg -c -F` over the raw folder for the same queries.
Targets (issue 5, at ten years): search p95 ≤ 20 ms for every class and faster than rg; import
including the index ≤ 1.5 × the bare loop.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from telereader.core.importer import import_paths
from telereader.core.search import search
from telereader.core.sqlite_memory import memory_statistics_off
from telereader.core.store import LIBRARY_FILE, Store

try:  # run as `python -m benchmarks.bench_search` or as `python benchmarks/bench_search.py`
    from benchmarks.bench_import import library_schema, machine, prepare_corpus, run_bare
    from benchmarks.search_classes import QueryClass, query_classes, ripgrep_term, star_a_sample
except ImportError:
    from bench_import import (  # type: ignore[no-redef]
        library_schema,
        machine,
        prepare_corpus,
        run_bare,
    )
    from search_classes import (  # type: ignore[no-redef]
        QueryClass,
        query_classes,
        ripgrep_term,
        star_a_sample,
    )

RUNS_PER_QUERY = 3
_HEADER = re.compile(r"^# .*电报 - (\d{4}-\d{2}-\d{2})", re.MULTILINE)
_ITEM = re.compile(r"^\*\*\[(\d{2}):(\d{2})\]\*\* (.*)$")


# ---- import ----------------------------------------------------------------------------------


def time_import(corpus_folder: Path, data_dir: Path) -> dict:
    with Store.open(data_dir) as store:
        began = time.perf_counter()
        report = import_paths(store, [corpus_folder])
        first = time.perf_counter() - began
        began = time.perf_counter()
        import_paths(store, [corpus_folder])
        again = time.perf_counter() - began
        items = store.db.execute("SELECT count(*) FROM items").fetchone()[0]
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {
        "seconds": first,
        "reimport_seconds": again,
        "items": items,
        "files": len(report.files),
        "db_mb": (data_dir / LIBRARY_FILE).stat().st_size / 1e6,
    }


def time_bare(corpus, data_dir: Path) -> dict:
    """The bare loop of bench_import.py: read, hash, split, id, the same index columns, into the
    same tables and search index, one transaction per file, in one process."""
    data_dir.mkdir(parents=True, exist_ok=True)
    run = run_bare(corpus, data_dir, library_schema())
    return {"seconds": run.seconds, "items": run.items, "db_mb": run.db_bytes / 1e6}


# ---- search ----------------------------------------------------------------------------------


def time_searches(store: Store, classes: dict[str, QueryClass]) -> dict[str, dict]:
    figures = {}
    for name, query_class in classes.items():
        times, cpu_times, totals = [], [], []
        for query in query_class.queries:
            for _ in range(RUNS_PER_QUERY):
                # CPU of the whole process (every thread a split count runs on), which the
                # other jobs on a shared machine disturb far less than the wall time
                cpu_began = time.process_time()
                result = search(store, query, limit=100, search_filter=query_class.search_filter)
                cpu_times.append((time.process_time() - cpu_began) * 1000)
                times.append(result.elapsed_ms)
            totals.append(result.total)
        cpu = _latency(cpu_times)
        figures[name] = _latency(times) | {
            "median_total": statistics.median(totals),
            "cpu_p50_ms": cpu["p50_ms"],
            "cpu_p95_ms": cpu["p95_ms"],
        }
    return figures


def time_ripgrep(folder: Path, classes: dict[str, QueryClass]) -> dict[str, dict]:
    """`rg -c -F` (count matching lines) per query: a process start plus a scan of the files,
    for the first ten queries of each class, twice. Filtered classes share their base class's
    figures (rg has no filters, which flatters rg; see ripgrep_term for the rest)."""
    if shutil.which("rg") is None:
        return {}
    figures: dict[str, dict] = {}
    for name, query_class in classes.items():
        base = name.split(" + ")[0]
        if base in figures:
            figures[name] = figures[base]
            continue
        times = []
        for query in query_class.queries[:10]:
            for _ in range(2):
                began = time.perf_counter()
                subprocess.run(["rg", "-c", "-F", "--", ripgrep_term(query), str(folder)],
                               capture_output=True, check=False)  # fmt: skip
                times.append((time.perf_counter() - began) * 1000)
        figures[name] = _latency(times)
    return figures


def _latency(times: list[float]) -> dict:
    ordered = sorted(times)
    return {
        "p50_ms": statistics.median(ordered),
        "p95_ms": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
        "max_ms": ordered[-1],
    }


# ---- report ----------------------------------------------------------------------------------


def markdown(result: dict) -> str:
    lines = []
    imp, bare = result.get("import"), result.get("bare")
    if imp and bare:
        lines += [
            f"Corpus: {result['days']} days, {imp['items']:,} items, {result['corpus_mb']:.1f} MB.",
            "",
            "| import | s | items | DB MB |",
            "|---|---:|---:|---:|",
            f"| telereader, with the search index | {imp['seconds']:.1f} | {imp['items']:,} | "
            f"{imp['db_mb']:.0f} |",
            f"| re-import, every file unchanged | {imp['reimport_seconds']:.2f} | — | — |",
            f"| bare sqlite3 loop, same tables and index | {bare['seconds']:.1f} | "
            f"{bare['items']:,} | {bare['db_mb']:.0f} |",
            "",
            f"Importer / bare = **{imp['seconds'] / bare['seconds']:.2f}×** (target ≤ 1.5×); "
            f"library / raw text = **{imp['db_mb'] / result['corpus_mb']:.2f}×**.",
            "",
        ]
    lines += [
        "| query class | median matches | p50 ms | p95 ms | max ms | rg p50 ms | rg p95 ms "
        "| rg p50 / p50 | CPU p50 ms | CPU p95 ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, figures in result["search"].items():
        rg = result["ripgrep"].get(name, {})
        rg_p50 = rg.get("p50_ms", float("nan"))
        lines.append(
            f"| {name} | {figures['median_total']:,.0f} | {figures['p50_ms']:.1f} | "
            f"{figures['p95_ms']:.1f} | {figures['max_ms']:.1f} | "
            f"{rg_p50:.0f} | {rg.get('p95_ms', float('nan')):.0f} | "
            f"{rg_p50 / max(figures['p50_ms'], 0.01):.0f}× | "
            f"{figures['cpu_p50_ms']:.1f} | {figures['cpu_p95_ms']:.1f} |"
        )
    lines += ["", "Machine: " + ", ".join(f"{k} {v}" for k, v in result["machine"].items())]
    return "\n".join(lines)


def search_side(library: Path, corpus_folder: Path, seed: int) -> dict:
    """Search times and rg's, side by side, on a library (the import's or one given)."""
    with Store.open(library) as store:
        classes = query_classes(store, seed)
        star_a_sample(store, seed)
        searched = time_searches(store, classes)
    return {
        "search": searched,
        "ripgrep": time_ripgrep(corpus_folder, classes),
        "queries": {name: query_class.queries for name, query_class in classes.items()},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=dt.date.fromisoformat, default=dt.date(2016, 1, 1))
    parser.add_argument("--keep-library", type=Path, help="import into this folder and keep it")
    parser.add_argument("--library", type=Path, help="only search: this library (not written)")
    parser.add_argument("--corpus", type=Path, help="with --library: its raw folder, for rg")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    # as the window and the command line's `search` do before opening a library
    result: dict = {"days": args.days, "memory_statistics_off": memory_statistics_off()}
    if args.library:
        result |= search_side(args.library, args.corpus or args.library, args.seed)
    else:
        with tempfile.TemporaryDirectory(prefix="telereader-bench-") as folder:
            scratch = Path(folder)
            corpus = prepare_corpus(args.days, args.start, args.seed, True, scratch)
            library = args.keep_library or scratch / "library"
            if library.exists():
                shutil.rmtree(library)
            result["corpus_mb"] = corpus.megabytes
            result["import"] = time_import(corpus.folder, library)
            result["bare"] = time_bare(corpus, scratch / "bare")
            result |= search_side(library, corpus.folder, args.seed)
    result["machine"] = machine()
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
