"""The command line as a whole: which commands keep an automatic backup, which arguments are
refused before the library is touched, what `--version` costs, and the order of `--help`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from telereader.cli import main
from telereader.core.backup import AUTO_FOLDER
from telereader.core.store import LIBRARY_FILE, Store
from telereader.core.watchlists import add_keywords
from tests.conftest import ROOT, SAMPLE


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def library(capsys, data_dir: Path) -> list[str]:
    """The sample day imported, a watchlist 黄金 and no automatic backup yet."""
    d = ["--data-dir", str(data_dir)]
    assert run(capsys, *d, "import", str(SAMPLE))[0] == 0
    with Store.open(data_dir) as store:
        add_keywords(store, "黄金", ["黄金"])
    assert not (data_dir / AUTO_FOLDER).exists()
    return d


def first_item(capsys, library: list[str]) -> str:
    return json.loads(run(capsys, *library, "items", "2026-01-14", "--json")[1])[0]["id"]


WRITES = {
    "star": lambda item, tmp: ["star", item],
    "unstar": lambda item, tmp: ["unstar", item],
    "note": lambda item, tmp: ["note", item, "记一笔"],
    "watch add": lambda item, tmp: ["watch", "add", "原油", "原油"],
    "watch remove": lambda item, tmp: ["watch", "remove", "黄金", "黄金"],
    "watch options": lambda item, tmp: ["watch", "options", "黄金", "--alert", "off"],
    "restore": lambda item, tmp: ["restore", str(tmp / "saved.json")],
}
READS = {
    "days": lambda item, tmp: ["days"],
    "items": lambda item, tmp: ["items", "2026-01-14"],
    "show": lambda item, tmp: ["show", item],
    "search": lambda item, tmp: ["search", "黄金"],
    "saved": lambda item, tmp: ["saved"],
    "export": lambda item, tmp: ["export", "--format", "md", "-o", str(tmp / "out.md")],
    "backup": lambda item, tmp: ["backup", "-o", str(tmp / "again.json")],
    "watch list": lambda item, tmp: ["watch", "list"],
    "watch hits": lambda item, tmp: ["watch", "hits"],
}


@pytest.mark.parametrize("name", WRITES)
def test_every_command_that_changes_the_readers_data_keeps_an_automatic_backup(
    capsys, library, data_dir, tmp_path, name
):
    item = first_item(capsys, library)
    assert run(capsys, *library, "backup", "-o", str(tmp_path / "saved.json"))[0] == 0
    code, _, err = run(capsys, *library, *WRITES[name](item, tmp_path))
    assert (code, err) == (0, "")
    assert len(list((data_dir / AUTO_FOLDER).glob("backup-*.json"))) == 1


@pytest.mark.parametrize("name", READS)
def test_commands_that_only_read_write_no_automatic_backup(
    capsys, library, data_dir, tmp_path, name
):
    item = first_item(capsys, library)
    code, _, err = run(capsys, *library, *READS[name](item, tmp_path))
    assert (code, err) == (0, "")
    assert not (data_dir / AUTO_FOLDER).exists()


@pytest.mark.parametrize(
    "arguments",
    [
        ["items", "not-a-day"],
        ["search", "黄金", "--from", "not-a-day"],
        ["export", "--format", "md", "--day", "2026-01-14", "--to", "2026-01-15"],
    ],
)
def test_a_mistyped_argument_is_refused_before_a_library_is_created(
    capsys, data_dir, arguments
):
    code, out, err = run(capsys, "--data-dir", str(data_dir), *arguments)
    assert code == 2 and out == "" and err.startswith("telereader: ")
    assert not (data_dir / LIBRARY_FILE).exists()


def test_an_existing_export_file_is_refused_before_a_library_is_created(
    capsys, data_dir, tmp_path
):
    existing = tmp_path / "kept.md"
    existing.write_text("mine", encoding="utf-8")
    code, _, err = run(
        capsys, "--data-dir", str(data_dir), "export", "--format", "md", "-o", str(existing)
    )
    assert code == 2 and "--force" in err
    assert existing.read_text(encoding="utf-8") == "mine"
    assert not (data_dir / LIBRARY_FILE).exists()


def test_version_loads_neither_the_library_nor_the_importer():
    """`telereader --version` answers without loading what the commands need (the store and
    sqlite-utils, the importer, the exporter, backups, multiprocessing)."""
    code = (
        "import sys\n"
        "from telereader.cli import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit as done:\n"
        "    assert done.code == 0\n"
        "heavy = ('sqlite_utils', 'telereader.core.store', 'telereader.core.importer',\n"
        "         'telereader.core.export', 'telereader.core.backup', 'multiprocessing',\n"
        "         'telereader.desktop')\n"
        "print(sorted(name for name in heavy if name in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.splitlines()[-1] == "[]", result.stdout


def test_help_lists_the_commands_in_their_usual_order(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    listed = [
        line.split()[0]
        for line in capsys.readouterr().out.splitlines()
        if line.startswith("    ") and not line.startswith("     ")
    ]
    assert listed == [
        "import", "days", "items", "show", "follow", "search", "saved", "words", "trend", "movers",
        "names", "related", "export", "backup",
        "restore", "watch", "star", "unstar", "note", "install-desktop",
    ]  # fmt: skip
