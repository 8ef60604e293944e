"""install-desktop: the Linux menu entry, icon and "Open with telereader"."""

from __future__ import annotations

import sys

from telereader.cli.common import EXIT_OK, UsageError, say
from telereader.cli.registry import command
from telereader.core.messages import pick, sentence

# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse


@command(
    "install-desktop",
    help=(
        "Linux：为当前用户安装菜单项、图标和“用 telereader 打开”",
        'Linux: install the menu entry, icon and "Open with telereader" for this user',
    ),
    store=False,
    loads=("telereader.desktop",),
)
def install_desktop(args: argparse.Namespace, store: None) -> int:
    from telereader import desktop

    if not sys.platform.startswith("linux"):
        raise UsageError(sentence("desktop_linux_only"))
    if args.remove:
        removed = desktop.remove()
        say(sentence("desktop_removed", count=len(removed)))
        return EXIT_OK
    written = desktop.install()
    say(desktop.describe(written))
    say(sentence("desktop_installed", count=len(written)))
    return EXIT_OK


@install_desktop.arguments
def install_desktop_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--remove",
        action="store_true",
        help=pick(("移除已安装的文件", "remove what was installed")),
    )
