"""A command line of the plain shape, read without argparse.

`telereader items 2026-01-14 --json`, `days`, `show ID`, `search 黄金 --limit 20`: importing
argparse (and the gettext it imports) and building its parsers took about 4 ms of every such
command line (issue 19), a tenth of what a read command spends besides Python's own start.

The commands declare their arguments once, on argparse's parser (`Command.declare`). Here the
same declarations are recorded, and a command line is read by them when it has the plain shape:
`--data-dir DIR` before or after the command, option strings given whole, option values that
do not start with "-", the positionals in one run. Anything else (help, errors, abbreviations,
`--opt=value`, an exclusion such as `-黄金周`, a group command, an action other than storing)
reads as None and is left to argparse (cli/parser.py), so help and errors stay argparse's.
tests/test_quick_args.py holds every command's quick reading to argparse's reading.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from telereader.cli.registry import COMMANDS, Command, load_commands, top_level_names

DATA_DIR = "--data-dir"  # every parser's option (cli/parser.py), the library's folder
_SETTINGS = frozenset({"action", "nargs", "type", "default", "choices", "required", "dest"})
_SETTINGS_SHOWN = frozenset({"help", "metavar"})  # what only help shows


class NotPlain(Exception):
    """A declaration or a command line left to argparse."""


class Argument:
    """One add_argument, as argparse would store and convert its value."""

    def __init__(self, names: tuple[str, ...], settings: dict, group: ExclusiveGroup | None):
        if set(settings) - _SETTINGS - _SETTINGS_SHOWN:
            raise NotPlain
        self.action = settings.get("action", "store")
        self.nargs = settings.get("nargs")
        if self.action not in ("store", "store_true", "store_false"):
            raise NotPlain
        self.positional = not names[0].startswith("-")
        if (self.nargs is not None and not self.positional) or self.nargs not in (
            None, "?", "*", "+",
        ):  # fmt: skip
            raise NotPlain
        self.names, self.group = names, group
        self.convert = settings.get("type")
        self.choices = settings.get("choices")
        self.required = settings.get("required", False)
        self.dest = names[0] if self.positional else settings.get("dest") or _dest(names)
        switch = {"store_true": False, "store_false": True}
        self.default = settings.get("default", switch.get(self.action))

    def value(self, text: str) -> object:
        converted = text if self.convert is None else _converted(self.convert, text)
        if self.choices is not None and converted not in self.choices:
            raise NotPlain
        return converted

    def unseen(self) -> object:
        """Its value when the command line does not give it (argparse converts a text default)."""
        if self.required:
            raise NotPlain
        return self.value(self.default) if isinstance(self.default, str) else self.default


def _dest(names: tuple[str, ...]) -> str:
    long = next((name for name in names if name.startswith("--")), names[0])
    return long.lstrip("-").replace("-", "_")


def _converted(convert: object, text: str) -> object:
    try:
        return convert(text)  # type: ignore[operator]
    except Exception as error:  # argparse words the refusal
        raise NotPlain from error


class ExclusiveGroup:
    def __init__(self, declared: Declared, required: bool = False) -> None:
        self.declared, self.required = declared, required

    def add_argument(self, *names: str, **settings: object) -> None:
        self.declared.add(names, settings, self)


class Declared:
    """What a command declares, recorded in place of argparse's parser."""

    def __init__(self) -> None:
        self.options: dict[str, Argument] = {}
        self.positionals: list[Argument] = []
        self.groups: list[ExclusiveGroup] = []

    def add_argument(self, *names: str, **settings: object) -> None:
        self.add(names, settings, None)

    def add(self, names: tuple[str, ...], settings: dict, group: ExclusiveGroup | None) -> None:
        argument = Argument(names, settings, group)
        if argument.positional:
            self.positionals.append(argument)
        else:
            self.options.update(dict.fromkeys(names, argument))

    def add_mutually_exclusive_group(self, required: bool = False) -> ExclusiveGroup:
        group = ExclusiveGroup(self, required)
        self.groups.append(group)
        return group

    def __getattr__(self, name: str) -> object:
        raise NotPlain  # any other use of the parser: argparse's


def quick_reading(words: list[str]) -> SimpleNamespace | None:
    """The namespace argparse would give for `words`, or None when argparse must read them."""
    try:
        return _reading(words)
    except NotPlain:
        return None


def _reading(words: list[str]) -> SimpleNamespace | None:
    start, data_dir = 0, None
    while words[start : start + 1] == [DATA_DIR]:
        data_dir = _option_value(words, start)
        start += 2
    if start == len(words) or words[start] not in top_level_names():
        return None  # the window, `--help`, `--version`, files to open
    name = words[start]
    load_commands([name])
    entry = COMMANDS.get(name)
    if not isinstance(entry, Command):
        return None  # a group: `watch add ...`
    declared = declarations(entry)
    given, positionals, data_dir = _read(declared, words[start + 1 :], data_dir)
    values = _values(declared, given, positionals)
    if data_dir is not None:
        values["data_dir"] = Path(data_dir)
    return SimpleNamespace(**values, command=name, chosen=entry)


def declarations(entry: Command) -> Declared:
    """The command's arguments as its parser has them (cli/parser.py add_command)."""
    declared = Declared()
    if entry.declare is not None:
        entry.declare(declared)  # type: ignore[arg-type]
    if entry.json:
        declared.add_argument("--json", action="store_true")
    if DATA_DIR in declared.options:
        raise NotPlain
    return declared


def _option_value(words: list[str], at: int) -> str:
    if at + 1 >= len(words) or words[at + 1].startswith("-"):
        raise NotPlain  # argparse decides what a value like -5 is
    return words[at + 1]


def _read(
    declared: Declared, words: list[str], data_dir: str | None
) -> tuple[dict[Argument, object], list[str], str | None]:
    """The options given (the last of each wins, as in argparse) and the one run of
    positionals."""
    given: dict[Argument, object] = {}
    positionals: list[str] = []
    run = "before"  # the positionals' run: before it, in it, after it
    option_first = False
    at = 0
    while at < len(words):
        word = words[at]
        if word == DATA_DIR or word in declared.options:
            value = _option_value(words, at) if _takes_value(declared, word) else None
            if word == DATA_DIR:
                data_dir = value
            else:
                _give(declared.options[word], value, given)
            option_first = option_first or run == "before"
            run = "after" if run == "in" else run
            at += 1 if value is None else 2
            continue
        if word.startswith("-") or run == "after":
            raise NotPlain  # an unknown option, an exclusion, `--`, positionals in two runs
        positionals.append(word)
        run = "in"
        at += 1
    if option_first and declared.positionals and declared.positionals[0].nargs in ("?", "*"):
        raise NotPlain  # argparse gives such a positional nothing before an option
    return given, positionals, data_dir


def _takes_value(declared: Declared, word: str) -> bool:
    return word == DATA_DIR or declared.options[word].action == "store"


def _give(argument: Argument, value: str | None, given: dict[Argument, object]) -> None:
    if argument.group is not None and any(
        other.group is argument.group and other is not argument for other in given
    ):
        raise NotPlain  # argparse refuses two of a mutually exclusive group
    if argument.action == "store":
        given[argument] = argument.value(value)  # type: ignore[arg-type]
    else:
        given[argument] = argument.action == "store_true"


def _values(declared: Declared, given: dict[Argument, object], words: list[str]) -> dict:
    values: dict[str, object] = {}
    for group in declared.groups:
        if group.required and not any(argument.group is group for argument in given):
            raise NotPlain
    for argument in dict.fromkeys(declared.options.values()):
        values[argument.dest] = given[argument] if argument in given else argument.unseen()
    values.update(_positional_values(declared.positionals, words))
    return values


def _positional_values(positionals: list[Argument], words: list[str]) -> dict[str, object]:
    """The positionals' values: any number taking one each, then at most one taking several."""
    fixed = [argument for argument in positionals if argument.nargs is None]
    rest = positionals[len(fixed) :]
    if positionals[: len(fixed)] != fixed or len(rest) > 1:
        raise NotPlain
    extra = len(words) - len(fixed)
    nargs = rest[0].nargs if rest else None
    allowed = {None: extra == 0, "?": extra in (0, 1), "*": extra >= 0, "+": extra >= 1}
    if not allowed[nargs]:
        raise NotPlain
    values = {
        argument.dest: argument.value(word)
        for argument, word in zip(fixed, words[: len(fixed)], strict=True)
    }
    if rest:
        last, tail = rest[0], words[len(fixed) :]
        if nargs == "?":
            values[last.dest] = last.value(tail[0]) if tail else last.unseen()
        elif last.choices is not None:
            raise NotPlain
        elif tail:
            values[last.dest] = [last.value(word) for word in tail]
        else:
            values[last.dest] = [] if last.default is None else last.default
    return values
