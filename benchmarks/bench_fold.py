"""Folding one crowded minute: N items stamped 06:00, all different, as a hostile file has them.

python benchmarks/bench_fold.py 1000 4000 20000
"""

from __future__ import annotations

import sys
import time

from telereader.core.fold import fold
from telereader.core.parse import parse


def crowded_minute(count: int) -> str:
    lines = ["# 财联社【普通】电报 - 2026-01-14", ""]
    lines += [
        f"**[06:00]** 财联社1月14日电，第{n}条消息，公司{n * 7919 % 10007}公告。"
        for n in range(count)
    ]
    return "\n\n".join(lines)


def main(counts: list[int]) -> None:
    for count in counts:
        digest = parse(crowded_minute(count))
        start = time.perf_counter()
        kept, folded = fold(digest.items)
        elapsed = time.perf_counter() - start
        print(
            f"{count:>7} items in one minute: fold {elapsed:8.3f} s ({len(kept)} kept, {folded} folded)"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 4000])
