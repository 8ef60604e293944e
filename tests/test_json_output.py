"""The JSON the command line prints is json.dumps(indent=2)'s, byte for byte, however it is made
(a list of flat records, `days --json`'s thousands of days, is written by a faster path)."""

from __future__ import annotations

import json

import pytest

from telereader.core.terminal import inert_json

RECORDS = [
    {"day": "2026-01-14", "items": 93, "important": 7, "starred": 0, "unread": 93},
    {"a, b": "x,\n    y: z", "中文": "黄金\u202e", "none": None, "yes": True, "pi": 3.25},
    {
        '"quoted"': "tab\there \\ back",
        "brace": "}],\n    {",
        "big": 10**20,
        "neg": -1.5e-7,
        "empty": "",
    },
]


@pytest.mark.parametrize(
    "value",
    [
        RECORDS,
        RECORDS[:1],
        [],
        [{}],
        [{"watch": ["黄金"]}],  # not flat
        [{"watch": [], "tags": (), "more": {}, "id": "x"}, {"watch": ["黄金", "原油"]}],
        {"items": RECORDS, "total": 3, "elapsed_ms": 1.25, "found_in_note": []},
        {"outer": {"inner": [RECORDS[0], [1, [2, {}]], {"deep": {"x": None}}]}},
        [[RECORDS[0], RECORDS[1]], [], [{}], ({"a": 1},)],
        {1: "a number key", "b": {None: 2}},  # keys json converts
        [{"a": {}}, {"b": {}}],
        [RECORDS[0], 3],
        {"day": "2026-01-14"},
        "text",
    ],
)
def test_json_output_is_json_dumps_indented_by_two(value):
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\u202e", "\\u202e")
    assert inert_json(value) == expected
    assert json.loads(inert_json(value)) == json.loads(expected)


@pytest.mark.parametrize("count", [0, 1, 3, 7])
def test_a_list_printed_in_chunks_is_the_list_printed_whole(capsys, count):
    from telereader.cli.common import print_json, print_json_array

    values = [
        {**RECORDS[number % 3], "n": number, "watch": ["黄金"] * (number % 2)}
        for number in range(count)
    ]
    print_json(values)
    whole = capsys.readouterr().out
    print_json_array(iter(values), chunk=3)
    assert capsys.readouterr().out == whole
