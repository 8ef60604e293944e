"""Folding a day's near-duplicates (app/day_fold.py): which rows are shown, in which order,
decided from positions and ids alone."""

from __future__ import annotations

from telereader.app.day_fold import FoldedRows, fold

IDS = ["a", "b", "c", "d", "e"]  # b and c are copies of a; e stands alone
COPIES = {"b": "a", "c": "a"}


def position(ids):
    return {item_id: at for at, item_id in enumerate(ids)}


def test_the_copies_of_a_story_are_hidden_under_its_leader():
    folded = fold(position(IDS), len(IDS), COPIES, set())
    assert [IDS[at] for at in folded.order] == ["a", "d", "e"]
    assert folded.groups[0].others == (1, 2)


def test_an_unfolded_story_shows_its_copies_right_under_the_leader():
    ids = ["b", "a", "d", "c"]  # a copy sent before its leader still comes under it
    folded = fold(position(ids), len(ids), COPIES, {"a"})
    assert [ids[at] for at in folded.order] == ["a", "b", "c", "d"]


def test_when_the_filter_hides_the_leader_its_first_copy_stands_for_the_story():
    shown = ["b", "c", "d"]
    folded = fold(position(shown), len(shown), COPIES, set())
    assert [shown[at] for at in folded.order] == ["b", "d"]


def test_a_story_with_one_row_left_after_the_filter_is_not_folded():
    shown = ["a", "d", "e"]
    assert fold(position(shown), len(shown), COPIES, set()) is None


def test_folded_rows_give_the_shown_items_and_count_the_hidden():
    folded = fold(position(IDS), len(IDS), COPIES, set())
    rows = FoldedRows(IDS, folded)
    assert list(rows) == ["a", "d", "e"] and rows[1] == "d" and rows[0:2] == ["a", "d"]
    assert rows.hidden() == 2
    assert rows.row_at(3) == 1 and rows.row_at(1) is None
