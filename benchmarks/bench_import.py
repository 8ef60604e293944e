"""How long telereader takes to import a year of digests, against a bare sqlite3 loop.

    python benchmarks/bench_import.py [--days 365] [--repeat 3] [--json] [--stages] [--profile [TOP]]

One run: make (or reuse) a synthetic corpus, then, alternating so that drift in the machine hits
both sides alike, import it with `telereader.core.importer.import_paths` into a fresh library,
import the same folder again (every file unchanged), and load it with a bare loop that does only
what any importer must: read, hash, split lines with a regex, give ids, one transaction per file
into the same tables and indexes. Medians of `--repeat` runs; the target (issue 2) is
importer ≤ 2 × bare.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import hashlib
import io
import json
import os
import platform
import pstats
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from telereader.core import importer, walk
from telereader.core.importer import import_paths
from telereader.core.index_writes import CHAR_COUNTS, CHAR_DAYS, add_to_index
from telereader.core.pair_counts import PAIR_COUNTS, PAIR_DAYS
from telereader.core.rows import item_rows
from telereader.core.search_index import INDEX_TABLE, index_text
from telereader.core.store import LIBRARY_FILE, Store

try:  # run as `python -m benchmarks.bench_import` or as `python benchmarks/bench_import.py`
    from benchmarks import synth
except ImportError:
    import synth  # type: ignore[no-redef]

OUT = Path(__file__).resolve().parent / "out"
TARGET_RATIO = 2.0
MANIFEST = ".synth.json"  # hidden, so neither importer walks it as a digest


# ---- the corpus ------------------------------------------------------------------------------


@dataclass
class Corpus:
    folder: Path
    files: list[Path]
    megabytes: float
    generated_s: float | None  # None when an earlier run's corpus was reused


def prepare_corpus(days: int, start: dt.date, seed: int, keep: bool, scratch: Path) -> Corpus:
    """Reuse benchmarks/out/corpus-N when it was made with the same parameters, else generate
    (into it when `keep`, else into the scratch folder)."""
    saved = OUT / f"corpus-{days}"
    wanted = {"days": days, "start": start.isoformat(), "seed": seed, "version": synth.VERSION}
    manifest = saved / MANIFEST
    if manifest.is_file() and json.loads(manifest.read_text()) == wanted:
        files = sorted(saved.glob("*.md"))
        if len(files) == days:
            return Corpus(saved, files, _megabytes(files), None)
    folder = saved if keep else scratch / "corpus"
    if keep and saved.exists():
        shutil.rmtree(saved)  # parameters changed: stale files would join the walk
    began = time.perf_counter()
    files = synth.generate(folder, days, start, seed)
    generated = time.perf_counter() - began
    if keep:
        manifest.write_text(json.dumps(wanted))
    return Corpus(folder, files, _megabytes(files), generated)


def _megabytes(files: Sequence[Path]) -> float:
    return sum(path.stat().st_size for path in files) / 1e6


# ---- the two contenders ------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    items: int
    db_bytes: int
    reimport_seconds: float | None = None


def run_importer(corpus: Corpus, data_dir: Path) -> Run:
    store = Store.open(data_dir)
    try:
        began = time.perf_counter()
        report = import_paths(store, [corpus.folder])
        seconds = time.perf_counter() - began
        if report.rejected:
            raise SystemExit(f"the importer rejected {len(report.rejected)} synthetic files")
        began = time.perf_counter()
        again = import_paths(store, [corpus.folder])
        reimport = time.perf_counter() - began
        if again.added or again.updated:
            raise SystemExit("re-importing unchanged files changed the library")
        items = store.db.execute("SELECT count(*) FROM items").fetchone()[0]
        db_bytes = _settled_size(store.db.conn, data_dir / LIBRARY_FILE)
    finally:
        store.close()
    return Run(seconds, items, db_bytes, reimport)


# The bare loop's own reading of the format: just enough to fill the same columns.
_HEADER = re.compile(r"^# .*电报 - (\d{4}-\d{2}-\d{2})", re.MULTILINE)
_ITEM = re.compile(r"^\*\*\[(\d{2}):(\d{2})\]\*\* (.*)$")
_BOUNDARY = "05:30"


def library_schema() -> list[str]:
    """The items and imported_files tables and their indexes, and the search index with the
    counts kept beside it, as telereader's migrations make them, so that the bare loop pays for
    exactly the same B-trees and the same full-text index (with the same merge setting).
    `day_counts` stays empty: a pair made common is placed on its days through `items`."""
    with tempfile.TemporaryDirectory() as folder, Store.open(folder) as store:
        rows = store.db.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND "
            "(tbl_name IN ('items', 'imported_files', 'day_counts', ?, ?, ?, ?) OR name = ?) "
            "ORDER BY type DESC",  # tables before their indexes
            [CHAR_COUNTS, CHAR_DAYS, PAIR_COUNTS, PAIR_DAYS, INDEX_TABLE],
        ).fetchall()
    return [row[0] for row in rows] + [
        f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}, rank) VALUES ('automerge', 16)"
    ]


def run_bare(corpus: Corpus, data_dir: Path, schema: Sequence[str]) -> Run:
    path = data_dir / LIBRARY_FILE
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")  # as Store.open: commit cost must match
        for statement in schema:
            conn.execute(statement)
        conn.commit()
        began = time.perf_counter()
        bare_import(conn, corpus.files)
        seconds = time.perf_counter() - began
        items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
        db_bytes = _settled_size(conn, path)
    finally:
        conn.close()
    return Run(seconds, items, db_bytes)


def bare_import(conn: sqlite3.Connection, files: Sequence[Path]) -> None:
    """Read, hash, skip known files, split, id and insert; one transaction per file."""
    insert = (
        "INSERT INTO items (seq, id, day, time, title, body, source, level, kind, "
        "teaser_column, position, imported_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    seq = 0
    for file in files:
        data = file.read_bytes()
        digest_hash = hashlib.sha256(data).hexdigest()
        if conn.execute(
            "SELECT 1 FROM imported_files WHERE content_hash = ?", [digest_hash]
        ).fetchone():
            continue
        text = data.decode("utf-8")
        header = _HEADER.search(text)
        if header is None:
            continue
        day = dt.date.fromisoformat(header[1])
        today, tomorrow = day.isoformat(), (day + dt.timedelta(days=1)).isoformat()
        compact = day.strftime("%Y%m%d")
        stamp = dt.datetime.now().isoformat(timespec="seconds")
        rows = []
        occurrences: dict[str, int] = {}
        for number, line in enumerate(text.split("\n"), start=1):
            match = _ITEM.match(line)
            if match is None:
                continue
            hour, minute, content = match[1], match[2], match[3]
            clock = f"{hour}:{minute}"
            title, body = None, content
            if content.startswith("【"):
                end = content.find("】")
                if end > 0:
                    title, body = content[1:end], content[end + 1 :]
            # Same recipe as telereader's ids (day, minute, key, occurrence), minus normalising.
            slot = f"{clock}|{title or body[:16]}"
            occurrences[slot] = occurrences.get(slot, 0) + 1
            key = f"{today}|{slot}|{occurrences[slot]}".encode()
            item_id = f"{compact}-{hour}{minute}-{hashlib.blake2b(key, digest_size=4).hexdigest()}"
            when = f"{today if clock >= _BOUNDARY else tomorrow}T{clock}"
            seq += 1
            rows.append(
                (seq, item_id, today, when, title, body, None, "normal", "news", None, number,
                 stamp, stamp)
            )  # fmt: skip
        with conn:  # one transaction per file, as the importer
            conn.executemany(insert, rows)
            add_to_index(conn, [(row[0], index_text(row[4], row[5]), row[2]) for row in rows])
            conn.execute(
                "INSERT INTO imported_files (content_hash, path, size, day, level, items, "
                "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [digest_hash, str(file), len(data), today, "normal", len(rows), stamp],
            )


def _settled_size(conn: sqlite3.Connection, path: Path) -> int:
    """The database file's size once the WAL is folded in (what a user would see on disk)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.stat().st_size


# ---- the benchmark ---------------------------------------------------------------------------


@dataclass
class Figures:
    median_s: float
    min_s: float
    max_s: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Figures:
        # Milliseconds are the resolution that matters here; more digits only look precise.
        return cls(
            *(round(value, 3) for value in (statistics.median(values), min(values), max(values)))
        )


@dataclass
class Result:
    days: int
    files: int
    corpus_mb: float
    generated_s: float | None
    repeat: int
    importer: Figures
    reimport: Figures
    bare: Figures
    importer_items: int
    bare_items: int
    importer_db_mb: float
    bare_db_mb: float
    ratio: float
    target: float = TARGET_RATIO
    machine: dict[str, str] = field(default_factory=dict)
    stages: dict[str, float] | None = None  # --stages: seconds per importer step, one run


def machine() -> dict[str, str]:
    return {
        "cpus": str(os.cpu_count()),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlite-utils": metadata.version("sqlite-utils"),
    }


def benchmark(corpus: Corpus, days: int, repeat: int, scratch: Path) -> Result:
    schema = library_schema()
    importer_runs: list[Run] = []
    bare_runs: list[Run] = []
    for number in range(repeat):
        # Alternate the contenders: a slow minute on a shared machine then costs both.
        importer_runs.append(
            _fresh(scratch, f"importer-{number}", lambda d: run_importer(corpus, d))
        )
        bare_runs.append(_fresh(scratch, f"bare-{number}", lambda d: run_bare(corpus, d, schema)))
    importer = Figures.of([run.seconds for run in importer_runs])
    bare = Figures.of([run.seconds for run in bare_runs])
    return Result(
        days=days,
        files=len(corpus.files),
        corpus_mb=round(corpus.megabytes, 1),
        generated_s=None if corpus.generated_s is None else round(corpus.generated_s, 2),
        repeat=repeat,
        importer=importer,
        reimport=Figures.of([run.reimport_seconds or 0.0 for run in importer_runs]),
        bare=bare,
        importer_items=importer_runs[-1].items,
        bare_items=bare_runs[-1].items,
        importer_db_mb=round(importer_runs[-1].db_bytes / 1e6, 1),
        bare_db_mb=round(bare_runs[-1].db_bytes / 1e6, 1),
        ratio=round(importer.median_s / bare.median_s, 2),
        machine=machine(),
    )


def _fresh(scratch: Path, name: str, run: Callable[[Path], Run]) -> Run:
    data_dir = scratch / name
    data_dir.mkdir()
    try:
        return run(data_dir)
    finally:
        shutil.rmtree(data_dir)  # a year's library is ~100 MB; do not keep one per run


def profile_importer(corpus: Corpus, scratch: Path, top: int) -> str:
    """cProfile of one fresh import, sorted by cumulative and by own time."""
    data_dir = scratch / "profile"
    data_dir.mkdir()
    with Store.open(data_dir) as store:
        profiler = cProfile.Profile()
        profiler.runcall(import_paths, store, [corpus.folder])
    shutil.rmtree(data_dir)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def stage_seconds(corpus: Corpus, scratch: Path) -> dict[str, float]:
    """Wall-clock seconds per importer step over one fresh import, without profiler overhead.

    Mirrors the importer's steps for one file (first_look → prepare → store_prepared), in one
    process (the parallel import overlaps the first four steps with the last), so it must follow
    that function when it changes; it fails loudly (a missing name) rather than measure
    something else.
    """
    names = ("read+hash", "decode+parse+fold", "identify", "rows+index columns", "merge+write")
    seconds = dict.fromkeys(names, 0.0)
    data_dir = scratch / "stages"
    data_dir.mkdir()
    clock = time.perf_counter
    with Store.open(data_dir) as store:
        for path in corpus.files:
            began = clock()
            data = walk.read_bytes(path)
            digest_hash = importer.content_hash(data)
            store.imported_file(digest_hash)
            read = clock()
            digest = importer.read_digest(data, path.name)
            parsed = clock()
            items = importer.identify(digest)
            identified = clock()
            prepared = importer.Prepared(
                path=str(path), content_hash=digest_hash, size=len(data), folded=digest.folded,
                warnings=digest.warnings,
                digests=[importer.PreparedDigest(digest.day, digest.level, item_rows(items))],
            )  # fmt: skip
            rowed = clock()
            importer.store_prepared(store, prepared)
            written = clock()
            for name, start, end in zip(
                names, (began, read, parsed, identified, rowed),
                (read, parsed, identified, rowed, written), strict=True,
            ):  # fmt: skip
                seconds[name] += end - start
    shutil.rmtree(data_dir)
    return {name: round(value, 2) for name, value in seconds.items()}


def _s(seconds: float) -> str:
    return f"{seconds:.2f}" if seconds >= 1 else f"{seconds:.3f}"


def markdown(result: Result) -> str:
    def row(name: str, figures: Figures, items: int | None, db_mb: float | None) -> str:
        count = f"{items:,}" if items is not None else "—"
        rate = f"{items / figures.median_s:,.0f}" if items is not None else "—"
        size = f"{db_mb:.1f}" if db_mb is not None else "—"
        return (
            f"| {name} | {_s(figures.median_s)} | {_s(figures.min_s)}–{_s(figures.max_s)} | "
            f"{count} | {rate} | {size} |"
        )

    generated = (
        f"generated in {result.generated_s:.2f} s"
        if result.generated_s is not None
        else "reused from benchmarks/out"
    )
    verdict = "meets" if result.ratio <= result.target else "misses"
    lines = [
        f"Corpus: {result.files} files, {result.corpus_mb} MB ({generated}); "
        f"median of {result.repeat} runs, fresh library each run.",
        "",
        "| step | median s | min–max s | items | items/s | DB MB |",
        "|---|---:|---:|---:|---:|---:|",
        row(
            "telereader `import_paths`",
            result.importer,
            result.importer_items,
            result.importer_db_mb,
        ),
        row("re-import, all files unchanged", result.reimport, None, None),
        row("bare sqlite3 loop", result.bare, result.bare_items, result.bare_db_mb),
        "",
        f"Importer / bare = **{result.ratio:.2f}×** — {verdict} the ≤{result.target:g}× target.",
        "",
        "Machine: " + ", ".join(f"{key} {value}" for key, value in result.machine.items()),
    ]
    if result.stages:
        total = sum(result.stages.values())
        lines += [
            "",
            f"Importer steps, one fresh import ({total:.2f} s in all):",
            "",
            "| step | s | share |",
            "|---|---:|---:|",
            *(f"| {name} | {value:.2f} | {value / total:.0%} |" for name, value in result.stages.items()),
        ]  # fmt: skip
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per step (median)")
    parser.add_argument("--start", type=dt.date.fromisoformat, default=synth.DEFAULT_START)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--keep-corpus", action="store_true", help="save the corpus in benchmarks/out for reuse"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument(
        "--profile", type=int, nargs="?", const=25, metavar="TOP",
        help="also print a cProfile of one import (top TOP functions) to stderr",
    )  # fmt: skip
    parser.add_argument(
        "--stages", action="store_true", help="also time each importer step in one more import"
    )
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.days < 1:
        parser.error("--days and --repeat must be at least 1")
    with tempfile.TemporaryDirectory(prefix="telereader-bench-") as folder:
        scratch = Path(folder)
        corpus = prepare_corpus(args.days, args.start, args.seed, args.keep_corpus, scratch)
        result = benchmark(corpus, args.days, args.repeat, scratch)
        if args.stages:
            result.stages = stage_seconds(corpus, scratch)
        if args.profile:
            print(profile_importer(corpus, scratch, args.profile), file=sys.stderr)
    print(json.dumps(asdict(result), indent=2) if args.json else markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
