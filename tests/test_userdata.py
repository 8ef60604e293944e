"""Every change to the reader's data ends with the rolling automatic backup, whichever front end
made it; a backup that cannot be written is reported, never raised, since the change is saved."""

from __future__ import annotations

import datetime as dt

from telereader.core import userdata
from telereader.core.backup import AUTO_FOLDER, read_backup
from telereader.core.importer import import_paths
from telereader.core.recovery import DAMAGE_MARKER
from tests.conftest import SAMPLE

DAY = dt.date(2026, 1, 14)


def backups(store) -> list:
    return sorted((store.path.parent / AUTO_FOLDER).glob("backup-*.json"))


def test_a_change_is_followed_by_a_backup_that_holds_it(store):
    import_paths(store, [SAMPLE])
    store.set_read([item.id for item in store.items_on(DAY)], True)
    assert userdata.keep_backup(store) is None
    (backup,) = backups(store)
    assert len(read_backup(backup)["reads"]) == len(store.items_on(DAY))


def test_a_backup_that_cannot_be_written_is_returned_not_raised(store):
    import_paths(store, [SAMPLE])
    item = store.items_on(DAY)[0]
    store.set_note(item.id, "持有")
    (store.path.parent / AUTO_FOLDER).write_text("a file where the folder should be")
    problem = userdata.keep_backup(store)
    assert isinstance(problem, OSError)
    assert store.item(item.id).note == "持有"  # the change itself is saved


def test_a_library_found_damaged_gets_no_automatic_backup(store):
    import_paths(store, [SAMPLE])
    store.set_starred([store.items_on(DAY)[0].id], True)
    (store.path.parent / DAMAGE_MARKER).write_text("page 3: malformed")
    assert userdata.keep_backup(store) is None
    assert backups(store) == []
