"""The day model's near-duplicates (a mixin of DayItemsModel): which rows are folded under the
row standing for their story, what that row says ("另有 N 条相似", and whether the folded copies
hold something unread or starred), unfolding and folding again by inserting and removing the
copies' rows right under it (the list keeps its place), and unfolding a copy asked for by id."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex

from telereader.app.day_fold import FoldedRows, Group, fold
from telereader.app.i18n import tr
from telereader.core.stored import StoredItem


class SimilarFolding:
    """Needs from the model: `_all` (DayRows), `_base` (the rows passing the filter), `_items`
    (what is shown), `_shown` (rows given to the view), `copies`, `unfolded`."""

    def _fold_rows(self, base: Sequence[StoredItem]) -> Sequence[StoredItem]:
        """`base` with the near-duplicates of a story folded under its row (as is when none)."""
        self._base, self._base_rows, self._said = base, None, {}
        if not self.copies:
            return base
        folded = fold(self._positions(), len(base), self.copies, self.unfolded)
        return base if folded is None else FoldedRows(base, folded)

    def _positions(self) -> dict[str, int]:
        """Where each item is among the rows passing the filter, by id."""
        if self._base is self._all:
            return self._all.positions()
        if self._base_rows is None:
            self._base_rows = {item.id: at for at, item in enumerate(self._base)}
        return self._base_rows

    def _position(self, item_id: str) -> int | None:
        return self._positions().get(item_id)

    @property
    def shown(self) -> int:
        """How many rows the reader sees: the items passing the filter but those folded."""
        return len(self._items)

    @property
    def folded_count(self) -> int:
        """How many items are folded away under their story's row now."""
        return self._items.hidden() if isinstance(self._items, FoldedRows) else 0

    def _group_at(self, row: int) -> Group | None:
        """The story whose row is `row` (shown folded or unfolded), None for another row."""
        if not isinstance(self._items, FoldedRows):
            return None
        return self._items.fold.groups.get(self._items.position(row))

    def folded_under(self, row: int) -> list[StoredItem]:
        """The items folded under `row` (none when it stands for no story or is unfolded)."""
        group = self._group_at(row)
        if group is None or group.leader in self.unfolded:
            return []
        return [self._base[at] for at in group.others]

    def similar_text(self, row: int) -> str:
        """What the row standing for a story says of its other rows ("" for other rows); kept
        until the rows change (a row's size hint asks for it several times a layout)."""
        group = self._group_at(row)
        if group is None:
            return ""
        said = self._said.get(group.stand)
        if said is None:
            said = self._said[group.stand] = self._say(group)
        return said

    def _say(self, group: Group) -> str:
        count = str(len(group.others))
        if group.leader in self.unfolded:
            return tr("▾ 另有 %1 条相似（已展开，= 收起）").replace("%1", count)
        marks = [self._marks(at) for at in group.others]
        text = tr("▸ 另有 %1 条相似").replace("%1", count)
        unread = sum(not read for read, _starred in marks)
        if unread:
            text += " · " + tr("%1 条未读").replace("%1", str(unread))
        if any(starred for _read, starred in marks):
            text += " · ★"
        return text

    def _marks(self, at: int) -> tuple[bool, bool]:
        """(read, starred) of the row at `at`, without making an item not made yet."""
        if self._base is self._all:
            return self._all.marks(at)
        item = self._base[at]
        return item.read, item.starred

    def first_unread_from(self, start: int) -> StoredItem | None:
        """The first unread item at row `start` or after, in the order shown; an unread item
        folded under a row counts as just after it (selecting it unfolds its story)."""
        start = max(0, start)
        for row in range(start, len(self._items)):  # items made only as far as needed
            if row > 0 and row == start:  # those folded under the row before come first
                unread = [item for item in self.folded_under(row - 1) if not item.read]
                if unread:
                    return unread[0]
            if not self._items[row].read:
                return self._items[row]
            unread = [item for item in self.folded_under(row) if not item.read]
            if unread:
                return unread[0]
        return None

    def _refresh_folded(self, item_id: str, fresh: StoredItem) -> None:
        """A folded item changed (read, starred): its story's row says so."""
        if not isinstance(self._items, FoldedRows):
            return
        at = self._position(item_id)
        group = self._items.fold.member_of.get(at)
        if group is None:
            return
        if self._base is not self._all:
            self._base[at] = fresh
        self._said.pop(group.stand, None)
        row = self._items.row_at(group.stand)
        if row is not None and row < self._shown:
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def toggle_similar(self, item_id: str) -> str | None:
        """Unfold the story `item_id` stands for or belongs to, or fold it again: the id of the
        row standing for it, None when it has no other rows shown."""
        if not isinstance(self._items, FoldedRows):
            return None
        at = self._position(item_id)
        fold_now = self._items.fold
        group = fold_now.groups.get(at) or fold_now.member_of.get(at)
        if group is None:
            return None
        self._set_unfolded(group, group.leader not in self.unfolded)
        return item_id if at == group.stand else self._base[group.stand].id

    def unfold_for(self, item_id: str) -> bool:
        """Unfold the story of `item_id` when it is folded away; False when it is not."""
        if not isinstance(self._items, FoldedRows):
            return False
        group = self._items.fold.member_of.get(self._position(item_id))
        if group is None or group.leader in self.unfolded:
            return False
        self._set_unfolded(group, True)
        return True

    def _set_unfolded(self, group: Group, unfolded: bool) -> None:
        """The story's other rows inserted right under its row, or removed: rows above and the
        view's place stay as they are. Only rows the view was given are announced to it (the
        story's row may be the last given, its copies not yet)."""
        stand_row = self._items.row_at(group.stand)
        first = stand_row + 1
        # the copies' rows the view has (removing) or will have (inserting under a given row)
        given = len(group.others) if unfolded else max(0, min(len(group.others), self._shown - first))
        if stand_row >= self._shown:
            given = 0
        if given and unfolded:
            self.beginInsertRows(QModelIndex(), first, first + given - 1)
        elif given:
            self.beginRemoveRows(QModelIndex(), first, first + given - 1)
        self.unfolded = (
            self.unfolded | {group.leader} if unfolded else self.unfolded - {group.leader}
        )
        self._said = {}  # the story's row says unfolded or not
        self._items = FoldedRows(
            self._base, fold(self._positions(), len(self._base), self.copies, self.unfolded)
        )
        if given:
            self._shown += given if unfolded else -given
            if unfolded:
                self.endInsertRows()
            else:
                self.endRemoveRows()
        if stand_row < self._shown:
            index = self.index(stand_row)
            self.dataChanged.emit(index, index)  # its line says unfolded or not

    def is_shown(self, item_id: str) -> bool:
        """True when `item_id` has a row (not folded away, not filtered out)."""
        return self._row_shown(item_id) is not None

    def shown_ids(self) -> list[str]:
        """The ids of the rows the reader sees (given to the view or not), in their order."""
        return [item.id for item in self._items]
