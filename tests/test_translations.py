"""Every UI string has an English translation, and the compiled file matches the source."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from tests.conftest import ROOT

TS = ROOT / "resources" / "translations" / "telereader_en.ts"
QM = ROOT / "resources" / "translations" / "telereader_en.qm"
# PySide6 installs its tools beside the interpreter, which is not on PATH in an unactivated venv.
LUPDATE = shutil.which("pyside6-lupdate") or shutil.which(
    "pyside6-lupdate", path=str(Path(sys.executable).parent)
)


def sources(ts_path) -> set[str]:
    return {m.findtext("source") for m in ET.parse(ts_path).iter("message")}


def test_every_message_is_translated():
    unfinished = [
        m.findtext("source")
        for m in ET.parse(TS).iter("message")
        if m.find("translation").get("type") in {"unfinished", "obsolete", "vanished"}
    ]
    assert unfinished == []


@pytest.mark.skipif(LUPDATE is None, reason="needs PySide6's tools")
def test_the_translation_file_knows_every_string_in_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    app_files = sorted(str(p) for p in (ROOT / "telereader" / "app").glob("**/*.py"))
    subprocess.run(
        [LUPDATE, *app_files, "-no-obsolete", "-locations", "none", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert sources(fresh) == sources(TS)


def test_the_compiled_translation_loads_and_translates():
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("", "全部") == "All"
    assert translator.translate("", "导入报告") == "Import report"
