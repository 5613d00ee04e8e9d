"""Read a file a user named, the same careful way for every command.

Missing files, folders, unreadable or oversized files and non-UTF-8 text become an
InputError naming the file, never a traceback.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = p.write_bytes("\\ufeff第一条".encode())
>>> read_text(p)
'第一条'
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import InputError, bilingual

DEFAULT_LIMIT = 20 * 1024 * 1024


def read_bytes(path: Path, limit: int = DEFAULT_LIMIT) -> bytes:
    """The file's bytes, refusing folders, missing files and files over `limit` bytes."""
    path = Path(path)
    try:
        if path.is_dir():
            raise InputError(bilingual(f"{path}：是文件夹，不是文件", f"{path}: is a folder, not a file"))
        if path.exists() and not path.is_file():   # a pipe or a device: reading it may never end
            raise InputError(bilingual(f"{path}：不是普通文件", f"{path}: not a regular file"))
        size = path.stat().st_size
        if size > limit:
            raise InputError(bilingual(f"{path}：文件过大（{size} 字节，上限 {limit}）",
                                       f"{path}: file too large ({size} bytes, limit {limit})"))
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(bilingual(f"{path}：无法读取（{reason}）",
                                   f"{path}: cannot read ({reason})")) from None
    if len(data) > limit:  # grew while we read it
        raise InputError(bilingual(f"{path}：文件过大", f"{path}: file too large"))
    return data


def decode_utf8(data: bytes, name: str) -> str:
    """UTF-8 text (a BOM is dropped); binary or other encodings are an InputError."""
    if b"\x00" in data[:4096]:
        raise InputError(bilingual(f"{name}：不是文本文件", f"{name}: not a text file"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(bilingual(f"{name}：不是 UTF-8 文本（第 {exc.start} 字节）",
                                   f"{name}: not UTF-8 text (byte {exc.start})")) from None


def read_text(path: Path, limit: int = DEFAULT_LIMIT) -> str:
    """A UTF-8 text file (BOM allowed) as str, with the checks of read_bytes."""
    return decode_utf8(read_bytes(path, limit), str(path))
