"""The command line's argparse parser, built from the registry (cli/registry.py).

A command line of the usual shape is read without it (cli/quick_args.py): argparse and its
gettext cost every command line about 4 ms (issue 19). It is built for everything else: help,
errors, and the shapes the quick reading leaves to it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from telereader import __version__
from telereader.cli.registry import COMMANDS, Command, Group, load_commands, only_version
from telereader.core.messages import pick


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
    """argparse's own words in the reader's language (cli/argparse_words.py), set once."""
    global _argparse_translated
    if _argparse_translated:
        return
    from telereader.cli.argparse_words import speak_the_readers_language

    speak_the_readers_language()
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
    if only_version(words):
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
