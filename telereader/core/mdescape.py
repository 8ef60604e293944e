"""Telegraph text inside a Markdown export, without markup a Markdown viewer would run.

Obsidian, Typora, GitHub and other viewers render raw HTML (`<img onerror=…>`, `<style>`,
`<script>`, comments that hide text) and autolinks (`<http://…>`): each starts with `<` followed by
a letter, `/`, `!` or `?`. The export writes that `<` as the character reference `&#60;`, which
every Markdown renderer shows as a plain `<`, and the parser turns it back, so the export still
imports as the very same items.

To keep the round trip exact for text that already holds such a reference, a reference written
`&` + n × `#38;` + `#60;` before a tag character gains one `#38;` on the way out and loses one on
the way in (n = 0 is the escaped `<`). Nothing else is touched.
"""

from __future__ import annotations

import re

_TAG_START = r"(?=[A-Za-z!?/])"
_ESCAPE = re.compile(rf"<{_TAG_START}|&((?:#38;)*)#60;{_TAG_START}")
_UNESCAPE = re.compile(rf"&((?:#38;)*)#60;{_TAG_START}")


def escape_markup(text: str) -> str:
    """`text` with every start of HTML or an autolink made inert (see the module's note)."""
    return _ESCAPE.sub(lambda m: "&#60;" if m[0] == "<" else f"&#38;{m[1]}#60;", text)


def unescape_markup(text: str) -> str:
    """The inverse of `escape_markup`: what the parser reads back from an export."""
    return _UNESCAPE.sub(lambda m: f"&{m[1][4:]}#60;" if m[1] else "<", text)
