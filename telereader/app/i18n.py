"""One translation context for the whole UI: Chinese source text, English in resources/."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication

__all__ = ["QT_TR_NOOP", "tr"]


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate UI text; `pyside6-lupdate` collects every literal passed to `tr` and
    `QT_TR_NOOP` (see resources/translations/README.md)."""
    return QCoreApplication.translate("", text, disambiguation, n)
