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


ODD_TEXTS = [
    None,
    "",
    "财联社1月14日电，黄金\u202e价格",
    'a "quote", a \\ backslash,\n a newline,\t a tab',
    "\x1b[8mhidden\x1b[0m \x9b C1 \x7f DEL",
    "}],\n    {\"brace\": [",
    "emoji \U0001f4c8 and \u2028 line separator",
]


def odd_items(count: int) -> list:
    """Items with every kind of text json must escape or the terminal must not obey."""
    from telereader.core.stored import stored_item

    rows = []
    for number in range(count):
        text = ODD_TEXTS[number % len(ODD_TEXTS)]
        watch = json.dumps(["黄金", "原\u202e油"][: number % 3])
        rows.append(
            (
                f"20260114-09{number % 60:02d}-{number:08x}", "2026-01-14",
                f"2026-01-14T09:{number % 60:02d}", text, text or "body",
                None if number % 4 else "财联社", ["normal", "important"][number % 2],
                ["news", "teaser"][number % 3 == 2], text, number % 2, text, number % 3 == 0,
                watch, number,
            )
        )  # fmt: skip
    return [stored_item(row) for row in rows]


@pytest.mark.parametrize("count", [0, 1, 3, 7, 250])
def test_a_days_items_print_as_json_prints_their_records(capsys, count):
    from telereader.cli.common import print_json
    from telereader.cli.json_rows import print_items_json

    items = odd_items(count)
    print_json([item.to_json() for item in items])
    whole = capsys.readouterr().out
    print_items_json(iter(items), chunk=3)
    printed = capsys.readouterr().out
    assert printed == whole
    assert "\x1b" not in printed and "\u202e" not in printed and "\x9b" not in printed
