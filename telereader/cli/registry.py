"""The commands: each is one function registered with its name, help, arguments and whether it
writes the reader's data; the parser is built from this table.

    @command("star", help=("给条目加星标", "star items"), writes=True, arguments=item_ids)
    def star(args: Namespace, store: Store) -> int: ...

`arguments` (or `@star.arguments`) declares the command's arguments on its argparse parser;
`@star.checks` refuses (or converts) arguments before the library is opened, so a mistyped
argument never touches the library. The dispatcher (telereader/cli/__init__.py) opens the
library once for every command that needs it, and keeps the automatic backup after each command
registered `writes=True`.

Lazy imports: `telereader search` must start about as fast as grep, so a command module imports
at its top only the standard library's light modules, this registry, cli/common.py and
core/messages.py; whatever else a command needs it imports inside its function. A command that
needs one of HEAVY_MODULES when it runs names it: `@command("words", ..., loads=("jieba",))`.
tests/test_lazy_imports.py runs every command in a fresh process and fails when it loads a heavy
module it did not name, or when registering the commands loads any; the read commands (days,
items, show, search) may name none. A command module is listed in COMMAND_MODULES, in --help's
order: a command line naming a command imports its module alone.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from telereader import __version__
from telereader.core.messages import pick

Pair = tuple[str, str]  # (Chinese, English), shown in the reader's language
Declare = Callable[[argparse.ArgumentParser], None]
Check = Callable[[argparse.Namespace], None]
Run = Callable[..., int]  # (args, store) -> exit status; store is None when store=False

# What costs a command line tens of milliseconds or more to import (or starts processes, or
# loads Qt): a command loads these only when registered with them in `loads`.
HEAVY_MODULES = (
    "sqlite_utils",  # the store makes its Database for writes and migrations only
    "PySide6",
    "jieba",
    "multiprocessing",
    "concurrent.futures",
    "platformdirs",  # only when no --data-dir or TELEREADER_DATA_DIR names the library
    "telereader.app",
    "telereader.desktop",
    "telereader.core.importer",
    "telereader.core.pool",
    "telereader.core.export",
    "telereader.core.backup",
    "telereader.core.model",  # the import's data (files, digests, reports): reads use core/kinds.py
)
# A command registered writes=True also loads these: its transaction (sqlite-utils) and the
# automatic backup after it.
LOADED_BY_WRITES = ("sqlite_utils", "telereader.core.backup")
# What the commands that do the same work load, named once for each kind of work.
POOL_LOADS = ("multiprocessing", "concurrent.futures", "telereader.core.pool")  # worker processes
CATCHING_UP_LOADS = ("sqlite_utils", *POOL_LOADS)  # markets read off stale days first
IMPORTING_LOADS = (  # an import: its transactions, its parsing workers, its data
    "sqlite_utils", *POOL_LOADS, "telereader.core.importer", "telereader.core.model",
)  # fmt: skip


class Command:
    """One command: `name` is "star", or "watch add" for a command of the group "watch".

    A plain class, not a dataclass: `telereader --version` then loads no dataclasses (and
    inspect, ast, dis... behind it)."""

    def __init__(
        self,
        name: str,
        run: Run,
        help: Pair,
        *,
        writes: bool = False,  # the reader's data changes: an automatic backup follows
        json: bool = False,  # --json prints JSON for scripts
        store: bool = True,  # the library is opened for it
        declare: Declare | None = None,
        # the arguments argparse does not know are appended to this list of args: the query of
        # `search 黄金 -黄金周` holds an exclusion, not an option
        rest: str | None = None,
        loads: tuple[str, ...] = (),  # the HEAVY_MODULES it needs when it runs
    ) -> None:
        self.name, self.run, self.help = name, run, help
        self.writes, self.json, self.store = writes, json, store
        self.declare = declare
        self.check: Check | None = None
        self.rest = rest
        self.loads = loads

    def may_load(self) -> set[str]:
        """The HEAVY_MODULES a run of this command may load."""
        return {*self.loads, *(LOADED_BY_WRITES if self.writes else ())}

    def arguments(self, declare: Declare) -> Declare:
        self.declare = declare
        return declare

    def checks(self, check: Check) -> Check:
        self.check = check
        return check


class Group:
    """A command that holds commands (`watch add`, `watch list`...)."""

    def __init__(self, name: str, help: Pair, description: Pair) -> None:
        self.name, self.help, self.description = name, help, description


COMMANDS: dict[str, Command | Group] = {}  # in the order --help lists them


def command(
    name: str,
    help: Pair,
    *,
    writes: bool = False,
    json: bool = False,
    store: bool = True,
    arguments: Declare | None = None,
    rest: str | None = None,
    loads: tuple[str, ...] = (),
) -> Callable[[Run], Command]:
    def register(run: Run) -> Command:
        registered = Command(
            name,
            run,
            help,
            writes=writes,
            json=json,
            store=store,
            declare=arguments,
            rest=rest,
            loads=loads,
        )
        COMMANDS[name] = registered
        return registered

    return register


def group(name: str, help: Pair, description: Pair) -> Group:
    COMMANDS[name] = registered = Group(name, help, description)
    return registered


# The command modules (cli/*.py) in the order --help lists their commands, and the top-level
# commands each registers: a command line naming a command imports its module alone
# (tests/test_lazy_imports.py holds this table to what the modules register).
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "library": ("import", "days", "items", "show"),
    "follow": ("follow",),
    "search": ("search",),
    "saved": ("saved",),
    "words": ("words", "trend"),
    "markets": ("movers", "names", "related"),
    "export": ("export",),
    "backup": ("backup", "restore"),
    "watch": ("watch",),
    "marks": ("star", "unstar", "note"),
    "desktop": ("install-desktop",),
}


def load_commands(named: Iterable[str] | None = None) -> None:
    """Register the commands a command line (`named`, its words) names, or, naming none (a
    typo, --help) or not given, every command. The modules are small: what a command needs
    beyond them (the importer, the exporter, sqlite-utils...) it imports when it runs."""
    words = None if named is None else set(named)
    if words is not None and _only_version(words):
        return
    modules = [
        module
        for module, names in COMMAND_MODULES.items()
        if words is not None and words.intersection(names)
    ] or list(COMMAND_MODULES)
    for module in modules:
        __import__(f"telereader.cli.{module}")
    # in --help's order, whichever module registered first
    place = {
        name: number for number, names in enumerate(COMMAND_MODULES.values()) for name in names
    }
    ordered = sorted(COMMANDS.items(), key=lambda entry: place[entry[0].split(" ", 1)[0]])
    COMMANDS.clear()
    COMMANDS.update(ordered)


def _only_version(words: set[str]) -> bool:
    """Only options, --version among them: it answers before any command is looked at."""
    return "--version" in words and all(word.startswith("-") for word in words)


def top_level_names() -> set[str]:
    """Every top-level command's name, without importing the command modules."""
    return {name for names in COMMAND_MODULES.values() for name in names}


class Formatter(argparse.HelpFormatter):
    """argparse's, measuring the terminal as shutil.get_terminal_size does without importing
    shutil (and bz2, lzma, fnmatch behind it: 2.5 ms): argparse makes a formatter for every
    argument it is given, and measures the terminal in it."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def terminal_columns() -> int:
    """$COLUMNS, else the width of the terminal standard output is, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


def translate_argparse_once() -> None:
    """argparse translates its words (usage:, options, the help of -h...) through
    gettext.gettext, which looks for the catalogue on disk at every call, found or not: a dozen
    looks a command line, 1.3 ms. The same catalogue looked for once answers them all (argparse
    reads its `_` and `ngettext` when it calls them)."""
    global _argparse_translated
    if _argparse_translated:
        return
    import gettext

    domain = gettext.textdomain()
    catalogue = gettext.translation(domain, gettext.bindtextdomain(domain), fallback=True)
    argparse._ = catalogue.gettext  # type: ignore[attr-defined]
    argparse.ngettext = catalogue.ngettext  # type: ignore[attr-defined]
    _argparse_translated = True


_argparse_translated = False


class Parser(argparse.ArgumentParser):
    """The parser of the command line and of each command (add_subparsers makes its own kind)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


def build_parser(named: Iterable[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every command. With `named` (the command line), only the commands named
    there get a parser, and their arguments declared: each argparse parser costs (gettext looks
    for catalogues, every argument measures the terminal), so `telereader search` builds one
    command's, and `telereader --version` none and imports nothing a command needs. A command
    line naming no command (a typo, `--help`) gets them all, to list them."""
    words = None if named is None else set(named)
    load_commands(words)
    built = commands_to_build(words)
    translate_argparse_once()
    common = Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help=pick(
            (
                "资料库所在文件夹（默认按系统惯例，或环境变量 TELEREADER_DATA_DIR）",
                "the folder of the library (default: the system's data folder, or "
                "TELEREADER_DATA_DIR)",
            )
        ),
    )
    parser = Parser(
        prog="telereader",
        parents=[common],
        description=pick(
            (
                "财联社电报阅读器。不带命令时打开窗口。",
                "A reader for the Cailian Press telegraph digests. Without a command it opens "
                "the window.",
            )
        ),
    )
    parser.add_argument("--version", action="version", version=f"telereader {__version__}")
    parser.set_defaults(command=None, chosen=None)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    groups: dict[str, argparse._SubParsersAction] = {}
    for name, entry in COMMANDS.items():
        if name.split(" ", 1)[0] not in built:
            continue
        declared = words is None or name.split(" ", 1)[0] in words
        if isinstance(entry, Group):
            sub = subparsers.add_parser(
                name, parents=[common], help=pick(entry.help), description=pick(entry.description)
            )
            groups[name] = sub.add_subparsers(
                dest=f"{name}_command", metavar="COMMAND", required=True
            )
        elif " " in name:
            outer, inner = name.split(" ", 1)
            sub = groups[outer].add_parser(inner, parents=[common], help=pick(entry.help))
            add_command(sub, entry, declared)
        else:
            sub = subparsers.add_parser(
                name, parents=[common], help=pick(entry.help), description=pick(entry.help)
            )
            add_command(sub, entry, declared)
    return parser


def commands_to_build(words: set[str] | None) -> set[str]:
    """The top-level commands whose parsers the command line `words` needs."""
    everything = {name for name in COMMANDS if " " not in name}
    if words is None:
        return everything
    if _only_version(words):
        return set()
    return (everything & words) or everything


def add_command(sub: argparse.ArgumentParser, entry: Command, declared: bool) -> None:
    sub.set_defaults(chosen=entry)
    if not declared:
        return
    if entry.declare is not None:
        entry.declare(sub)
    if entry.json:
        sub.add_argument(
            "--json",
            action="store_true",
            help=pick(("输出 JSON，便于脚本处理", "print JSON for scripts")),
        )
