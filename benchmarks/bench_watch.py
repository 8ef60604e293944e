"""Watchlist matching at scale: 200 keywords against a year of items.

    python benchmarks/bench_watch.py --days 365          # the issue's case: one year, ~110k items
    python benchmarks/bench_watch.py --days 3650         # ten years

One run: make (or reuse, `benchmarks/out/corpus-N`) a synthetic corpus and import it into a
fresh library (not timed here; see bench_import.py); then cut 200 keywords from the corpus
itself, in the mix a reader writes (plain words, synonyms `A|B`, exclusions `A -AB`, several
words on a line, whole Latin words `=AI`), and time
- saving a watchlist with all 200 (every keyword applied to the whole library at once: what
  the dialog does when keywords are pasted in), and
- adding one more keyword to it (what typing one line in the dialog costs), and
- matching the items of one newly imported day against it (what every import pays).
Target (issue 4): the 200 keywords over one year in under a second.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import jieba

from telereader.core.importer import import_paths
from telereader.core.store import Store
from telereader.core.watchlists import add_keywords, hit_counts, save_watchlist

try:  # run as `python -m benchmarks.bench_watch` or as `python benchmarks/bench_watch.py`
    from benchmarks import synth
    from benchmarks.bench_import import machine, prepare_corpus
except ImportError:
    import synth  # type: ignore[no-redef]
    from bench_import import machine, prepare_corpus  # type: ignore[no-redef]

KEYWORDS = 200
_CJK = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_LATIN = re.compile(r"^[A-Za-z]{2,6}$")


def keyword_mix(texts: list[str], count: int, seed: int) -> list[str]:
    """`count` keyword lines cut from the corpus's own words, frequent and rare alike."""
    words: Counter[str] = Counter()
    latin: Counter[str] = Counter()
    for text in texts:
        for word in jieba.cut(text):
            if _CJK.match(word):
                words[word] += 1
            elif _LATIN.match(word):
                latin[word.upper()] += 1
    rng = random.Random(seed)
    common = [word for word, _ in words.most_common(2000)]
    rare = [word for word, n in words.items() if n <= 3]
    latin_words = [word for word, _ in latin.most_common(50)]
    lines: list[str] = []
    attempt = 0
    while len(lines) < count:
        attempt += 1  # not len(lines): a kind whose words ran out must not stall the mix
        kind = attempt % 10
        word = rng.choice(common if kind % 2 else rare or common)
        if kind == 3:
            line = f"{word}|{rng.choice(common)}"
        elif kind == 5:
            longer = next((w for w in common if word in w and w != word), word + "周")
            line = f"{word} -{longer}"
        elif kind == 7:
            line = f"{word} {rng.choice(common)}"
        elif kind == 9 and latin_words:
            line = f"={rng.choice(latin_words)}"
        else:
            line = word
        if line not in lines:
            lines.append(line)
    return lines


def timed(action) -> tuple[float, object]:
    began = time.perf_counter()
    result = action()
    return time.perf_counter() - began, result


def run(days: int, repeat: int, seed: int) -> dict:
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        corpus = prepare_corpus(days, synth.DEFAULT_START, seed, keep=True, scratch=scratch)
        files = sorted(corpus.folder.glob("*.md"))
        data_dir = scratch / "library"
        with Store.open(data_dir) as store:
            import_paths(store, files[:-1])
            items = store.db.execute("SELECT count(*) FROM items").fetchone()[0]
            texts = [
                f"{title or ''} {body}"
                for title, body in store.db.execute(
                    "SELECT title, body FROM items ORDER BY random() LIMIT 20000"
                )
            ]
            lines = keyword_mix(texts, KEYWORDS, seed)
            whole, one_more, new_day = [], [], []
            for number in range(repeat):
                store.db.execute("DELETE FROM watch_hits")
                store.db.execute("DELETE FROM watchlists")
                store.db.conn.commit()
                seconds, watchlist = timed(lambda: save_watchlist(store, "bench", lines))
                whole.append(seconds)
                seconds, _ = timed(lambda n=number: add_keywords(store, "bench", [f"新词{n}"]))
                one_more.append(seconds)
            hits = hit_counts(store).get(watchlist.id, 0)
            # The newest day arrives: the import queues its items, matching is timed alone.
            seconds_import, report = timed(lambda: import_paths(store, files[-1:]))
            new_day.append(seconds_import)
    return {
        "machine": machine(),
        "days": days,
        "items": items,
        "keywords": len(lines),
        "keyword_sample": lines[:12],
        "hits": hits,
        "save_200_s": {"median": statistics.median(whole), "max": max(whole), "runs": whole},
        "add_one_s": {"median": statistics.median(one_more), "max": max(one_more)},
        "import_one_day_with_matching_s": new_day[0],
        "new_hits_of_that_day": report.new_hits,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    jieba.setLogLevel(60)
    print(json.dumps(run(args.days, args.repeat, args.seed), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
