"""The Qt binding itself must be sound: a regression here crashes long sessions at random."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QLabel


def test_void_calls_keep_the_reference_count_of_none(qapp):
    # PySide6 6.12.0 under Python 3.11 dropped a reference to None on every call returning
    # nothing; a calendar of ten years made enough such calls to crash the process.
    label, colour, char_format = QLabel(), QColor("#123456"), QTextCharFormat()
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
        colour.setAlphaF(0.5)
        char_format.setToolTip("y")
    assert sys.getrefcount(None) >= before
