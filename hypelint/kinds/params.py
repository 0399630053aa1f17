"""Params: each kind's settings, built from a rule file's `params` mapping.

A kind declares its params as a frozen dataclass that subclasses `Params`;
`from_dict` refuses a name the kind does not know and a value of the wrong
type, with a line that names the param, so a bad rule file stops the run
with one clear error rather than a traceback.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from typing import Any

from hypelint.kinds.cues import Cues


@dataclasses.dataclass(frozen=True)
class Params:
    """Base of each kind's params; `from_dict` checks names and types.

    Patterns are compiled on first use (`cached_property`), so a run pays
    only for the rules it selects; `validate` compiles them all at once, for
    rule files that have not been checked before (a user's house pack).
    """

    def validate(self) -> None:
        for name in dir(type(self)):
            if isinstance(getattr(type(self), name), functools.cached_property):
                value = getattr(self, name)
                if isinstance(value, Cues):
                    value.validate()

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        fields = {f.name: f for f in dataclasses.fields(cls)}
        unknown = set(data) - set(fields)
        if unknown:
            raise ValueError(f"unknown param {sorted(unknown)[0]!r}; allowed: {', '.join(sorted(fields)) or 'none'}")
        hints = _type_hints(cls)
        values = {}
        for name, value in data.items():
            values[name] = _coerce(name, value, hints[name])
        return cls(**values)


@functools.lru_cache(maxsize=None)
def _type_hints(cls) -> dict[str, Any]:
    """A Params class's field types, worked out once per class, not once per rule."""
    return typing.get_type_hints(cls)


def _coerce(name: str, value: Any, hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if hint is bool:
        if not isinstance(value, bool):
            raise ValueError(f"param {name!r} must be true or false")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"param {name!r} must be a whole number")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"param {name!r} must be a number")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise ValueError(f"param {name!r} must be a string")
        return value
    if origin is tuple:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"param {name!r} must be a list of strings")
        return tuple(value)
    if origin is dict or hint is dict:
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise ValueError(f"param {name!r} must be a mapping of strings")
        return {str(k).lower(): v for k, v in value.items()}
    return value
