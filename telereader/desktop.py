"""Linux desktop integration: the menu entry, "Open with telereader" for Markdown files, the icon
and the AppStream description, installed for the current user (`telereader install-desktop`).

The files ship in the package (resources/desktop, resources/icons); installing copies them into
the XDG data folder, with the menu entry pointing at this very telereader.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

DESKTOP_ID = "io.github.telereader.Telereader"
RESERVED = " \t\n\"'\\><~|&;$*?#()`"  # characters that make an Exec argument need quotes


def shipped(*parts: str) -> Path:
    """A file of resources/ inside the installed package (or the one-folder app)."""
    return Path(str(resources.files("telereader.resources").joinpath(*parts)))


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launcher() -> list[str]:
    """The command that starts this telereader: the one-folder app's executable, the
    `telereader` script beside this Python, or this Python running the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.executable).with_name("telereader")
    if script.is_file():
        return [str(script)]
    found = shutil.which("telereader")
    return [found] if found else [sys.executable, "-m", "telereader"]


def exec_line(command: list[str]) -> str:
    """The desktop entry's Exec value: each argument quoted where the spec asks (`"`, `` ` ``,
    `$` and backslash escaped inside quotes), `%` doubled; then every backslash doubled once
    more, since the whole value is itself an escaped string; then %F."""
    quoted = []
    for argument in command:
        argument = argument.replace("%", "%%")
        if any(c in argument for c in RESERVED):
            escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
            quoted.append(f'"{escaped}"')
        else:
            quoted.append(argument)
    return " ".join(quoted).replace("\\", "\\\\") + " %F"


def targets(home: Path) -> dict[Path, Path]:
    """Where each shipped file goes: installed path → shipped path."""
    icons = shipped("icons")
    placed = {
        home / "applications" / f"{DESKTOP_ID}.desktop": shipped(
            "desktop", f"{DESKTOP_ID}.desktop"
        ),
        home / "metainfo" / f"{DESKTOP_ID}.metainfo.xml": shipped(
            "desktop", f"{DESKTOP_ID}.metainfo.xml"
        ),
        home / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg": icons
        / "telereader.svg",
    }
    for png in sorted((icons / "hicolor").glob("*/apps/telereader.png")):
        size = png.parent.parent.name
        placed[home / "icons" / "hicolor" / size / "apps" / f"{DESKTOP_ID}.png"] = png
    return placed


def install(home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Install the menu entry, icons and metainfo for this user; returns the files written."""
    home = home or data_home()
    written = []
    for target, source in targets(home).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.suffix == ".desktop":
            lines = source.read_text(encoding="utf-8").splitlines()
            entry = [
                f"Exec={exec_line(command or launcher())}" if line.startswith("Exec=") else line
                for line in lines
            ]
            target.write_text("\n".join(entry) + "\n", encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    _refresh_caches(home)
    return written


def remove(home: Path | None = None) -> list[Path]:
    """Remove what `install` wrote; returns the files removed."""
    home = home or data_home()
    removed = []
    for target in targets(home):
        if target.exists():
            target.unlink()
            removed.append(target)
    _refresh_caches(home)
    return removed


def _refresh_caches(home: Path) -> None:
    """Tell the desktop about the new MIME association, where its tool is installed."""
    tool = shutil.which("update-desktop-database")
    applications = home / "applications"
    if tool and applications.is_dir():
        subprocess.run([tool, "-q", str(applications)], check=False, timeout=60)


def describe(paths: list[Path]) -> str:
    return "\n".join(shlex.quote(str(path)) for path in paths)
