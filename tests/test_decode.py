"""Decoding: every encoding and line end digests arrive in; refusals for what is not text."""

from __future__ import annotations

import pytest

from telereader.core.decode import decode
from telereader.core.messages import render
from telereader.core.model import Refused
from tests.conftest import FIXTURES

SMALL = (FIXTURES / "small.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("file_name", "encoding"),
    [
        ("small.md", "utf-8"),
        ("small-bom.md", "utf-8-sig"),
        ("small-gb18030.md", "gb18030"),
        ("small-utf16.md", "utf-16"),
        ("small-utf16be.md", "utf-16"),
        ("small-crlf.md", "utf-8"),
        ("small-cr.md", "utf-8"),
    ],
)
def test_every_supported_encoding_and_line_end_gives_the_same_text(file_name, encoding):
    decoded = decode((FIXTURES / file_name).read_bytes())
    assert decoded.encoding == encoding
    assert decoded.text == SMALL
    assert decoded.warnings == ()


def test_gbk_text_is_read_as_gb18030():
    decoded = decode(SMALL.encode("gbk"))
    assert decoded.text == SMALL


def test_utf16_without_bom_is_recognised():
    assert decode(SMALL.encode("utf-16-le")).text == SMALL
    assert decode(SMALL.encode("utf-16-be")).text == SMALL


def test_a_final_line_cut_inside_a_character_keeps_the_rest_with_a_warning():
    decoded = decode((FIXTURES / "cut-mid-character.md").read_bytes())
    (warning,) = decoded.warnings
    assert warning.code == "truncated_char"
    assert warning.line == SMALL.rstrip().count("\n") + 1
    assert decoded.text.endswith("某公司公告称签订重大合同。（财联社记者 张三")
    assert "\ufffd" not in decoded.text


@pytest.mark.parametrize("data", [b"", b"   \n\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n\n"])
def test_an_empty_file_is_refused(data):
    with pytest.raises(Refused) as refusal:
        decode(data)
    assert refusal.value.problem.code == "empty_file"
    assert render(refusal.value.problem, "en") == "the file is empty"


def test_a_picture_renamed_md_is_refused_as_not_text():
    with pytest.raises(Refused) as refusal:
        decode((FIXTURES / "picture.md").read_bytes())
    assert refusal.value.problem.code == "not_text"
    assert "PNG" in render(refusal.value.problem, "en")
    assert "PNG" in render(refusal.value.problem, "zh")


@pytest.mark.parametrize(
    "data", [bytes(range(256)) * 4, b"\x00\x01\x02\x03" * 100, b"abc\x00\x00\x00\x01\x02xyz" * 50]
)
def test_binary_data_is_refused(data):
    with pytest.raises(Refused) as refusal:
        decode(data)
    assert refusal.value.problem.code in {"binary", "undecodable", "not_text"}
