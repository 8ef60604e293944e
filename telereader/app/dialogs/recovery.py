"""The library cannot be used: say why in plain words, and offer to restore the latest automatic
backup into a new library, to start a new one, or to quit. The bad file is set aside, never
deleted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from telereader.app.i18n import tr
from telereader.core.backup import latest_auto_backup
from telereader.core.messages import describe, render
from telereader.core.model import Problem
from telereader.core.recovery import start_afresh
from telereader.core.store import LibraryError, Store

Chooser = Callable[[QMessageBox], QAbstractButton | None]


def _run_modal(box: QMessageBox) -> QAbstractButton | None:
    box.exec()
    return box.clickedButton()


def offer_recovery(
    problem: Problem,
    data_dir: Path,
    language: str,
    parent: QWidget | None = None,
    choose: Chooser = _run_modal,
) -> Store | None:
    """Ask what to do about an unusable library; the new library's store, or None to quit."""
    backup = latest_auto_backup(data_dir)
    box = QMessageBox(parent)
    box.setObjectName("recovery")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(tr("资料库无法使用"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(render(problem, language))
    box.setInformativeText(
        tr("无论选哪一项，原文件都不会删除：它会改名后留在资料库文件夹里。")
        + ("" if backup else "\n" + tr("没有找到自动备份。"))
    )
    restore = (
        box.addButton(
            tr("从自动备份恢复（%1）").replace("%1", _backup_time(backup)),
            QMessageBox.ButtonRole.AcceptRole,
        )
        if backup
        else None
    )
    box.addButton(tr("新建空资料库"), QMessageBox.ButtonRole.DestructiveRole).setObjectName("fresh")
    leave = box.addButton(tr("退出，不做改动"), QMessageBox.ButtonRole.RejectRole)
    leave.setObjectName("leave")
    if restore is not None:
        restore.setObjectName("restore")
    box.setDefaultButton(restore or leave)
    box.setEscapeButton(leave)
    chosen = choose(box)
    if chosen is None or chosen is leave:
        return None
    try:
        recovery = start_afresh(data_dir, from_backup=chosen is restore)
    except (LibraryError, OSError) as error:
        message = describe(error, language)
        QMessageBox.critical(parent, tr("资料库无法使用"), tr("没有完成：") + message)
        return None
    lines = [tr("原资料库已改名保留：%1").replace("%1", str(recovery.set_aside_as))]
    if recovery.restored is not None:
        report = recovery.restored
        lines.append(
            tr("已从自动备份恢复：星标 %1，笔记 %2，关注列表 %3。")
            .replace("%1", str(report.stars))
            .replace("%2", str(report.notes))
            .replace("%3", str(report.watchlists))
        )
        lines.append(tr("请重新导入电报文件；星标和笔记会在对应日期导入后自动对上。"))
    done = QMessageBox(
        QMessageBox.Icon.Information, tr("新资料库"), "\n".join(lines), parent=parent
    )
    done.setObjectName("recovered")
    done.setTextFormat(Qt.TextFormat.PlainText)
    choose(done)
    return recovery.store


def _backup_time(backup: Path | None) -> str:
    """backup-20261126-035500-123456.json → 2026-11-26 03:55."""
    if backup is None:
        return ""
    parts = backup.stem.split("-")
    if len(parts) >= 3 and len(parts[1]) == 8 and len(parts[2]) == 6:
        day, time = parts[1], parts[2]
        return f"{day[:4]}-{day[4:6]}-{day[6:]} {time[:2]}:{time[2:4]}"
    return backup.name
