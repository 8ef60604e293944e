"""Content-derived item ids: the same item gets the same id on every machine and re-import."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

OPENING_LENGTH = 16

# The dateline opens almost every body (财联社1月14日电，) so it says nothing about the story.
_DATELINE = re.compile(
    r"^(?:《[^》\n]{1,16}》[\u4e00-\u9fff]{0,6}?|[\u4e00-\u9fff]{2,10}?)"
    r"(?:\d{1,2}月)?\d{1,2}日(?:电|讯)[，,:：\s]*"
)


def _letters(text: str) -> str:
    """NFKC, lower case, without white space and punctuation: what survives re-typesetting."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(
        char for char in text if not (char.isspace() or unicodedata.category(char)[0] in "PSZC")
    )


def opening(body: str) -> str:
    """The first words of a body after its dateline, normalised."""
    return _letters(_DATELINE.sub("", body, count=1))[:OPENING_LENGTH]


def title_key(title: str | None) -> str | None:
    return _letters(title) if title else None


def item_key(title: str | None, body: str) -> str:
    key = title_key(title)
    return f"t:{key}" if key else f"o:{opening(body)}"


def item_id(day: dt.date, minute: dt.time, key: str, occurrence: int = 1) -> str:
    """`20260114-1211-3f9a2c1b`: readable day and minute, then a hash of the story's key.

    `occurrence` tells apart distinct items of one minute that share a key (counted in file order).
    """
    material = f"{day.isoformat()}|{minute:%H:%M}|{key}|{occurrence}".encode()
    digest = hashlib.blake2b(material, digest_size=4).hexdigest()
    return f"{day:%Y%m%d}-{minute:%H%M}-{digest}"
