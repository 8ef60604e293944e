"""The command line starts as fast as grep: each command loads only what it uses.

Every command runs here in a fresh Python process, against a small library, and reports which of
the registry's HEAVY_MODULES it loaded; a command may load only those it names in `loads=` (and,
registered writes=True, LOADED_BY_WRITES), and the read commands (days, items, show, search) name none. A command added to the registry without
an example below fails `test_every_command_has_an_example_here`: add one, so that it is checked.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from telereader.cli import main
from telereader.cli.registry import COMMANDS, Command, load_commands, top_level_names
from telereader.core.store import Store
from telereader.core.watchlists import add_keywords
from tests.conftest import ROOT, SAMPLE

READ_COMMANDS = ("days", "items", "show", "search")
# Standard modules the read commands do without (each a few ms of a command line): dataclasses
# (and inspect, ast, dis... behind it: the read path's classes are core/record.py Records),
# typing (TYPE_CHECKING is a constant), shutil (argparse measures the terminal without it).
# _strptime (with calendar): a day on the command line is read by hand.
NOT_READ = ("dataclasses", "inspect", "typing", "shutil", "_strptime")
# nor, on a command line of the plain shape (cli/quick_args.py), argparse and what it brings
NOT_READ_PLAIN = ("argparse", "gettext", "locale")

# The command line of each command (after --data-dir): {item} is an item of the sample day,
# {tmp} a folder of the test's own.
EXAMPLES: dict[str, list[str]] = {
    "import": ["import", str(SAMPLE)],
    "follow": ["follow", "--once", str(SAMPLE.parent)],
    "days": ["days", "--json"],
    "items": ["items", "2026-01-14", "--json"],
    "show": ["show", "{item}"],
    "search": ["search", "黄金", "-黄金周", "--limit", "20", "--json"],
    "saved": ["saved", "--json"],
    "export": ["export", "--format", "md", "-o", "{tmp}/out.md"],
    "backup": ["backup", "-o", "{tmp}/again.json"],
    "restore": ["restore", "{tmp}/saved.json"],
    "watch add": ["watch", "add", "原油", "原油"],
    "watch remove": ["watch", "remove", "黄金", "黄金"],
    "watch list": ["watch", "list", "--json"],
    "watch hits": ["watch", "hits", "--json"],
    "watch options": ["watch", "options", "黄金", "--titles-only", "on"],
    "star": ["star", "{item}"],
    "unstar": ["unstar", "{item}"],
    "note": ["note", "{item}", "记一笔"],
    "install-desktop": ["install-desktop"],
    "movers": ["movers", "2026-01-14", "--json"],
    "names": ["names", "--kind", "theme", "--json"],
    "related": ["related", "{item}", "--json"],
    "words": ["words", "2026-01-14", "--json"],
    "trend": ["trend", "黄金", "--by", "month", "--json"],
}

# Run in the fresh process: the command, then which heavy modules it loaded (on stderr's last line).
PROBE = f"""
import json, sys
from telereader.cli import main
from telereader.cli.registry import HEAVY_MODULES
code = main(sys.argv[1:])
standard = sorted(name for name in {NOT_READ!r} if name in sys.modules)
plain = sorted(name for name in {NOT_READ_PLAIN!r} if name in sys.modules)
loaded = sorted(
    heavy for heavy in HEAVY_MODULES
    if any(name == heavy or name.startswith(heavy + ".") for name in sys.modules)
)
sys.stderr.write("\\n" + json.dumps({{"code": code, "loaded": loaded, "standard": standard, "plain": plain}}) + "\\n")
"""


def registered_commands() -> dict[str, Command]:
    load_commands()
    return {name: entry for name, entry in COMMANDS.items() if isinstance(entry, Command)}


@pytest.fixture(scope="module")
def sample_library(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The sample day imported with a watchlist 黄金, and one of its items."""
    folder = tmp_path_factory.mktemp("lazy") / "library"
    assert main(["--data-dir", str(folder), "import", "--json", str(SAMPLE)]) == 0
    with Store.open(folder) as store:
        add_keywords(store, "黄金", ["黄金"])
        item = store.items_on(store.days()[0].day)[0].id
    return folder, item


def run_fresh(arguments: list[str], home: Path) -> dict:
    environment = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "share"),
        "TELEREADER_NO_WINDOW": "1",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *arguments],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stderr.strip().splitlines()[-1])


def test_every_command_has_an_example_here():
    assert sorted(registered_commands()) == sorted(EXAMPLES)


def test_the_read_commands_may_load_no_heavy_module():
    commands = registered_commands()
    assert {name: commands[name].may_load() for name in READ_COMMANDS} == {
        name: set() for name in READ_COMMANDS
    }


def test_registering_every_command_loads_no_heavy_module():
    # every command module (cli/*.py), as any command line loads them to find its command
    code = PROBE.replace(
        "code = main(sys.argv[1:])",
        "from telereader.cli.registry import load_commands\nload_commands()\ncode = 0",
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert (report["code"], report["loaded"]) == (0, [])


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_a_command_loads_only_the_heavy_modules_it_names(sample_library, tmp_path, name):
    master, item = sample_library
    library = tmp_path / "library"
    shutil.copytree(master, library)
    assert main(["--data-dir", str(library), "backup", "-o", str(tmp_path / "saved.json")]) == 0
    arguments = [part.format(item=item, tmp=tmp_path) for part in EXAMPLES[name]]
    report = run_fresh(["--data-dir", str(library), *arguments], tmp_path)
    assert report["code"] == 0
    assert set(report["loaded"]) <= registered_commands()[name].may_load(), report["loaded"]
    if name in READ_COMMANDS:
        assert report["standard"] == [], report["standard"]


@pytest.mark.parametrize(
    "arguments",
    [
        ["days", "--json"],
        ["items", "2026-01-14", "--json"],
        ["show", "{item}", "--json"],
        ["search", "黄金", "--limit", "20", "--json"],
        ["search", "黄金", "白银", "--important"],
    ],
)
def test_a_plain_read_command_line_is_read_without_argparse(sample_library, tmp_path, arguments):
    library, item = sample_library
    arguments = [part.format(item=item) for part in arguments]
    report = run_fresh(["--data-dir", str(library), *arguments], tmp_path)
    assert (report["code"], report["plain"]) == (0, [])


def test_a_command_line_naming_a_command_builds_only_that_commands_parser():
    from telereader.cli.parser import build_parser

    def commands_built(arguments: list[str]) -> set[str]:
        parser = build_parser(named=arguments)
        subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        return set(subparsers[0].choices) if subparsers else set()

    assert commands_built(["--data-dir", "x", "search", "黄金", "--json"]) == {"search"}
    assert commands_built(["--version"]) == set()
    # a command line naming none (a typo, --help) gets them all, to list them
    assert commands_built(["serch"]) == commands_built(["--help"]) == set(top_level_names())


WINDOW = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from telereader.app.window import MainWindow
from telereader.core.store import Store
app = QApplication(sys.argv[:1])
store = Store.open(Path(sys.argv[1]))
window = MainWindow(store, Path(sys.argv[1]), "en")
window.show()
window.start()
app.processEvents()
window.repaint()
heavy = ("sqlite_utils", "multiprocessing", "concurrent.futures.process", "jieba")
print(sorted(name for name in heavy if name in sys.modules))
window.close()
store.close()
"""


@pytest.mark.gui
def test_the_window_starts_without_sqlite_utils_or_multiprocessing(sample_library, tmp_path):
    """The window shows a library without the writer's sqlite-utils or the import's worker
    processes: they load when a write or a big import needs them."""
    library = tmp_path / "library"
    shutil.copytree(sample_library[0], library)
    result = subprocess.run(
        [sys.executable, "-c", WINDOW, str(library)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout


def test_help_wraps_to_the_terminal_width_as_argparse_does(monkeypatch):
    from telereader.cli.parser import build_parser

    def help_lines(columns: str) -> list[str]:
        monkeypatch.setenv("COLUMNS", columns)
        return build_parser(named=["search", "--help"]).format_help().splitlines()

    assert max(map(len, help_lines("50"))) <= 50 < max(map(len, help_lines("200")))


def test_the_table_of_command_modules_is_what_the_modules_register():
    from telereader.cli.registry import COMMAND_MODULES, Group

    load_commands()
    registered: dict[str, list[str]] = {}
    for name, entry in COMMANDS.items():
        if isinstance(entry, Group):  # the module of its commands
            entry = next(c for n, c in COMMANDS.items() if n.startswith(name + " "))
        module = entry.run.__module__
        if " " not in name:
            registered.setdefault(module.rsplit(".", 1)[1], []).append(name)
    assert registered == {module: list(names) for module, names in COMMAND_MODULES.items()}
    assert list(registered) == list(COMMAND_MODULES)  # --help's order


def test_a_command_line_naming_a_command_imports_its_module_alone():
    code = (
        "import sys\n"
        "from telereader.cli.parser import build_parser\n"
        "build_parser(named=sys.argv[1:])\n"
        "print(sorted(m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('telereader.cli.')"
        " and m.rsplit('.', 1)[1] not in ('registry', 'parser', 'quick_args', 'common', 'argparse_words')))\n"
    )

    def modules(*arguments: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", code, *arguments],
            capture_output=True, text=True, cwd=ROOT, check=True,
        )  # fmt: skip
        return done.stdout.strip()

    assert modules("--data-dir", "x", "search", "黄金", "--json") == "['search']"
    assert modules("watch", "add", "黄金", "黄金") == "['watch']"
    assert modules("--version") == "[]"


def test_argparse_says_its_words_in_the_readers_language_without_a_catalogue_look():
    code = (
        "import argparse, gettext, sys\n"
        "looks = []\n"
        "gettext.find = lambda *a, **k: looks.append(a)\n"
        "from telereader.cli.parser import build_parser\n"
        "print(build_parser(named=['items']).format_usage().split()[0])\n"
        "print(len(looks), 'locale' in sys.modules)\n"
    )

    def said(language: str) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
            env={**os.environ, "TELEREADER_LANG": language},
        )  # fmt: skip
        return done.stdout.split()

    assert said("zh") == ["用法：telereader", "0", "False"]
    assert said("en") == ["usage:", "0", "False"]
