"""Items as plain text to paste into a chat: `HH:MM 【title】body（source）`, a blank line
between items, the body whole (its dateline too)."""

from __future__ import annotations

from collections.abc import Iterable

from telereader.core.export import content_text
from telereader.core.store import StoredItem


def chat_line(item: StoredItem) -> str:
    """One item; a source the body already ends with, as `(新华社)`, is written once, at the end."""
    text = content_text(item).strip()
    source = ""
    if item.source:
        for said in (f"({item.source})", f"（{item.source}）"):
            text = text.removesuffix(said).rstrip() if text.endswith(said) else text
        source = f"（{item.source}）"
    return f"{item.time:%H:%M} {text}{source}"


def chat_text(items: Iterable[StoredItem]) -> str:
    return "\n\n".join(chat_line(item) for item in items)
