"""Where the searched terms stand in a text, for painting them (never as markup)."""

from __future__ import annotations

from collections.abc import Sequence

from telereader.core.query import fold_case


def spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) ranges of every occurrence of any term, Latin case ignored.

    `str.lower` keeps the length of the text it folds except for a handful of letters (İ);
    if it does not, nothing is highlighted rather than the wrong characters.
    """
    folded = fold_case(text)
    if len(folded) != len(text) or not terms:
        return []
    found = []
    for term in terms:
        if not term:
            continue
        start = folded.find(term)
        while start != -1:
            found.append((start, start + len(term)))
            start = folded.find(term, start + 1)
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
