"""Following a folder (issue 18): how long from a file landing to its items on screen, and what
following an idle folder costs.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_follow.py [--runs 5] [--idle-s 30]
        [--corpus /work/main/benchmarks/out/corpus-3650]

1. Latency: a window shows the sample day as captured up to 12:59 and follows a folder; the full
   day lands there (written under another name, renamed into place, as fetchers do), or is
   appended to the file in place; the time until the day's list shows all 93 items.
2. Idle: the CPU time of the window's process over `--idle-s` seconds, following a folder of
   `--files` digest files already imported, against the same window not following.
3. One look: the CPU time of one Follower.look() over the corpus folder (nothing changed), and
   the share of one core that costs at one look every RESCAN_S seconds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from telereader.app.window import MainWindow  # noqa: E402
from telereader.core.follow import MAX_CPU_SHARE, RESCAN_S, Follower  # noqa: E402
from telereader.core.importer import import_paths  # noqa: E402
from telereader.core.store import Store  # noqa: E402

SAMPLE = ROOT / "seeds" / "cls-telegraph-2026-01-14.md"


def wait_until(app: QApplication, condition, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError
        app.processEvents()
        time.sleep(0.005)


def open_window(app: QApplication, data_dir: Path) -> tuple[MainWindow, Store]:
    store = Store.open(data_dir)
    window = MainWindow(store, data_dir, "en")
    window.show()
    window.start()
    return window, store


def latency_once(app: QApplication, workdir: Path, in_place: bool) -> float:
    data_dir, inbox = workdir / "library", workdir / "inbox"
    inbox.mkdir(parents=True)
    data = SAMPLE.read_bytes()
    cut = data.index(b"**[13:")
    target = inbox / SAMPLE.name
    target.write_bytes(data[:cut])
    with Store.open(data_dir) as store:
        import_paths(store, [target])
        day = store.days()[0].day
        morning = len(store.items_on(day))
    window, store = open_window(app, data_dir)
    window.follow_folders([inbox])
    window.show_day(day)
    wait_until(app, lambda: window.model.rowCount() == morning)
    wait_until(app, lambda: bool(window.following.watcher.files()))  # the first look is done
    if in_place:
        began = time.perf_counter()
        with target.open("ab") as growing:
            growing.write(data[cut:])
    else:
        partial = inbox / ".partial"
        partial.write_bytes(data)
        began = time.perf_counter()
        os.replace(partial, target)
    wait_until(app, lambda: window.model.day == day and window.model.rowCount() == 93)
    landed = time.perf_counter() - began
    window.close()
    store.close()
    return landed


def idle_cpu(app: QApplication, workdir: Path, files: list[Path], seconds: float, follow: bool):
    data_dir, inbox = workdir / "library", workdir / "inbox"
    if not inbox.exists():
        inbox.mkdir(parents=True)
        for path in files:
            shutil.copy2(path, inbox / path.name)
        with Store.open(data_dir) as store:
            import_paths(store, [inbox])
    window, store = open_window(app, data_dir)
    if follow:
        window.follow_folders([inbox])
    settle_until = time.monotonic() + 4  # the word catch-up starts 2 s after the window
    while time.monotonic() < settle_until:
        app.processEvents()
        time.sleep(0.01)
    wait_until(app, lambda: not (window.importer.running or window.word_catch_up.running), 600)
    began_cpu, began = time.process_time(), time.perf_counter()
    loop = QEventLoop()  # idle as app.exec() is: asleep until a timer or an event
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    share = (time.process_time() - began_cpu) / (time.perf_counter() - began)
    window.follow_folders([])
    window.close()
    store.close()
    return share


def one_look(corpus: Path, runs: int = 5) -> tuple[int, float]:
    follower = Follower([corpus])
    follower.look()
    costs = []
    for _ in range(runs):
        began = time.process_time()
        assert follower.look() == []
        costs.append(time.process_time() - began)
    return len(follower.files), statistics.median(costs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--idle-s", type=float, default=30)
    parser.add_argument("--files", type=int, default=30)
    parser.add_argument("--corpus", type=Path, default=ROOT / "benchmarks" / "out" / "corpus-365")
    parser.add_argument("--more", type=Path, nargs="*", default=[], help="more folders to look at")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    for in_place, name in ((False, "renamed into place"), (True, "appended in place")):
        times = []
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as workdir:
                times.append(latency_once(app, Path(workdir), in_place))
        print(f"landing → on screen, {name}: median {statistics.median(times):.2f} s, "
              f"max {max(times):.2f} s ({', '.join(f'{t:.2f}' for t in times)})")
    files = sorted(args.corpus.glob("*.md"))[: args.files]
    with tempfile.TemporaryDirectory() as workdir:
        for follow in (False, True, False, True):
            share = idle_cpu(app, Path(workdir), files, args.idle_s, follow)
            state = "following" if follow else "not following"
            print(f"idle window, {state} {len(files)} files: {share * 100:.2f} % of a core")
    for corpus in (args.corpus, *args.more):
        count, cost = one_look(corpus)
        every = max(RESCAN_S, cost / MAX_CPU_SHARE)
        print(f"one look at {count} files: {cost * 1000:.1f} ms CPU; a look every {every:.1f} s"
              f" = {cost / every * 100:.2f} % of a core")


if __name__ == "__main__":
    main()
