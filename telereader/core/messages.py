"""Words for every problem a user can meet, in Chinese (the default) and English.

The core reports problems as codes with parameters; this module is the one place that words them,
so the command line and the window say the same thing.
"""

from __future__ import annotations

import os

# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
if TYPE_CHECKING:  # model (its enums and dataclasses) is not needed to word a sentence
    from telereader.core.model import Problem

SUPPORTED = ("zh", "en")

_CATALOG: dict[str, tuple[str, str]] = {
    # refusals: the whole file is not imported
    "empty_file": ("文件是空的", "the file is empty"),
    "not_text": (
        "不是文本文件（像是 {format} 文件）",
        "not a text file (it looks like a {format} file)",
    ),
    "binary": ("不是文本文件（含有二进制数据）", "not a text file (it contains binary data)"),
    "undecodable": (
        "无法识别文本编码（不是 UTF-8、GB18030 或 UTF-16）",
        "the text encoding is not recognised (not UTF-8, GB18030 or UTF-16)",
    ),
    "not_digest": (
        "不是财联社电报文件：既没有标题行，也没有 **[HH:MM]** 条目行",
        "not a telegraph digest: no header line and no **[HH:MM]** item lines",
    ),
    "no_digest_date": (
        "无法确定电报日期：没有标题行，文件名中也没有日期",
        "no digest date: the file has no header line and its name holds no date",
    ),
    "too_large": (
        "文件太大（{size}，上限 {limit}），不像是电报或导出文件",
        "the file is too large to be a digest or an export ({size}; the limit is {limit})",
    ),
    "unreadable": ("无法读取文件：{error}", "cannot read the file: {error}"),
    "not_found": ("文件或文件夹不存在", "no such file or folder"),
    "not_regular": ("不是普通文件", "not a regular file"),
    "folder_loop": ("文件夹链接形成循环，已跳过", "a folder link loops back on itself; skipped"),
    # warnings: the file is imported, this part of it is not
    "impossible_time": (
        "时间 {time} 不存在，已跳过这一条",
        "impossible time {time}; the item was skipped",
    ),
    "orphan_text": (
        "这行文字不属于任何条目，已忽略",
        "a text line that belongs to no item; ignored",
    ),
    "truncated_char": (
        "最后一行在字符中间被截断，已去掉残缺的字节",
        "the last line is cut inside a character; the broken bytes were dropped",
    ),
    "unknown_level": (
        "未知的级别「{level}」，按普通电报读取",
        "unknown level “{level}”; read as a normal digest",
    ),
    "bad_window": (
        "统计周期行无法识别，按 05:30 分界",
        "the 统计周期 line is not understood; using 05:30 as the day boundary",
    ),
    # import hardening (issue 12): dates the app cannot hold, a file that fails, padded captures
    "impossible_date": (
        "标题行的日期 {date} 不存在，无法确定电报日期",
        "the header's date {date} does not exist, so the digest day is unknown",
    ),
    "date_out_of_range": (
        "标题行的日期 {date} 超出可接受的范围（{first} 至 {last}）",
        "the header's date {date} is outside the dates this app holds ({first} to {last})",
    ),
    "store_failed": (
        "这个文件没能导入（{error}）；资料库未作改动，其他文件照常导入",
        "this file could not be imported ({error}); the library was not changed by it and the "
        "other files were imported as usual",
    ),
    "worker_died": (
        "解析这个文件的工作进程两次意外终止（内存不足被系统结束，或程序崩溃），单独重试也一样；"
        "这个文件没有导入，资料库未作改动，其他文件照常导入",
        "the worker process parsing this file died twice (killed for lack of memory, or a "
        "crash), also when the file was tried alone; it was not imported, the library was not "
        "changed by it and the other files were imported as usual",
    ),
    "nul_padding": (
        "文件末尾是 {count} 个空字节（多半是崩溃后留下的），已读到空字节之前为止",
        "the file ends in {count} NUL bytes (likely left by a crash); it was read up to them",
    ),
    # the library itself
    "newer_library": (
        "资料库 {path} 由更新版本的 telereader 创建（结构版本 {found}，本程序支持到 {known}），"
        "为保护数据未作任何改动；请升级 telereader",
        "the library {path} was written by a newer telereader (schema {found}, this app knows up "
        "to {known}); it was left untouched: please upgrade telereader",
    ),
    "not_a_library": (
        "{path} 不是 telereader 资料库（不是 SQLite 数据库）；打开窗口可新建资料库，原文件会保留",
        "{path} is not a telereader library (it is not an SQLite database); open the window to "
        "start a new library (the file is kept)",
    ),
    "library_damaged": (
        "资料库 {path} 已损坏（{error}）；打开窗口可从自动备份恢复或新建资料库，原文件会保留",
        "the library {path} is damaged ({error}); open the window to restore the latest "
        "automatic backup or start a new library (the file is kept)",
    ),
    "disk_full": (
        "磁盘已满，资料库 {path} 写不进去；这次的改动没有保存，已有的内容完好。请腾出空间后再试",
        "the disk is full: the library {path} could not be written; this change was not saved "
        "and what was there is intact. Free some space and try again",
    ),
    "library_read_only": (
        "资料库 {path} 所在位置是只读的，无法写入（{error}）；已有的内容完好。"
        "请检查文件夹权限，或用 --data-dir 换一个位置",
        "the library {path} is read-only here ({error}); nothing was changed. Check the "
        "folder's permissions, or choose another place with --data-dir",
    ),
    "library_unavailable": (
        "无法打开资料库 {path}：{error}",
        "cannot open the library {path}: {error}",
    ),
    # opening the library: what it is, when it is not damage (issue 12, point 2)
    "library_busy": (
        "资料库 {path} 正被另一个程序占用（它锁住了文件）；没有做任何改动。请关闭那个程序后再试",
        "the library {path} is in use by another program (it holds the file's lock); nothing "
        "was changed. Close that program and try again",
    ),
    "data_dir_not_folder": (
        "资料库文件夹 {path} 不是文件夹，而是一个文件；请移走它，或用 --data-dir 换一个位置",
        "the library folder {path} is a file, not a folder; move it away, or choose another "
        "place with --data-dir",
    ),
    "data_dir_link_broken": (
        "资料库文件夹 {path} 是一个指向自身或不存在位置的链接；请修正它，或用 --data-dir 换一个位置",
        "the library folder {path} is a link that loops or leads nowhere; fix it, or choose "
        "another place with --data-dir",
    ),
    "recovery_no_space": (
        "磁盘空间不够：保留原资料库的副本并新建资料库需要 {needed}，只剩 {free}；没有做任何改动",
        "not enough disk space to keep a copy of the library and start a new one ({needed} "
        "needed, {free} free); nothing was changed",
    ),
    "watch_no_name": ("关注列表需要一个名字", "a watchlist needs a name"),
    "watch_name_taken": (
        "已经有名为「{name}」的关注列表",
        "there is already a watchlist named “{name}”",
    ),
    "watch_unknown": ("没有名为「{name}」的关注列表", "there is no watchlist named “{name}”"),
    "backup_unreadable": ("无法读取备份 {path}：{error}", "cannot read the backup {path}: {error}"),
    "backup_not_ours": ("{path} 不是 telereader 备份文件", "{path} is not a telereader backup"),
    "backup_newer": (
        "备份 {path} 由更新版本的 telereader 写成，请先升级",
        "the backup {path} was written by a newer telereader; please upgrade first",
    ),
    # ---- exports and backups: what is written, and which backups are restored ----
    # a backup that is not whole: `field` is where in the file, as stars[2].item_id
    "backup_missing": (
        "备份 {path} 无法恢复：缺少「{field}」；没有做任何改动",
        "the backup {path} cannot be restored: “{field}” is missing; nothing was changed",
    ),
    "backup_expects_object": (
        "备份 {path} 无法恢复：「{field}」应当是一组键值（JSON 对象）；没有做任何改动",
        "the backup {path} cannot be restored: “{field}” should be a JSON object; "
        "nothing was changed",
    ),
    "backup_expects_list": (
        "备份 {path} 无法恢复：「{field}」应当是列表；没有做任何改动",
        "the backup {path} cannot be restored: “{field}” should be a list; nothing was changed",
    ),
    "backup_expects_text": (
        "备份 {path} 无法恢复：「{field}」应当是文字；没有做任何改动",
        "the backup {path} cannot be restored: “{field}” should be text; nothing was changed",
    ),
    "backup_expects_number": (
        "备份 {path} 无法恢复：「{field}」应当是整数；没有做任何改动",
        "the backup {path} cannot be restored: “{field}” should be a whole number; "
        "nothing was changed",
    ),
    "backup_expects_date": (
        "备份 {path} 无法恢复：「{field}」应当是 2026-01-14 这样的日期；没有做任何改动",
        "the backup {path} cannot be restored: “{field}” should be a date such as "
        "2026-01-14; nothing was changed",
    ),
    "backup_expects_time": (
        "备份 {path} 无法恢复：「{field}」应当是 2026-01-14T09:30:00 这样的时间；没有做任何改动",
        "the backup {path} cannot be restored: “{field}” should be a time such as "
        "2026-01-14T09:30:00; nothing was changed",
    ),
    "backup_expects_boolean": (
        "备份 {path} 无法恢复：「{field}」应当是 true 或 false；没有做任何改动",
        "the backup {path} cannot be restored: “{field}” should be true or false; "
        "nothing was changed",
    ),
    "backup_bad_regex": (
        "备份 {path} 无法恢复：「{field}」是 Python 无法使用的正则表达式；没有做任何改动",
        "the backup {path} cannot be restored: “{field}” is a regular expression Python "
        "refuses; nothing was changed",
    ),
    "backup_expects_colour": (
        "备份 {path} 无法恢复：「{field}」应当是 #1e88e5 这样的颜色；没有做任何改动",
        "the backup {path} cannot be restored: “{field}” should be a colour such as #1e88e5; "
        "nothing was changed",
    ),
    "backup_expects_name": (
        "备份 {path} 无法恢复：「{field}」应当是一行不含控制字符的名字；没有做任何改动",
        "the backup {path} cannot be restored: “{field}” should be a one-line name without "
        "control characters; nothing was changed",
    ),
    "backup_expects_kind": (
        "备份 {path} 无法恢复：「{field}」应当是 company 或 theme；没有做任何改动",
        "the backup {path} cannot be restored: “{field}” should be company or theme; "
        "nothing was changed",
    ),
    "backup_expects_flag": (
        "备份 {path} 无法恢复：「{field}」应当是 true 或 false；没有做任何改动",
        "the backup {path} cannot be restored: “{field}” should be true or false; "
        "nothing was changed",
    ),
    "backup_too_deep": (
        "备份 {path} 无法恢复：嵌套层数太多，不是 telereader 写的备份；没有做任何改动",
        "the backup {path} cannot be restored: it is nested too deeply to be a telereader "
        "backup; nothing was changed",
    ),
    # where an export or a backup is written: only a regular file is ever replaced
    "output_symlink": (
        "{path} 是指向 {target} 的符号链接；为安全起见不经链接写入，请直接写到目标文件",
        "{path} is a symbolic link to {target}; nothing is written through a link: name the "
        "target file itself",
    ),
    "output_folder": (
        "{path} 是一个文件夹，不能写成文件；请给出文件名",
        "{path} is a folder, not a file: give a file name",
    ),
    "output_fifo": (
        "{path} 是命名管道（FIFO），不是普通文件；没有写入。要写到标准输出请用 -o -",
        "{path} is a named pipe (FIFO), not a regular file; nothing was written. For standard "
        "output use -o -",
    ),
    "output_device": (
        "{path} 是设备文件，不是普通文件；没有写入",
        "{path} is a device file, not a regular file; nothing was written",
    ),
    "output_socket": (
        "{path} 是套接字，不是普通文件；没有写入",
        "{path} is a socket, not a regular file; nothing was written",
    ),
    "output_special": (
        "{path} 不是普通文件；没有写入",
        "{path} is not a regular file; nothing was written",
    ),
    "watch_bad_name": (
        "关注列表的名字「{name}」含有换行等控制字符；请用一行普通文字",
        "the watchlist name “{name}” holds a line break or another control character; "
        "use one line of plain text",
    ),
    "watch_bad_regex": (
        "正则表达式 {keyword} 有误：{reason_zh}；改正之前这个关注列表不会保存",
        "the regular expression {keyword} is wrong: {reason_en}; the watchlist is not saved "
        "until it is corrected",
    ),
    "saved_no_name": ("保存的搜索需要一个名字", "a saved search needs a name"),
    "saved_bad_name": (
        "保存的搜索的名字「{name}」含有换行等控制字符；请用一行普通文字",
        "the saved search name “{name}” holds a line break or another control character; "
        "use one line of plain text",
    ),
    "saved_name_taken": (
        "已经有名为「{name}」的保存的搜索",
        "there is already a saved search named “{name}”",
    ),
    "saved_unknown": ("没有名为「{name}」的保存的搜索", "there is no saved search named “{name}”"),
    "saved_empty_query": ("保存的搜索需要搜索词", "a saved search needs something to search"),
    # ---- end of exports and backups ----
    "unknown_item": ("没有编号为 {id} 的条目", "there is no item with id {id}"),
    "bad_day": (
        "无法识别日期「{day}」，请写成 2026-01-14 的形式",
        "“{day}” is not a date; write it as 2026-01-14",
    ),
    # ---- the command line: what its commands print ----
    "unrecognized_arguments": (
        "无法识别的参数：{arguments}",
        "unrecognized arguments: {arguments}",
    ),
    "operation_failed": ("操作失败：{error}", "the operation failed: {error}"),
    "bad_limit": (
        "应为 0 到 {limit} 之间的整数，而不是 {text}",
        "expected a whole number from 0 to {limit}, not {text}",
    ),
    "day_with_range": ("--day 不能与 --from/--to 同用", "--day cannot go with --from/--to"),
    "output_exists": (
        "{path} 已存在；加 --force 覆盖",
        "{path} exists; add --force to overwrite it",
    ),
    "auto_backup_failed": (
        "已保存，但自动备份没能写入：{error}",
        "saved, but the automatic backup could not be written: {error}",
    ),
    "search_index_rebuild": (
        "正在为新版本重建搜索索引：{done} / {total} 条",
        "rebuilding the search index for this version: {done} of {total} items",
    ),
    "window_disabled": ("窗口已被禁用", "the window is disabled"),
    "window_unavailable": ("无法加载窗口界面：{error}", "cannot load the window: {error}"),
    "library_compacted": (
        "已整理资料库，腾出 {mb} MB",
        "compacted the library: {mb} MB given back",
    ),
    "import_cancelled": (
        "已取消：正在导入的文件没有写入，之前的文件已完整导入",
        "cancelled: the file being imported was not written; the files before it are complete",
    ),
    "file_rejected": ("{path}：拒绝 — {reason}", "{path}: rejected — {reason}"),
    "file_unchanged": (
        "{head}：与上次导入相同，未变 {unchanged} 条",
        "{head}: same as imported before, {unchanged} unchanged",
    ),
    "file_imported": (
        "{head}：新增 {added}，更新 {updated}，未变 {unchanged}，合并重复 {folded}",
        "{head}: {added} added, {updated} updated, {unchanged} unchanged, {folded} folded",
    ),
    "import_total": (
        "共 {files} 个文件：新增 {added} 条，更新 {updated} 条，拒绝 {rejected} 个文件",
        "{files} files: {added} items added, {updated} updated, {rejected} files rejected",
    ),
    "follow_started": (
        "正在跟踪 {folders}（每 {seconds} 秒查看一次），按 Ctrl+C 停止",
        "following {folders} (a look every {seconds} s); Ctrl+C stops",
    ),
    "follow_stopped": ("已停止跟踪", "stopped following"),
    "level_important": ("加红", "important"),
    "level_normal": ("普通", "normal"),
    "library_empty": (
        "资料库是空的：先用 telereader import 导入电报文件",
        "the library is empty: import digest files with telereader import",
    ),
    "day_row": (
        "{day}  {items:5} 条  加红 {important:4}  星标 {starred:4}  未读 {unread:5}",
        "{day}  {items:5} items  {important:4} important  {starred:4} starred  {unread:5} unread",
    ),
    "no_items_on": ("{day} 没有条目", "no items on {day}"),
    "no_movers": ("{day} 至 {to} 没有异动个股", "no movers from {day} to {to}"),
    "no_related": ("没有找到相关条目", "no related items found"),
    "why_wording": ("措辞相近", "similar wording"),
    "no_names": ("没有找到公司或题材", "no companies or themes found"),
    "name_kind_company": ("公司", "company"),
    "name_kind_theme": ("题材", "theme"),
    "name_state_added": ("已添加", "added"),
    "name_state_hidden": ("已隐藏", "hidden"),
    "name_state_alias": ("别名", "alias"),
    "not_a_name": ("不是一个名称：{name}", "not a name: {name}"),
    "name_changed_add": (
        "已添加 {name}（{days} 天提到它，已写入）",
        "added {name} (named on {days} days, written at once)",
    ),
    "name_changed_hide": (
        "已隐藏 {name}（重新提取 {days} 天）",
        "hid {name} ({days} days read again)",
    ),
    "name_changed_alias": (
        "已把 {name} 作为别名（{days} 天提到它，已写入）",
        "{name} is now an alias (named on {days} days, written at once)",
    ),
    "name_changed_forget": (
        "已撤销对 {name} 的修改（重新提取 {days} 天）",
        "undid your change of {name} ({days} days read again)",
    ),
    "markets_progress": (
        "正在提取异动与名称：{done}/{total} 天",
        "extracting movers and names: {done}/{total} days",
    ),
    "item_source": ("来源：{source}", "source: {source}"),
    "item_note": ("笔记：{note}", "note: {note}"),
    "item_digest_day": ("电报日", "digest day"),
    "search_total": (
        "共 {total} 条匹配，用时 {elapsed_ms:.1f} 毫秒",
        "{total} matches in {elapsed_ms:.1f} ms",
    ),
    "words_catching_up": (
        "正在统计词语：{done}/{pending} 天",
        "counting words: {done} of {pending} days",
    ),
    "words_none": (
        "没有达到次数的词（可用 --min-count 放宽）",
        "no word reaches the minimum count (see --min-count)",
    ),
    "words_range_backwards": ("--to 早于起始日期", "--to is before the first day"),
    "saved_and_query": (
        "--saved 运行保存的搜索自己的搜索词，不能再给搜索词",
        "--saved runs the saved search's own query: give no query with it",
    ),
    "no_saved_searches": (
        "还没有保存的搜索（在窗口中搜索后按 保存搜索）",
        "no saved searches yet (search in the window, then Save search)",
    ),
    "saved_row": ("{name}（未读 {unread} / 共 {total}）：{query}", "{name} ({unread} unread of {total}): {query}"),
    "trend_total": ("共 {total} 条", "{total} items"),
    "trend_needs_query": ("请给出搜索词或 --watch 关注列表", "give a query or --watch LIST"),
    "watch_summary": (
        "{name}：{keywords} 个关键词，命中 {hits} 条",
        "{name}: {keywords} keywords, {hits} hits",
    ),
    "no_watchlists": (
        "还没有关注列表：用 telereader watch add 列表名 关键词 新建",
        "no watchlists yet: create one with telereader watch add LIST KEYWORD",
    ),
    "watch_no_keywords": ("（无关键词）", "(no keywords)"),
    "watch_row": ("{name}（命中 {hits}）：{keywords}", "{name} ({hits} hits): {keywords}"),
    "hits_total": ("共命中 {total} 条", "{total} hits"),
    "restore_summary": (
        "恢复了 {stars} 个星标、{notes} 条笔记、{reads} 个已读标记、{watchlists} 个关注列表、"
        "{saved_searches} 个保存的搜索、{names} 处对公司与题材名称的修改；"
        "{waiting} 个条目尚未导入，导入其日期后自动关联",
        "restored {stars} stars, {notes} notes, {reads} read marks, {watchlists} watchlists, "
        "{saved_searches} saved searches, {names} changes to market names; "
        "{waiting} items are not in this library yet and attach when their day is imported",
    ),
    "desktop_linux_only": (
        "只在 Linux 上需要安装菜单项",
        "the menu entry is installed on Linux only",
    ),
    "desktop_removed": ("已移除 {count} 个文件", "removed {count} files"),
    "desktop_installed": (
        "已安装 {count} 个文件；菜单里可找到 telereader，Markdown 文件可“用 telereader 打开”",
        "installed {count} files; telereader is in the menu and opens Markdown files",
    ),
}

_LINE_PREFIX = ("第 {line} 行：", "line {line}: ")


def current_language() -> str:
    """`TELEREADER_LANG`, else the locale: English for an English locale, Chinese otherwise."""
    explicit = os.environ.get("TELEREADER_LANG", "").strip().lower()
    if explicit[:2] in SUPPORTED:
        return explicit[:2]
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def pick(pair: tuple[str, str], language: str | None = None) -> str:
    """The half of a (Chinese, English) pair in `language`, else the reader's language."""
    return pair[1] if (language or current_language()) == "en" else pair[0]


def _fill(template: str, params: dict[str, object]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def sentence(code: str, language: str | None = None, /, **params: object) -> str:
    """The catalogue's sentence `code` in `language` (else the reader's), with its {params}."""
    return _fill(pick(_CATALOG.get(code, (code, code)), language), params)


def render(problem: Problem, language: str | None = None) -> str:
    text = sentence(problem.code, language, **problem.params)
    if problem.line is not None:
        text = pick(_LINE_PREFIX, language).format(line=problem.line) + text
    return text


def describe(error: BaseException, language: str | None = None) -> str:
    """The reader's one sentence for any error: the core's wording of its problem when it has
    one (a refused file, a library that cannot be used), else what the system says."""
    from telereader.core.kinds import Problem

    problem = getattr(error, "problem", None)
    if isinstance(problem, Problem):
        return render(problem, language)
    if isinstance(error, OSError) and error.strerror:
        return f"{error.filename}: {error.strerror}" if error.filename else error.strerror
    return str(error) or type(error).__name__
