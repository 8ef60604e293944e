"""json.dumps(value, ensure_ascii=False, indent=2), the very same text, made faster.

json's indenting encoder is pure Python: `days --json` (3650 days) took 18 ms in it, a day's
items 10 ms. Without indent json's C encoder writes, and its item separator can carry the indent
of a record's fields, which all sit at one depth: so a flat record (a dict of scalars and empty
containers, as the command line's items and days are) is written by C in one call, and only the
containers around records are walked here. A real newline is never inside JSON text's strings
(json escapes it), so a newline in the C encoder's output is always a separator.
"""

from __future__ import annotations

import json

_SCALARS = (str, int, float, bool, type(None))
_STEP = "  "


class _NotPlain(Exception):
    """A dict key json would convert (int, None...): json.dumps writes that value."""


def indented_json(value: object) -> str:
    """json.dumps(value, ensure_ascii=False, indent=2)."""
    try:
        return _indented(value, "")
    except _NotPlain:
        return json.dumps(value, ensure_ascii=False, indent=2)


def _encoder(pad: str) -> json.JSONEncoder:
    """A C encoder writing a record's fields one a line, at `pad` plus one step."""
    encoder = _ENCODERS.get(pad)
    if encoder is None:
        separators = (",\n" + pad + _STEP, ": ")
        encoder = _ENCODERS[pad] = json.JSONEncoder(ensure_ascii=False, separators=separators)
    return encoder


_ENCODERS: dict[str, json.JSONEncoder] = {}


_SCALAR_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _is_record(value: object) -> bool:
    """A non-empty dict of str keys and scalars or empty containers: C writes it indented."""
    if not isinstance(value, dict) or not value:
        return False
    for key, field in value.items():
        if type(key) is not str and not isinstance(key, str):
            raise _NotPlain
        if type(field) not in _PLAIN and not _plain(field):
            return False
    return True


_PLAIN = frozenset(_SCALARS)  # the common case, by type alone (days: 18 000 fields)


def _plain(field: object) -> bool:
    """A scalar of a subclass (a StrEnum...) or an empty container."""
    return isinstance(field, _SCALARS) or (isinstance(field, (list, tuple, dict)) and not field)


def _indented(value: object, pad: str) -> str:
    inner = pad + _STEP
    if isinstance(value, dict):
        if not value:
            return "{}"
        if _is_record(value):
            return "{\n" + inner + _encoder(pad).encode(value)[1:-1] + "\n" + pad + "}"
        fields = []
        for key, field in value.items():
            if not isinstance(key, str):
                raise _NotPlain
            fields.append(inner + _SCALAR_ENCODER.encode(key) + ": " + _indented(field, inner))
        return "{\n" + ",\n".join(fields) + "\n" + pad + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        if all(_is_record(element) for element in value):
            return _records(value, pad)
        elements = [inner + _indented(element, inner) for element in value]
        return "[\n" + ",\n".join(elements) + "\n" + pad + "]"
    return _SCALAR_ENCODER.encode(value)


def _records(records: list | tuple, pad: str) -> str:
    """A list of records in one call of the C encoder: its separator between two records,
    "}" + separator + "{", is found (a record's fields are never followed by "{") and given
    the list's indent."""
    inner = pad + _STEP
    between = ",\n" + inner + _STEP
    text = _encoder(inner).encode(records)
    joined = text[2:-2].replace(
        "}" + between + "{", "\n" + inner + "},\n" + inner + "{" + between[1:]
    )
    return "[\n" + inner + "{\n" + inner + _STEP + joined + "\n" + inner + "}\n" + pad + "]"
