"""Spreadsheets as offices keep them -> rows of cells, with every limit enforced while reading.

CSV/TSV in UTF-8 (with or without BOM), GB18030/GBK or UTF-16 — detected (BOM, then a strict
UTF-8 try, then charset-normalizer) and named — and .xlsx workbooks (python-calamine; every
visible sheet). A file that is a zip is read as a workbook whatever its name. Nothing is read
whole into Python objects: rows stream, and the row, field and size limits stop the read as
soon as they are passed, so a small hostile file cannot take much memory or time.

A problem a person can fix is a FileProblem naming file, sheet, line and column; a fatal one
means the file could not be read at all.

>>> t = open_table("a.csv", b"id,seal\\nY1,x\\n", Limits())
>>> t.encoding, [(line, cells) for line, cells in t.sheets[0].rows]
('UTF-8', [(1, ['id', 'seal']), (2, ['Y1', 'x'])])
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import bilingual

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx and legacy .xls
SAMPLE = 64 * 1024
DELIMITERS = (",", ";", "\t")
DETECTABLE = ["gb18030", "big5", "utf_16_le", "utf_16_be"]
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "utf-16": "UTF-16",
                  "utf_16_le": "UTF-16LE", "utf_16_be": "UTF-16BE", "gb18030": "GB18030",
                  "big5": "Big5"}


@dataclass(frozen=True)
class Limits:
    """How much one file may hold (ontology/records.toml [limits])."""

    max_file_bytes: int = 20_000_000
    max_rows: int = 200_000
    max_field_bytes: int = 131_072
    max_unzipped_bytes: int = 160_000_000
    max_columns: int = 52


@dataclass(frozen=True)
class FileProblem:
    """Something in an input file a person can fix; `fatal`: the file could not be read at all."""

    file: str
    line: int | None
    column: str | None
    message: str
    sheet: str | None = None
    fatal: bool = False

    def __str__(self) -> str:
        where = self.file
        if self.sheet:
            where += f" 工作表 sheet {self.sheet}"
        if self.line is not None:
            where += f" 第{self.line}行 line {self.line}"
        if self.column:
            where += f" 列 column {self.column}"
        return f"{where}: {self.message}"


class Unreadable(Exception):
    """The file (or sheet) cannot be read; carries the FileProblem."""

    def __init__(self, problem: FileProblem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class Sheet:
    """One table: its name (None for CSV) and its rows as (line number, cells)."""

    name: str | None
    rows: Iterator[tuple[int, list]]
    notes: list[FileProblem] = field(default_factory=list)


@dataclass
class Table:
    """An opened file: its format, encoding (CSV) and sheets, plus remarks on skipped parts."""

    file: str
    format: str
    encoding: str | None
    sheets: list[Sheet]
    notes: list[FileProblem] = field(default_factory=list)


def open_table(name: str, source: bytes | Path, limits: Limits) -> Table:
    """Open a CSV/TSV or .xlsx file (a path, or bytes already in memory) for streaming."""
    head = check_size(name, source, limits)
    if head.startswith(ZIP_MAGIC):
        return _xlsx(name, source, limits)
    if head.startswith(OLE_MAGIC):
        raise Unreadable(FileProblem(name, None, None, bilingual(
            "受密码保护的 .xlsx 或旧版 .xls 文件：请取消密码并另存为 .xlsx 或 CSV",
            "a password-protected .xlsx or a legacy .xls: remove the password and save as .xlsx "
            "or CSV"), fatal=True))
    return _csv(name, source, head, limits)


def check_size(name: str, source: bytes | Path, limits: Limits) -> bytes:
    """The file's first bytes; a folder, a missing, empty or oversized file is Unreadable."""
    if isinstance(source, bytes):
        size, head = len(source), source[:SAMPLE]
    else:
        try:
            if source.is_dir():
                raise Unreadable(FileProblem(name, None, None, bilingual(
                    "是文件夹，不是文件（请列出其中的文件，如 DIR/*.csv）",
                    "is a folder, not a file (name the files in it, e.g. DIR/*.csv)"), fatal=True))
            if source.exists() and not source.is_file():   # a pipe or a device: reading may never end
                raise Unreadable(FileProblem(name, None, None, bilingual(
                    "不是普通文件", "not a regular file"), fatal=True))
            size = source.stat().st_size
            with source.open("rb") as fh:
                head = fh.read(SAMPLE)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise Unreadable(FileProblem(name, None, None, bilingual(
                f"无法读取（{reason}）", f"cannot read ({reason})"), fatal=True)) from None
    if size > limits.max_file_bytes:
        mb, cap = size // 1_000_000, limits.max_file_bytes // 1_000_000
        raise Unreadable(FileProblem(name, None, None, bilingual(
            f"文件过大（{mb} MB，上限 {cap} MB）", f"file too large ({mb} MB, limit {cap} MB)"),
            fatal=True))
    if size == 0:
        raise Unreadable(FileProblem(name, None, None, bilingual("文件为空", "the file is empty"),
                                 fatal=True))
    return head


# ---------------------------------------------------------------- CSV


def detect_encoding(sample: bytes) -> str | None:
    """The codec of a text sample: BOM, strict UTF-8, UTF-16 by its NULs, else charset-normalizer.

    >>> detect_encoding("公文签发".encode("gb18030")), detect_encoding("公文".encode("utf-8"))
    ('gb18030', 'utf-8')
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):   # before UTF-16: FF FE 00 00
        return "utf-32"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    even, odd = sample[0::2], sample[1::2]
    if len(sample) >= 4 and odd.count(0) > len(odd) // 2 and even.count(0) == 0:
        return "utf_16_le"
    if len(sample) >= 4 and even.count(0) > len(even) // 2 and odd.count(0) == 0:
        return "utf_16_be"
    from charset_normalizer import from_bytes
    best = from_bytes(sample, cp_isolation=DETECTABLE).best()
    if best is None:
        return None
    if best.encoding == "big5":  # short GB text often scores as Big5; offices here write GB18030
        try:
            codecs.getincrementaldecoder("gb18030")().decode(sample, final=False)
            return "gb18030"
        except UnicodeDecodeError:
            pass
    return best.encoding


def _looks_binary(sample: bytes, encoding: str) -> bool:
    if encoding.startswith(("utf_16", "utf-16", "utf-32")):
        return False
    controls = sum(sample.count(bytes([b])) for b in range(9)) + sample.count(b"\x0e")
    return controls > max(8, len(sample) // 20) or b"\x00" in sample.split(b"\n", 1)[0]


def _delimiter(text: str) -> str:
    """The separator of the first non-blank line, among , ; and tab (quotes are never sniffed)."""
    for line in text.splitlines():
        if line.strip(" ,;\t\ufeff"):
            counts = {d: line.count(d) for d in DELIMITERS}
            best = max(DELIMITERS, key=lambda d: counts[d])
            return best if counts[best] else ","
    return ","


def _csv(name: str, source: bytes | Path, head: bytes, limits: Limits) -> Table:
    encoding = detect_encoding(head)
    mixed = _mostly_utf8(head) if encoding != "utf-8" else None
    if mixed is not None:
        raise Unreadable(FileProblem(name, mixed, None, bilingual(
            "这一行不是 UTF-8 文本，而其余各行是；请把文件统一另存为 UTF-8",
            "this line is not UTF-8 while the others are: save the whole file as UTF-8"), fatal=True))
    if encoding is None or _looks_binary(head, encoding):
        raise Unreadable(FileProblem(name, None, None, bilingual(
            "不是文本文件，也不是 .xlsx（无法识别的二进制内容）",
            "not a text file nor an .xlsx (unrecognised binary content)"), fatal=True))
    sample_text = head.decode(encoding, errors="ignore")
    delimiter = _delimiter(sample_text)
    named = ENCODING_NAMES.get(encoding, encoding.upper())
    sheet = Sheet(None, _csv_rows(name, source, encoding, delimiter, limits))
    return Table(name, "tsv" if delimiter == "\t" else "csv", named, [sheet])


CJK = re.compile("[\u4e00-\u9fff]")
QUOTED = re.compile(r'"[^"]*"')   # a quoted cell, whose delimiters are text


class TooWide(Exception):
    """A CSV line with far more cells than a log has."""


def _csv_rows(name: str, source: bytes | Path, encoding: str, delimiter: str,
              limits: Limits) -> Iterator[tuple[int, list]]:
    raw = io.BytesIO(source) if isinstance(source, bytes) else source.open("rb")
    text = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")
    damaged: list[bool] = [False]

    def lines() -> Iterator[str]:
        for chunk in text:
            if "\x00" in chunk:
                damaged[0] = True
            # before the csv module makes a cell of each
            if len(chunk) > wide and chunk.count(delimiter) > wide:
                unquoted = QUOTED.sub("", chunk)
                if unquoted.count(delimiter) > wide:
                    if unquoted.split(delimiter, wide)[-1].strip(delimiter + " \t\r\n"):
                        raise TooWide
                    chunk = chunk.rstrip(delimiter + " \t\r\n") + "\n"   # empty cells past the limit
            yield chunk

    wide = limits.max_columns * 4

    csv.field_size_limit(limits.max_field_bytes)
    reader = csv.reader(lines(), delimiter=delimiter, quotechar='"', doublequote=True, strict=False)
    line = 0
    try:
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except TooWide:
                most = limits.max_columns
                raise Unreadable(FileProblem(name, reader.line_num + 1, None, bilingual(
                    f"列数过多（上限 {most}）", f"too many columns (limit {most})"), fatal=True)) from None
            except csv.Error as exc:
                kib = limits.max_field_bytes // 1024
                what = (bilingual(f"单元格过大（上限 {kib} KiB）", f"a cell is too large (limit {kib} KiB)")
                        if "field larger" in str(exc) else
                        bilingual(f"CSV 格式错误：{exc}", f"malformed CSV: {exc}"))
                raise Unreadable(FileProblem(name, reader.line_num, None, what, fatal=True)) from None
            except UnicodeDecodeError as exc:
                enc = ENCODING_NAMES.get(encoding, encoding)
                raise Unreadable(FileProblem(name, _bad_line(source, encoding), None, bilingual(
                    f"编码错误：按 {enc} 无法解码（另存为 UTF-8 CSV 或 .xlsx）",
                    f"cannot decode as {enc} ({exc.reason}); save as CSV UTF-8 or .xlsx"),
                    fatal=True)) from None
            line = reader.line_num
            if len(cells) > limits.max_columns:
                # as in a workbook: empty cells past the limit are dropped, a filled one refuses the file
                if any(c.strip() for c in cells[limits.max_columns:]):
                    wide = limits.max_columns
                    raise Unreadable(FileProblem(name, line, None, bilingual(
                        f"列数过多（上限 {wide}）", f"too many columns (limit {wide})"), fatal=True))
                cells = cells[:limits.max_columns]
            if line > limits.max_rows + 1:
                raise Unreadable(FileProblem(name, line, None, bilingual(
                    f"行数过多（上限 {limits.max_rows}）", f"too many rows (limit {limits.max_rows})"),
                    fatal=True))
            if damaged[0]:
                damaged[0] = False
                yield line, [BadCell(NUL_MESSAGE) if "\x00" in c else c for c in cells]
                continue
            yield line, cells
    finally:
        text.close()


def _mostly_utf8(sample: bytes) -> int | None:
    """A text written in UTF-8 but for a few lines (one pasted from a GBK file): the first of them."""
    lines = sample.split(b"\n")[:-1] or sample.split(b"\n")   # the last may be cut mid-character
    bad, chinese = [], 0
    for number, line in enumerate(lines, start=1):
        try:
            chinese += bool(CJK.search(line.decode("utf-8")))
        except UnicodeDecodeError:
            bad.append(number)
    # …and the lines that are UTF-8 write Chinese in it (not GBK bytes that happen to decode)
    return bad[0] if bad and len(bad) * 4 <= len(lines) and chinese > len(bad) else None


def _bad_line(source: bytes | Path, encoding: str) -> int | None:
    """The first line that does not decode (the reader decodes in blocks, so it cannot tell)."""
    if encoding.startswith("utf_16") or encoding == "utf-16":
        return None
    data = source if isinstance(source, bytes) else source.read_bytes()
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode(encoding)
        except UnicodeDecodeError:
            return number
    return None


# ---------------------------------------------------------------- xlsx

# Cell or row references far outside a log (column BA and beyond, row 210000 and beyond): a
# dense reader would allocate the whole rectangle, so such a sheet is refused before reading.
FAR_CELL = re.compile(rb'<(?:c|row) r="(?:(?:[B-Z][A-Z]|[A-Z]{3})\d'
                      rb'|[A-Z]{0,3}(?:\d{7}|[3-9]\d{5}|2[1-9]\d{4}))')
FORMULA = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*>\s*<f[ >/](?:(?!</c>).)*?(<v>[^<]|</c>)', re.S)


def column_letter(index: int) -> str:
    """0 -> A, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _xlsx(name: str, source: bytes | Path, limits: Limits) -> Table:
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    data = source if isinstance(source, bytes) else source.read_bytes()
    formulas = _inspect_zip(name, data, limits)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        metadata = book.sheets_metadata
    except Exception as exc:  # calamine raises its own error types for any malformed workbook
        raise Unreadable(FileProblem(name, None, None, bilingual(
            "无法读取 .xlsx（文件已损坏或不是 Excel 工作簿）",
            f"cannot read the .xlsx (corrupted or not an Excel workbook: {type(exc).__name__})"),
            fatal=True)) from None
    table = Table(name, "xlsx", None, [])
    for index, meta in enumerate(metadata):
        if meta.visible != SheetVisibleEnum.Visible:
            table.notes.append(FileProblem(name, None, None, bilingual(
                "隐藏的工作表，未读取", "hidden sheet, not read"), sheet=meta.name))
            continue
        table.sheets.append(Sheet(meta.name, _sheet_rows(name, book, index, meta.name, limits,
                                                        formulas.get(index, {}))))
    return table


def _inspect_zip(name: str, data: bytes, limits: Limits) -> dict[int, dict[tuple[int, int], bool]]:
    """Refuse zip bombs and far-flung cells; find formula cells (and whether Excel cached a value)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise Unreadable(FileProblem(name, None, None, bilingual(
            "无法读取 .xlsx（压缩包已损坏）", "cannot read the .xlsx (corrupted zip)"), fatal=True)) from None
    if sum(i.file_size for i in infos) > limits.max_unzipped_bytes:
        raise Unreadable(FileProblem(name, None, None, bilingual(
            "工作簿解压后过大", "the workbook is too large once unzipped"), fatal=True))
    # the sizes a zip states are the sender's word: each member is unpacked here, within the limit,
    # and one that holds more or less than it states refuses the workbook
    left = limits.max_unzipped_bytes
    for info in infos:
        real = _unzipped_size(data, info, left)
        if real is None or real != info.file_size:
            raise Unreadable(FileProblem(name, None, None, bilingual(
                "无法读取 .xlsx（压缩包已损坏：内容与其声明的大小不符）",
                "cannot read the .xlsx (corrupted zip: a part does not hold the size it states)"),
                fatal=True))
        left -= real
    sheets = sorted((i for i in infos if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", i.filename)),
                    key=lambda i: int(re.sub(r"\D", "", i.filename)))
    found: dict[int, dict[tuple[int, int], bool]] = {}
    for index, info in enumerate(sheets):
        try:
            xml = archive.read(info)
        except Exception:  # a damaged member: calamine names the failure below
            continue
        if FAR_CELL.search(xml):
            raise Unreadable(FileProblem(name, None, None, bilingual(
                f"工作表 {index + 1} 的单元格超出范围（列超过 AZ 或行超过 210000）",
                f"sheet {index + 1} has cells beyond column AZ or row 210000"), fatal=True))
        if b"<f" in xml:
            found[index] = {
                (int(m.group(2)), _column_index(m.group(1).decode())): m.group(3).startswith(b"<v>")
                for m in FORMULA.finditer(xml)}
    return found


def _unzipped_size(data: bytes, info: zipfile.ZipInfo, limit: int) -> int | None:
    """How many bytes a zip member really unpacks to, counting no further than `limit` + 1;
    None where its data cannot be found or unpacked."""
    at = info.header_offset
    if data[at:at + 4] != b"PK\x03\x04":
        return None
    name_len, extra_len = struct.unpack("<HH", data[at + 26:at + 30])
    raw = data[at + 30 + name_len + extra_len:at + 30 + name_len + extra_len + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        return len(raw)
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return None
    unpack, size = zlib.decompressobj(-15), 0
    try:
        while raw and size <= limit:
            size += len(unpack.decompress(raw, 1 << 20))
            raw = unpack.unconsumed_tail
        while size <= limit and not unpack.eof:   # what the decompressor still holds, as bounded
            more = unpack.decompress(b"", 1 << 20)
            if not more:
                break
            size += len(more)
    except zlib.error:
        return None
    return size


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _sheet_rows(name: str, book, index: int, sheet_name: str, limits: Limits,
                formulas: dict[tuple[int, int], bool]) -> Iterator[tuple[int, list]]:
    try:
        sheet = book.get_sheet_by_index(index)
        merged = sheet.merged_cell_ranges or []
    except Exception as exc:
        raise Unreadable(FileProblem(name, None, None, bilingual(
            "无法读取该工作表", f"cannot read this sheet ({type(exc).__name__})"),
            sheet=sheet_name, fatal=True)) from None
    if sheet.height > limits.max_rows + 1:
        raise Unreadable(FileProblem(name, sheet.height, None, bilingual(
            f"行数过多（上限 {limits.max_rows}）", f"too many rows (limit {limits.max_rows})"),
            sheet=sheet_name, fatal=True))
    first_row, first_col = sheet.start or (0, 0)
    fill: dict[tuple[int, int], tuple[int, int]] = {}
    # A merged block means its top-left value in every cell, but only where the sheet has cells:
    # a few bytes may declare blocks of millions of cells, many times over
    last_row = first_row + sheet.height - 1
    last_col = min(first_col + sheet.width, limits.max_columns) - 1
    blocks = {(r0, c0, min(r1, last_row), min(c1, last_col)) for (r0, c0), (r1, c1) in merged
              if (r1 - r0 + 1) * (c1 - c0 + 1) <= limits.max_rows}
    blocks = {b for b in blocks if b[0] <= b[2] and b[1] <= b[3]}
    if sum((r1 - r0 + 1) * (c1 - c0 + 1) for r0, c0, r1, c1 in blocks) > limits.max_rows:
        raise Unreadable(FileProblem(name, None, None, bilingual(
            f"合并单元格过多（合计上限 {limits.max_rows} 格）",
            f"too many merged cells (at most {limits.max_rows} in all)"), sheet=sheet_name, fatal=True))
    for r0, c0, r1, c1 in blocks:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    fill[(r, c)] = (r0, c0)
    anchors = set(fill.values())
    special = {r for r, _ in fill} | {r for r, _ in anchors} | {r - 1 for r, _ in formulas}
    top_left: dict[tuple[int, int], object] = {}
    wide = limits.max_columns
    for i, cells in enumerate(sheet.iter_rows()):
        row = first_row + i
        if len(cells) > wide:
            if any(c not in ("", None) for c in cells[wide:]):
                raise Unreadable(FileProblem(name, row + 1, None, bilingual(
                    f"列数过多（上限 {wide}）", f"too many columns (limit {wide})"),
                    sheet=sheet_name, fatal=True))
            cells = cells[:wide]
        if first_col:
            cells = [""] * first_col + cells
        if row not in special:  # the common row: empty cells stay "" (the reader reads them as blank)
            yield row + 1, cells
            continue
        for j, value in enumerate(cells):
            if (row, j) in fill:
                cells[j] = top_left.get(fill[(row, j)])
            elif (row, j) in anchors:
                top_left[(row, j)] = value
            if formulas.get((row + 1, j)) is False:
                cells[j] = BadCell(FORMULA_MESSAGE)
        yield row + 1, cells


class BadCell:
    """A cell that holds no readable value: a formula Excel never calculated (the file was written
    by a program), or NUL bytes (a damaged file). The reader reports it with its line and column."""

    __slots__ = ("message",)

    def __init__(self, message: str):
        self.message = message

    def __str__(self) -> str:
        return ""


FORMULA_MESSAGE = bilingual("公式没有计算结果（请在 Excel 中打开并保存后再上传）",
                            "a formula without a calculated value (open and save the file in Excel)")
NUL_MESSAGE = bilingual("单元格含有 NUL 字节（文件可能已损坏）", "the cell holds NUL bytes (a damaged file?)")
