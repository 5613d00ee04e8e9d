"""Logs as offices keep them: their own header words, dates, counts, posts, seals and categories.

The blind split (tests/fixtures/office_blind, gold in tests/gold/records_office.*.toml) was written
by someone who saw only the regulation and a description of what each log holds, never this code.
The dev half was used to find what to read better; the test half never was, nor test2, written
later by another hand with another office's habits (two logs in one workbook, shuffled columns).
dev2, a third hand's (two-row headers, 文种 with its category), and dev3, a terse office's shorthand
(区府章, 常务会(第14次), 自/至), and dev4, a large office's shared spreadsheets (totals and month
headings between the records, name and post in one cell, a leave period in one cell, dates with a
weekday or without their year) and dev5, half of it exported from an OA system (a person with the
post in brackets, surnames with 区长 or 主任, ditto marks, types without 会议), were tuned on too.
"""

import datetime as dt
import tomllib

import openpyxl
import pytest

from helpers import GOLD, ROOT
from kg.records import Reader, load_schema, match_header

KG = "https://regkg.example.org/ns/kg#"
NOT_A_CLAIM = ("记录不完整", "无法核对")   # the report cannot judge: no claim either way
# (precision, recall) a split must keep; dev was tuned on, test and test2 never (0.84 / 0.84 and
# 0.81 / 0.68 when this test was written, 0.79 / 0.81 for test2 after dev3; both 0 / 0 before this work;
# test3, written by a fifth hand once all the rest was done: 0.89 / 0.74 at first scoring, 0 / 0 before;
# dev4, a large office's shared spreadsheets, tuned on: 0.39 / 0.41 when it arrived; test4, never tuned
# on: 0.78 / 0.53 when it arrived, 0.83 / 0.56 after the dev4 work, 0.84 / 0.62 after the dev5 work;
# dev5, half its logs exported from an OA system, tuned on: 0.56 / 0.61 when it arrived; test5, a ninth
# hand's, written once the ninth session's reading work was done and never tuned on: 0.92 / 0.67 at first
# scoring, 0.65 / 0.56 on that session's start commit, 0.91 / 0.81 after the dev6 work; dev6, an office
# with few columns that writes much in words, tuned on: 0.52 / 0.65 when it arrived; test6, written once
# all the ninth session's reading work was done, never tuned on: 0.84 / 0.76 at first scoring, 0.73 / 0.65
# on that session's start commit; 0.90 / 0.76 after the tenth session's dev7 and dev8 work); dev7, Word tables
# pasted into sheets (two-row headers, merged cells, wrapped rows), tuned on: 0.80 / 0.80 when it arrived;
# dev8, a busy office's corrected ledgers (作废 rows, counts in words), tuned on: 0.67 / 0.90 when it
# arrived; test7, a WPS-kept quarterly office, never tuned on: 0.46 / 0.76 when it arrived (at the tenth
# session's start)
# dev9, clerks' marks (同左, names run into posts), tuned on: 0.39 / 0.55 on the tenth session's start
# commit, 0.44 / 0.67 when it arrived; test8, an office whose sections keep their own ledgers, never tuned
# on: 0.81 / 0.63 on that start commit, 0.79 / 0.63 when it arrived; test9, written once all the tenth
# session's reading work was done, never tuned on: 1.00 / 0.47 at first scoring (one file unread)
FLOORS = {"dev": (0.9, 0.95), "dev2": (0.9, 0.95), "dev3": (0.9, 0.95), "dev4": (0.85, 0.8), "dev5": (0.9, 0.8),
          "dev6": (0.7, 0.7), "dev7": (0.9, 0.9), "dev8": (0.9, 0.9), "dev9": (0.9, 0.85),
          "test": (0.8, 0.8), "test2": (0.75, 0.75), "test3": (0.85, 0.7), "test4": (0.8, 0.6),
          "test5": (0.85, 0.75), "test6": (0.85, 0.7), "test7": (0.7, 0.7), "test8": (0.7, 0.6),
          "test9": (0.9, 0.45)}
# splits with cells no rule reads yet
UNREAD = ("dev6", "dev8", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9")
# rows a never-tuned split's file reads as records beyond its gold's count, as first scored (not opened)
RECORD_SLACK = {"test8": 1, "test9": 4}
# files of a never-tuned split the reader refuses whole, as first scored (not opened)
UNREAD_FILES = {"test9": 1}


def slug(record, prop: str) -> str:
    """The last segment of the IRI a record holds for kg:prop (district-mayor), or "" if none."""
    return (record.first(KG + prop) or "").rsplit("/", 1)[-1]


def article(citation: str) -> str:
    return citation.split("条")[0] + "条" if citation else ""


@pytest.mark.parametrize("split", list(FLOORS))
def test_blind_office_logs_are_read_whole_and_their_breaches_found(split, validator, lexicon):
    gold = tomllib.loads((GOLD / f"records_office.{split}.toml").read_text(encoding="utf-8"))
    files: dict[str, dict] = {}   # a workbook of two logs is one file with two [[file]] tables
    for f in gold["file"]:
        g = files.setdefault(f["path"], {"path": f["path"], "records": 0, "finding": []})
        g["records"] += f["records"]
        g["finding"] += f.get("finding", [])
    right = claimed = expected = unread = 0
    for f in files.values():
        report = validator.validate(Reader(lexicon).read([ROOT / f["path"]]))
        if any(e.fatal for e in report.errors):
            unread += 1
        else:
            assert 0 <= report.records - f["records"] <= RECORD_SLACK.get(split, 0), f["path"]
        if split not in UNREAD:
            assert [e.message for e in report.errors] == [], f["path"]
        got = {(x.record, article(x.citation or "")) for x in report.results
               if x.severity in ("Violation", "Warning") and not x.message.startswith(NOT_A_CLAIM)}
        want = {(str(g["id"]), g["article"]) for g in f.get("finding", [])}
        right, claimed, expected = right + len(got & want), claimed + len(got), expected + len(want)
    assert unread <= UNREAD_FILES.get(split, 0)
    precision, recall = right / claimed, right / expected
    floor = FLOORS[split]
    assert (precision, recall) >= floor and precision >= floor[0], (precision, recall)


def test_a_header_note_in_brackets_a_cut_short_header_and_words_used_alike_name_columns():
    schema = load_schema()
    assert match_header(["编号", "会议类别", "召开日期", "主持人职务", "受托主持（委托领导）", "纪要审核"],
                        schema, "meeting") == {"id": 0, "meeting_type": 1, "date": 2, "chair_post": 3,
                                               "entrusted_by_post": 4, "minutes_reviewer_post": 5}
    # 起始 for 开始, 时间 for 日期, 区府办主任 for 办公室主任
    assert match_header(["序号", "请假人", "职务", "请假起始日期", "离威/休假结束", "报告时间", "同步告知区府办主任"],
                        schema, "leave") == {"id": 0, "person": 1, "post": 2, "start": 3, "end": 4,
                                             "reported_on": 5, "office_director_informed": 6}


def test_what_offices_write_in_cells_is_read_as_the_regulation_names_it(validator, lexicon, tmp_path):
    path = tmp_path / "用印登记.csv"
    path.write_text("用印编号,印章名称,审批人职务,授权人职务,用印日期\n"
                    "Y1,环翠区人民政府公章,副区长（分管城建）,/,2025.1.8\n"     # 公章 of the 区人民政府
                    "Y2,区长名章,区政府办公室主任,无,20250109\n"               # a 名章 is the 区长印章
                    "Y3,区政府办公室印章,区政府办公室副主任,,2025-1-10\n",      # no rule on this seal
                    encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert loaded.errors == []
    assert [slug(r, "seal") for r in loaded.records][:2] == [
        "government-seal", "mayor-seal"]
    assert [n.line for n in loaded.notes] == [4] and "不在规章规定之列" in loaded.notes[0].message
    report = validator.validate(loaded)
    # the 分管副区长 is one of the 副区长 who may approve the seal; the 区长印章 needs the 区长's word
    assert [(f.record, f.message) for f in report.results if f.severity == "Violation"] == [
        ("Y2", "违反第六十七条第一款：区政府办公室主任同意使用区长印章须经区长委托或授权")]


def test_counts_with_their_unit_and_categories_with_a_note_are_read(lexicon, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["2025年发文登记"])
    book.active.append(["序号", "文件标题", "文种", "签发领导", "领导职务", "签发时间", "纪要所属会议"])
    book.active.append(["F1", "关于…的请示", "请示（报市政府）", "王", "区长", dt.date(2025, 3, 4), "/"])
    book.active.append(["F2", "关于…的报告", "报告", "王", "区长", dt.date(2025, 3, 5), "/"])
    book.active.append(["F3", "关于…的议案", "议案（报区人大常委会）", "王", "区长", dt.date(2025, 3, 6), "/"])
    book.save(tmp_path / "signing.xlsx")
    meeting = tmp_path / "meeting.csv"
    meeting.write_text("编号,会议类型,日期,应出席人数,实际出席人数\nM1,常务会议,2025-3-4,9人,6人\n",
                       encoding="utf-8")
    loaded = Reader(lexicon).read([tmp_path / "signing.xlsx", meeting])
    assert loaded.errors == []
    signing = [r for r in loaded.records if r.kind == "signing"]
    assert [slug(r, "category") for r in signing] == [
        "request-report", "request-report", "motion"]
    assert [slug(r, "signerPost") for r in signing] == ["district-mayor"] * 3
    assert all(KG + "meeting" not in r.props for r in signing)   # / says there is none
    m = next(r for r in loaded.records if r.kind == "meeting")
    assert (m.first(KG + "expectedCount"), m.first(KG + "presentCount")) == (9, 6)


def test_minutes_whose_meeting_is_not_given_are_not_judged_against_its_chair(validator, lexicon, tmp_path):
    path = tmp_path / "signing.csv"
    path.write_text("编号,公文类别,签发人职务,签发日期,会议编号\nS1,会议纪要,副区长,2025-3-6,M-404\n",
                    encoding="utf-8")
    report = validator.validate(Reader(lexicon).read([path]))
    assert [(f.severity, f.message.split("：")[0]) for f in report.results if f.record == "S1"] == [
        ("Warning", "无法核对第五十三条")]


def test_a_related_deputy_who_cosigns_may_be_written_as_the_one_in_charge(validator, lexicon, tmp_path):
    path = tmp_path / "signing.csv"
    path.write_text("编号,公文类别,签发人职务,签发日期,会签\n"
                    "S1,其他公文,副区长（分管城建、应急）,2025-3-5,分管教育副区长、分管工业副区长\n",
                    encoding="utf-8")
    report = validator.validate(Reader(lexicon).read([path]))
    assert [f.message for f in report.results if f.severity in ("Violation", "Warning")] == []


def test_a_cell_too_long_for_a_header_names_no_column():
    # a title row or a note holding a wording is no header (and a huge cell is not searched)
    schema = load_schema()
    assert match_header(["编号", "印章", "批准人职务", "用印日期" * 20], schema, "seal") == {
        "id": 0, "seal": 1, "approved_by_post": 2}


def test_a_header_of_two_rows_names_columns_by_its_lower_cells(lexicon, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["登记号", "姓名", "单位及职务", "请假时间", None, "报告情况", None])
    sheet.append([None, None, None, "起", "止", "报告对象", "报告时间"])
    for cells in ("A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:G1"):
        sheet.merge_cells(cells)
    sheet.append(["Q1", "王", "副区长（分管城建、交通）", dt.date(2024, 3, 11), dt.date(2024, 3, 13), "区长",
                  dt.date(2024, 3, 6)])
    book.save(tmp_path / "leave.xlsx")
    loaded = Reader(lexicon).read([tmp_path / "leave.xlsx"])
    assert loaded.errors == [] and [r.id for r in loaded.records] == ["Q1"]
    r = loaded.records[0]
    assert (r.first(KG + "start"), r.first(KG + "end"), r.first(KG + "reportedOn")) == (
        dt.date(2024, 3, 11), dt.date(2024, 3, 13), dt.date(2024, 3, 6))


def test_a_plain_document_kind_takes_its_category_from_the_name_it_is_issued_in(lexicon, tmp_path):
    path = tmp_path / "signing.csv"
    path.write_text("编号,发文机关,文种及类别,签发领导,职务,签发时间,会签领导职务\n"
                    "F1,区政府办公室,通知,李,区政府办公室副主任,2024-5-6,\n"       # 以区政府办公室名义制发
                    "F2,区政府,通知,王,副区长（分管城建）,2024-5-7,\n"             # 以区政府名义下发的其他公文
                    "F3,区政府,通知/干部任免,周,第一副区长,2024-5-8,\n"            # its category after /
                    "F4,区政府,函/其他公文,王,副区长（分管城建、交通）,2024-5-9,副区长（分管自然资源、海洋）\n"
                    "F5,,通知,王,区长,2024-5-10,\n",                               # no name: cannot tell
                    encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert [slug(r, "category") if r.first(KG + "category") else None
            for r in loaded.records] == ["office-document", "other-document", "appointment", "other-document",
                                         None]
    assert [(e.line, e.column) for e in loaded.errors] == [(6, "category[公文类别]")]
    # one cosigner, whose note lists two fields
    assert [len(r.props.get(KG + "cosignerPost", [])) for r in loaded.records][3] == 1


def test_a_cell_too_long_for_a_title_or_a_category_is_neither(lexicon, tmp_path):
    # long cells are not searched for the forms a title or category takes (each search costs more
    # than the cell's length): a 65-character cell that ends like a title is no title
    path = tmp_path / "signing.csv"
    path.write_text("编号,发文机关,公文类别,签发人职务,签发日期\n"
                    f"F1,区政府,{'通知/' * 30}干部任免,{'区' * 62}副区长,2024-5-6\n", encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert [e.column for e in loaded.errors] == ["category[公文类别]"]
    assert loaded.records[0].first(KG + "signerPost").rsplit("/", 2)[-2] == "title"


def test_a_terse_office_s_shorthand_is_read(lexicon, tmp_path):
    path = tmp_path / "用印.csv"
    path.write_text("用印编号,用印,审批,授权,日期\n"
                    "Y1,区府章(合同),副区长(城建),,20230904\n"            # 区府 is the 区政府, 章 its 印章
                    "Y2,区长章(授权委托书),府办主任,区长,20230905\n"
                    "Y3,府办章,府办副主任,,20230906\n", encoding="utf-8")   # the office's seal: no rule
    loaded = Reader(lexicon).read([path])
    assert loaded.errors == [] and [r.id for r in loaded.records] == ["Y1", "Y2", "Y3"]
    assert [slug(r, "seal") for r in loaded.records][:2] == ["government-seal",
                                                                                     "mayor-seal"]
    assert [slug(r, "approvedByPost") for r in loaded.records][:2] == [
        "deputy-mayor-in-charge", "office-director"]
    meeting = tmp_path / "会议.csv"
    meeting.write_text("序号,类型,时间,召集人,主持人,受托于,应到人数,实到人数\n"
                       "H1,常务会(第14次),2023.7.14,区长,区长,,10,10\n"
                       "H2,工作会(一类),2023.7.20,区长,区长,,30,28\n", encoding="utf-8")
    loaded = Reader(lexicon).read([meeting])
    assert loaded.errors == []
    assert [slug(r, "meetingType") for r in loaded.records] == [
        "executive", "work-meeting-1"]


def test_headings_totals_and_footnotes_inside_a_log_are_no_records_and_are_noted(lexicon, tmp_path):
    path = tmp_path / "发文登记.csv"
    path.write_text("序号,登记号,公文类别,签发人职务,签发日期\n"
                    "一月份,,,,\n"
                    "1,F1,规范性文件,区长,2024-1-8\n"
                    ",,,,\n"
                    "二月份,,,,\n"
                    "2,F2,干部任免,区长,2024-2-5\n"
                    "合计：2件,,,,\n"
                    "制表人：李娜,审核人：许丹,,,\n", encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    # 登记号 names the records where the ledger numbers its rows too
    assert loaded.errors == [] and [r.id for r in loaded.records] == ["F1", "F2"]
    assert [(n.line, n.message.split("」")[0]) for n in loaded.notes] == [
        (2, "「一月份"), (5, "「二月份"), (7, "「合计：2件"), (8, "「制表人：李娜")]


def test_a_row_number_names_records_before_a_document_number_and_after_a_register_number():
    schema = load_schema()
    assert match_header(["序号", "发文字号", "公文类别", "签发人职务"], schema, "signing")["id"] == 0
    assert match_header(["序号", "文号", "登记号", "公文类别", "签发人职务"], schema, "signing")["id"] == 2
    # two wordings sharing their ending: 委托人职务 or 授权人职务
    assert match_header(["编号", "公文类别", "签发人职务", "委托/授权人职务"], schema, "signing") == {
        "id": 0, "category": 1, "signer_post": 2, "entrusted_by_post": 3}
    assert match_header(["编号", "公文类别", "职务", "委托/授权"], schema, "signing")["entrusted_by_post"] == 3
    # …but a period's two ends over one column are the period
    assert match_header(["编号", "职务", "开始/结束", "报告对象"], schema, "leave")["period"] == 2


def test_dates_with_a_weekday_and_dates_whose_year_only_the_title_gives(lexicon, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["2024年镇街主要负责人请假报备台账"])
    book.active.append(["编号", "职务", "开始", "结束", "报告对象", "报告日期"])
    book.active.append(["B1", "张村镇镇长", "3月4日", "3月6日", "区长", "2024-02-29（周四）"])
    book.save(tmp_path / "leave.xlsx")
    loaded = Reader(lexicon).read([tmp_path / "leave.xlsx"])
    assert loaded.errors == []
    r = loaded.records[0]
    assert (r.first(KG + "start"), r.first(KG + "end"), r.first(KG + "reportedOn")) == (
        dt.date(2024, 3, 4), dt.date(2024, 3, 6), dt.date(2024, 2, 29))
    assert [n.message for n in loaded.notes] == [
        "日期未写年份，按「2024年镇街主要负责人请假报备台账」读作 2024 年 / dates without a year read as 2024, "
        "the year of '2024年镇街主要负责人请假报备台账'"]
    # no year anywhere: the date cannot be read
    path = tmp_path / "请假.csv"
    path.write_text("编号,职务,开始,结束\nB1,张村镇镇长,3月4日,2024-3-6\n", encoding="utf-8")
    assert [(e.line, e.column) for e in Reader(lexicon).read([path]).errors] == [(2, "start[开始]")]


def test_a_leave_period_written_in_one_cell_gives_its_first_and_last_day(lexicon, tmp_path):
    path = tmp_path / "请销假登记表_2024.csv"
    path.write_text("登记号,姓名,职务,请假时间,报告对象\n"
                    "Q1,刘,副区长,2024.3.11-3.13,区长\n"
                    "Q2,刘,副区长,3月4日至6日,区长\n"              # the year: the file's name
                    "Q3,刘,副区长,5月31日至6月4日,区长\n"
                    "Q4,刘,副区长,2024/3/25~2024/3/29,区长\n"
                    "Q5,刘,副区长,2024-12-30至1月2日,区长\n"        # into the next year
                    "Q6,刘,副区长,2024-03-05,区长\n"               # one day written: the first
                    "Q7,刘,副区长,下周,区长\n", encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    days = [(r.first(KG + "start"), r.first(KG + "end")) for r in loaded.records]
    d = dt.date
    assert days == [(d(2024, 3, 11), d(2024, 3, 13)), (d(2024, 3, 4), d(2024, 3, 6)),
                    (d(2024, 5, 31), d(2024, 6, 4)), (d(2024, 3, 25), d(2024, 3, 29)),
                    (d(2024, 12, 30), d(2025, 1, 2)), (d(2024, 3, 5), None), (None, None)]
    assert [(e.line, e.column) for e in loaded.errors] == [(8, "period[起止日期]")]
    assert "期间无效：下周" in loaded.errors[0].message


def test_a_post_written_with_the_name_is_read_and_a_name_alone_is_no_post(validator, lexicon, tmp_path):
    path = tmp_path / "签批.csv"
    path.write_text("编号,公文类别,签发领导,签发日期,会签领导\n"
                    "S1,规范性文件,周振国（区长）,2024-4-1,\n"
                    "S2,规范性文件,常务副区长韩立新,2024-4-2,\n"
                    "S3,其他公文,区政府办公室主任陈思远,2024-4-3,刘晓梅（分管农业农村副区长）\n"
                    "S4,规范性文件,周振国,2024-4-4,\n", encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert loaded.errors == []
    posts = [r.first(KG + "signerPost") for r in loaded.records]
    assert [p.rsplit("/", 1)[-1] if p else None for p in posts] == [
        "district-mayor", "first-deputy-mayor", "office-director", None]
    assert slug(loaded.records[2], "cosignerPost") == "deputy-mayor-in-charge"
    report = validator.validate(loaded)
    assert sorted((f.record, f.message.split("：")[0]) for f in report.results
                  if f.severity == "Violation") == [
        ("S2", "违反第六十二条第（二）项"), ("S3", "违反第六十二条第（五）项"), ("S4", "记录不完整")]


def test_a_cell_too_long_for_a_date_or_a_period_is_neither_and_its_error_is_short(lexicon, tmp_path):
    # every way of parting a period is tried, so a long cell is not tried at all (a 120,000-character
    # one took 38 s before this guard); 26 + 1 + 26 characters, each side a date with its time
    path = tmp_path / "请假.csv"
    period = "2024-03-11 08:30:00.000000至2024-03-13 17:30:00.000000"
    path.write_text("编号,职务,请假起止,报告对象\n"
                    f"Q1,副区长,{period},区长\n"
                    f"Q2,副区长,{'1-' * 60_000},区长\n"
                    f"Q3,副区长,{period[:26]},区长\n", encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert [(e.line, e.column) for e in loaded.errors] == [(2, "period[起止日期]"), (3, "period[起止日期]")]
    assert max(len(e.message) for e in loaded.errors) < 200
    assert loaded.records[2].first(KG + "start") == dt.date(2024, 3, 11)


def test_a_roster_gives_the_post_of_a_person_a_log_names_alone(validator, lexicon, tmp_path):
    path = tmp_path / "签批.csv"
    path.write_text("编号,公文类别,签发人,签发日期\n"
                    "S1,规范性文件,周振国,2024-4-1\n"
                    "S2,规范性文件,韩立新,2024-4-2\n"
                    "S3,规范性文件,王小明,2024-4-3\n", encoding="utf-8")
    roster = tmp_path / "roster.csv"
    roster.write_text("单位,职务,姓名,角色\n区政府,区长,周振国,区长\n区政府,常务副区长,韩立新,第一副区长\n",
                      encoding="utf-8")
    without = Reader(lexicon).read([path])
    assert [r.first(KG + "signerPost") for r in without.records] == [None, None, None]
    reader, _ = Reader(lexicon).with_roster(roster.name, roster)
    loaded = reader.read([path])
    posts = [r.first(KG + "signerPost") for r in loaded.records]
    assert [p.rsplit("/", 1)[-1] if p else None for p in posts] == ["district-mayor", "first-deputy-mayor", None]
    report = validator.validate(loaded)
    assert sorted((f.record, f.message.split("：")[0]) for f in report.results if f.severity == "Violation") == [
        ("S2", "违反第六十二条第（二）项"), ("S3", "记录不完整")]


def test_a_surname_with_a_title_says_no_post_and_the_check_on_it_is_not_made(validator, lexicon, tmp_path):
    # 邵区长 may be the 区长 or a 副区长 (deputies are addressed as 区长 too); 柏副区长 is a 副区长
    path = tmp_path / "请销假登记簿2024.csv"
    path.write_text("编号,姓名,职务,起,止,向谁报告,报告日期\n"
                    "Q1,柏静宜,副区长,2024.9.2,2024.9.4,邵区长,2024.8.30\n"
                    "Q2,汤子恒,副区长,2024.9.9,2024.9.13,柏副区长,2024.9.5\n", encoding="utf-8")
    report = validator.validate(Reader(lexicon).read([path]))
    found = {(f.record, f.severity, f.message.split("：")[0]) for f in report.results
             if f.severity != "Info" or "无法核对" in f.message}
    assert found == {("Q1", "Info", "无法核对第七十五条第一款"), ("Q2", "Violation", "违反第七十五条第一款")}
    [cannot] = [f for f in report.results if f.record == "Q1" and "无法核对" in f.message]
    assert "「邵区长」是称呼" in cannot.message
    # the roster's only 邵 is the 区长: the check is made, and passes
    roster = tmp_path / "roster.csv"
    roster.write_text("单位,职务,姓名,角色\n区政府,区长,邵明远,区长\n", encoding="utf-8")
    reader, _ = Reader(lexicon).with_roster(roster.name, roster)
    report = validator.validate(reader.read([path]))
    assert {f.record for f in report.results if f.severity != "Info"} == {"Q2"}


def test_a_system_export_s_columns_and_a_clerk_s_ditto_marks_and_short_types(validator, lexicon, tmp_path):
    seal = tmp_path / "用印.csv"
    seal.write_text("申请单号,印章名称,审批人,审批人职务,授权人职务,用印时间\n"
                    "Y1,区长印章,蔺书涵,区政府办公室主任,区长授权,2024-05-06 09:30:00\n"
                    "Y2,区长印章,蔺书涵,〃,〃,2024-05-07 10:00:00\n", encoding="utf-8")
    loaded = Reader(lexicon).read([seal])
    assert loaded.errors == []
    # the post column, not the name beside it; 区长授权 is the 区长's authorisation; 〃 repeats the row above
    assert [(slug(r, "approvedByPost"), slug(r, "authorizedByPost"))
            for r in loaded.records] == [("office-director", "district-mayor")] * 2
    assert [f for f in validator.validate(loaded).results if f.severity != "Info"] == []
    # a title with a 、 inside is one cosigner, not two
    signing = tmp_path / "发文.csv"
    signing.write_text("流水号,文种分类,签发领导职务,签发时间,会签领导职务\n"
                       "F1,一般公文,分管教育、卫生健康的副区长,2024-03-21 16:03:50,分管住房城乡建设、交通运输的副区长\n",
                       encoding="utf-8")
    loaded = Reader(lexicon).read([signing])
    assert [len(r.props[KG + "cosignerPost"]) for r in loaded.records] == [1]
    assert [f for f in validator.validate(loaded).results if f.severity != "Info"] == []
    meeting = tmp_path / "会议.csv"
    meeting.write_text("编号,会议名称,类别,日期,召集人,主持人,应到,实际参会人数\n"
                       "H1,全区安全生产工作会议,一类,2024/5/21,区长,区长,120,112\n"
                       "H2,老旧小区改造资金统筹专题会,专题,2024/5/22,柏副区长,柏副区长,11,10\n", encoding="utf-8")
    loaded = Reader(lexicon).read([meeting])
    assert loaded.errors == []
    assert [(slug(r, "meetingType"), r.first(KG + "presentCount")) for r in loaded.records] == [
        ("work-meeting-1", 112), ("thematic", 10)]


def test_dates_in_chinese_numerals_and_yes_or_no_as_ticks_or_done_are_read(lexicon, tmp_path):
    path = tmp_path / "请假.csv"
    path.write_text("编号,职务,开始,结束,报告对象,报告日期,告知办公室主任\n"
                    "B1,张村镇镇长,二〇二四年三月四日,二〇二四年三月六日,区长,二〇二四年二月二十九日,✓\n"
                    "B2,张村镇镇长,2024-3-11,2024-3-12,区长,2024-3-8,✗\n"
                    "B3,张村镇镇长,2024-3-18,2024-3-19,区长,2024-3-15,已\n"
                    "B4,张村镇镇长,2024-3-25,2024-3-26,区长,2024-3-22,未\n", encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert loaded.errors == []
    first = loaded.records[0]
    assert (first.first(KG + "start"), first.first(KG + "end"), first.first(KG + "reportedOn")) == (
        dt.date(2024, 3, 4), dt.date(2024, 3, 6), dt.date(2024, 2, 29))
    assert [r.first(KG + "officeDirectorInformed") for r in loaded.records] == [True, False, True, False]


def test_a_header_naming_two_columns_gives_each_its_part_and_a_meeting_s_name_gives_its_type(lexicon, tmp_path):
    assert match_header(["编号", "会议", "日期", "召集人/主持人", "人数（应到/实到）", "纪要审核/签发"],
                        load_schema(), "meeting") == {
        "id": 0, "meeting_type": 1, "date": 2, "convener_post": 3, "chair_post": 3, "expected_count": 4,
        "present_count": 4, "minutes_reviewer_post": 5, "minutes_signer_post": 5}
    # …but not a head and a note in brackets, which may say what the head is (签发人（职务）)
    assert "convener_post" not in match_header(["编号", "会议", "日期", "主持（召集）"], load_schema(), "meeting")
    path = tmp_path / "会议登记2024.csv"
    path.write_text("编号,会议,日期,召集人/主持人,人数（应到/实到）,纪要审核/签发\n"
                    "H1,区政府2024年第5次常务会议,2024/3/12,孙立群区长,8/6,韩志强主任审核／孙立群区长签发\n"
                    "H2,专题会议：研究学位保障工作,2024/3/13,周常务,10/9,审核：办公室主任；签发：常务副区长\n",
                    encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert loaded.errors == []
    first, second = loaded.records
    assert [slug(first, p) for p in ("meetingType", "convenerPost", "chairPost", "minutesSignerPost")] == [
        "executive", "district-mayor", "district-mayor", "district-mayor"]
    assert (first.first(KG + "expectedCount"), first.first(KG + "presentCount")) == (8, 6)
    # 韩志强主任: which body's 主任 a name does not say, so the reviewer is not judged
    assert KG + "minutesReviewerPost" in first.missing and "是称呼" in first.missing[KG + "minutesReviewerPost"]
    # 周常务 is how people address the 常务副区长
    assert [slug(second, p) for p in ("meetingType", "chairPost", "minutesReviewerPost", "minutesSignerPost")] == [
        "thematic", "first-deputy-mayor", "office-director", "first-deputy-mayor"]


def test_what_a_ledger_has_no_column_for_is_read_from_its_words(validator, lexicon, tmp_path):
    leave = tmp_path / "领导请销假_2023.csv"
    leave.write_text("序号,姓名,职务,起止时间,报告情况,备注\n"
                     "Q1,陈雅琴,副区长,2023.02.13-2023.02.17,2月9日报告区长,AB角：刘振东\n"
                     "Q2,刘振东,副区长,2023.02.14-2023.02.15,2月16日已电话报告区长,AB角：陈雅琴\n"
                     "Q3,李卫东,张村镇镇长,2023.04.12-2023.04.14,4月10日报孙区长同意,\n", encoding="utf-8")
    loaded = Reader(lexicon).read([leave])
    assert loaded.errors == []
    q1, q2, q3 = loaded.records
    assert (q1.first(KG + "reportedOn"), slug(q1, "reportedToPost"),
            q1.first(KG + "abPartner")) == (dt.date(2023, 2, 9), "district-mayor", "刘振东")
    # 孙区长 says when, not to whom: that check is not made, the one on the date is
    assert q3.first(KG + "reportedOn") == dt.date(2023, 4, 10) and "是称呼" in q3.missing[KG + "reportedToPost"]
    report = validator.validate(loaded)
    assert sorted((f.record, f.shape.rsplit("/", 1)[-1]) for f in report.results if f.severity != "Info") == [
        ("Q1", "partnerAbsentSameTime"), ("Q2", "partnerAbsentSameTime"), ("Q2", "reportLeadDays"),
        ("Q3", "officeDirectorInformed")]   # the town head's log says nothing of informing: incomplete
    # a post column written as a report: who it went to
    told = tmp_path / "报备.csv"
    told.write_text("编号,职务,开始日期,结束日期,向谁报告（时间）\n"
                    "B1,区财政局局长,2024-4-22,2024-4-24,4月18日报分管财政的周海涛常务副区长\n", encoding="utf-8")
    assert slug(Reader(lexicon).read([told]).records[0], "reportedToPost") == "first-deputy-mayor"
    signing = tmp_path / "发文.csv"
    signing.write_text("编号,标题,文件性质,签发领导,签发日期,说明\n"
                       "F1,关于…的请示,上报请示报告,副区长 赵丽娜,2024.3.13,区长在市里开会，委托赵丽娜副区长签发\n"
                       "F2,关于…的批复,常务会议议定,副区长 刘振东,2024.3.20,经区长授权签发\n"
                       "F3,关于…的批复,常务会议议定,副区长 刘振东,2024.3.21,经孙区长授权签发\n"
                       "F4,关于…的通知,规范性文件,区长 孙立群,2024.3.22,印刷已委托印务中心\n", encoding="utf-8")
    loaded = Reader(lexicon).read([signing])
    assert loaded.errors == []
    f1, f2, f3, f4 = loaded.records
    # who was entrusted is not who entrusted; 区长授权 is; 孙区长 may be any deputy
    assert KG + "entrustedByPost" not in f1.props
    assert slug(f2, "entrustedByPost") == "district-mayor"
    assert "是称呼" in f3.missing[KG + "entrustedByPost"]
    assert KG + "entrustedByPost" not in f4.props   # 印刷已 names no post
    found = {(f.record, f.severity) for f in validator.validate(loaded).results if f.severity != "Info"}
    assert found == {("F1", "Violation")}


def test_a_record_crossed_out_is_counted_and_noted_but_never_judged(validator, lexicon, tmp_path):
    path = tmp_path / "用印登记.csv"
    path.write_text("编号,印章,批准人职务,日期,状态\n"
                    "Y1,区政府印章,区长,2024-3-4,已用印\n"
                    "Y2,区长印章,分管农业农村的副区长,2024-3-5,撤销（材料退回，未用印）\n"
                    "Y3,区长印章,分管农业农村的副区长,2024-3-6,\n"
                    "Y4,区长印章,秘书科科长,2024-3-7,作废\n", encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert loaded.errors == [] and [r.id for r in loaded.records] == ["Y1", "Y3"]
    assert [(v.line, v.message.split("，")[0]) for v in loaded.void] == [(3, "记录 Y2 已注明作废或撤销"),
                                                                       (5, "记录 Y4 已注明作废或撤销")]
    report = validator.validate(loaded)
    assert (report.records, report.void) == (4, 2)
    assert report.to_text().startswith("4 条记录 / records（作废 2 条，不核对 / 2 void, not checked）")
    assert {f.record for f in report.results if f.severity == "Violation"} == {"Y3"}


def test_a_title_that_speaks_of_revoking_does_not_cross_its_record_out(lexicon, tmp_path):
    path = tmp_path / "发文登记.csv"
    path.write_text("编号,标题,公文类别,签发人职务,签发日期\n"
                    "F1,关于撤销某某镇卫生院的决定,其他公文,区长,2024-3-4\n"
                    "F2,（作废）关于印发某某办法的通知,规范性文件,区长,2024-3-5\n", encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert [r.id for r in loaded.records] == ["F1"] and [v.line for v in loaded.void] == [3]


def test_an_approver_s_name_and_post_columns_and_who_authorised_in_words(validator, lexicon, tmp_path):
    path = tmp_path / "用印审批.csv"
    path.write_text("登记号,用印名称,审批领导,领导职务,经谁授权,日期\n"
                    "Z1,区政府印章,周明远,区人民政府区长,,2023-9-4\n"
                    "Z2,区长印章,邵文博,区政府办公室主任,区长书面授权,2023-9-12\n"
                    "Z3,区长印章,邵文博,区政府办公室主任,受区长委托,2023-9-13\n"
                    "Z4,区长印章,邵文博,区政府办公室主任,常务副区长,2023-9-14\n", encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert loaded.errors == []
    assert [slug(r, "approvedByPost") for r in loaded.records] == ["district-mayor"] + ["office-director"] * 3
    assert [slug(r, "authorizedByPost") for r in loaded.records[1:]] == [
        "district-mayor", "district-mayor", "first-deputy-mayor"]
    report = validator.validate(loaded)
    assert {f.record for f in report.results if f.severity == "Violation"} == {"Z4"}


def test_a_name_column_alone_gives_the_title_it_writes_and_no_post_for_a_name(validator, lexicon, tmp_path):
    path = tmp_path / "用印.csv"
    path.write_text("编号,印章,审批,日期\n"
                    "A1,区政府印章,区长,2024-5-6\n"
                    "A2,区政府印章,秘书科科长,2024-5-7\n"
                    "A3,区政府印章,杨帆（秘书科科长）,2024-5-8\n"
                    "A4,区政府印章,周明远,2024-5-9\n", encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    report = validator.validate(loaded)
    said = sorted((f.record, f.message.split("：")[0]) for f in report.results if f.severity == "Violation")
    assert said == [("A2", "违反第六十七条第一款"), ("A3", "违反第六十七条第一款"), ("A4", "记录不完整")]


def test_a_word_table_pasted_into_a_sheet_is_read_from_its_two_header_rows(validator, lexicon, tmp_path):
    # the upper row alone reads as another log (类别 is a signing log's word); its lower row says
    # which: 请假时间 over 起 / 止, 事前报告 over 报告对象 / 报告时间; the name and post share a cell
    path = tmp_path / "请销假登记.csv"
    path.write_text("编号,请假人,AB角,请假时间,,类别,事前报告,,同步告知区府办主任\n"
                    ",,,起,止,,报告对象,报告时间,\n"
                    'L1,"邵明远\n副区长",孔雅琴,2023.4.12,2023.4.18,出访,区长,2023.4.3,/\n'
                    'L2,"孔雅琴\n副区长",邵明远,2023.4.10,2023.4.14,休假,区长,2023.4.6,/\n'
                    'L3,"戚文华\n区教育和体育局局长",王淑珍（副局长）,2023.3.20,2023.3.22,离威,'
                    '孔雅琴副区长（分管）,2023.3.17,√\n', encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert loaded.errors == [] and loaded.kinds == {str(path): "leave"}
    assert [slug(r, "post") for r in loaded.records] == ["deputy-mayor", "deputy-mayor", "department-head"]
    assert slug(loaded.records[2], "reportedToPost") == "deputy-mayor-in-charge"
    report = validator.validate(loaded)
    # the AB partners are found by their names though the log writes each with the post
    assert sorted((f.record, f.severity) for f in report.results if f.severity != "Info") == [
        ("L1", "Warning"), ("L2", "Warning")]


def test_a_group_heading_names_the_cell_under_it_that_names_the_column():
    # 委托/授权 over 方式 and 委托（授权）人: the entruster is the second, not the way it was done
    schema = load_schema()
    header = ["登记号", "类别", "签发", "", "委托/授权", "", "会签"]
    lower = ["", "", "签发人", "签发时间", "方式", "委托（授权）人", ""]
    reader = Reader.__new__(Reader)
    reader.schema = schema
    merged, _ = reader._sub_header(header, iter([(2, lower)]), "signing")
    assert match_header(merged, schema, "signing")["entrusted_by_post"] == 5


def test_a_record_wrapped_onto_a_second_row_is_one_record(lexicon, tmp_path):
    path = tmp_path / "会议登记.csv"
    path.write_text("编号,会议类型,会议名称,日期,召集人职务,主持人职务,应到人数,实到人数,备注\n"
                    "M1,一类会议,全区优化营商环境动员大会,2023-03-14,区长,区长,56,52,\n"
                    ",,（区政府部门、各镇街主要负责人参加）,,,,,,区政府办公室承办\n"
                    "M2,常务会议,区政府第6次常务会议,2023-03-23,区长,区长,10,5,\n", encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert loaded.errors == [] and [r.id for r in loaded.records] == ["M1", "M2"]
    assert [n.line for n in loaded.notes if "接续记录" in n.message] == [3]


def test_counts_written_after_their_own_word_and_half_days_are_read(validator, lexicon, tmp_path):
    path = tmp_path / "会议登记.csv"
    path.write_text("编号,类型,日期,召集,主持,受托情况,应出席,实际出席\n"
                    "H1,常务会议,2023.6.7上午,区长,区长,,应到十人,8人\n"
                    "H2,常务会议,2023.6.21上午,第一副区长,第一副区长,受区长委托,应到十人,实到五人\n"
                    "H3,常务会议,2023.7.5下午,区长,区长,,十一,缺席2人\n", encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert [(e.line, e.message.split(" / ")[0]) for e in loaded.errors] == [(4, "应为非负整数：缺席2人")]
    assert [(r.first(KG + "expectedCount"), r.first(KG + "presentCount")) for r in loaded.records] == [
        (10, 8), (10, 5), (11, None)]
    assert slug(loaded.records[1], "entrustedByPost") == "district-mayor"
    report = validator.validate(loaded)
    # H2's quorum (5 of 10) is read and judged; H3's count that is no head count is an error
    assert {(f.record, f.message.split("：")[0]) for f in report.results
            if f.severity == "Violation" and f.article == 43} == {("H2", "违反第四十三条第一款")}


def test_a_clerk_s_same_as_left_a_post_run_into_a_name_and_who_signed_the_minutes(validator, lexicon, tmp_path):
    path = tmp_path / "会议台账.csv"
    path.write_text("会议编号,会议名称,召开日期,召集人,主持人,委托人,应到人数,实到人数,纪要审核,纪要签发,议题材料报送日期\n"
                    "H1,区政府第1次常务会议,2024-01-11,区长周振华,同左,—,9,8,区府办主任马俊,区长周振华,2024-01-03\n"
                    "H2,专题会议（园区用电）,2024-06-06,分管工业的副区长陈海波,同左,—,8,8,—,陈海波副区长,—\n"
                    "H3,专题会议（学校布局）,2024-06-13,分管教育的副区长李秀云,同左,—,8,8,—,区府办主任马俊,—\n",
                    encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert [slug(r, "chairPost") for r in loaded.records] == [
        "district-mayor", "deputy-mayor-in-charge", "deputy-mayor-in-charge"]
    report = validator.validate(loaded)
    # a 副区长 signing what the 分管副区长 chaired is no breach the log can show; the 主任 is
    assert {(f.record, f.article) for f in report.results if f.severity == "Violation"
            and not f.message.startswith(NOT_A_CLAIM)} == {("H3", 53)}


def test_leaders_named_only_with_their_posts_are_each_counted_away(validator, lexicon, tmp_path):
    path = tmp_path / "请销假.csv"
    path.write_text("2024年第三季度请销假台账\n序号,登记号,姓名职务,AB岗,时间,向谁报告,报告日期,告知区府办主任\n"
                    "1,Q1,陈海波副区长,刘明远,8月5日—9日,区长周振华,7月30日,/\n"
                    "2,Q2,区长周振华,/,8月6日—8日,/,/,/\n"
                    "3,Q3,郭晓东副区长,孙立军,8月7日—9日,区长周振华,8月1日,/\n"
                    "4,Q4,李秀云副区长,赵文静,8月7日—8日,区长周振华,8月2日,/\n", encoding="utf-8")
    report = validator.validate(Reader(lexicon).read([path]))
    assert sorted(f.record for f in report.results if f.severity == "Warning" and f.article == 75) == [
        "Q1", "Q2", "Q3", "Q4"]


def test_a_document_issued_as_the_office_is_an_office_document_whatever_kind_it_names(validator, lexicon,
                                                                                      tmp_path):
    path = tmp_path / "发文.csv"
    path.write_text("编号,标题,以谁名义发,类别,签发领导,签发时间\n"
                    "F1,关于上半年政务公开情况的报告（报市政府办公室）,区府办,请示报告（报市）,区府办主任马俊,2024.9.3\n"
                    "F2,关于上半年经济运行情况的报告,区政府,请示报告（报市）,区府办主任马俊,2024.9.4\n"
                    "F3,区长办公会议纪要,区府办,会议纪要,区府办主任马俊,2024.9.5\n", encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert [slug(r, "category") for r in loaded.records] == ["office-document", "request-report", "minutes"]
    assert [n.line for n in loaded.notes if "办公室公文核对" in n.message] == [2]
    report = validator.validate(loaded)
    assert {f.record for f in report.results if f.article == 62 and f.severity == "Violation"} == {"F2"}


def test_an_approval_number_names_a_seal_record_and_an_authoriser_is_written_with_the_name(validator, lexicon,
                                                                                           tmp_path):
    path = tmp_path / "用印.csv"
    path.write_text("序号,审批单号,用印日期,印章名称,审批领导,授权情况\n"
                    "1,YZ-01,2024-07-05,区政府印章,区长周振华,—\n"
                    "2,YZ-02,2024-07-18,区长印章,区府办主任马俊,区长周振华授权\n"
                    "3,YZ-03,2024-07-19,区长印章,区府办主任马俊,常务副区长孙立军授权\n", encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert [r.id for r in loaded.records] == ["YZ-01", "YZ-02", "YZ-03"]
    assert [slug(r, "authorizedByPost") for r in loaded.records[1:]] == ["district-mayor", "first-deputy-mayor"]
    report = validator.validate(loaded)
    assert {f.record for f in report.results if f.severity == "Violation"} == {"YZ-03"}


def test_a_list_of_leaders_beside_a_leave_log_in_its_workbook_is_no_log(lexicon, tmp_path):
    path = tmp_path / "请销假.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "请销假"
    book.active.append(["编号", "姓名", "职务", "AB角", "开始", "结束", "报告对象", "报告日期"])
    book.active.append(["Q1", "李秀云", "副区长", "赵文静", "2024-07-08", "2024-07-10", "区长", "2024-07-03"])
    people = book.create_sheet("领导分工")
    people.append(["序号", "姓名", "职务", "分管工作", "AB角"])
    people.append([1, "李秀云", "副区长", "教育、卫生健康", "赵文静"])
    people.append([2, "赵文静", "副区长", "农业农村", "李秀云"])
    book.save(path)
    loaded = Reader(lexicon).read([path])
    assert [r.id for r in loaded.records] == ["Q1"]
    assert [(n.sheet, n.message.split(" / ")[1]) for n in loaded.notes] == [
        ("领导分工", "no date column: not a log (a list of people?), skipped")]
