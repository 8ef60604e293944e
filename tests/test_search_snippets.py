"""Search results whose match is in the body carry the matched passage (SnippetRole)."""

from __future__ import annotations

from telereader.app.models import (
    HighlightRole,
    ItemIdRole,
    ItemRole,
    NoteRole,
    SearchResultsModel,
    ShowDayRole,
    SnippetRole,
)
from telereader.app.search_service import SearchRequest, SearchService
from telereader.core.filters import ItemFilter
from telereader.core.importer import import_paths
from telereader.core.search import search
from tests.conftest import SAMPLE


def results_model(store, data_dir, text: str) -> SearchResultsModel:
    result = search(store, text)
    request = SearchRequest(1, text, ItemFilter(), False, 0, 100)
    model = SearchResultsModel(SearchService(data_dir))
    model.reset(request, result)
    return model


def test_results_matched_in_the_body_carry_the_passage_and_title_matches_none(
    store, data_dir, qtmodeltester
):
    import_paths(store, [SAMPLE])
    model = results_model(store, data_dir, "美联储")
    in_title = in_body = 0
    for row in range(model.rowCount()):
        index = model.index(row)
        item = index.data(ItemRole)
        passage = index.data(SnippetRole)
        if item.title and "美联储" in item.title:
            assert passage is None  # the row's title shows the match
            in_title += 1
        else:
            assert "美联储" in passage and len(passage) < len(item.body) + 2
            in_body += 1
    assert in_title and in_body  # the sample has both kinds
    qtmodeltester.check(model)


def test_a_search_result_is_never_taken_for_a_row_of_the_notes_view(store, data_dir):
    roles = (ItemRole, ItemIdRole, HighlightRole, ShowDayRole, SnippetRole, NoteRole)
    assert len(set(roles)) == len(roles)
    import_paths(store, [SAMPLE])
    model = results_model(store, data_dir, "降息")
    assert all(model.index(row).data(NoteRole) is None for row in range(model.rowCount()))


def test_a_new_search_gives_passages_for_its_own_terms(store, data_dir):
    import_paths(store, [SAMPLE])
    model = results_model(store, data_dir, "降息")
    item = next(
        model.index(row).data(ItemRole)
        for row in range(model.rowCount())
        if model.index(row).data(SnippetRole)
    )
    assert "降息" in model.index(model.row_of(item.id)).data(SnippetRole)
    text = "基点"
    model.reset(SearchRequest(2, text, ItemFilter(), False, 0, 100), search(store, text))
    row = model.row_of(item.id)
    assert row is not None
    assert "基点" in (model.index(row).data(SnippetRole) or item.title)
