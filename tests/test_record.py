"""The read path's classes (items, days, filters, queries) are Records, not dataclasses, so that a
command line does not import the dataclasses module: they behave as the dataclasses they were."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import pickle

import pytest

from telereader.core.filters import ItemFilter
from telereader.core.kinds import Kind, Level, Problem
from telereader.core.record import FrozenRecordError, Record, factory
from telereader.core.search import SearchResult
from telereader.core.stored import DaySummary, StoredItem


@dataclasses.dataclass(frozen=True)
class TwinData:
    name: str
    count: int = 0
    tags: list[str] = dataclasses.field(default_factory=list)


class Twin(Record):
    name: str
    count: int = 0
    tags: list[str] = factory(list)


def test_a_record_is_made_compared_and_shown_as_its_frozen_dataclass_twin():
    for made in (
        lambda kind: kind("a"),
        lambda kind: kind("a", 2),
        lambda kind: kind(name="a", tags=["x"]),
        lambda kind: kind("a", count=3),
    ):
        record, data = made(Twin), made(TwinData)
        assert repr(record) == repr(data).replace("TwinData", "Twin")
        assert (record.name, record.count, record.tags) == (data.name, data.count, data.tags)
    assert Twin("a") == Twin("a", 0, []) and Twin("a") != Twin("b")
    assert Twin("a") != TwinData("a")  # another class is never equal, as with dataclasses
    assert Twin("a").tags is not Twin("a").tags  # a factory's default is made anew


def test_a_wrong_call_is_refused_as_a_dataclass_refuses_it():
    for wrong in (lambda: Twin(), lambda: Twin("a", 1, [], 4), lambda: Twin("a", name="b")):
        with pytest.raises(TypeError):
            wrong()
    with pytest.raises(TypeError):
        Twin("a", colour="red")


def test_a_frozen_record_cannot_change_and_hashes_by_its_fields():
    problem = Problem("unknown_item", params={"id": "x"})
    with pytest.raises(FrozenRecordError):
        problem.code = "other"  # type: ignore[misc]
    with pytest.raises(AttributeError):  # as dataclasses.FrozenInstanceError is
        del problem.line
    summary = DaySummary(dt.date(2026, 1, 14), 93, 7, 1, 90)
    assert hash(summary) == hash(DaySummary(dt.date(2026, 1, 14), 93, 7, 1, 90))
    assert len({ItemFilter(), ItemFilter(), ItemFilter(unread_only=True)}) == 2


def test_replace_makes_a_changed_copy_as_dataclasses_replace_did():
    item_filter = ItemFilter(starred_only=True)
    changed = item_filter.replace(day_from=dt.date(2026, 1, 1))
    assert changed == ItemFilter(starred_only=True, day_from=dt.date(2026, 1, 1))
    assert item_filter == ItemFilter(starred_only=True)
    with pytest.raises(TypeError):
        item_filter.replace(colour="red")


def test_a_mutable_record_changes_and_is_not_hashable():
    result = SearchResult(query=None)  # type: ignore[arg-type]
    result.total = 3
    assert result.total == 3 and result.items == [] and result.notes == {}
    with pytest.raises(TypeError):
        hash(result)


def test_an_item_survives_pickle_and_copy():
    item = StoredItem(
        "20260114-0930-00000000", dt.date(2026, 1, 14), dt.datetime(2026, 1, 14, 9, 30),
        "标题", "正文", None, Level.IMPORTANT, Kind.NEWS, None, True, "记一笔", False,
        watch=("黄金",),
    )  # fmt: skip
    for again in (pickle.loads(pickle.dumps(item)), copy.copy(item), copy.deepcopy(item)):
        assert again == item and repr(again) == repr(item)
    assert item.replace(starred=False).starred is False and item.starred is True
