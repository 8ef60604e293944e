"""ONE table of the window's actions: menus, key bindings and Help → Keyboard shortcuts are all
built from it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QWidget

from telereader.app.i18n import QT_TR_NOOP, tr

Key = str | QKeySequence.StandardKey

# (id, title) of the menus, in the menu bar's order
MENUS = (
    ("file", QT_TR_NOOP("文件(&F)")),
    ("item", QT_TR_NOOP("条目(&I)")),
    ("watch", QT_TR_NOOP("关注(&W)")),
    ("view", QT_TR_NOOP("查看(&V)")),
    ("help", QT_TR_NOOP("帮助(&H)")),
)


@dataclass(frozen=True)
class Action:
    id: str  # the QAction's object name
    slot: str  # the window's method it calls
    args: tuple = ()
    text: str = ""  # QT_TR_NOOP: the menu entry ("" for a key binding only)
    menu: str = ""  # one of MENUS, or "" for no menu
    shortcuts: tuple[Key, ...] = ()  # the menu entry's shortcuts, window-wide
    keys: tuple[str, ...] = ()  # single keys in the list and the item text, never while typing
    list_keys: tuple[Key, ...] = ()  # keys in the item list only (the text keeps its own Ctrl+C)
    window_keys: tuple[str, ...] = ()  # keys anywhere in the window
    help_keys: str = ""  # the keys as Help → Keyboard shortcuts lists them ("": not listed)
    help: str = ""  # QT_TR_NOOP: what they do there (else `text`)
    help_row: int = 0  # the row in Help → Keyboard shortcuts
    separator: bool = False  # a separator before it in its menu


ACTIONS: tuple[Action, ...] = (
    Action("import_files", "choose_files", text=QT_TR_NOOP("导入文件…"), menu="file",
           shortcuts=("Ctrl+O",), help_keys="Ctrl+O", help=QT_TR_NOOP("导入文件"), help_row=16),
    Action("import_folder", "choose_folder", text=QT_TR_NOOP("导入文件夹…"), menu="file",
           shortcuts=("Ctrl+Shift+O",), help_keys="Ctrl+Shift+O",
           help=QT_TR_NOOP("导入文件夹"), help_row=17),
    Action("follow_folders", "choose_followed_folders", text=QT_TR_NOOP("自动导入文件夹…"),
           menu="file"),
    Action("export", "show_export", text=QT_TR_NOOP("导出…"), menu="file", separator=True,
           shortcuts=("Ctrl+E",), help_keys="Ctrl+E", help=QT_TR_NOOP("导出"), help_row=15),
    Action("delete_day", "delete_day", text=QT_TR_NOOP("删除这一天…"), menu="file",
           separator=True),
    Action("back_up", "back_up", text=QT_TR_NOOP("备份笔记和星标…"), menu="file",
           separator=True),
    Action("restore", "restore", text=QT_TR_NOOP("从备份恢复…"), menu="file"),
    Action("quit", "close", text=QT_TR_NOOP("退出"), menu="file", separator=True,
           shortcuts=(QKeySequence.StandardKey.Quit,), help_keys="Ctrl+Q", help_row=20),
    Action("star", "toggle_star", text=QT_TR_NOOP("加星标 / 取消星标"), menu="item",
           keys=("S",), help_keys="S", help_row=5),
    Action("note", "focus_note", text=QT_TR_NOOP("写笔记"), menu="item", keys=("N",),
           help_keys="N", help_row=6),
    Action("mark_day_read", "mark_day_read", text=QT_TR_NOOP("当天全部标为已读"), menu="item",
           shortcuts=("Ctrl+Shift+R",), help_keys="Ctrl+Shift+R", help_row=12),
    Action("watch_view", "show_watch_view", text=QT_TR_NOOP("关注命中"), menu="watch",
           shortcuts=("Ctrl+Shift+H",), help_keys="Ctrl+Shift+H",
           help=QT_TR_NOOP("关注命中：所有关注列表的命中，最新在前"), help_row=13),
    Action("watchlists", "edit_watchlists", text=QT_TR_NOOP("管理关注列表…"), menu="watch",
           shortcuts=("Ctrl+Shift+L",), help_keys="Ctrl+Shift+L",
           help=QT_TR_NOOP("管理关注列表"), help_row=14),
    Action("previous_day", "previous_day", text=QT_TR_NOOP("前一个有电报的日子"), menu="view",
           keys=("[",), help_keys="[ / ]", help=QT_TR_NOOP("上一个 / 下一个有电报的日子"),
           help_row=9),
    Action("next_day", "next_day", text=QT_TR_NOOP("后一个有电报的日子"), menu="view",
           keys=("]",)),
    Action("newest_day", "go_to_newest_day", text=QT_TR_NOOP("最新一天"), menu="view",
           shortcuts=("Ctrl+End",), help_keys="Ctrl+End", help=QT_TR_NOOP("跳到最新一天"),
           help_row=10),
    Action("starred_view", "show_across_view", ("starred",), text=QT_TR_NOOP("所有星标"),
           menu="view", separator=True, shortcuts=("Ctrl+Shift+S",), help_keys="Ctrl+Shift+S",
           help=QT_TR_NOOP("所有星标：所有加了星标的条目，最新在前"), help_row=13),
    Action("notes_view", "show_across_view", ("notes",), text=QT_TR_NOOP("所有笔记"),
           menu="view", shortcuts=("Ctrl+Shift+N",), help_keys="Ctrl+Shift+N",
           help=QT_TR_NOOP("所有笔记：所有写了笔记的条目和笔记，最新在前"), help_row=13),
    Action("save_search", "save_current_search", text=QT_TR_NOOP("保存当前搜索…"), menu="view",
           separator=True, shortcuts=("Ctrl+Shift+D",), help_keys="Ctrl+Shift+D",
           help=QT_TR_NOOP("把当前搜索和筛选保存为一个保存的搜索"), help_row=27),
    Action("saved_searches", "focus_saved_searches", text=QT_TR_NOOP("保存的搜索"), menu="view",
           shortcuts=("Ctrl+Shift+J",), help_keys="Ctrl+Shift+J",
           help=QT_TR_NOOP("到保存的搜索列表：回车打开，F2 重命名，Delete 删除，Alt+↑/↓ 调整顺序"),
           help_row=28),
    Action("names_view", "show_names", text=QT_TR_NOOP("公司与题材…"), menu="view",
           shortcuts=("Ctrl+Shift+C",), help_keys="Ctrl+Shift+C",
           help=QT_TR_NOOP("公司与题材：按条数列出，选一个看它跨日的所有条目和异动"), help_row=29),
    Action("zoom_in", "zoom", (+1,), text=QT_TR_NOOP("放大字号"), menu="view", separator=True,
           shortcuts=("Ctrl+=", QKeySequence.StandardKey.ZoomIn),
           help_keys="Ctrl+= / Ctrl+- / Ctrl+0", help=QT_TR_NOOP("放大 / 缩小 / 还原字号"),
           help_row=11),
    Action("zoom_out", "zoom", (-1,), text=QT_TR_NOOP("缩小字号"), menu="view",
           shortcuts=(QKeySequence.StandardKey.ZoomOut,)),
    Action("zoom_reset", "zoom", (0,), text=QT_TR_NOOP("还原字号"), menu="view",
           shortcuts=("Ctrl+0",)),
    Action("shortcuts", "show_shortcuts", text=QT_TR_NOOP("键盘快捷键"), menu="help",
           shortcuts=(QKeySequence.StandardKey.HelpContents,), help_keys="F1", help_row=19),
    Action("about", "show_about", text=QT_TR_NOOP("关于 telereader"), menu="help"),
    # key bindings without a menu entry
    Action("next_item", "move_selection", (+1,), keys=("J",), help_keys="J / ↓",
           help=QT_TR_NOOP("下一条"), help_row=1),
    Action("previous_item", "move_selection", (-1,), keys=("K",), help_keys="K / ↑",
           help=QT_TR_NOOP("上一条"), help_row=2),
    Action("page_down", "page_down", keys=("Space",), help_keys="Space",
           help=QT_TR_NOOP("时间线向下翻一页；已到底：下一条（当天最后一条：后一天）"), help_row=3),
    Action("enter", "enter", keys=("Return", "Enter"), help_keys="Enter",
           help=QT_TR_NOOP("进入详情正文；在搜索结果中：打开所在日"), help_row=4),
    Action("search", "focus_search", text=QT_TR_NOOP("搜索全部电报"), menu="view", keys=("/",),
           window_keys=("Ctrl+F",), help_keys="/ , Ctrl+F", help_row=7),
    Action("escape", "escape", window_keys=("Esc",), help_keys="Esc",
           help=QT_TR_NOOP("回到条目列表；搜索中：回到当天"), help_row=8),
    Action("toggle_read", "toggle_read", text=QT_TR_NOOP("标为已读 / 未读"), menu="item",
           keys=("U",), help_keys="U", help_row=21),
    Action("next_unread", "next_unread", text=QT_TR_NOOP("下一条未读（跨日）"), menu="item",
           keys=(".",), help_keys=".", help_row=22),
    Action("next_new", "next_new", text=QT_TR_NOOP("下一条新条目（跨日）"), menu="item",
           keys=("X",), help_keys="X",
           help=QT_TR_NOOP("下一条新条目：上次看这一天之后新来的（跨日）"), help_row=22),
    Action("copy_items", "copy_items", text=QT_TR_NOOP("复制所选条目为文本"), menu="item",
           list_keys=(QKeySequence.StandardKey.Copy,), help_keys="Ctrl+C", help_row=23),
    Action("go_back", "go_back", text=QT_TR_NOOP("返回列表"), menu="view", separator=True,
           shortcuts=("Alt+Left",), help_keys="Alt+← / Esc",
           help=QT_TR_NOOP("打开搜索结果、关注命中或星标中的一条后：回到那个列表，位置不变"),
           help_row=8),
    Action("page_up", "page_up", keys=("Shift+Space",), help_keys="Shift+Space",
           help=QT_TR_NOOP("时间线向上翻一页"), help_row=3),
    Action("toggle_calendar", "toggle_calendar", text=QT_TR_NOOP("显示日历"), menu="view",
           separator=True, shortcuts=("F9",), help_keys="F9", help=QT_TR_NOOP("显示 / 收起日历"),
           help_row=24),
    Action("newest_first", "toggle_order", text=QT_TR_NOOP("当天最新在前"), menu="view",
           shortcuts=("Ctrl+Shift+T",), help_keys="Ctrl+Shift+T",
           help=QT_TR_NOOP("当天的时间线：最新在前 / 最早在前"), help_row=25),
    Action("movers", "show_movers", text=QT_TR_NOOP("当天异动个股…"), menu="view",
           separator=True, shortcuts=("Ctrl+Shift+M",), help_keys="Ctrl+Shift+M",
           help=QT_TR_NOOP("当天异动：按题材列出异动个股，单击打开电报"), help_row=26),
    Action("toggle_similar", "toggle_similar", text=QT_TR_NOOP("展开 / 收起相似条目"), menu="item",
           keys=("=",), help_keys="=",
           help=QT_TR_NOOP("展开 / 收起同一消息的相似条目（也可单击“另有 N 条相似”）"), help_row=23),
    Action("fold_similar", "toggle_fold_similar", text=QT_TR_NOOP("折叠相似条目"), menu="view"),
)  # fmt: skip

# the list's context menu, in its order
LIST_MENU = ("star", "note", "toggle_read", "copy_items", "mark_day_read", "export")


def shortcut_help() -> list[tuple[str, str]]:
    """(keys, what they do, untranslated) for Help → Keyboard shortcuts, in its order."""
    listed = sorted((a for a in ACTIONS if a.help_keys), key=lambda a: a.help_row)
    return [(a.help_keys, a.help or a.text) for a in listed]


def _call(window: QObject, action: Action):
    method = getattr(window, action.slot)
    # a lambda: `triggered` passes a checked flag, which must not arrive as an argument
    return lambda *_ignored: method(*action.args)


def build_actions(
    window: QMainWindow, reading_widgets: tuple[QWidget, ...], context_list: QWidget
) -> tuple[dict[str, QAction], list[QShortcut]]:
    """Menus and QActions, the list's context menu and the QShortcuts, all from ACTIONS."""
    menus = {key: window.menuBar().addMenu(tr(title)) for key, title in MENUS}
    actions: dict[str, QAction] = {}
    shortcuts: list[QShortcut] = []
    for action in ACTIONS:
        if action.menu:
            qaction = QAction(tr(action.text) + _menu_keys(action), window)
            qaction.setObjectName(action.id)
            if action.shortcuts:
                qaction.setShortcuts([QKeySequence(key) for key in action.shortcuts])
            qaction.triggered.connect(_call(window, action))
            if action.separator:
                menus[action.menu].addSeparator()
            menus[action.menu].addAction(qaction)
            actions[action.id] = qaction
        for widget in reading_widgets:
            for key in action.keys:
                shortcuts.append(_shortcut(key, widget, Qt.ShortcutContext.WidgetShortcut))
                shortcuts[-1].activated.connect(_call(window, action))
        for key in action.list_keys:
            shortcuts.append(_shortcut(key, context_list, Qt.ShortcutContext.WidgetShortcut))
            shortcuts[-1].activated.connect(_call(window, action))
        for key in action.window_keys:
            shortcuts.append(_shortcut(key, window, Qt.ShortcutContext.WindowShortcut))
            shortcuts[-1].activated.connect(_call(window, action))
    for action_id in LIST_MENU:
        context_list.addAction(actions[action_id])
    return actions, shortcuts


def _menu_keys(action: Action) -> str:
    """The keys bound only where the reader reads (S, N, [, ], /, Ctrl+C in the list), shown in
    the menu entry's shortcut column after a tab: a QAction shortcut would be window-wide and
    would star while the reader types an s in the search box or the note."""
    if action.shortcuts:
        return ""  # the QAction shows its own
    keys = action.keys or action.list_keys
    if not keys:
        return ""
    return "\t" + QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)


def _shortcut(key: Key, parent: QWidget, context: Qt.ShortcutContext) -> QShortcut:
    shortcut = QShortcut(QKeySequence(key), parent)
    shortcut.setContext(context)
    return shortcut
