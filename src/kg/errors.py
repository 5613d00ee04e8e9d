"""One error model: every mistake a person can fix is a KgError with a bilingual message.

The CLI turns any KgError into its message on stderr and exit code 2 (one place:
kg.cli.main); the app shows the message. Anything else is a bug and keeps its traceback.

>>> str(UsageError("没有第九十条 / no article 90"))
'没有第九十条 / no article 90'
"""

from __future__ import annotations


class KgError(Exception):
    """Base of every user-facing error; str(error) is the message in Chinese and English."""


class ParseError(KgError, ValueError):
    """A text cannot be read as a regulation."""


class InputError(KgError):
    """An input file or value is unusable (missing, a folder, binary, too large, bad encoding)."""


class StoreError(KgError):
    """A triple store or SPARQL endpoint could not answer or accept data."""


class UsageError(KgError):
    """The command was called wrongly (an option value, an article that does not exist)."""


class ConfigError(KgError):
    """A data file of the project (TOML, Turtle) is malformed; the message names file and line."""


def bilingual(zh: str, en: str) -> str:
    """The house style for messages: Chinese first, then English.

    >>> bilingual("文件为空", "the file is empty")
    '文件为空 / the file is empty'
    """
    return f"{zh} / {en}"
