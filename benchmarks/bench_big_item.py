"""One very long item in the window: how long the UI thread is blocked, and peak memory.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_big_item.py --mb 18

Writes a digest whose day holds two ordinary items and one untitled item with a body of about
`--mb` MB of UTF-8 (Chinese sentences with circled-number lists, the words 央行 and 黄金 all
through it), imports it into a fresh library in a child process (so that the import's memory is
not counted), then, in this process, opens the real main window on that day and:

- selects the long item (from `show_day` to the list and the detail repainted);
- asks its row for the tooltip, as hovering does;
- searches 央行 and waits for the results, the long item selected with its matches marked;
- adds a watchlist with the keyword 黄金, so that its matches are marked too;
- goes back to the day, moves to an ordinary item and back;
- presses 显示全部 (show all), when the detail shows only the opening of the body.

Each step is timed as the longest gap of a 5 ms timer on the UI thread (what the reader feels as a
freeze) and as wall time; peak resident memory is this process's `ru_maxrss`.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SENTENCE = (
    "财联社3月2日电，央行今日开展1000亿元7天期逆回购操作，①市场流动性保持合理充裕；"
    "②现货黄金日内涨1%，报2950美元/盎司；③多家存储厂商宣布涨价。"
)


def digest_text(megabytes: float) -> str:
    """A day: an ordinary item, the long one at 10:00, another ordinary item."""
    repeats = max(1, int(megabytes * 1_000_000 / len(SENTENCE.encode("utf-8"))))
    body = SENTENCE * repeats + "全文完。"
    return (
        "# 财联社【普通】电报 - 2026-03-02\n"
        "> 统计周期：2026-03-02 05:30 至次日 05:30\n\n---\n\n"
        "**[09:30]** 财联社3月2日电，沪指高开0.3%，创业板指高开0.5%。\n\n"
        f"**[10:00]** {body}\n\n"
        "**[11:02]** 《科创板日报》2日讯，多家存储厂商宣布涨价。\n"
    )


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(app, step: Callable[[], None], done: Callable[[], bool] = lambda: True) -> dict:
    """Run `step` with a 5 ms ticker on the UI thread; return the longest gap and wall time."""
    try:
        from benchmarks.ui_ticker import UiTicker
    except ImportError:  # run as a script: benchmarks/ is on the path
        from ui_ticker import UiTicker  # type: ignore[no-redef]

    ticker = UiTicker()
    ticker.start()
    app.processEvents()
    began = time.perf_counter()
    ticker.restart_gap()
    step()
    while not done():
        app.processEvents()
        time.sleep(0.001)
    for _ in range(5):  # let the paints the step queued happen, and one tick after them
        app.processEvents()
        time.sleep(0.006)
    app.processEvents()
    wall = (time.perf_counter() - began) * 1000
    ticker.stop()
    return {"block_ms": max(ticker.gaps, default=wall), "wall_ms": wall}


def run(megabytes: float, scratch: Path) -> list[tuple[str, dict]]:
    import datetime as dt

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from telereader.app.window import MainWindow
    from telereader.core.store import Store
    from telereader.core.watchlists import save_watchlist

    digest = scratch / "cls-telegraph-2026-03-02.md"
    digest.write_text(digest_text(megabytes), encoding="utf-8")
    data_dir = scratch / "library"
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "telereader", "import", "--data-dir", str(data_dir), str(digest)],
        check=True, capture_output=True,
    )  # fmt: skip
    imported_s = time.perf_counter() - began
    print(f"digest: {digest.stat().st_size / 1e6:.1f} MB, imported in {imported_s:.1f} s "
          f"(child process)")  # fmt: skip

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = Store.open(data_dir)
    day = dt.date(2026, 3, 2)
    big = max(store.items_on(day), key=lambda item: len(item.body))
    small = min(store.items_on(day), key=lambda item: item.time)
    print(f"long item: {len(big.body):,} characters")
    window = MainWindow(store, data_dir, "zh")
    window.resize(1200, 800)
    window.show()
    window.start()
    app.processEvents()
    window.show_day(day, small.id)
    app.processEvents()
    before = peak_rss_mb()
    results: list[tuple[str, dict]] = []
    print("| step | UI thread blocked (longest gap) | wall |")
    print("|---|---:|---:|", flush=True)

    def record(name: str, figures: dict) -> None:
        results.append((name, figures))
        print(f"| {name} | {figures['block_ms']:.0f} ms | {figures['wall_ms']:.0f} ms |",
              flush=True)  # fmt: skip

    def select_big() -> None:
        window.show_day(day, big.id)
        window.list.viewport().repaint()
        window.detail.repaint()

    record("select the long item on its day", measure(app, select_big))

    def tooltip() -> None:
        window.model.index(window.model.row_of(big.id)).data(Qt.ItemDataRole.ToolTipRole)

    record("its row's tooltip", measure(app, tooltip))

    def searched() -> bool:
        current = window.current_item()
        return window.searching and current is not None and current.id == big.id

    def search() -> None:
        window.search.setText("央行")
        window.run_search()

    record("search 央行, the long item shown marked", measure(app, search, searched))
    marked_search = window.detail.highlighted

    def watch() -> None:
        save_watchlist(store, "黄金", ["黄金"])
        window.refresh_watchlists()
        window.detail.refresh_marks()
        window.detail.repaint()

    record("a watchlist 黄金 marks it too", measure(app, watch))
    marked_watch = window.detail.highlighted

    def away_and_back() -> None:
        window.back_to_day()
        app.processEvents()
        window.move_selection(-1)
        window.detail.repaint()
        app.processEvents()
        window.move_selection(+1)
        window.detail.repaint()

    record("back to the day, to an ordinary item and back", measure(app, away_and_back))
    show_whole_body = getattr(window.detail, "show_whole_body", None)  # absent before issue 12
    if show_whole_body is not None and window.detail.body_is_cut:

        def show_all() -> None:
            show_whole_body()
            window.detail.repaint()

        record("显示全部 (show all) pressed", measure(app, show_all))
    shown = window.detail.body.toPlainText()
    print(f"\ndetail shows {len(shown):,} characters, ends with {shown[-4:]!r}; "
          f"marks: {marked_search} after the search, {marked_watch} with the watchlist")  # fmt: skip
    print(f"peak RSS: {before:.0f} MB with the window open, {peak_rss_mb():.0f} MB at the end")
    window.close()
    store.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=18.0, help="size of the long body (MB)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        run(args.mb, Path(scratch))
    return 0


if __name__ == "__main__":
    sys.exit(main())
