"""bytes → text: recognise the encodings digests arrive in, refuse what is not text."""

from __future__ import annotations

import codecs
import re

from telereader.core.model import DecodedText, Problem, Refused

# Magic numbers of files that users rename to .md by accident.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x1f\x8b", "GZIP"),
    (b"7z\xbc\xaf\x27\x1c", "7Z"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"BM", "BMP"),
    (b"RIFF", "RIFF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"\x7fELF", "ELF"),
)

# Control characters that never occur in a text file (tab, LF, FF, CR, ESC are allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def normalise_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes) -> DecodedText:
    """Decode a digest file's bytes; raise Refused with the reason when they are not text."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise Refused(Problem("empty_file"))
    data, padding = _without_nul_padding(data)
    text, encoding, warnings = _decode_text(data)
    text = normalise_line_ends(text)
    if padding:
        line = text.count("\n") + 1
        warnings.append(Problem("nul_padding", line=line, params={"count": str(padding)}))
    if _looks_binary(text):
        raise Refused(Problem("binary"))
    return DecodedText(text=text, encoding=encoding, warnings=tuple(warnings))


def _without_nul_padding(data: bytes) -> tuple[bytes, int]:
    """A file system that crashed while a capture was written can leave its end as NUL bytes:
    the text before them is read, and how many there were is told. NULs elsewhere (UTF-16, or
    binary data) are left for the decoder to judge."""
    if not data.endswith(b"\x00") or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data, 0
    text = data.rstrip(b"\x00")
    if b"\x00" in text:
        return data, 0
    return text, len(data) - len(text)


def _decode_text(data: bytes) -> tuple[str, str, list[Problem]]:
    if data.startswith(codecs.BOM_UTF8):
        return _decode_tolerating_cut(data[len(codecs.BOM_UTF8) :], "utf-8", "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        return _decode_tolerating_cut(data[2:], codec, "utf-16")
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            raise Refused(Problem("not_text", params={"format": name}))
    if b"\x00" in data:
        codec = _guess_bomless_utf16(data)
        if codec is None:
            raise Refused(Problem("binary"))
        return _decode_tolerating_cut(data, codec, codec)
    try:
        return _decode_tolerating_cut(data, "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return _decode_tolerating_cut(data, "gb18030", "gb18030")
    except UnicodeDecodeError:
        raise Refused(Problem("undecodable")) from None


def _decode_tolerating_cut(data: bytes, codec: str, name: str) -> tuple[str, str, list[Problem]]:
    """Decode strictly, except that an incomplete character at the very end is dropped with a
    warning: a capture that stopped mid-write must still import."""
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    text = decoder.decode(data, final=False)
    leftover, _ = decoder.getstate()
    if not leftover:
        return text, name, []
    line = text.count("\n") + text.count("\r") - text.count("\r\n") + 1
    return text, name, [Problem("truncated_char", line=line)]


def _guess_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII in it (times, asterisks, digits) leaves NULs on one side."""
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    if odd_nuls > half // 20 and odd_nuls > 4 * even_nuls:
        codec = "utf-16-le"
    elif even_nuls > half // 20 and even_nuls > 4 * odd_nuls:
        codec = "utf-16-be"
    else:
        return None
    try:
        data[: len(data) - len(data) % 2].decode(codec)
    except UnicodeDecodeError:
        return None
    return codec


def _looks_binary(text: str) -> bool:
    """Text decoders accept some binary data (GB18030 accepts most byte pairs); control
    characters give it away."""
    sample = text[:65536]
    return len(_CONTROL.findall(sample)) > max(2, len(sample) // 1000)
