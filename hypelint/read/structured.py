"""Structured files hypelint is given: configs (TOML), baselines (JSON) and
rule files (YAML), read so that no such file can crash or stall a run.

Whoever wrote it, a structured file is untrusted, so each is read the same
way: only a regular file of bounded size (`source.read_bytes`: a FIFO or
/dev/zero in its place is refused, never waited on or read forever), decoded
as UTF-8 with the offending byte named, parsed with nesting bounded
(MAX_DEPTH: the parsers recurse, and libyaml's C composer overflows the C
stack on a file nested a hundred thousand deep), and then checked against a
`Shape` whose errors name the key path (`rules.HL201.params.terms[3]`).
Every problem is a `StructuredError` whose message is one line; callers turn
it into their own error (ConfigError, BaselineError, RuleError).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypelint.read.source import InputError, read_bytes

# Deeper nesting than any hypelint file needs (a config's deepest key,
# rules.<CODE>.params.<name>[i], is four levels), and shallow enough that
# the recursive parsers never come near Python's recursion limit.
MAX_DEPTH = 64


# Every character str.splitlines() breaks a line at.
_LINE_BREAKS = {ord(c): repr(c)[1:-1] for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}


def one_line(text: str) -> str:
    """The text with its line breaks escaped (`\\n`): an error quoting a key
    or a value from a file must stay one line."""
    return text.translate(_LINE_BREAKS)


class StructuredError(Exception):
    """A structured file that cannot be used; the message is one line."""

    def __init__(self, message: str):
        super().__init__(one_line(message))


def read_text(path: str, limit: int, language: str) -> str:
    """A structured file's text: a regular file of at most `limit` bytes, in UTF-8."""
    try:
        data = read_bytes(path, limit)
    except InputError as exc:
        raise StructuredError(str(exc)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StructuredError(f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                              f"{language} files are UTF-8") from None  # fmt: skip


def parse_toml(text: str, name: str) -> dict[str, Any]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except ValueError as exc:  # TOMLDecodeError, or an integer of more digits than Python converts
        raise StructuredError(f"{name}: invalid TOML ({exc})") from None
    except RecursionError:  # the parser recurses once per level: far deeper than MAX_DEPTH
        raise _too_deep(name) from None
    _check_depth(data, name)
    return data


def parse_json(text: str, name: str) -> Any:
    try:
        data = json.loads(text)
    except RecursionError:
        raise _too_deep(name) from None
    except ValueError as exc:
        raise StructuredError(f"{name}: invalid JSON ({exc})") from None
    _check_depth(data, name)
    return data


def parse_yaml(text: str, name: str) -> Any:
    """YAML with the safe loader (libyaml's when PyYAML has it: ten times
    faster), which builds plain data, never Python objects."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        # The nesting is counted on the parser's events before anything is
        # built: the event parser keeps its own stack, the composer recurses.
        # Stopping at the first level too deep also stops libyaml's cost,
        # which grows with the square of the depth of a flow collection.
        depth = 0
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep(name)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" line {where.line + 1}:" if where else ""
        raise StructuredError(f"{name}:{line} invalid YAML ({getattr(exc, 'problem', None) or exc})") from None
    except ValueError as exc:  # a value its constructor cannot build: 2024-13-45, an integer of 5,000 digits
        raise StructuredError(f"{name}: invalid YAML ({exc})") from None
    except RecursionError:  # the pure-Python loader, without libyaml
        raise _too_deep(name) from None
    _check_depth(data, name)  # aliases can nest deeper than the text does
    return data


def _too_deep(name: str) -> StructuredError:
    return StructuredError(f"{name}: nested more than {MAX_DEPTH} levels deep")


def _check_depth(data: Any, name: str) -> None:
    """Refuse data nested deeper than MAX_DEPTH, without recursing.

    YAML aliases share one object among many places (and can make a cycle),
    so an object is walked again only when reached deeper than before: each
    is seen at most MAX_DEPTH times, and a cycle ends as too deep."""
    deepest: dict[int, int] = {}
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if not isinstance(value, (dict, list)) or deepest.get(id(value), 0) >= depth:
            continue
        if depth > MAX_DEPTH:
            raise _too_deep(name)
        deepest[id(value)] = depth
        children = value.values() if isinstance(value, dict) else value
        stack.extend((child, depth + 1) for child in children)


# --- shapes ---------------------------------------------------------------------


def kind_of(value: Any) -> str:
    """What a parsed value is, in TOML's words."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return "a date or time"
    for types, words in ((str, "a string"), (int, "an integer"), (float, "a float"), (dict, "a table"),
                         (list, "an array")):  # fmt: skip
        if isinstance(value, types):
            return words
    return type(value).__name__


class Shape:
    """What a value must be: one of `types` (a bool is never an int here),
    described for errors as `describe`."""

    types: tuple[type, ...] = ()

    def __init__(self, describe: str, types: tuple[type, ...] | None = None):
        self.describe = describe
        if types is not None:
            self.types = types

    def admits(self, value: Any) -> bool:
        """Whether the value is of this shape's types (its parts unchecked)."""
        return isinstance(value, self.types) and not (isinstance(value, bool) and bool not in self.types)

    def check(self, value: Any, path: str) -> None:
        """Raise StructuredError(`key '<path>': ...`) when the value is not of this shape."""
        if not self.admits(value):
            raise mismatch(path, f"must be {self.describe}, not {kind_of(value)}")


def mismatch(path: str, problem: str) -> StructuredError:
    """The error of a value at a key path; callers put the file's name before it."""
    return StructuredError(f"key '{path}': {problem}" if path else problem)


class Text(Shape):
    """A string that is not blank, and holds no NUL (which no path, name or
    address can: the system refuses it)."""

    types = (str,)

    def check(self, value: Any, path: str) -> None:
        super().check(value, path)
        if not value.strip():
            raise mismatch(path, "must not be blank")
        if "\0" in value:
            raise mismatch(path, "must not hold a NUL character (\\u0000)")


class Array(Shape):
    """A list whose every item is `item`."""

    types = (list,)

    def __init__(self, describe: str, item: Shape):
        super().__init__(describe)
        self.item = item

    def check(self, value: Any, path: str) -> None:
        super().check(value, path)
        for index, item in enumerate(value):
            self.item.check(item, f"{path}[{index}]")


class Table(Shape):
    """A table of known `keys` (name: shape), or of any keys whose values are all `values`."""

    types = (dict,)

    def __init__(self, describe: str, keys: dict[str, Shape] | None = None, values: Shape | None = None):
        super().__init__(describe)
        self.keys = keys or {}
        self.values = values

    def check(self, value: Any, path: str) -> None:
        super().check(value, path)
        for key, item in value.items():
            shape = self.values or self.keys.get(key)
            if shape is None:
                raise mismatch(path, f"unknown key {key!r}; allowed: {', '.join(self.keys)}")
            shape.check(item, f"{path}.{key}" if path else key)


class OneOf(Shape):
    """The first of `options` whose types admit the value decides (so that an
    array's error names the item at fault, not only what the whole must be)."""

    def __init__(self, describe: str, *options: Shape):
        super().__init__(describe, tuple(t for option in options for t in option.types))
        self.options = options

    def check(self, value: Any, path: str) -> None:
        for option in self.options:
            if option.admits(value):
                option.check(value, path)
                return
        raise mismatch(path, f"must be {self.describe}, not {kind_of(value)}")
