"""The view of one company or theme (mixin of MainWindow through Markets): the names' list with
their counts (dialogs/names.py), the chosen name's items across days in the window's list (a
view across days, app/across.py), its moves, and the reader's corrections of names, written
through LibraryOps: a name added is written at once (core/name_mentions.py), the days a hidden or
forgotten name touched are extracted again by the market catch-up."""

from __future__ import annotations

from collections.abc import Callable

from telereader.app.across import AcrossView
from telereader.app.dialogs.names import NamesDialog
from telereader.app.i18n import tr
from telereader.app.models import FirstPage
from telereader.app.name_models import names_of_library
from telereader.app.paged_models import AcrossDaysModel
from telereader.app.tasks import in_library, run_task, serial_pool
from telereader.core.messages import describe


class NameViews:
    def _compose_names(self) -> None:
        self.names_dialog: NamesDialog | None = None
        self._first_pool = serial_pool(self)  # a name's first page and count, off the UI thread
        self._first_wanted: object | None = None

    def read_across_first(self, view: AcrossView, then: Callable[[FirstPage], None]) -> None:
        """`then(first)` with the view's first page and total under the list's filters, read on
        a worker (a company of ten years: its count alone takes 0.2 s); only the newest request
        is answered, and only while the filters are those it was read with."""
        item_filter = view.narrow(self.current_filter())
        wanted = self._first_wanted = object()

        def read(store) -> FirstPage:
            return AcrossDaysModel.read_first(store, item_filter)

        def done(first: FirstPage) -> None:
            if self._first_wanted is not wanted or self.market_catch_up.closed:
                return
            if view.narrow(self.current_filter()) != item_filter:
                self.read_across_first(view, then)  # the filters changed meanwhile
                return
            then(first)

        run_task(in_library(self.data_dir, read), done, lambda _error: None,
                 pool=self._first_pool, parent=self)  # fmt: skip

    def _wire_names(self) -> None:
        self.events.names_changed.connect(self._names_changed)
        self.day_nav.names_wanted.connect(self.show_names)
        self.related_panel.name_wanted.connect(self.show_name)

    def show_names(self) -> NamesDialog:
        """The names the library knows with their counts, in a window beside the list (it
        stays open while the reader goes from name to name)."""
        if self.names_dialog is None:
            self.names_dialog = NamesDialog(self)
            self.names_dialog.name_chosen.connect(self.show_name)
            self.names_dialog.open_wanted.connect(self.open_item)
            self.names_dialog.change_wanted.connect(self.change_name)
        self.reload_names()
        self.names_dialog.show()
        self.names_dialog.raise_()
        return self.names_dialog

    def reload_names(self) -> None:
        dialog = self.names_dialog
        if dialog is None:
            return

        def done(rows) -> None:
            if not self.market_catch_up.closed:
                dialog.show_names(rows)

        run_task(in_library(self.data_dir, names_of_library), done, lambda _error: None,
                 pool=self._related_pool, parent=self)  # fmt: skip

    def show_name(self, name: str) -> None:
        """`name`'s items across days in the list, and its moves in the names' window."""
        self.show_name_view(name)
        dialog = self.names_dialog
        if dialog is None or not dialog.isVisible():
            return
        dialog.chosen = name

        def moves(store):
            from telereader.core.name_view import name_movers

            return name_movers(store.conn, name)

        def done(found) -> None:
            if not self.market_catch_up.closed and dialog.chosen == name:
                dialog.show_moves(name, found)

        run_task(in_library(self.data_dir, moves), done, lambda _error: None,
                 pool=self._related_pool, parent=self)  # fmt: skip

    def change_name(self, what: str, name: str, other: str = "") -> None:
        """The reader's word on a name: "add" (other: its kind), "hide", "alias" (other: the
        name it stands for) or "forget"."""
        from telereader.core import reader_names

        def work(store) -> int:
            if what == "add":
                return reader_names.add_name(store, name, other or "company")
            if what == "hide":
                return reader_names.hide_name(store, name)
            if what == "alias":
                return reader_names.alias_name(store, name, other)
            return reader_names.forget_name(store, name)

        def failed(error: BaseException) -> None:
            self.status.say(tr("名称没有改成：") + describe(error, self.language), 8000)

        self.ops.change_name(work, lambda _days: None, failed)

    def _names_changed(self) -> None:
        self.market_catch_up.start()  # days a hidden or forgotten name touched are read again
        self.reload_names()
        if self.across and self.across_model.view.id == "name":
            self._reload_across_days(self.current_item())
            self._update_counts()
