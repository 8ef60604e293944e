"""Reports worded for the reader: an import as `import --json` prints it, and what a restore
brought back (the command line and the window say the same)."""

from __future__ import annotations

from telereader.core.messages import render, sentence

TYPE_CHECKING = False  # typing itself costs a command line 3 ms (tests/test_lazy_imports.py)
if TYPE_CHECKING:
    from telereader.core.backup import RestoreReport
    from telereader.core.model import FileReport, ImportReport


def file_report_json(report: FileReport, language: str | None = None) -> dict:
    """One file of an import as `import --json` prints it, its problems worded."""
    return {
        "path": report.path,
        "status": str(report.status),
        "day": report.day.isoformat() if report.day else None,
        "days": [day.isoformat() for day in report.days],
        "level": str(report.level) if report.level else None,
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "folded": report.folded,
        "warnings": [
            {"line": w.line, "code": w.code, "message": render(w, language)}
            for w in report.warnings
        ],
        "reason": (
            {"code": report.reason.code, "message": render(report.reason, language)}
            if report.reason
            else None
        ),
    }


def import_report_json(report: ImportReport, language: str | None = None) -> dict:
    """A whole import as `import --json` prints it."""
    return {
        "files": [file_report_json(f, language) for f in report.files],
        "added": report.added,
        "updated": report.updated,
        "rejected": len(report.rejected),
        "cancelled": report.cancelled,
        "new_hits": report.new_hits,
    }


def restore_summary(report: RestoreReport, language: str | None = None) -> str:
    """What a restore brought back: the command line and the window say the same."""
    return sentence(
        "restore_summary",
        language,
        stars=report.stars,
        notes=report.notes,
        reads=report.reads,
        watchlists=report.watchlists,
        saved_searches=report.saved_searches,
        names=report.names,
        waiting=report.waiting,
    )
