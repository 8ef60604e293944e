"""A 5 ms timer on the UI thread that records the gaps between its ticks: a gap much longer than
5 ms is time the UI thread could not run, a stall the reader would feel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QTimer

INTERVAL_MS = 5


class UiTicker:
    def __init__(self, on_tick: Callable[[], None] | None = None):
        self.gaps: list[float] = []  # milliseconds between two ticks
        self._on_tick = on_tick
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = self._clock.nsecsElapsed()
        self._timer = QTimer()
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.restart_gap()
        self._timer.start()

    def restart_gap(self) -> None:
        """The next gap is counted from now (not from before a pause of the benchmark's own)."""
        self._last = self._clock.nsecsElapsed()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed()
        self.gaps.append((now - self._last) / 1e6)
        self._last = now
        if self._on_tick is not None:
            self._on_tick()

    def percentile(self, share: float) -> float:
        ordered = sorted(self.gaps)
        return ordered[round(share * (len(ordered) - 1))]
