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


class _Letters(dict):
    """A `str.translate` table: each character to its NFKC form in lower case, with white space,
    punctuation, symbols and controls dropped. A character is decided once, not once per item:
    keys are made for every item of every import."""

    def __missing__(self, code: int) -> str:
        kept = "".join(
            char
            for char in unicodedata.normalize("NFKC", chr(code)).lower()
            if not (char.isspace() or unicodedata.category(char)[0] in "PSZC")
        )
        self[code] = kept
        return kept


_LETTERS = _Letters()


def _letters(text: str) -> str:
    """NFKC, lower case, without white space and punctuation: what survives re-typesetting."""
    return text.translate(_LETTERS)


def opening(body: str) -> str:
    """The first words of a body after its dateline, normalised."""
    rest = _DATELINE.sub("", body, count=1)
    # A short prefix holds 16 letters unless it is mostly punctuation; bodies run to hundreds.
    prefix = rest[: OPENING_LENGTH * 4]
    letters = _letters(prefix)
    if len(letters) <= OPENING_LENGTH and len(prefix) < len(rest):
        letters = _letters(rest)
    return letters[:OPENING_LENGTH]


def title_key(title: str | None) -> str | None:
    return _letters(title) if title else None


def item_key(title: str | None, body: str) -> str:
    key = title_key(title)
    return f"t:{key}" if key else f"o:{opening(body)}"


def item_id(day: dt.date, minute: dt.time, key: str, occurrence: int = 1) -> str:
    """`20260114-1211-3f9a2c1b`: readable day and minute, then a hash of the story's key.

    `occurrence` tells apart distinct items of one minute that share a key (counted in file order).
    """
    return IdMaker(day).make(minute, key, occurrence)


class IdMaker:
    """Ids for the items of one day, with the day's parts formatted once (imports make ids for
    every item of every file)."""

    def __init__(self, day: dt.date):
        self._iso = day.isoformat()
        self._compact = f"{day.year:04}{day.month:02}{day.day:02}"

    def make(self, minute: dt.time, key: str, occurrence: int = 1) -> str:
        hour, mins = f"{minute.hour:02}", f"{minute.minute:02}"
        material = f"{self._iso}|{hour}:{mins}|{key}|{occurrence}".encode()
        digest = hashlib.blake2b(material, digest_size=4).hexdigest()
        return f"{self._compact}-{hour}{mins}-{digest}"
