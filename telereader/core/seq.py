"""Item keys in time order: `items.seq` is minutes since 2000 × 1024 plus a free slot, so
"newest first" is a walk down one index, and keys stay unique across digest days."""

from __future__ import annotations

import datetime as dt
import sqlite3

SEQ_EPOCH = dt.datetime(2000, 1, 1)
SEQ_SLOTS_PER_MINUTE = 1024


def seq_base(time_text: str) -> int:
    """The first key of an item's minute: minutes since 2000 × 1024."""
    minutes = int((dt.datetime.fromisoformat(time_text) - SEQ_EPOCH).total_seconds()) // 60
    return minutes * SEQ_SLOTS_PER_MINUTE


class SeqKeys:
    """Free keys for new items, checked against every stored item of the same minutes, whatever
    its digest day: two digests whose windows overlap both hold items of the shared hours."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn
        self._taken: set[int] = set()
        self._loaded: list[tuple[int, int]] = []  # key ranges whose stored keys are in _taken

    def new(self, time_text: str) -> int:
        seq = seq_base(time_text)
        while True:
            self._load(seq)
            if seq not in self._taken:
                self._taken.add(seq)
                return seq
            seq += 1

    def _load(self, seq: int) -> None:
        if any(low <= seq < high for low, high in self._loaded):
            return
        low = seq - seq % SEQ_SLOTS_PER_MINUTE
        high = low + SEQ_SLOTS_PER_MINUTE * 64  # an hour at a time: few queries per file
        self._taken.update(
            row[0]
            for row in self._conn.execute(
                "SELECT seq FROM items WHERE seq >= ? AND seq < ?", [low, high]
            )
        )
        self._loaded.append((low, high))
