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

from collections.abc import Callable, Iterable

# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

Pair = tuple[str, str]  # (Chinese, English), shown in the reader's language
Declare = Callable[["argparse.ArgumentParser"], None]
Check = Callable[["argparse.Namespace"], None]
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
        # it searches: SQLite's memory statistics go off before the library opens, so that big
        # totals are counted on several cores (core/sqlite_memory.py, count_split.py)
        searches: bool = False,
    ) -> None:
        self.name, self.run, self.help = name, run, help
        self.writes, self.json, self.store = writes, json, store
        self.declare = declare
        self.check: Check | None = None
        self.rest = rest
        self.loads = loads
        self.searches = searches

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
    searches: bool = False,
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
            searches=searches,
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
    if words is not None and only_version(words):
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


def only_version(words: set[str]) -> bool:
    """Only options, --version among them: it answers before any command is looked at."""
    return "--version" in words and all(word.startswith("-") for word in words)


def top_level_names() -> set[str]:
    """Every top-level command's name, without importing the command modules."""
    return {name for names in COMMAND_MODULES.values() for name in names}
