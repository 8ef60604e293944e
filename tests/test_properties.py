"""Property tests: no input, however broken, makes decoding or parsing raise anything but a
refusal with a reason."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from telereader.core.importer import identify, read_digests
from telereader.core.messages import render
from telereader.core.model import Refused
from tests.conftest import SAMPLE

SAMPLE_BYTES = SAMPLE.read_bytes()


def read_or_refuse(data: bytes, name: str = "x.md"):
    try:
        digests = read_digests(data, name)
    except Refused as refusal:
        assert render(refusal.problem, "en")
        assert render(refusal.problem, "zh")
        return None
    assert digests
    for digest in digests:
        for warning in digest.warnings:
            assert render(warning, "en") and warning.line is not None
        items = identify(digest)
        assert len({item.id for item in items}) == len(items)
    return digests


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_a_digest_or_a_refusal(data):
    read_or_refuse(data)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=500), st.sampled_from(["x.md", "2026-01-14.md", "20260230.txt"]))
def test_arbitrary_text_in_any_encoding_gives_a_digest_or_a_refusal(text, name):
    for encoding in ("utf-8", "utf-16", "gb18030"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        read_or_refuse(data, name)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(SAMPLE_BYTES) - 1), st.integers(0, 255)),
        min_size=1,
        max_size=30,
    ),
    st.integers(0, len(SAMPLE_BYTES)),
)
def test_mutations_of_the_sample_day_give_a_digest_or_a_refusal(changes, cut):
    data = bytearray(SAMPLE_BYTES[:cut] if cut > 100 else SAMPLE_BYTES)
    for position, value in changes:
        if position < len(data):
            data[position] = value
    read_or_refuse(bytes(data))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(SAMPLE_BYTES.decode().split("\n")), max_size=60))
def test_shuffled_sample_lines_give_a_digest_or_a_refusal(lines):
    read_or_refuse("\n".join(lines).encode())
