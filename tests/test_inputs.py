"""Record files as offices have them (encodings, .xlsx, Excel dates) and as a careless or hostile
user sends them: every problem is named with file, sheet, line and column, nothing is fetched,
no small file takes much memory, and the other files in the call are still checked."""

import datetime as dt
import json
import socket
import struct
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import openpyxl
import pytest

from helpers import ROOT, kg
from kg.records import Reader, Record
from kg.roles import Titles
from kg.validate import Deriver
from kg.workdays import Calendar

EXAMPLES = ROOT / "examples"
SEAL = "id,seal,approved_by_post,authorized_by_post,used_on\n"


def same(report):
    """A report's findings without the file they came from."""
    return sorted((f.record, f.row, f.shape, f.severity, f.message, f.value) for f in report.results)


def to_xlsx(csv_paths: list[Path], out: Path, dates: bool = True) -> Path:
    """The CSV logs as one workbook, a sheet each; dates as Excel date cells, numbers as numbers."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for path in csv_paths:
        sheet = book.create_sheet(path.stem)
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            row = []
            for cell in line.split(","):
                if dates and len(cell) == 10 and cell[4] == "-" and cell[7] == "-":
                    row.append(dt.date.fromisoformat(cell))
                elif cell.isdigit() and len(cell) < 5:
                    row.append(int(cell))
                else:
                    row.append(cell or None)
            sheet.append(row)
    book.save(out)
    return out


def test_the_same_logs_as_utf8_gb18030_utf16_and_xlsx_give_the_same_report(validator, lexicon, tmp_path):
    originals = sorted((EXAMPLES / "violating").glob("*.csv"))
    reference = validator.validate(Reader(lexicon).read(originals))
    assert reference.counts["Violation"] > 40
    for encoding in ("gb18030", "gbk", "utf-16", "utf-16-le", "utf-8-sig"):
        folder = tmp_path / encoding
        folder.mkdir()
        for p in originals:
            (folder / p.name).write_bytes(p.read_text(encoding="utf-8").encode(encoding))
        loaded = Reader(lexicon).read(sorted(folder.glob("*.csv")))
        assert loaded.errors == [], encoding
        assert same(validator.validate(loaded)) == same(reference), encoding
    book = to_xlsx(originals, tmp_path / "logs.xlsx")
    loaded = Reader(lexicon).read([book])
    assert loaded.errors == [] and set(loaded.kinds.values()) == {"signing", "meeting", "leave", "seal"}
    rep = validator.validate(loaded)
    assert same(rep) == same(reference)
    assert {f.sheet for f in rep.results} == {"signing", "meeting", "leave", "seal"}


@pytest.mark.parametrize("encoding, named", [("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 (BOM)"),
                                             ("gb18030", "GB18030"), ("gbk", "GB18030"),
                                             ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16LE"),
                                             ("utf-32", "UTF-32")])   # its BOM begins as UTF-16's
def test_the_encoding_is_detected_and_named_in_the_report(validator, lexicon, tmp_path, encoding, named):
    path = tmp_path / "seal.csv"
    path.write_bytes("编号,印章,批准人职务,授权人职务,日期\nY1,区长印章,副区长,,2026年3月2日\n".encode(encoding))
    rep = validator.validate(Reader(lexicon).read([path]))
    assert rep.encodings == {str(path): named}
    assert [(f.record, f.value) for f in rep.results] == [("Y1", "副区长")]


def test_a_utf8_log_with_a_line_pasted_from_a_gbk_file_names_that_line(lexicon, tmp_path):
    # red-team pass 3: it was "not a text file nor an .xlsx (unrecognised binary content)"
    path = tmp_path / "seal.csv"
    rows = "编号,印章,批准人职务,日期\nY1,区长印章,副区长,2026-03-02\nY2,区长印章,区长,2026-03-03\n"
    path.write_bytes(rows.encode("utf-8") + "Y3,区长印章,区政府办公室主任,2026-03-04\n".encode("gbk"))
    loaded = Reader(lexicon).read([path])
    assert [(e.line, e.message) for e in loaded.errors] == [
        (4, "这一行不是 UTF-8 文本，而其余各行是；请把文件统一另存为 UTF-8 / "
            "this line is not UTF-8 while the others are: save the whole file as UTF-8")]


def test_excel_dates_as_date_cells_serial_numbers_and_text(validator, lexicon, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["编号", "印章", "批准人职务", "日期"])
    sheet.append(["Y1", "区长印章", "区长", dt.datetime(2026, 3, 2, 0, 0)])
    sheet.append(["Y2", "区长印章", "区长", 46083])          # the serial number of 2026-03-02
    sheet.append(["Y3", "区长印章", "区长", "46083"])        # a serial typed as text
    sheet.append(["Y4", "区长印章", "区长", "2026/3/2"])
    book.save(tmp_path / "seal.xlsx")
    loaded = Reader(lexicon).read([tmp_path / "seal.xlsx"])
    assert loaded.errors == []
    used = [r.first("https://regkg.example.org/ns/kg#usedOn") for r in loaded.records]
    assert used == [dt.date(2026, 3, 2)] * 4


def test_dates_as_people_type_them_with_or_without_a_time_of_day(validator, lexicon, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["编号", "印章", "批准人职务", "日期"])
    for k, cell in enumerate(["20260302", 20260302, "2026.3.2", "2026-3-2 14:30", "2026/03/02 08:05:00",
                              "2026年3月2日上午", "2026-03-02T09:00"]):
        sheet.append([f"Y{k}", "区长印章", "区长", cell])
    sheet.append(["Y9", "区长印章", "区长", "202603"])          # no day: still an error, not a guess
    book.save(tmp_path / "seal.xlsx")
    loaded = Reader(lexicon).read([tmp_path / "seal.xlsx"])
    used = [r.first("https://regkg.example.org/ns/kg#usedOn") for r in loaded.records]
    assert used == [dt.date(2026, 3, 2)] * 7 + [None]
    assert [(e.line, e.message.split("（")[0]) for e in loaded.errors] == [(9, "日期无效：202603")]


def test_headers_worded_as_an_office_words_them_name_their_columns(validator, lexicon, tmp_path):
    path = tmp_path / "发文登记.csv"
    path.write_text("序号,文件标题,发文机关,文种,签发领导,签发领导职务,签发时间（年月日）,备注\n"
                    "1,环翠区城市管理办法,区政府,规范性文件,李明,副区长,2026年3月5日,\n", encoding="utf-8")
    rep = validator.validate(Reader(lexicon).read([path]))
    assert rep.errors == []
    assert [(f.record, f.value, f.message) for f in rep.results if f.severity == "Violation"] == [
        ("1", "副区长", "违反第六十二条第（二）项：规范性文件须由区长签发")]


def test_the_columns_own_alias_wins_over_another_wording_and_a_held_wording_comes_last(lexicon):
    from kg.records import load_schema, match_header

    schema = load_schema()
    # 序号 would be the id, but this log has an 编号 column; 会议召开日期 only holds 日期
    assert match_header(["序号", "编号", "会议类别", "会议召开日期", "实到"], schema, "meeting") == {
        "id": 1, "meeting_type": 2, "date": 3, "present_count": 4}
    # 请假人职务 names the post; 报告对象职务 is the reported-to post though it holds 职务 too
    assert match_header(["请假人", "请假人职务", "报告对象职务", "开始时间", "结束时间"], schema, "leave") == {
        "person": 0, "post": 1, "reported_to_post": 2, "start": 3, "end": 4}


def workbook(tmp_path, build, name: str = "book.xlsx") -> Path:
    book = openpyxl.Workbook()
    build(book)
    path = tmp_path / name
    book.save(path)
    return path


def run_cli(*args):
    return kg("validate", "--json", *args, cwd=ROOT)


def test_a_sheet_that_is_no_log_and_a_hidden_sheet_are_reported_and_skipped(validator, lexicon, tmp_path):
    def build(book):
        book.active.title = "说明"
        book.active.append(["本工作簿为2026年3月用印登记"])
        seal = book.create_sheet("用印")
        seal.append(["2026年3月用印登记表"])             # a title row above the header
        seal.append(["编号", "印章", "批准人职务", "日期"])
        seal.append(["Y1", "区长印章", "副区长", dt.date(2026, 3, 2)])
        hidden = book.create_sheet("草稿")
        hidden.append(["编号", "印章", "批准人职务", "日期"])
        hidden.append(["Y9", "区长印章", "副区长", dt.date(2026, 3, 2)])
        hidden.sheet_state = "hidden"
    loaded = Reader(lexicon).read([workbook(tmp_path, build)])
    assert loaded.errors == []
    assert [(n.sheet, n.message.split(" / ")[1]) for n in loaded.notes] == [
        ("草稿", "hidden sheet, not read"), ("说明", "not a known log (unknown header), skipped")]
    assert [(f.record, f.sheet, f.row) for f in validator.validate(loaded).results] == [("Y1", "用印", 3)]


def test_formulas_give_their_calculated_value_or_a_located_error(validator, lexicon, tmp_path):
    def build(book):
        s = book.active
        s.title = "用印"
        s.append(["编号", "印章", "批准人职务", "日期"])
        s.append(["Y1", "区长印章", "副区长", dt.date(2026, 3, 2)])
        s.append(["Y2", "区长印章", "=C2", dt.date(2026, 3, 3)])  # openpyxl stores no calculated value
    path = workbook(tmp_path, build)
    loaded = Reader(lexicon).read([path])
    [error] = loaded.errors
    assert (error.sheet, error.line, error.column) == ("用印", 3, "approved_by_post[批准人职务]")
    assert "formula without a calculated value" in error.message
    # a formula Excel calculated (a cached <v>) is read as its value
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"]
    assert b'<c r="C3"><f>C2</f><v /></c>' in xml
    parts["xl/worksheets/sheet1.xml"] = xml.replace(b'<c r="C3"><f>C2</f><v /></c>',
                                                    '<c r="C3" t="str"><f>C2</f><v>区长</v></c>'.encode())
    cached = tmp_path / "cached.xlsx"
    with zipfile.ZipFile(cached, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    loaded = Reader(lexicon).read([cached])
    assert loaded.errors == []
    assert [(f.record, f.value) for f in validator.validate(loaded).results] == [("Y1", "副区长")]


def test_merged_cells_give_their_value_to_every_cell_they_cover(validator, lexicon, tmp_path):
    def build(book):
        s = book.active
        s.append(["编号", "印章", "批准人职务", "日期"])
        s.append(["Y1", "区长印章", "副区长", dt.date(2026, 3, 2)])
        s.append(["Y2", None, "第一副区长", None])
        s.merge_cells("B2:B3")
        s.merge_cells("D2:D3")
    loaded = Reader(lexicon).read([workbook(tmp_path, build)])
    assert loaded.errors == []
    rep = validator.validate(loaded)
    assert sorted((f.record, f.value) for f in rep.results if f.severity == "Violation") == [
        ("Y1", "副区长"), ("Y2", "第一副区长")]


def with_merged_blocks(path: Path, refs: list[str]) -> Path:
    """The workbook with merged blocks declared in its sheet's XML (openpyxl would make a cell
    object for every cell of them)."""
    blocks = f'<mergeCells count="{len(refs)}">' + "".join(f'<mergeCell ref="{r}"/>' for r in refs) + "</mergeCells>"
    parts = {}
    with zipfile.ZipFile(path) as zin:
        for item in zin.infolist():
            parts[item.filename] = zin.read(item.filename)
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(b"</sheetData>", b"</sheetData>" + blocks.encode(), 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for filename, data in parts.items():
            zout.writestr(filename, data)
    return path


def test_merged_blocks_beyond_the_sheets_cells_cost_nothing_and_too_many_are_refused(lexicon, tmp_path):
    """A few bytes may declare millions of merged cells (54 blocks of 52 columns x 3,846 rows took
    1.7 GB and 11 s): blocks are cut to the cells the sheet has, and more than the row limit in
    all is refused."""
    refs = [f"A{r}:AZ{r + 3_845}" for r in range(3, 200_000, 3_846)]

    def build(book):
        s = book.active
        s.append(["编号", "印章", "批准人职务", "日期"])
        s.append(["Y1", "区长印章", "副区长", dt.date(2026, 3, 2)])
    loaded = Reader(lexicon).read([with_merged_blocks(workbook(tmp_path, build), refs)])
    assert loaded.errors == [] and [r.id for r in loaded.records] == ["Y1"]

    def wide(book):
        build(book)
        book.active.cell(row=150_000, column=52, value="x")   # the sheet now has those cells
    loaded = Reader(lexicon).read([with_merged_blocks(workbook(tmp_path, wide, "wide.xlsx"), refs)])
    assert [e.message for e in loaded.errors] == [
        "合并单元格过多（合计上限 200000 格） / too many merged cells (at most 200000 in all)"]


@pytest.mark.parametrize("content, message", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "password-protected .xlsx"),
    (None, "cannot read the .xlsx"),
])
def test_a_protected_or_corrupted_xlsx_is_named_and_the_other_files_are_checked(tmp_path, content, message):
    bad = tmp_path / "bad.xlsx"
    if content is None:  # a real workbook cut in half
        good = to_xlsx([EXAMPLES / "violating" / "seal.csv"], tmp_path / "good.xlsx")
        content = good.read_bytes()[: good.stat().st_size // 2]
    bad.write_bytes(content)
    out = run_cli(bad, EXAMPLES / "violating" / "seal.csv")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert message in out.stderr and str(bad) in out.stderr
    assert {r["record"] for r in json.loads(out.stdout)["results"]} == {"V-Y01", "V-Y02", "V-Y03"}


def test_nul_bytes_in_a_csv_are_named_by_line_and_column(validator, lexicon, tmp_path):
    path = tmp_path / "seal.csv"
    path.write_bytes((SEAL + "Y1,区长印章,副\x00区长,,2026-03-02\nY2,区长印章,副区长,,2026-03-02\n").encode())
    loaded = Reader(lexicon).read([path])
    [error] = loaded.errors
    assert (error.line, error.column) == (2, "approved_by_post[批准人职务]") and "NUL" in error.message
    rep = validator.validate(loaded)
    assert [(f.record, f.value) for f in rep.results if f.severity == "Violation"] == [("Y2", "副区长")]
    assert rep.exit_code == 1


def test_a_cell_over_128_kib_is_a_named_error_not_a_traceback(tmp_path):
    bad = tmp_path / "big-cell.csv"
    bad.write_text(SEAL + "Y1,区长印章,区长,,2026-03-02\n" + "Y2," + "x" * 140_000 + ",区长,,2026-03-02\n",
                   encoding="utf-8")
    out = run_cli(bad, EXAMPLES / "violating" / "seal.csv")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "a cell is too large (limit 128 KiB)" in out.stderr and "line 3" in out.stderr
    assert {r["record"] for r in json.loads(out.stdout)["results"]} == {"V-Y01", "V-Y02", "V-Y03"}


def test_a_quoted_title_does_not_make_the_apostrophe_a_quote_character(lexicon, tmp_path):
    path = tmp_path / "signing.csv"
    path.write_text("id,title,issued_as,category,signer,signer_post,signed_on\n"
                    "S1,'十四五'规划纲要,区政府,规范性文件,张三,区长,2026-03-02\n"
                    "S2,关于'十四五'的通知,区政府,规范性文件,李四,副区长,2026-03-03\n", encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert loaded.errors == []
    titles = [r.first("https://regkg.example.org/ns/kg#title") for r in loaded.records]
    signers = [r.first("https://regkg.example.org/ns/kg#signer") for r in loaded.records]
    assert (titles, signers) == (["'十四五'规划纲要", "关于'十四五'的通知"], ["张三", "李四"])


def test_semicolon_and_tab_separated_logs_are_read(lexicon, tmp_path):
    for sep, suffix in ((";", "csv"), ("\t", "tsv")):
        path = tmp_path / f"seal.{suffix}"
        path.write_text(SEAL.replace(",", sep) + sep.join(["Y1", "区长印章", "区长", "", "2026-03-02"]) + "\n",
                        encoding="utf-8")
        loaded = Reader(lexicon).read([path])
        assert loaded.errors == [] and len(loaded.records) == 1


# Peak memory from VmHWM: ru_maxrss of a child started from a large pytest process carries
# the parent's peak across exec on Linux.
MEMORY = """
import re, sys
from pathlib import Path
from kg.records import Reader
loaded = Reader().read([Path(sys.argv[1])])
hwm = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
print(hwm // 1024, loaded.errors[0].message)
"""


def test_20_mb_of_blank_lines_is_refused_while_reading_in_little_memory(tmp_path):
    path = tmp_path / "blank.csv"
    path.write_bytes(SEAL.encode() + b"\n" * 19_900_000)
    out = subprocess.run([sys.executable, "-c", MEMORY, str(path)], capture_output=True, text=True,
                         timeout=300)
    peak_mib, message = out.stdout.split(" ", 1)
    assert "too many rows (limit 200000)" in message
    assert int(peak_mib) < 512


def test_two_monthly_logs_with_the_same_ids_both_report(validator, lexicon, tmp_path):
    for month in ("jan", "feb"):
        (tmp_path / f"{month}.csv").write_text(SEAL + "1,区长印章,副区长,,2026-03-02\n2,区长印章,区长,,2026-03-02\n",
                                               encoding="utf-8")
    rep = validator.validate(Reader(lexicon).read([tmp_path / "jan.csv", tmp_path / "feb.csv"]))
    assert [(Path(f.file).name, f.record, f.row) for f in rep.results] == [("feb.csv", "1", 2), ("jan.csv", "1", 2)]


def test_more_than_three_leaders_away_is_a_sweep_bounded_by_the_number_of_leaves(lexicon):
    import tracemalloc
    kg = "https://regkg.example.org/ns/kg#"
    leaves = []
    for i in range(20):  # ten people, two leaves each; half of them away from year 1 to 9999
        start, end = (dt.date(1, 1, 1), dt.date(9999, 12, 31)) if i % 2 else (dt.date(2026, 6, 1), dt.date(2026, 6, 2))
        r = Record(f"urn:leave:{i}", {kg + "LeaveRecord"}, kind="leave", file="x.csv", row=i + 2, id=str(i))
        r.props.update({kg + "person": [f"P{i % 10}"], kg + "start": [start], kg + "end": [end],
                        kg + "post": ["https://regkg.example.org/id/post/deputy-mayor"]})
        leaves.append(r)
    deriver = Deriver(lexicon, Titles.load(lexicon), Calendar.load(),
                      (f"{lexicon.base}/id/post/government-leaders",))
    tracemalloc.start()
    deriver.derive(leaves)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 1_000_000  # one calendar day each would be 3.6 million entries per leave
    assert {r.first(kg + "leadersAbsentAtOnce") for r in leaves} == {10}  # each person counted once


class Listener:
    """A local server that records any connection: no record file may make one."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.hits = 0
        self.port = self.sock.getsockname()[1]
        self.stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
                self.hits += 1
                conn.close()
            except OSError:
                pass

    def close(self):
        self.stop = True
        self.thread.join()
        self.sock.close()


JSONLD = {"@id": "https://example.org/seal/1", "@type": "SealUse", "recordId": "J1",
          "seal": "https://regkg.example.org/id/seal/mayor-seal",
          "approvedByPost": "https://regkg.example.org/id/post/deputy-mayor", "usedOn": "2026-03-02"}


@pytest.mark.parametrize("context", ["http://127.0.0.1:{port}/context.jsonld", "/etc/passwd",
                                     "/no/such/context.jsonld", "file:///etc/hostname",
                                     [{"@import": "http://127.0.0.1:{port}/c"}]])
def test_json_ld_never_fetches_a_context_nor_tells_which_paths_exist(validator, lexicon, tmp_path, context):
    listener = Listener()
    try:
        ctx = json.loads(json.dumps(context).replace("{port}", str(listener.port)))
        path = tmp_path / "seal.jsonld"
        path.write_text(json.dumps({"@context": ctx, **JSONLD}), encoding="utf-8")
        loaded = Reader(lexicon).read([path])
    finally:
        listener.close()
    assert listener.hits == 0 and loaded.records == []
    [error] = loaded.errors
    assert error.fatal and ("external @context not allowed" in error.message or "@import" in error.message)
    assert "No such file" not in error.message and "Permission" not in error.message


def test_json_ld_nested_deeper_than_any_record_is_an_input_error(lexicon, tmp_path):
    deep = tmp_path / "deep.jsonld"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    nested = tmp_path / "nested.jsonld"
    nested.write_text('{"@context": "https://regkg.example.org/ns/records.jsonld", "@graph": '
                      + "[" * 900 + "]" * 900 + "}", encoding="utf-8")
    loaded = Reader(lexicon).read([deep, nested])
    assert [(Path(e.file).name, e.message.split(" / ")[1], e.fatal) for e in loaded.errors] == [
        ("deep.jsonld", "the JSON is nested too deeply", True),
        ("nested.jsonld", "the JSON is nested too deeply", True)]


def test_json_ld_with_the_projects_own_context_is_read_offline(validator, lexicon, tmp_path):
    path = tmp_path / "seal.jsonld"
    path.write_text(json.dumps({"@context": "https://regkg.example.org/ns/records.jsonld", **JSONLD}),
                    encoding="utf-8")
    rep = validator.validate(Reader(lexicon).read([path]))
    assert [(f.record, f.value, f.article) for f in rep.results] == [("J1", "副区长", 67)]


def test_exported_csv_report_has_a_bom_and_no_formula_cells(validator, lexicon, tmp_path):
    path = tmp_path / "seal.csv"
    path.write_text(SEAL + "=HYPERLINK(\"http://x\"),区长印章,+副区长,,2026-03-02\n"
                    "@SUM(1),区长印章,-1,,2026-03-02\n", encoding="utf-8")
    text = validator.validate(Reader(lexicon).read([path])).to_csv()
    assert text.startswith("\ufeffseverity,")
    import csv
    import io
    cells = [c for row in csv.reader(io.StringIO(text[1:])) for c in row]
    assert "'=HYPERLINK(\"http://x\")" in cells and "'@SUM(1)" in cells and "'+副区长" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_a_workbook_with_a_far_away_cell_or_a_zip_bomb_is_refused_before_reading(lexicon, tmp_path):
    far = tmp_path / "far.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["编号", "印章", "批准人职务", "日期"])
    book.active["XFD1048576"] = "x"  # a dense reader would allocate 17 billion cells
    book.save(far)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/sharedStrings.xml", b" " * 170_000_000)
    assert bomb.stat().st_size < 1_000_000
    loaded = Reader(lexicon).read([far, bomb])
    assert [(Path(e.file).name, e.message.split(" / ")[1]) for e in loaded.errors] == [
        ("far.xlsx", "sheet 1 has cells beyond column AZ or row 210000"),
        ("bomb.xlsx", "the workbook is too large once unzipped")]


def test_a_workbook_whose_zip_understates_a_part_s_size_is_refused_unread(lexicon, tmp_path):
    # the sizes a zip states are the sender's word: a sheet stated as 1,000 bytes that unpacks to
    # 20 MB would be unpacked whole by the workbook reader
    book = openpyxl.Workbook()
    book.active.append(["编号", "会议类型", "日期", "主持人职务"])
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    lying = tmp_path / "lying.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(lying, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(b"</sheetData>", b"<!--" + b"A" * 20_000_000 + b"--></sheetData>")
            z.writestr(info.filename, body)
    data = bytearray(lying.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    at = data.find(name)
    while at >= 0:   # the local header's and the central directory's uncompressed size
        if data[at - 30:at - 26] == b"PK\x03\x04":
            struct.pack_into("<I", data, at - 30 + 22, 1000)
        elif data[at - 46:at - 42] == b"PK\x01\x02":
            struct.pack_into("<I", data, at - 46 + 24, 1000)
        at = data.find(name, at + 1)
    lying.write_bytes(bytes(data))
    loaded = Reader(lexicon).read([lying])
    assert [e.message.split(" / ")[1] for e in loaded.errors] == [
        "cannot read the .xlsx (corrupted zip: a part does not hold the size it states)"]
    assert Reader(lexicon).read([plain]).errors[0].message.startswith("只有表头")


def test_a_csv_line_of_more_cells_than_the_limit_is_refused_and_empty_ones_past_it_dropped(lexicon, tmp_path):
    wide = tmp_path / "wide.csv"
    wide.write_text("编号,印章,批准人职务,日期\n" + "Y1,区长印章,区长,2026-03-02," + "ab," * 100_000 + "\n",
                    encoding="utf-8")
    loaded = Reader(lexicon).read([wide])
    assert [(e.line, e.message.split(" / ")[1]) for e in loaded.errors] == [(2, "too many columns (limit 52)")]
    trailing = tmp_path / "trailing.csv"
    trailing.write_text("编号,印章,批准人职务,日期" + "," * 300 + "\n" + "Y1,区长印章,区长,2026-03-02" + "," * 300
                        + "\n", encoding="utf-8")
    loaded = Reader(lexicon).read([trailing])
    assert loaded.errors == [] and [r.id for r in loaded.records] == ["Y1"]


def test_a_minutes_record_names_the_meeting_in_its_own_workbook_first(validator, lexicon, tmp_path):
    signing = ("id,title,issued_as,category,signer,signer_post,signed_on,meeting_id\n"
               "S1,纪要,区政府,会议纪要,x,{signer},2026-03-06,M1\n")
    meeting = ("id,meeting_type,date,convener_post,chair_post,expected_count,present_count,"
               "minutes_signer_post,minutes_reviewer_post,materials_submitted_on\n"
               "M1,常务会议,2026-03-05,区长,{chair},12,10,{chair},区政府办公室主任,2026-02-26\n")
    books = []
    for month, chair in (("jan", "区长"), ("feb", "第一副区长")):
        book = openpyxl.Workbook()
        book.remove(book.active)
        for name, text in (("signing", signing.format(signer=chair)), ("meeting", meeting.format(chair=chair))):
            sheet = book.create_sheet(name)
            for line in text.splitlines():
                sheet.append(line.split(","))
        book.save(tmp_path / f"{month}.xlsx")
        books.append(tmp_path / f"{month}.xlsx")
    rep = validator.validate(Reader(lexicon).read(books))
    # each minutes record is signed by its own meeting's chair: no minutes finding in either file
    assert [f for f in rep.results if "/signing/minutes/" in f.shape or "known-meeting" in f.shape] == []
    # a third file naming M1 cannot tell which meeting it means: the minutes cannot be checked
    (tmp_path / "mar.csv").write_text(signing.format(signer="区长"), encoding="utf-8")
    rep = validator.validate(Reader(lexicon).read(books + [tmp_path / "mar.csv"]))
    assert [(Path(f.file).name, f.value) for f in rep.results if "known-meeting" in f.shape] == [("mar.csv", "M1")]


def test_more_present_than_expected_is_not_judged_and_a_repeated_header_is_noted(validator, lexicon, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("id,meeting_type,date,convener_post,chair_post,chair_post,expected_count,present_count\n"
                    "M1,常务会议,2026-03-03,区长,区长,副区长,12,1000\n", encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert [n.message.split(" / ")[1] for n in loaded.notes] == [
        "header 'chair_post' appears twice: column 5 is read, column 6 is not"]
    report = validator.validate(loaded)
    said = [(f.severity, f.message.split(" / ")[0]) for f in report.results if f.article == 43]
    assert said == [("Info", "无法核对第四十三条第一款：实到人数（1000）多于应到人数（12），请核对")]


def test_a_count_in_words_is_read_only_when_it_is_a_number_and_a_long_one_is_cut_in_the_error():
    from kg.records import _int
    assert [_int(x, ("人",), ("应到人数",)) for x in ("应到一百零五人", "应到两百人", "零", "应到十一人")] == [
        105, 200, 0, 11]
    for bad in ("应到" + "十" * 500 + "人", "应到九九九九人", "应到" + "9" * 5000):
        with pytest.raises(ValueError) as err:
            _int(bad, ("人",), ("应到人数",))
        assert len(str(err.value)) < 200 and "expected a whole number" in str(err.value)
