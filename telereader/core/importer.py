"""paths → ImportReport: walk and read (walk.py), decode, parse, fold, give ids, merge into the library.

Each step is a function of its own; `import_paths` strings them together one file at a time,
one transaction per file, so that a bad file never changes anything and a cancel or a crash
leaves every finished file complete.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from telereader.core.decode import decode
from telereader.core.fold import fold
from telereader.core.identity import IdMaker, item_key
from telereader.core.library_errors import library_error
from telereader.core.markets_schema import day_changed
from telereader.core.merge import merge
from telereader.core.model import (
    Digest,
    FileReport,
    FileStatus,
    ImportReport,
    Item,
    Level,
    Problem,
    Refused,
)
from telereader.core.parse import iter_digests
from telereader.core.pool import Job, Pool, WorkerDied, parsing_pool, run_here
from telereader.core.rows import ItemRow, item_from_row, item_rows
from telereader.core.store import Store
from telereader.core.walk import Candidate, collect, read_bytes
from telereader.core.watchlists import match_pending

# Files this big are read here, one day at a time, not whole in a worker: memory then holds
# their text and one day's items, and a cancel reaches inside them.
STREAM_FROM_BYTES = 16 * 1024 * 1024

Progress = Callable[[int, int, int], None]  # files done, files total, items so far
Cancelled = Callable[[], bool]
Check = Callable[[], None]  # raises ImportCancelled once the import is cancelled
CHECK_EVERY_ITEMS = 4096
WAIT_S = 0.2  # how often waiting for a worker's file looks at the cancel flag


class ImportCancelled(Exception):
    """Raised inside a file's work when the import is cancelled: the file is rolled back."""


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_digests(data: bytes, file_name: str, check: Check | None = None) -> list[Digest]:
    """Bytes to folded digests (a file may hold several days, as exports do), the decoder's
    warnings with the first."""
    return list(iter_read_digests(data, file_name, check))


def iter_read_digests(data: bytes, file_name: str, check: Check | None = None) -> Iterator[Digest]:
    """`read_digests` one digest at a time, each read as it is asked for."""
    decoded = decode(data)
    for number, digest in enumerate(iter_digests(decoded.text, file_name, check)):
        kept, folded = fold(digest.items, check)
        warnings = (*decoded.warnings, *digest.warnings) if number == 0 else digest.warnings
        yield dataclasses.replace(digest, items=tuple(kept), warnings=warnings, folded=folded)


def read_digest(data: bytes, file_name: str) -> Digest:
    """The first (usually the only) digest of a file."""
    return read_digests(data, file_name)[0]


def identify(digest: Digest, check: Check | None = None) -> list[Item]:
    """Give each item of a folded digest its content-derived id."""
    ids = IdMaker(digest.day)
    occurrences: dict[tuple[dt.time, str], int] = {}
    times: dict[dt.time, dt.datetime] = {}
    items = []
    for count, parsed in enumerate(digest.items):
        if check is not None and count % CHECK_EVERY_ITEMS == 0:
            check()
        minute = parsed.minute
        key = item_key(parsed.title, parsed.body)
        occurrence = occurrences[minute, key] = occurrences.get((minute, key), 0) + 1
        happened = times.get(minute)
        if happened is None:
            happened = times[minute] = digest.happened_at(minute)
        items.append(
            Item(
                id=ids.make(minute, key, occurrence),
                day=digest.day,
                time=happened,
                title=parsed.title,
                body=parsed.body,
                source=parsed.source,
                level=digest.level,
                kind=parsed.kind,
                column=parsed.column,
                position=parsed.line,
            )
        )
    return items


# ---- the whole batch -----------------------------------------------------------------------


@dataclass
class PreparedDigest:
    day: dt.date
    level: Level
    # rows, not Items: plain tuples cross from a worker process several times faster
    rows: list[ItemRow]


@dataclass
class Prepared:
    """One file read and parsed, ready to merge: what a worker process hands back."""

    path: str
    content_hash: str
    size: int
    problem: Problem | None = None
    folded: int = 0
    warnings: tuple[Problem, ...] = ()
    # a list from a worker; an iterator for a big file read here, day by day as it is stored
    digests: Iterable[PreparedDigest] = dataclasses.field(default_factory=list)


def prepare(path: str, data: bytes, digest_hash: str, check: Check | None = None) -> Prepared:
    """decode → parse → fold → identify, touching nothing: it may run in another process.
    `check` (in this process only) lets a cancel stop it inside a big file."""
    prepared = Prepared(path=path, content_hash=digest_hash, size=len(data))
    try:
        digests = read_digests(data, Path(path).name, check)
    except Refused as refusal:
        prepared.problem = refusal.problem
        return prepared
    prepared.folded = sum(digest.folded for digest in digests)
    prepared.warnings = tuple(warning for digest in digests for warning in digest.warnings)
    prepared.digests = [
        PreparedDigest(digest.day, digest.level, item_rows(identify(digest, check)))
        for digest in digests
    ]
    return prepared


def prepare_lazily(path: str, data: bytes, digest_hash: str, check: Check) -> Prepared:
    """`prepare` for a big file (an export of years): each day is read, folded and identified
    only when the store asks for it, so memory holds the text and one day, not every item.
    A refusal surfaces while storing, which rolls the file back."""
    prepared = Prepared(path=path, content_hash=digest_hash, size=len(data))

    def days() -> Iterator[PreparedDigest]:
        warnings: list[Problem] = []
        for digest in iter_read_digests(data, Path(path).name, check):
            prepared.folded += digest.folded
            warnings.extend(digest.warnings)
            prepared.warnings = tuple(warnings)
            yield PreparedDigest(digest.day, digest.level, item_rows(identify(digest, check)))

    prepared.digests = days()
    return prepared


def store_prepared(store: Store, prepared: Prepared, check: Check | None = None) -> FileReport:
    """Merge one prepared file into the library, in one transaction (a cancel between two of
    its days rolls it back whole)."""
    report = FileReport(path=prepared.path)
    if prepared.problem is not None:
        report.status = FileStatus.REJECTED
        report.reason = prepared.problem
        return report
    items = 0
    try:
        with store.transaction():  # a file of several days is still one transaction
            for part in prepared.digests:
                if check is not None:
                    check()
                items += len(part.rows)
                added, updated, unchanged = _store_digest(store, prepared, part, items)
                report.added += added
                report.updated += updated
                report.unchanged += unchanged
                report.days.append(part.day)
                report.level = report.level or part.level
    except Refused as refusal:  # found in a big file read while it is stored: nothing kept
        return FileReport(path=prepared.path, status=FileStatus.REJECTED, reason=refusal.problem)
    report.day = report.days[0]
    report.folded = prepared.folded
    report.warnings = list(prepared.warnings)
    return report


def _store_digest(
    store: Store, prepared: Prepared, part: PreparedDigest, items: int
) -> tuple[int, int, int]:
    """Merge one day of a file; `items` is how many the file has given so far (all of them,
    once its last day is stored)."""
    existing = store.raw_items_on(part.day)
    if existing:
        plan = merge(existing, [item_from_row(row) for row in part.rows])
        inserts, updates, unchanged = item_rows(plan.inserts), plan.updates, plan.unchanged
    else:  # a day new to the library, as in most of a first import: nothing to merge with
        inserts, updates, unchanged = part.rows, [], 0
    store.write_import(
        inserts,
        updates,
        {
            "content_hash": prepared.content_hash,
            "path": prepared.path,
            "size": prepared.size,
            "day": part.day.isoformat(),
            "level": str(part.level),
            "items": items,
        },
    )
    if inserts or updates:
        day_changed(store.db.conn, part.day)  # its movers are extracted again
    return len(inserts), len(updates), unchanged


def first_look(store: Store, candidate: Candidate) -> FileReport | tuple[bytes, str]:
    """The cheap part, always in this process: a final report for a file that is missing,
    unreadable or imported before (same bytes), else its bytes and their hash."""
    report = FileReport(path=str(candidate.path))
    if candidate.problem:
        report.status, report.reason = FileStatus.REJECTED, candidate.problem
        return report
    try:
        data = read_bytes(candidate.path)
    except Refused as refusal:
        report.status, report.reason = FileStatus.REJECTED, refusal.problem
        return report
    digest_hash = content_hash(data)
    earlier = store.imported_file(digest_hash)
    if earlier is None:
        return data, digest_hash
    report.status = FileStatus.UNCHANGED
    report.day = dt.date.fromisoformat(earlier["day"])
    report.level = Level(earlier["level"])
    report.unchanged = earlier["items"]
    return report


def import_paths(
    store: Store,
    paths: Iterable[Path | str],
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import files and folders, one transaction per file, in the order given.

    Parsing is pure Python and CPU-bound: for a large batch it runs in `workers` processes
    (default: one per core) while this process merges and writes, in file order. Cancelling
    stops inside the file being read or written, which is rolled back; every file written
    before is complete.
    """
    candidates = collect(paths)
    report = ImportReport()
    items_so_far = 0
    by_hash: dict[str, FileReport] = {}

    def check() -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled

    with parsing_pool(len(candidates), workers) as pool:
        outcomes = _outcomes(store, candidates, pool, check)
        for done, (path, digest_hash, outcome) in enumerate(outcomes, start=1):
            try:
                check()
                file_report = _finish_safely(store, path, outcome, by_hash, check)
            except ImportCancelled:
                report.cancelled = True
                outcomes.close()
                break
            if digest_hash is not None:
                by_hash.setdefault(digest_hash, file_report)
            report.files.append(file_report)
            items_so_far += file_report.added + file_report.updated
            if progress:
                progress(done, len(candidates), items_so_far)
    report.new_hits = match_pending(store)
    return report


@dataclass
class _SameBytes:
    """A file whose bytes equal an earlier file's in this batch: it shares that file's fate."""

    path: str
    content_hash: str


def _outcomes(store: Store, candidates: Sequence[Candidate], pool: Pool, check: Check) -> Iterator:
    """Each candidate's outcome in order: a FileReport, a Prepared, or a _SameBytes; parsing
    runs ahead in the pool while earlier files are written."""
    window: collections.deque = collections.deque()
    hashes: set[str] = set()
    for candidate in candidates:
        path = str(candidate.path)
        looked = first_look(store, candidate)
        if isinstance(looked, FileReport):
            window.append((path, None, looked))
        else:
            data, digest_hash = looked
            if digest_hash in hashes:
                window.append((path, None, _SameBytes(path, digest_hash)))
            else:
                hashes.add(digest_hash)
                if len(data) > STREAM_FROM_BYTES:
                    outcome = run_here(prepare_lazily, path, data, digest_hash, check)
                elif pool.in_process:
                    outcome = run_here(prepare, path, data, digest_hash, check)
                else:
                    try:  # a broken pool is replaced; this is for one that cannot start
                        outcome = pool.submit(prepare, path, data, digest_hash)
                    except Exception as error:
                        outcome = _failed(path, error)
                window.append((path, digest_hash, outcome))
            del looked, data  # only the outcome keeps a file's bytes, while it needs them
        while len(window) > pool.ahead:
            yield window.popleft()
    while window:
        yield window.popleft()


def _finish_safely(
    store: Store, path: str, outcome, by_hash: dict[str, FileReport], check: Check
) -> FileReport:
    """The file's report; whatever goes wrong with this one file (a bug, a worker process that
    died on it even when tried alone: see Pool) rolls back its transaction and makes it a
    rejected file with the reason, and the batch goes on. Only trouble of the library itself (a
    full disk, a damaged or read-only file, a lock held too long) stops the batch: every later
    file would meet it too."""
    try:
        if isinstance(outcome, (Future, Job)):
            outcome = _waited(outcome, check)
        return _finish(store, outcome, by_hash, check)
    except ImportCancelled:
        raise
    except WorkerDied:
        return FileReport(path=path, status=FileStatus.REJECTED, reason=Problem("worker_died"))
    except sqlite3.Error as error:
        if library_error(store.path, error).problem.code != "library_unavailable":
            raise
        return _failed(path, error)
    except Exception as error:  # one file's trouble must not stop the batch
        return _failed(path, error)


def _failed(path: str, error: BaseException) -> FileReport:
    reason = str(error) or type(error).__name__
    return FileReport(
        path=path,
        status=FileStatus.REJECTED,
        reason=Problem("store_failed", params={"error": f"{type(error).__name__}: {reason}"}),
    )


def _waited(future: Future | Job, check: Check):
    """A worker's result, looking at the cancel flag while it is not ready."""
    while True:
        check()
        try:
            return future.result(timeout=WAIT_S)
        except TimeoutError:
            continue


def _finish(store: Store, outcome, by_hash: dict[str, FileReport], check: Check) -> FileReport:
    if isinstance(outcome, FileReport):
        return outcome
    if isinstance(outcome, _SameBytes):
        earlier = by_hash[outcome.content_hash]
        twin = dataclasses.replace(earlier, path=outcome.path, added=0, updated=0)
        if earlier.status is FileStatus.IMPORTED:
            twin.status = FileStatus.UNCHANGED
            twin.unchanged = earlier.added + earlier.updated + earlier.unchanged
            twin.warnings = []
        return twin
    return store_prepared(store, outcome, check)
