"""A plain command line is read without argparse (issue 19), and read exactly as argparse reads
it: whatever the quick reading gives, argparse gives the same; what it cannot read, it leaves."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from telereader.cli import parsed
from telereader.cli.quick_args import NotPlain, declarations, quick_reading
from telereader.cli.registry import COMMANDS, Command, load_commands

load_commands()
PLAIN_COMMANDS = sorted(  # not a group's (`watch add`): those are argparse's
    name for name, entry in COMMANDS.items() if isinstance(entry, Command) and " " not in name
)


def argparse_reading(words: list[str]) -> dict | None:
    """argparse's namespace for `words` (main's way: extras go to the command's rest), or
    None when argparse refuses them or prints help."""
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            return vars(parsed(words))
        except SystemExit:
            return None


def the_words_of(name: str) -> st.SearchStrategy[str]:
    """What a command line of `name` is made of: mostly its option strings and plain values,
    sometimes what argparse alone reads (exclusions, abbreviations, help...)."""
    try:
        options = list(declarations(COMMANDS[name]).options)  # type: ignore[arg-type]
    except NotPlain:  # a command quick_reading leaves to argparse whole
        options = []
    plain = [
        *options, "--data-dir", name, "2026-01-14", "20", "黄金", "", "day", "month", "md",
        "theme", "company", "abc", "20260114-0930-abcdef12", "on", "x y",
    ]  # fmt: skip
    odd = ["-黄金周", "-5", "--", "-", "--js", "-h", "--help", "--version", "--limit=5"]
    plain_words = st.sampled_from(plain)
    return st.one_of(plain_words, plain_words, plain_words, st.sampled_from(odd))


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    name = draw(st.sampled_from(PLAIN_COMMANDS))
    before = draw(
        st.sampled_from([[], ["--data-dir", "lib"], ["--data-dir", "a", "--data-dir", "b"]])
    )
    after = draw(st.lists(the_words_of(name), max_size=6))
    return [*before, name, *after]


@settings(max_examples=500, deadline=None)
@given(command_lines())
def test_what_the_quick_reading_reads_argparse_reads_the_same(words):
    quick = quick_reading(words)
    if quick is not None:
        assert vars(quick) == argparse_reading(words)


@pytest.mark.parametrize(
    "words",
    [
        ["days", "--json"],
        ["--data-dir", "lib", "items", "2026-01-14", "--json"],
        ["items", "--json", "2026-01-14", "--data-dir", "lib"],
        ["show", "20260114-0930-abcdef12"],
        ["search", "黄金", "白银", "--limit", "20", "--json"],
        ["search", "黄金", "--from", "2026-01-01", "--important", "--starred"],
        ["search"],
        ["trend", "黄金", "--by", "month", "--json"],
        ["words", "2026-01-14", "--limit", "5", "--rising"],
    ],
)
def test_the_usual_command_lines_are_read_quickly_and_as_argparse_reads_them(words):
    quick = quick_reading(words)
    assert quick is not None
    assert vars(quick) == argparse_reading(words)


@pytest.mark.parametrize(
    "words",
    [
        [],  # the window
        ["--help"],
        ["--version"],
        ["items", "--help"],
        ["items"],  # its day is missing: argparse says so
        ["items", "2026-01-14", "2026-01-15"],
        ["search", "黄金", "-黄金周"],  # an exclusion: argparse gives it to the query
        ["search", "--js", "黄金"],  # an abbreviation argparse allows
        ["search", "--limit=5", "黄金"],
        ["search", "--limit", "many"],  # refused, in argparse's words
        ["search", "--important", "黄金"],  # argparse gives the query nothing before an option
        ["trend", "黄金", "--by", "year"],
        ["watch", "list", "--json"],  # a group
        ["--data-dir"],
        [str(Path("day.md"))],  # a file to open
    ],
)
def test_what_is_not_plain_is_left_to_argparse(words):
    assert quick_reading(words) is None


def every_shape(parser) -> None:
    """Every declaration quick_reading reads, on one command."""
    parser.add_argument("first", type=int)
    parser.add_argument("second", nargs="?", default="7", type=int, choices=[5, 6, 7])
    parser.add_argument("--off", action="store_false")
    parser.add_argument("--count", type=int, default="3")
    parser.add_argument("--kind", choices=["a", "b"], default="a")
    parser.add_argument("--must", required=False, dest="needed")
    either = parser.add_mutually_exclusive_group()
    either.add_argument("--left", action="store_true")
    either.add_argument("--right", action="store_true")


SHAPE_OPTIONS = [
    ["--off"], ["--count", "4"], ["--kind", "b"], ["--must", "m"], ["--left"], ["--right"],
    ["--data-dir", "d"],
]  # fmt: skip
SHAPE_REFUSED = [["--count", "x"], ["--kind", "c"], ["--cou", "2"], ["-1"], ["--right", "-x"]]


@st.composite
def shaped_lines(draw: st.DrawFn) -> list[str]:
    """Mostly command lines argparse takes, some it refuses or reads in its own way."""
    chunk = st.sampled_from(SHAPE_OPTIONS)
    options = draw(st.lists(st.one_of(chunk, chunk, chunk, st.sampled_from(SHAPE_REFUSED))))
    run = draw(st.lists(st.sampled_from(["1", "5", "6", "9", "x"]), min_size=1, max_size=2))
    at = draw(st.integers(0, len(options)))
    return [word for chunk in [*options[:at], run, *options[at:]] for word in chunk]


@settings(max_examples=300, deadline=None)
@given(shaped_lines())
def test_every_kind_of_declaration_reads_as_argparse_reads_it(monkeypatch_days, words):
    words = ["days", *words]
    quick = quick_reading(words)
    if quick is not None:
        assert vars(quick) == argparse_reading(words)


@pytest.fixture(scope="module")
def monkeypatch_days():
    days = COMMANDS["days"]
    declare, days.declare = days.declare, every_shape
    yield
    days.declare = declare
