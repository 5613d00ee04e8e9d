"""The project's TOML files read once into typed, frozen objects, strictly.

An unknown key, a missing key or a value of the wrong type is a ConfigError that
names the file and the line, at load time — never a rule silently skipped later.

>>> from dataclasses import dataclass
>>> @dataclass(frozen=True)
... class Demo:
...     name: str
...     size: int = 1
>>> parse(Demo, {"name": "x"}, "demo.toml", "name = 'x'")
Demo(name='x', size=1)
>>> parse(Demo, {"nmae": "x"}, "demo.toml", "nmae = 'x'")
Traceback (most recent call last):
...
kg.errors.ConfigError: demo.toml:1: 未知的键 nmae / unknown key 'nmae' (known: name, size)
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

from kg.errors import ConfigError
from kg.files import read_text

T = TypeVar("T")


def read_toml(path: Path) -> tuple[dict, str]:
    """The parsed TOML and its text; a syntax error is a ConfigError with the line."""
    text = read_text(path)
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML 语法错误 / TOML syntax error: {exc}") from None


def load(cls: type[T], path: Path) -> T:
    """Read a TOML file into the dataclass `cls`, strictly."""
    data, text = read_toml(path)
    return parse(cls, data, str(path), text)


def line_of(text: str, key: str) -> int | None:
    """The first line where `key` is assigned or opens a table (1-based), if any."""
    pattern = re.compile(rf'^\s*(?:\[\[?\s*)?(?:"{re.escape(key)}"|{re.escape(key)})\s*(?:=|\]|\.)', re.M)
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _where(file: str, text: str, key: str) -> str:
    line = line_of(text, key)
    return f"{file}:{line}" if line else file


def parse(cls: type[T], data: Any, file: str, text: str, context: str = "") -> T:
    """Build dataclass `cls` from a TOML table, checking keys and value types."""
    if not isinstance(data, dict):
        raise ConfigError(f"{file}: {context or cls.__name__} 应为表 / should be a table")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    toml_names = {f.metadata.get("toml", f.name): f.name for f in fields.values()}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in toml_names:
            known = ", ".join(sorted(toml_names))
            raise ConfigError(f"{_where(file, text, key)}: 未知的键 {key} / unknown key {key!r} "
                              f"(known: {known})")
        name = toml_names[key]
        values[name] = _convert(hints[name], value, file, text, key)
    for f in fields.values():
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if required and f.name not in values:
            key = f.metadata.get("toml", f.name)
            raise ConfigError(f"{file}: {context or cls.__name__} 缺少键 {key} / missing key {key!r}")
    return cls(**values)


def _convert(hint: Any, value: Any, file: str, text: str, key: str) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        errors = []
        for option in args:
            if option is type(None) and value is None:
                return None
            try:
                return _convert(option, value, file, text, key)
            except ConfigError as exc:
                errors.append(str(exc))
        raise ConfigError(errors[-1])
    if dataclasses.is_dataclass(hint):
        return parse(hint, value, file, text, key)  # type: ignore[arg-type]
    if origin in (tuple, list):
        if not isinstance(value, list):
            raise _type_error(file, text, key, "a list")
        inner = args[0] if args else Any
        return tuple(_convert(inner, v, file, text, key) for v in value)
    if origin is dict:
        if not isinstance(value, dict):
            raise _type_error(file, text, key, "a table")
        kt, vt = args if args else (Any, Any)
        return {_convert(kt, k, file, text, key): _convert(vt, v, file, text, str(k))
                for k, v in value.items()}
    if hint is Any:
        return value
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint is int and isinstance(value, bool):
        raise _type_error(file, text, key, "a whole number")
    if isinstance(hint, type) and not isinstance(value, hint):
        raise _type_error(file, text, key, {str: "text", int: "a whole number", float: "a number",
                                            bool: "true or false"}.get(hint, hint.__name__))
    return value


def _type_error(file: str, text: str, key: str, expected: str) -> ConfigError:
    return ConfigError(f"{_where(file, text, key)}: 键 {key} 的值类型不对 / key {key!r} should be "
                       f"{expected}")
