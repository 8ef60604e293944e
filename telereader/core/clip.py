"""Items as plain text to paste into a chat: `HH:MM 【title】body（source）`, a blank line
between items, the body whole (its dateline too)."""

from __future__ import annotations

from collections.abc import Iterable

from telereader.core.store import StoredItem


def chat_line(item: StoredItem) -> str:
    """One item; a source the body already ends with, as `(新华社)`, is written once, at the end."""
    title = f"【{item.title}】" if item.title else ""
    body = item.body.strip()
    source = ""
    if item.source:
        for said in (f"({item.source})", f"（{item.source}）"):
            body = body.removesuffix(said).rstrip() if body.endswith(said) else body
        source = f"（{item.source}）"
    return f"{item.time:%H:%M} {title}{body}{source}"


def chat_text(items: Iterable[StoredItem]) -> str:
    return "\n\n".join(chat_line(item) for item in items)
