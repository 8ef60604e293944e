"""Record: the classes a read gives (items, days, filters, queries) without the dataclasses
module.

`import dataclasses` costs a command line 9 ms (it imports inspect, ast, dis, tokenize...) and
each @dataclass another 0.5 to 1 ms making its methods with exec: more than the read itself
spends. A Record is declared as a dataclass is, by annotated fields with defaults, and behaves
as a frozen one (or a mutable one, `frozen=False`) does: keyword or positional arguments,
equality of the same class field by field, a hash of the fields when frozen, the same repr,
assignment refused, `replace(**changes)` for `dataclasses.replace`.

    class Query(Record):
        include: tuple[str, ...] = ()
        rest: ItemFilter = factory(ItemFilter)  # dataclasses.field(default_factory=...)
"""

from __future__ import annotations

from collections.abc import Callable

_MISSING = object()


class FrozenRecordError(AttributeError):
    """A field of a frozen record was assigned (as dataclasses.FrozenInstanceError)."""


class factory:  # named as the call it stands for, `field(default_factory=...)`
    """A field's default made anew for each record (a list, a dict...)."""

    def __init__(self, make: Callable[[], object]) -> None:
        self.make = make


class Record:
    # set for each subclass by __init_subclass__
    _fields: tuple[str, ...] = ()
    _defaults: dict[str, object]  # the fields' defaults (a `factory` for made ones)
    _frozen = True

    def __init_subclass__(cls, frozen: bool = True, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        # the class's own annotations, in order (inspect.get_annotations: inspect is what this
        # module is here to avoid importing)
        annotations = cls.__dict__.get("__annotations__", {})  # noqa: RUF063
        own = [name for name in annotations if name not in cls._fields]
        cls._fields = (*cls._fields, *own)
        cls._defaults = {name: getattr(cls, name) for name in cls._fields if hasattr(cls, name)}
        cls._frozen = frozen
        if not frozen:
            cls.__hash__ = None  # type: ignore[assignment]  # mutable and compared: unhashable

    def __init__(self, *args: object, **kwargs: object) -> None:
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__}() takes {len(fields)} arguments")
        values = dict(zip(fields, args, strict=False))  # the rest by keyword or default
        for name, value in kwargs.items():
            if name not in fields:
                raise TypeError(f"{type(self).__name__}() got an unexpected argument {name!r}")
            if name in values:
                raise TypeError(f"{type(self).__name__}() got {name!r} twice")
            values[name] = value
        for name in fields[len(args) :]:
            if name not in values:
                default = self._defaults.get(name, _MISSING)
                if default is _MISSING:
                    raise TypeError(f"{type(self).__name__}() is missing {name!r}")
                values[name] = default.make() if isinstance(default, factory) else default
        self.__dict__.update(values)

    def _values(self) -> tuple:
        return tuple([getattr(self, name) for name in self._fields])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({shown})"

    def __setattr__(self, name: str, value: object) -> None:
        if self._frozen:
            raise FrozenRecordError(f"cannot assign to field {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        if self._frozen:
            raise FrozenRecordError(f"cannot delete field {name!r}")
        object.__delattr__(self, name)

    def replace(self, **changes: object) -> Record:
        """A copy with `changes`, as dataclasses.replace makes it (through __init__)."""
        unknown = set(changes) - set(self._fields)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        return type(self)(**{name: getattr(self, name) for name in self._fields} | changes)
