"""What File → Export… offers, given what the window shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from telereader.app.dialogs.export import ExportChoice, hits_choice
from telereader.app.i18n import tr
from telereader.core.export import selected
from telereader.core.filters import ItemFilter
from telereader.core.note_search import search_with_notes
from telereader.core.store import Store, StoredItem

if TYPE_CHECKING:
    from telereader.app.window import MainWindow


def chosen(item_filter: ItemFilter) -> Callable[[Store], list[StoredItem]]:
    return lambda store: selected(store, item_filter)


def export_choices(self: MainWindow) -> list[ExportChoice]:
    """What File → Export… offers, given what the window shows."""
    choices = [
        ExportChoice(
            "starred",
            tr("所有星标条目"),
            chosen(ItemFilter(starred_only=True)),
            "telereader-starred",
        )
    ]
    day = self.model.day
    if day is not None:
        choices.append(
            ExportChoice(
                "day",
                tr("当天（%1）的全部条目").replace("%1", day.isoformat()),
                chosen(ItemFilter(day_from=day, day_to=day)),
                f"telereader-{day}",
            )
        )
    choices.append(shown_list_choice(self))
    if self.watchlists:
        choices.append(
            ExportChoice(
                "hits", tr("所有关注命中"), chosen(ItemFilter(watched=True)), "telereader-hits"
            )
        )
        choices += [hits_choice(watchlist) for watchlist in self.watchlists]
    return choices


def shown_list_choice(self: MainWindow) -> ExportChoice:
    """The list as the reader sees it: search results, hits, or the filtered day."""
    label = tr("当前列表（%1 条）")
    if self.searching and self.last_search is not None:
        text, search_filter = self.search_bar.text(), self.search_filter()
        best_first, total = self.search_bar.best_first.isChecked(), self.last_search.total
        notes_only = self.search_bar.notes_only.isChecked()

        def results(store: Store) -> list[StoredItem]:
            return search_with_notes(
                store,
                text,
                limit=max(1, total),
                search_filter=search_filter,
                best_first=best_first,
                notes_only=notes_only,
            ).items

        return ExportChoice("list", label.replace("%1", str(total)), results, "telereader-search")
    if self.across:
        return ExportChoice(
            "list",
            label.replace("%1", str(self.across_model.total)),
            chosen(self.across_model.item_filter),
            f"telereader-{self.across_model.view.id}",
        )
    if self.watching:
        watchlist_id, hits_filter = self.hits_model.watchlist_id, self.hits_model.item_filter
        hits = hits_filter.replace(watchlist_id=watchlist_id, watched=watchlist_id is None)
        return ExportChoice(
            "list",
            label.replace("%1", str(self.hits_model.total)),
            chosen(hits),
            "telereader-hits",
        )
    day = self.model.day
    if self.model.folded_count:  # the rows seen: near-duplicates folded away are left out
        label = tr("当前列表（%1 条，不含折叠的 %2 条相似）").replace(
            "%2", str(self.model.folded_count)
        )
    shown = set(self.model.shown_ids())
    return ExportChoice(
        "list",
        label.replace("%1", str(self.model.shown)),
        lambda store: [i for i in store.items_on(day) if i.id in shown] if day else [],
        f"telereader-{day}" if day else "telereader",
    )
