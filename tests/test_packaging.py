"""Installable like a desktop app: the built wheel works on its own, the command line explains
itself, and the Linux desktop files are valid and open Markdown files in telereader."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from telereader import __version__, desktop
from telereader.cli import build_parser
from tests.conftest import FIXTURES, ROOT

RUN_TIMEOUT_S = 120


def run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TELEREADER_LANG": "en", **env}
    return subprocess.run(
        command,
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )


# ---- the command line ------------------------------------------------------------------------


def test_version_and_help_list_every_command_with_one_line(tmp_path):
    version = run([sys.executable, "-m", "telereader", "--version"], tmp_path)
    assert version.returncode == 0 and version.stdout.strip() == f"telereader {__version__}"
    shown = run([sys.executable, "-m", "telereader", "--help"], tmp_path)
    assert shown.returncode == 0
    commands = next(a.choices for a in build_parser()._actions if isinstance(a.choices, dict))
    help_lines = shown.stdout.splitlines()
    for name in commands:
        lines = [line for line in help_lines if line.strip().split(" ", 1)[0] == name]
        assert len(lines) == 1, name
        assert len(lines[0].split(None, 1)) == 2, f"{name} has no one-line description"


# ---- the wheel, installed on its own -----------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """`python -m build`: the sdist, then the wheel built from that sdist (so the sdist must
    carry everything too)."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return {
        "wheel": next(out.glob("telereader-*.whl")),
        "sdist": next(out.glob("telereader-*.tar.gz")),
    }


def test_the_wheel_carries_what_the_app_needs_at_run_time(built):
    names = set(zipfile.ZipFile(built["wheel"]).namelist())
    needed = [
        "telereader/seeds/cls-telegraph-2026-01-14.md",
        "telereader/resources/translations/telereader_en.qm",
        "telereader/resources/icons/telereader.svg",
        "telereader/resources/icons/hicolor/256x256/apps/telereader.png",
        f"telereader/resources/desktop/{desktop.DESKTOP_ID}.desktop",
        f"telereader/resources/desktop/{desktop.DESKTOP_ID}.metainfo.xml",
    ]
    assert [name for name in needed if name not in names] == []
    assert not any(name.startswith(("tests/", "benchmarks/")) for name in names)


def lend_this_environments_packages(python: Path) -> None:
    """The fresh environment sees the dependencies installed where the tests run, whether that is
    a virtual environment or not. `system_site_packages` would show the base interpreter's
    packages instead, which inside a virtual environment are not these. A plain path in a .pth
    file adds the folders but runs none of their .pth files, so this checkout's editable
    telereader stays out of sight and only the wheel's copy can be imported."""
    asked = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    )
    ours = sysconfig.get_paths()
    folders = dict.fromkeys([ours["purelib"], ours["platlib"]])
    (Path(asked.stdout.strip()) / "lent-dependencies.pth").write_text(
        "".join(f"{folder}\n" for folder in folders), encoding="utf-8"
    )


def test_the_built_wheel_runs_in_a_fresh_virtual_environment(built, tmp_path):
    """Installed alone (its dependencies are this environment's), from a folder far from the
    source tree: --version works and the bundled sample imports as 93 items. Holds whether the
    suite runs in a virtual environment or in a system or pyenv Python."""
    home = tmp_path / "venv"
    venv.create(home, with_pip=True)
    scripts = home / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / "python"
    lend_this_environments_packages(python)
    installed = run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", str(built["wheel"])],
        tmp_path,
    )
    assert installed.returncode == 0, installed.stderr
    where = run(
        [str(python), "-c", "import telereader.core.seeds as s; print(s.sample_days()[0])"],
        tmp_path,
    )
    sample = Path(where.stdout.strip())
    assert sample.is_relative_to(home), f"the sample came from {sample}, not the wheel"
    telereader = scripts / "telereader"
    version = run([str(telereader), "--version"], tmp_path)
    assert version.stdout.strip() == f"telereader {__version__}"
    imported = run(
        [str(telereader), "--data-dir", str(tmp_path / "lib"), "import", "--json", str(sample)],
        tmp_path,
    )
    assert imported.returncode == 0, imported.stderr
    assert '"added": 93' in imported.stdout


def test_the_sdist_carries_the_sources_tests_and_resources(built):
    import tarfile

    with tarfile.open(built["sdist"]) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for needed in (
        "pyproject.toml",
        "README.md",
        "seeds/cls-telegraph-2026-01-14.md",
        "resources/translations/telereader_en.qm",
        "resources/icons/telereader.svg",
        f"resources/desktop/{desktop.DESKTOP_ID}.desktop",
    ):
        assert needed in names, needed


# ---- Linux desktop integration --------------------------------------------------------------------


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None or shutil.which("appstreamcli") is None,
    reason="Debian's desktop-file-utils and appstream are not installed here",
)
def test_the_desktop_entry_and_the_metainfo_validate():
    entry = desktop.shipped("desktop", f"{desktop.DESKTOP_ID}.desktop")
    metainfo = desktop.shipped("desktop", f"{desktop.DESKTOP_ID}.metainfo.xml")
    checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert checked.returncode == 0 and checked.stdout == "", checked.stdout
    checked = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout


def test_install_desktop_puts_entry_icons_and_metainfo_in_the_users_data_folder(tmp_path):
    home = tmp_path / "share"
    written = desktop.install(home, ["/opt/tele reader/telereader"])
    entry = home / "applications" / f"{desktop.DESKTOP_ID}.desktop"
    assert entry in written
    text = entry.read_text(encoding="utf-8")
    assert 'Exec="/opt/tele reader/telereader" %F' in text
    assert "MimeType=text/markdown;" in text
    assert f"Icon={desktop.DESKTOP_ID}" in text
    for size in ("16x16", "48x48", "256x256", "512x512"):
        assert (home / "icons" / "hicolor" / size / "apps" / f"{desktop.DESKTOP_ID}.png").is_file()
    assert (home / "metainfo" / f"{desktop.DESKTOP_ID}.metainfo.xml").is_file()
    removed = desktop.remove(home)
    assert sorted(removed) == sorted(written)
    assert not entry.exists()


def test_open_with_telereader_imports_the_file_and_shows_its_day(tmp_path):
    """What a file manager does with "Open with telereader": run the entry's Exec line with the
    file for %F. The window opens (offscreen here), imports it and shows its day."""
    home = tmp_path / "share"
    desktop.install(home, [sys.executable, "-m", "telereader"])
    entry = (home / "applications" / f"{desktop.DESKTOP_ID}.desktop").read_text(encoding="utf-8")
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))[5:]
    dropped = tmp_path / "downloads" / "small.md"
    dropped.parent.mkdir()
    shutil.copy(FIXTURES / "small.md", dropped)
    command = [str(dropped) if part == "%F" else part for part in shlex.split(exec_line)]
    opened = run(
        command,
        tmp_path,
        TELEREADER_SMOKE_TEST="1",
        TELEREADER_DATA_DIR=str(tmp_path / "library"),
    )
    assert opened.returncode == 0, opened.stderr
    assert "showing 2026-03-02 with 7 items" in opened.stdout
