"""The detail pane, a side panel beside the timeline: one item in full, as plain text, with its
star, its note (a box as tall as its text) and room for more panels below (`add_panel`)."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from telereader.app.i18n import tr
from telereader.app.widgets.highlight import SEARCHED, Mark, lit_watchlists, marks
from telereader.app.widgets.look import Colours, tint
from telereader.app.widgets.note import NoteEdit
from telereader.core.keywords import Watchlist
from telereader.core.model import Level
from telereader.core.store import StoredItem
from telereader.core.text import readable_body

SAVING, SAVED, FAILED = "saving", "saved", "failed"  # what the note box says of its note
NOTE_SAVE_DELAY_MS = 700  # saved this long after the last keystroke, and at once on switching
DEFAULT_POINT_SIZE = 12
MIN_POINT_SIZE, MAX_POINT_SIZE = 8, 32
# A telegraph is a few hundred characters. A body of megabytes would freeze the window for
# seconds while Qt lays it out: its opening is shown, and the whole of it when the reader asks
# (显示全部). Words are marked only within the opening, and only so many of them.
SHOWN_CHARS = 100_000
MARKED_CHARS = 20_000
MAX_MARKS = 500


def plain_label(parent: QWidget, object_name: str) -> QLabel:
    """A label that shows file text literally: never HTML, never a link; selectable."""
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setOpenExternalLinks(False)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


MIN_HEIGHT = 240  # px: the title, a few lines of the body and the note bar


class DetailPane(QWidget):
    """Shows an item; saves its note as the user types through `save_note`."""

    star_toggled = Signal(str, bool)  # item id, starred

    def __init__(
        self,
        save_note: Callable[[str, str], None],
        parent: QWidget | None = None,
        retry: Callable[[], None] | None = None,
    ):
        super().__init__(parent)
        self._save_note = save_note
        self._retry = retry  # every flush also retries the notes that failed
        self.item: StoredItem | None = None
        self.terms: tuple[str, ...] = ()  # searched terms to highlight
        self._body_text = ""  # the body as shown (`readable_body`), kept to mark its words
        self.watchlists: list[Watchlist] = []  # whose keywords to mark, set by the window
        self._note_dirty = False
        self._point_size = DEFAULT_POINT_SIZE

        self.meta = plain_label(self, "meta")
        self.title = plain_label(self, "title")
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("body")
        self.body.setReadOnly(True)
        self.body.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.body.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.source = plain_label(self, "source")
        self.cut_label = QLabel(self)  # says that only the opening of a long body is shown
        self.cut_label.setObjectName("cut_label")
        self.show_all_button = QPushButton(tr("显示全部"), self)
        self.show_all_button.setObjectName("show_all")
        self.show_all_button.clicked.connect(self.show_whole_body)

        self.star_button = QToolButton(self)
        self.star_button.setObjectName("star")
        self.star_button.setCheckable(True)
        self.star_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.star_button.toggled.connect(self._star_clicked)
        self.note_label = QLabel(tr("笔记"), self)
        self.note_state = QLabel(self)
        self.note_state.setObjectName("note_state")
        self.note = NoteEdit(self)
        self.note.setObjectName("note")
        self.note.setPlaceholderText(tr("在这里写笔记，输入即自动保存"))
        self.note.setAcceptDrops(False)  # files dropped here import, they do not paste as text
        self.note.setTabChangesFocus(True)
        self.note.textChanged.connect(self._note_edited)
        self.note_label.setBuddy(self.note)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.flush_note)

        self.empty = QLabel(tr("在左侧选择一条电报"), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        note_bar = QHBoxLayout()
        note_bar.addWidget(self.star_button)
        note_bar.addWidget(self.note_label)
        note_bar.addStretch(1)
        note_bar.addWidget(self.note_state)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.meta)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        cut_bar = QHBoxLayout()
        cut_bar.addWidget(self.cut_label, 1)
        cut_bar.addWidget(self.show_all_button)
        layout.addLayout(cut_bar)
        layout.addWidget(self.source)
        layout.addLayout(note_bar)
        layout.addWidget(self.note)
        self.panels = QVBoxLayout()  # the panels of later issues (words, markets) go here
        layout.addLayout(self.panels)
        self.show_item(None)
        # A least height of its own: from its texts (a long title wraps to more lines) it
        # changed with every item shown, and the window's with it, so that each day switch
        # laid the whole window out again, and a long title kept the window from shrinking.
        self.setMinimumHeight(MIN_HEIGHT)

    def add_panel(self, panel: QWidget) -> None:
        """A further panel under the note, for the item shown."""
        self.panels.addWidget(panel)

    # ---- showing -------------------------------------------------------------------------

    def show_item(self, item: StoredItem | None, terms: tuple[str, ...] = ()) -> None:
        """Show another item (or none), highlighting `terms`; the note being typed is saved
        first."""
        self.flush_note()
        self.terms = terms
        self.item = item
        has_item = item is not None
        for widget in (
            self.meta,
            self.title,
            self.body,
            self.source,
            self.star_button,
            self.note_label,
            self.note,
            self.note_state,
        ):
            widget.setVisible(has_item)
        self.empty.setVisible(not has_item)
        if item is None:
            self._body_text = ""
            self._show_cut(False)
            return
        self.meta.setText(self._meta_text(item))
        self._show_title(item.title or "")
        self.title.setVisible(bool(item.title))
        self._show_body(item.body[:SHOWN_CHARS])
        self.source.setText(tr("来源：") + item.source if item.source else "")
        self.source.setVisible(bool(item.source))
        self._show_star(item.starred)
        self.note.blockSignals(True)
        note = item.note or ""
        if note or not self.note.document().isEmpty():
            self.note.setPlainText(note)
        else:  # most items have no note: an empty box stays, without the last item's undo
            self.note.document().clearUndoRedoStacks()
        self.note.blockSignals(False)
        self._note_dirty = False
        self.show_note_state("")  # what the box said of the last item's note is not this one's
        # the labels' new texts asked for a new layout: done now, so that the item is painted
        # once and in place (else a turn of the event loop later, after a paint in the old one)
        QCoreApplication.sendPostedEvents(self, QEvent.Type.LayoutRequest)

    def _show_body(self, text: str) -> None:
        """Show `text` (the body, or its opening) and mark its words."""
        assert self.item is not None
        self._body_text = readable_body(text)
        self.body.setPlainText(self._body_text)
        self._highlight_body()
        self.body.verticalScrollBar().setValue(0)
        self._show_cut(len(text) < len(self.item.body))

    def _show_cut(self, cut: bool) -> None:
        self.cut_label.setVisible(cut)
        self.show_all_button.setVisible(cut)
        if cut and self.item is not None:
            text = tr("正文很长：这里只显示前 %1 字，共 %2 字。")
            self.cut_label.setText(
                text.replace("%1", f"{SHOWN_CHARS:,}").replace("%2", f"{len(self.item.body):,}")
            )

    @property
    def body_is_cut(self) -> bool:
        """Whether only the opening of the item's body is shown."""
        return self.show_all_button.isVisibleTo(self)

    def show_whole_body(self) -> None:
        """Show the whole of a long body (the reader asked: it may take a moment)."""
        if self.item is None or not self.body_is_cut:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._show_body(self.item.body)
        finally:
            QApplication.restoreOverrideCursor()

    def update_item(self, item: StoredItem) -> None:
        """The same item changed elsewhere (star from the list): refresh without touching the
        note being typed."""
        if self.item is None or self.item.id != item.id:
            return
        self.item = item
        self._show_star(item.starred)
        self.refresh_marks()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh_marks()  # tints are mixed from the palette: light marks on dark text else

    def refresh_marks(self) -> None:
        """The watchlists (or the palette) changed: mark the shown item's words afresh."""
        if self.item is not None:
            self.meta.setText(self._meta_text(self.item))
            self._show_title(self.item.title or "")
            self._highlight_body()

    def _colours_of(self, mark: Mark, colours: Colours | None = None) -> tuple[str, str | None]:
        """(background, text colour or None to keep the palette's) of a mark."""
        colours = colours or Colours.for_palette(self.palette())
        if mark.colour == SEARCHED:
            return colours.highlight.name(), colours.on_highlight.name()
        return tint(mark.colour, self.palette().color(self.backgroundRole())).name(), None

    def _marks(self, text: str) -> list[Mark]:
        assert self.item is not None
        return marks(text, self.item, self.terms, self.watchlists)

    def _show_title(self, title: str) -> None:
        """Plain text; with words marked, escaped rich text (file text stays text)."""
        found = self._marks(title)
        if not found:
            self.title.setTextFormat(Qt.TextFormat.PlainText)
            self.title.setText(title)
            return
        parts, last = [], 0
        for mark in found:
            background, foreground = self._colours_of(mark)
            style = f"background:{background};" + (f"color:{foreground};" if foreground else "")
            parts.append(html.escape(title[last : mark.start]))
            parts.append(
                f"<span style='{style}'>{html.escape(title[mark.start : mark.end])}</span>"
            )
            last = mark.end
        parts.append(html.escape(title[last:]))
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setText("".join(parts))

    def _highlight_body(self) -> None:
        selections = []
        colours = Colours.for_palette(self.palette())
        for mark in self._marks(self._body_text[:MARKED_CHARS])[:MAX_MARKS]:
            start, end = mark.start, mark.end
            background, foreground = self._colours_of(mark, colours)
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(QColor(background))
            if foreground:
                selection.format.setForeground(QColor(foreground))
            cursor = QTextCursor(self.body.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.body.setExtraSelections(selections)

    @property
    def highlighted(self) -> int:
        """How many places of the body are highlighted."""
        return len(self.body.extraSelections())

    def _meta_text(self, item: StoredItem) -> str:
        time = item.time  # not strftime: it imports the time module at every call
        parts = [f"{time.date().isoformat()} {time.hour:02d}:{time.minute:02d}"]
        if item.time.date() != item.day:
            parts.append(tr("（%1 电报）").replace("%1", item.day.isoformat()))
        parts.append(tr("加红") if item.level is Level.IMPORTANT else tr("普通"))
        if item.column:
            parts.append(tr("付费栏目预告：") + item.column)
        lit = lit_watchlists(item, self.watchlists)
        if lit:
            parts.append(tr("关注：") + "、".join(watchlist.name for watchlist in lit))
        return "  ·  ".join(parts)

    def _show_star(self, starred: bool) -> None:
        self.star_button.blockSignals(True)
        self.star_button.setChecked(starred)
        self.star_button.blockSignals(False)
        text = tr("★ 已加星标") if starred else tr("☆ 加星标")
        if self.star_button.text() != text:  # a new text is a new layout of the note bar
            self.star_button.setText(text)
        self.star_button.setToolTip(tr("加星标 / 取消星标（S）"))

    def _star_clicked(self, checked: bool) -> None:
        if self.item is not None:
            self.star_toggled.emit(self.item.id, checked)

    # ---- the note ------------------------------------------------------------------------

    def _note_edited(self) -> None:
        self._note_dirty = True
        self.note_state.setText(tr("正在保存…"))
        self._note_timer.start()

    def flush_note(self) -> None:
        """Hand the note to `save_note` now if it changed (on a timer, on switching items, on
        closing); it shows as being saved until `show_note_state` says how the write went."""
        self._note_timer.stop()
        if self._note_dirty and self.item is not None:
            self._note_dirty = False
            self._save_note(self.item.id, self.note.toPlainText())
            self.show_note_state(SAVING)
        if self._retry is not None:
            self._retry()

    def show_note_state(self, state: str, reason: str = "") -> None:
        """SAVING, SAVED, FAILED (with why) or "" for a note untouched since it was shown."""
        if self._note_dirty:
            return  # typing goes on: the next save will tell
        text = {
            SAVING: tr("正在保存…"),
            SAVED: tr("已保存"),
            FAILED: tr("未保存（%1），会自动重试；关闭窗口时也会保留").replace("%1", reason),
        }.get(state, "")
        self.note_state.setText(text)
        self.note_state.setProperty("state", state)
        self.note_state.setStyleSheet("color: #c62828;" if state == FAILED else "")

    # ---- reading comfort -----------------------------------------------------------------

    @property
    def point_size(self) -> int:
        return self._point_size

    def set_point_size(self, size: int) -> None:
        self._point_size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        for widget, scale, bold in (
            (self.body, 1.0, False),
            (self.note, 1.0, False),
            (self.title, 1.3, True),
            (self.meta, 0.85, False),
            (self.source, 0.85, False),
        ):
            font = QFont(widget.font())
            font.setPointSizeF(self._point_size * scale)
            font.setBold(bold)
            if widget is not self.note:
                # as the timeline's rows: Chinese needs no shaping, and shaping was a fifth
                # of showing an item (3.0 of 15.1 M instructions, text laid out and painted)
                font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
            widget.setFont(font)

    def page_down(self) -> None:
        bar = self.body.verticalScrollBar()
        bar.triggerAction(bar.SliderAction.SliderPageStepAdd)
