"""unsaved-notes.json holds the notes the library could not take: a file that cannot be read
whole is never deleted or overwritten, it is set aside where the reader can find it."""

from __future__ import annotations

import json

from telereader.core.unsaved import (
    UNSAVED_FILE,
    KeptNote,
    load_unsaved,
    save_unsaved,
)


def aside_files(data_dir):
    return sorted(data_dir.glob("unsaved-notes.unreadable-*.json"))


def test_a_cut_short_file_is_set_aside_whole_and_survives_the_next_save(tmp_path):
    cut = '{"format": "telereader-unsaved-notes", "notes": {"item-1": "先看业'
    (tmp_path / UNSAVED_FILE).write_text(cut, encoding="utf-8")

    loaded = load_unsaved(tmp_path)

    assert loaded.notes == {}
    (aside,) = aside_files(tmp_path)
    assert loaded.set_aside == aside
    assert aside.read_text(encoding="utf-8") == cut  # every byte the reader wrote
    save_unsaved(tmp_path, {})  # every note landed: the file of notes goes, the aside one stays
    assert aside.read_text(encoding="utf-8") == cut


def test_a_save_over_a_file_that_cannot_be_read_sets_it_aside_instead_of_deleting_it(tmp_path):
    cut = '{"notes": {"item-1": "先看业'
    (tmp_path / UNSAVED_FILE).write_text(cut, encoding="utf-8")

    aside = save_unsaved(tmp_path, {})

    assert aside is not None and aside.read_text(encoding="utf-8") == cut
    assert not (tmp_path / UNSAVED_FILE).exists()


def test_an_entry_that_is_not_text_keeps_the_file_aside_and_the_readable_notes_come_back(
    tmp_path,
):
    kept = {"format": "telereader-unsaved-notes", "notes": {"item-1": "持有", "item-2": 5}}
    (tmp_path / UNSAVED_FILE).write_text(json.dumps(kept), encoding="utf-8")

    loaded = load_unsaved(tmp_path)

    assert loaded.notes == {"item-1": KeptNote("持有", None)}
    (aside,) = aside_files(tmp_path)
    assert json.loads(aside.read_text(encoding="utf-8")) == kept  # item-2's 5 is still there
    save_unsaved(tmp_path, loaded.notes)  # the next rewrite drops nothing silently
    assert json.loads(aside.read_text(encoding="utf-8")) == kept


def test_setting_aside_never_replaces_an_earlier_file_set_aside(tmp_path):
    for text in ("{", "[", "nul"):
        (tmp_path / UNSAVED_FILE).write_text(text, encoding="utf-8")
        load_unsaved(tmp_path)
    kept = sorted(path.read_text(encoding="utf-8") for path in aside_files(tmp_path))
    assert kept == ["[", "nul", "{"]


def test_kept_notes_remember_the_library_note_they_were_typed_over(tmp_path):
    notes = {"item-1": KeptNote("新的看法", "旧的看法"), "item-2": KeptNote("第一条", "")}
    assert save_unsaved(tmp_path, notes) is None
    assert load_unsaved(tmp_path).notes == notes
    assert aside_files(tmp_path) == []
