"""The codebase's own rules: a core without Qt, and ruff clean."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def test_the_core_imports_no_qt():
    code = (
        "import sys, pkgutil, importlib, telereader.core as core\n"
        "for m in pkgutil.iter_modules(core.__path__): importlib.import_module('telereader.core.' + m.name)\n"
        "import telereader.cli\n"
        "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is part of the test extra")
def test_ruff_is_clean():
    result = subprocess.run(
        ["ruff", "check", str(ROOT)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
