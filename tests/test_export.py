"""Exports: what readers take out, and a Markdown that imports back as the same items."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser

import pytest

from telereader.cli import main
from telereader.core.export import export, selected, to_csv, to_html, to_markdown
from telereader.core.filters import ItemFilter
from telereader.core.importer import import_paths
from telereader.core.store import Store
from telereader.core.watchlists import save_watchlist
from tests.conftest import FIXTURES, SAMPLE

ITEM_FIELDS = ("id", "day", "time", "title", "body", "source", "level", "kind", "column")


def everything(store: Store):
    return selected(store, ItemFilter())


def comparable(items) -> list[tuple]:
    return sorted(tuple(item.to_json()[key] for key in ITEM_FIELDS) for item in items)


@pytest.fixture
def full_store(store):
    import_paths(store, [SAMPLE, FIXTURES / "small.md", FIXTURES / "small-important.md"])
    items = everything(store)
    store.set_starred([items[0].id, items[-1].id], True)
    store.set_note(items[0].id, "第一行笔记\n\n第二行 > 引号")
    return store


def test_markdown_export_imports_into_an_empty_library_as_the_same_items(full_store, tmp_path):
    exported = tmp_path / "export.md"
    exported.write_text(to_markdown(everything(full_store)), encoding="utf-8")
    with Store.open(tmp_path / "fresh") as fresh:
        report = import_paths(fresh, [exported])
        assert report.rejected == [] and report.files[0].warnings == []
        assert comparable(everything(fresh)) == comparable(everything(full_store))
        assert set(report.days) == {day for day in full_store.day_counts()}


def test_markdown_is_the_digest_format_with_notes_as_quotes(full_store):
    text = to_markdown(everything(full_store))
    assert text.startswith(
        "# 财联社【普通】电报 - 2026-01-14\n> 统计周期：2026-01-14 05:30 至次日 05:30\n"
    )
    assert "# 财联社【加红】电报 - 2026-03-02" in text
    assert "> 第一行笔记\n>\n> 第二行 > 引号" in text
    assert "**[10:15]** 【【盘中宝】这类材料需求翻倍，这家公司产能领先】①新材料需求" in text
    assert "**[00:12]** 【深夜公告】" in text


def test_only_starred_items_of_a_range_or_a_watchlist(full_store):
    starred = selected(full_store, ItemFilter(starred_only=True))
    assert len(starred) == 2
    watchlist = save_watchlist(full_store, "宏观", ["逆回购"])
    assert [i.title for i in selected(full_store, ItemFilter(watchlist_id=watchlist.id))] == [
        "央行开展逆回购操作"
    ]
    day = selected(full_store, ItemFilter(day_from=SAMPLE_DAY, day_to=SAMPLE_DAY))
    assert len(day) == 93


def test_csv_has_a_bom_and_the_columns_excel_needs(full_store):
    text = to_csv(everything(full_store))
    assert text.startswith(
        "\ufeffday,time,title,body,source,level,kind,watchlists,starred,note\r\n"
    )
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 93 + 7
    first = rows[0]
    assert (first["day"], first["time"], first["starred"]) == (
        "2026-01-14",
        "2026-01-14 05:36",
        "yes",
    )
    assert first["note"] == "第一行笔记\n\n第二行 > 引号"


def test_json_is_an_array_of_the_cli_item_objects(full_store):
    items = json.loads(export(everything(full_store), "json"))
    assert items[0] == everything(full_store)[0].to_json()


def test_html_escapes_everything_and_loads_nothing(store, tmp_path):
    hostile = tmp_path / "2026-03-05.md"
    hostile.write_text(
        "# 财联社【普通】电报 - 2026-03-05\n\n**[09:00]** 【<script>alert(1)</script>】"
        "<img src='http://evil/x.png'><a href='javascript:x'>点</a>\n",
        encoding="utf-8",
    )
    import_paths(store, [hostile])
    item = everything(store)[0]
    store.set_note(item.id, "<iframe src=http://x>")
    page = to_html(everything(store))
    assert "<script" not in page and "<img" not in page and "<iframe" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "default-src 'none'" in page
    tags = set()
    attributes = set()

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.add(tag)
            attributes.update(name for name, _ in attrs)

    Collector().feed(page)
    assert tags <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "article",
                    "p", "span", "blockquote"}  # fmt: skip
    assert attributes <= {"lang", "charset", "http-equiv", "content", "class"}


def test_cli_export_to_stdout_and_a_file_never_overwriting_without_force(
    capsys, full_store, tmp_path
):
    data_dir = str(full_store.path.parent)
    assert main(["--data-dir", data_dir, "export", "--starred", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    target = tmp_path / "out.md"
    target.write_text("precious", encoding="utf-8")
    assert main(["--data-dir", data_dir, "export", "--format", "md", "-o", str(target)]) == 2
    assert "exists; add --force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "precious"
    assert (
        main(["--data-dir", data_dir, "export", "--format", "md", "-o", str(target), "--force"])
        == 0
    )
    assert target.read_text(encoding="utf-8").startswith("# 财联社【普通】电报")
    assert main(["--data-dir", data_dir, "export", "--format", "csv", "--day", "2026-03-02",
                 "-o", str(tmp_path / "day.csv")]) == 0  # fmt: skip
    day_csv = (tmp_path / "day.csv").read_bytes()
    assert day_csv.startswith(b"\xef\xbb\xbf") and day_csv.count(b"\r\n") == 8
    assert "央行开展逆回购操作" in day_csv.decode("utf-8-sig")


SAMPLE_DAY = __import__("datetime").date(2026, 1, 14)


def _libreoffice() -> tuple[str, int] | None:
    """LibreOffice's command and major version, where it is installed."""
    command = shutil.which("soffice") or shutil.which("libreoffice")
    if command is None:
        return None
    try:
        version = subprocess.run(
            [command, "--version"], capture_output=True, text=True, timeout=60
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = re.search(r"LibreOffice (\d+)\.", version)
    return (command, int(found.group(1))) if found else None


@pytest.mark.skipif(_libreoffice() is None, reason="LibreOffice is not installed here")
def test_the_csv_converts_to_xlsx_in_libreoffice_with_the_chinese_intact(full_store, tmp_path):
    """`libreoffice --headless --convert-to xlsx` honours the BOM from LibreOffice 24 on; the
    7.x of Debian 12 reads every CSV as Latin-1 however it is marked, so there the README's
    `--infilter` is what a reader runs, and what this test runs."""
    command, major = _libreoffice()  # type: ignore[misc]
    exported = tmp_path / "starred.csv"
    exported.write_text(to_csv(everything(full_store)), encoding="utf-8", newline="")
    infilter = [] if major >= 24 else ["--infilter=CSV:44,34,76,1"]
    subprocess.run(
        [command, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", *infilter,
         "--convert-to", "xlsx", "--outdir", str(tmp_path), str(exported)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    with zipfile.ZipFile(tmp_path / "starred.xlsx") as book:
        shared = book.read("xl/sharedStrings.xml").decode("utf-8")
    cells = {
        html.unescape("".join(re.findall(r"<t[^>]*>([^<]*)</t>", entry)))
        for entry in re.findall(r"<si>(.*?)</si>", shared, re.DOTALL)
    }
    titles = {item.title for item in everything(full_store) if item.title}
    assert "day" in cells  # the BOM was taken as a BOM, not as text before the first header
    assert titles <= cells
    assert "第一行笔记\n\n第二行 > 引号" in cells


def test_items_in_any_order_export_day_by_day_in_time_order(full_store):
    """Search results by relevance and hits newest first export as the days read."""
    items = everything(full_store)
    shuffled = sorted(items, key=lambda item: item.id[::-1])
    for fmt in ("md", "csv", "json", "html"):
        assert export(shuffled, fmt) == export(items, fmt), fmt
    assert export(shuffled, "md").count("# 财联社【普通】电报 - 2026-01-14") == 1
