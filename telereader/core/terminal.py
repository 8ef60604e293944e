"""Text on its way to a terminal, made inert.

Digest files, notes and file names are written by others. Printed raw, an ESC sequence in a title
could hide text (`ESC[8m`), move the cursor over earlier lines, retitle the window or write the
clipboard (OSC 52), and a bidi override (U+202E) could make a line read differently from what it
holds. `inert` keeps every character a reader should see and turns the rest into visible marks.
"""

from __future__ import annotations

import json
import re

from telereader.core.jsontext import indented_json

# The explicit bidi controls: embeddings and overrides, isolates, marks (LRM, RLM, ALM).
BIDI_CONTROLS = frozenset(
    [
        *map(chr, range(0x202A, 0x202F)),
        *map(chr, range(0x2066, 0x206A)),
        "\u200e",
        "\u200f",
        "\u061c",
    ]
)
_UNSAFE = "[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]"
# In JSON text only string contents can hold these (json.dumps already escapes C0 controls).
_UNSAFE_IN_JSON = "[\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]"
# Compiled when first used (re's cache keeps them): a command line prints one kind or the other,
# and compiling both cost 0.5 ms of each one's start (issue 19).


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC shows as ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    if code <= 0x9F:
        return f"\\x{code:02x}"  # C1 controls (0x9b is a one-byte CSI) have no pictures
    return f"<U+{code:04X}>"


def inert(text: str) -> str:
    """`text` with every control character (but newline and tab) and every bidi control shown
    as a visible mark, so that printing it cannot drive the terminal or reorder the line."""
    return re.sub(_UNSAFE, _visible, text)


def inert_json(value: object, indent: int | None = 2) -> str:
    """`value` as JSON that decodes to exactly the same strings, with the characters `inert`
    marks written as \\u escapes, so that the JSON on a screen is inert too."""
    if indent == 2:
        text = indented_json(value)  # the same text, the C encoder writing most of it
    else:
        text = json.dumps(value, ensure_ascii=False, indent=indent)
    return inert_json_text(text)


def inert_json_text(text: str) -> str:
    """JSON text with the characters `inert` marks in its strings written as \\u escapes."""
    if text.isascii() and "\x7f" not in text:
        return text  # nothing to mark (days --json: 400 kB read once instead of by the regex)
    return re.sub(_UNSAFE_IN_JSON, lambda match: f"\\u{ord(match.group()):04x}", text)
