"""What readers take out of the app: chosen items as Markdown, CSV, JSON or HTML.

The Markdown is the digest format itself, a digest per day (and a 加红 digest for the day's
important items), notes as quotes under their item: importing an export into an empty library
gives back the same items with the same ids, and it reads well in Obsidian or Typora.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from collections.abc import Iterable, Sequence
from itertools import groupby

from telereader.core.filters import ItemFilter
from telereader.core.kinds import Kind, Level
from telereader.core.mdescape import escape_markup
from telereader.core.parse import DEFAULT_BOUNDARY
from telereader.core.store import Store, StoredItem

FORMATS = ("md", "csv", "json", "html")
CSV_COLUMNS = ("day", "time", "title", "body", "source", "level", "kind", "watchlists", "starred",
               "note")  # fmt: skip


def selected(store: Store, item_filter: ItemFilter) -> list[StoredItem]:
    """The items to export, in reading order (day, time, file order)."""
    conditions, params = item_filter.sql()
    return store.items_where(conditions, params)


def export(items: Sequence[StoredItem], fmt: str) -> str:
    """Every format goes in reading order, whatever order the items came in (search results by
    relevance, hits newest first)."""
    ordered = sorted(items, key=lambda item: item.reading_order)
    return {"md": to_markdown, "csv": to_csv, "json": to_json, "html": to_html}[fmt](ordered)


# ---- Markdown: the digest format -----------------------------------------------------------------


def to_markdown(items: Iterable[StoredItem]) -> str:
    parts = []
    for day, group in groupby(items, key=lambda item: item.day):
        day_items = list(group)
        parts.append(_digest(day, "普通", day_items, notes=True))
        important = [item for item in day_items if item.level is Level.IMPORTANT]
        if important:
            parts.append(_digest(day, "加红", important, notes=False))
    return "\n".join(parts)


def _digest(day: dt.date, level: str, items: list[StoredItem], notes: bool) -> str:
    boundary = _boundary(day, items)
    lines = [
        f"# 财联社【{level}】电报 - {day.isoformat()}",
        f"> 统计周期：{day.isoformat()} {boundary:%H:%M} 至次日 {boundary:%H:%M}",
        "",
        "---",
        "",
    ]
    for item in items:
        lines.append(f"**[{item.time:%H:%M}]** {escape_markup(content_text(item))}")
        if notes and item.note:
            lines.append("")
            lines.extend(
                f"> {escape_markup(line)}" if line.strip() else ">"
                for line in item.note.splitlines()
            )
        lines.append("")
    return "\n".join(lines)


def content_text(item: StoredItem) -> str:
    """Title and body as the digest writes them (a teaser with its column)."""
    if item.kind is Kind.TEASER and item.column:
        inner = f"【{item.column}】{item.title or ''}"
        return f"【{inner}】{item.body}" if item.title is not None else f"【{inner}{item.body}"
    return f"【{item.title}】{item.body}" if item.title is not None else item.body


def _boundary(day: dt.date, items: list[StoredItem]) -> dt.time:
    """The day-window boundary that puts every item back on its own date: 05:30 unless the
    items say otherwise (the digest they came from had another window)."""
    same_day = [item.time.time() for item in items if item.time.date() == day]
    next_day = [item.time.time() for item in items if item.time.date() != day]
    fits = all(t >= DEFAULT_BOUNDARY for t in same_day) and all(
        t < DEFAULT_BOUNDARY for t in next_day
    )
    if fits or not same_day:
        return DEFAULT_BOUNDARY
    return min(same_day)


# ---- CSV, JSON, HTML --------------------------------------------------------------------------------


# A cell a spreadsheet would take as a formula (OWASP "CSV injection"): one that starts with
# = + - @, a tab or a carriage return, also after leading spaces (some programs trim them).
_FORMULA_START = re.compile(r"[\t\r]|\s*[=+\-@]")
# A plain negative number or percentage is only a number: nothing to run, and a quote before it
# would stop it being one.
_PLAIN_NUMBER = re.compile(r"-\d+(?:\.\d+)?%?")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def csv_cell(value: str) -> str:
    """`value` as a spreadsheet shows it and never runs it: a cell that would start a formula
    gets a leading single quote (the value itself follows unchanged)."""
    if _FORMULA_START.match(value) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def to_csv(items: Iterable[StoredItem]) -> str:
    """UTF-8 with a BOM, so that Excel opens Chinese correctly; one row per item; no cell runs
    as a formula (`csv_cell`); watchlist names stay on one line."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in items:
        watch = "; ".join(_CONTROL.sub(" ", name) for name in item.watch)
        row = (item.day.isoformat(), f"{item.time:%Y-%m-%d %H:%M}", item.title or "", item.body,
               item.source or "", item.level.value, item.kind.value, watch,
               "yes" if item.starred else "", item.note or "")  # fmt: skip
        writer.writerow([csv_cell(value) for value in row])
    return out.getvalue()


def to_json(items: Iterable[StoredItem]) -> str:
    return json.dumps([item.to_json() for item in items], ensure_ascii=False, indent=2) + "\n"


_HTML_STYLE = """
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.6; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; border-bottom: 1px solid #ccc; margin-top: 2em; }
article { margin: 1em 0; page-break-inside: avoid; }
.meta { color: #666; font-size: .85em; margin: 0; }
.important { color: #c62828; font-weight: bold; }
h3 { font-size: 1em; margin: .2em 0; }
p.body { margin: .2em 0; white-space: pre-wrap; }
blockquote { margin: .4em 0 .4em 1em; padding-left: .8em; border-left: 3px solid #aaa; color: #444;
             white-space: pre-wrap; }
@media print { body { margin: 0; max-width: none; } }
"""


def to_html(items: Iterable[StoredItem]) -> str:
    """One self-contained, printable page: every text escaped, no script, nothing remote."""
    e = html.escape
    items = list(items)
    days = sorted({item.day for item in items})
    span = f"{days[0]} – {days[-1]}" if days else ""
    body = [f"<h1>财联社电报 {e(span)}</h1>"]
    for day, group in groupby(items, key=lambda item: item.day):
        body.append(f"<h2>{e(day.isoformat())}</h2>")
        for item in group:
            meta = [f"{item.time:%Y-%m-%d %H:%M}"]
            if item.level is Level.IMPORTANT:
                meta.append("<span class='important'>加红</span>")
            if item.column:
                meta.append(e(f"[{item.column}]"))
            if item.source:
                meta.append(e(item.source))
            if item.starred:
                meta.append("★")
            if item.watch:
                meta.append(e("关注：" + "、".join(item.watch)))
            body.append("<article>")
            body.append(f"<p class='meta'>{' · '.join(meta)}</p>")
            if item.title:
                body.append(f"<h3>{e(item.title)}</h3>")
            body.append(f"<p class='body'>{e(item.body)}</p>")
            if item.note:
                body.append(f"<blockquote>{e(item.note)}</blockquote>")
            body.append("</article>")
    return (
        "<!DOCTYPE html>\n<html lang='zh-CN'>\n<head>\n<meta charset='utf-8'>\n"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">\n"
        f"<title>财联社电报 {e(span)}</title>\n<style>{_HTML_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
