"""A blank is fine unless a check that applies needs it; then the record is reported incomplete
for that provision and every other check of the record still runs. Working days follow the
official holiday schedule (调休 included) and the report says which calendar was used."""

import pytest

from kg.records import Reader
from test_validate import HEADERS


def run(validator, lexicon, tmp_path, kind, *rows):
    path = tmp_path / f"{kind}.csv"
    path.write_text(HEADERS[kind] + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    loaded = Reader(lexicon).read([path])
    assert loaded.errors == []
    return validator.validate(loaded)


def found(report):
    return sorted((f.severity, f.message) for f in report.results)


# (meeting row with blanks, what the report says) — a blank that no applicable check needs passes
BLANKS = [
    # 专题会议 has no quorum and its log keeps no counts; no minutes were written
    ("M1,专题会议,2026-03-13,副区长,副区长,,,,,,,", []),
    # 一类会议: blank counts, minutes and materials do not matter; its chair and preparation do
    ("M1,一类会议,2026-04-20,区长,副区长,,,,,,,2026-04-10", [
        ("Violation", "违反第四十六条第一款：一类会议须由区长主持"),
        ("Violation", "违反第四十六条第三款：工作会议至少留出15日的筹备时间")]),
    # 二类会议 with no preparation date: incomplete for 第四十六条, its chair check still runs
    ("M1,二类会议,2026-04-20,分管副区长,区长,,,,,,,", [
        ("Violation", "记录不完整：缺少筹备开始日期，无法核对第四十六条第三款 / incomplete record: cannot check 第四十六条第三款"),
        ("Violation", "违反第四十六条第一款：二类会议须由分管副区长主持")]),
    # 常务会议 needs the counts (第四十三条) and the materials date (第五十条); the wrong chair is still found
    ("M1,常务会议,2026-03-19,区长,副区长,,,10,副区长,区政府办公室主任,,", [
        ("Violation", "记录不完整：缺少应到人数，无法核对第四十三条第一款 / incomplete record: cannot check 第四十三条第一款"),
        ("Violation", "记录不完整：缺少材料报送日期，无法核对第五十条第一款 / incomplete record: cannot check 第五十条第一款"),
        ("Violation", "违反第四十三条第一款：常务会议须由区长、第一副区长主持")]),
    # minutes columns blank: no minutes, nothing to check about them
    ("M1,区长办公会议,2026-03-12,区长,区长,,8,8,,,2026-03-05,", []),
    # no meeting type: no specific check can apply
    ("M1,,2026-03-12,区长,区长,,8,8,,,2026-03-05,", [
        ("Violation", "记录不完整：缺少会议类型，无法确定适用的规则 / incomplete: no meeting_type, so no specific check can apply")]),
]


@pytest.mark.parametrize("row, expected", BLANKS, ids=[r.split(",")[1] or "no-type" for r, _ in BLANKS])
def test_blank_meeting_columns(validator, lexicon, tmp_path, row, expected):
    rep = run(validator, lexicon, tmp_path, "meeting", row)
    assert found(rep) == expected
    assert rep.exit_code == (1 if expected else 0)


def test_an_incomplete_finding_names_the_provision(validator, lexicon, tmp_path):
    rep = run(validator, lexicon, tmp_path, "meeting", "M1,常务会议,2026-03-19,区长,区长,,,,区长,区政府办公室主任,2026-03-12,")
    [f] = rep.results
    assert (f.record, f.row, f.article, f.citation) == ("M1", 2, 43, "第四十三条第一款")
    assert f.message.startswith("记录不完整：缺少应到人数、实到人数，无法核对第四十三条第一款")
    assert f.source.endswith("/eli/huancui-gzgz-2022/art_43/par_1")


SIGNING = [
    # a category with no cosigning rule: blank 会签 and 会议编号 are fine
    ("S1,关于X的请示,区政府,上报请示报告,张三,区长,2026-03-02,,,", []),
    # no signer's post: 第六十二条 cannot be checked for this record
    ("S1,关于X的请示,区政府,上报请示报告,张三,,2026-03-02,,,", [
        ("Violation", "记录不完整：缺少签发人职务，无法核对第六十二条第（一）项 / incomplete record: cannot check 第六十二条第（一）项")]),
    # title and signer's name are needed by no check
    ("S1,,区政府,规范性文件,,区长,,,,", []),
    # no category
    ("S1,t,区政府,,张三,区长,2026-03-02,,,", [
        ("Violation", "记录不完整：缺少公文类别，无法确定适用的规则 / incomplete: no category, so no specific check can apply")]),
]


@pytest.mark.parametrize("row, expected", SIGNING, ids=["no-cosign", "no-signer-post", "no-title", "no-category"])
def test_blank_signing_columns(validator, lexicon, tmp_path, row, expected):
    assert found(run(validator, lexicon, tmp_path, "signing", row)) == expected


def test_blank_leave_and_seal_columns(validator, lexicon, tmp_path):
    rep = run(validator, lexicon, tmp_path, "leave", "L1,周,张村镇镇长,,2026-06-01,2026-06-02,区长,,")
    assert [m for s, m in found(rep) if s == "Violation"] == [
        "记录不完整：缺少告知办公室主任，无法核对第七十五条第二款 / incomplete record: cannot check 第七十五条第二款",
        "记录不完整：缺少报告日期，无法核对第七十五条第一款 / incomplete record: cannot check 第七十五条第一款"]
    rep = run(validator, lexicon, tmp_path, "seal", "Y1,区长印章,,,2026-03-02")
    assert found(rep) == [("Violation", "记录不完整：缺少批准人职务，无法核对第六十七条第一款 / incomplete record: "
                                        "cannot check 第六十七条第一款")]


def test_a_log_without_a_needed_column_is_read_and_each_record_is_incomplete(validator, lexicon, tmp_path):
    path = tmp_path / "seal.csv"
    path.write_text("id,seal,used_on\nY1,区长印章,2026-03-02\nY2,区政府印章,2026-03-03\n", encoding="utf-8")
    rep = validator.validate(Reader(lexicon).read([path]))
    assert [(f.record, f.severity) for f in rep.results] == [("Y1", "Violation"), ("Y2", "Violation")]
    assert rep.errors == [] and rep.exit_code == 1


# (materials submitted, meeting day, working days between them on the official calendar)
HOLIDAYS = [
    ("2024-02-08", "2024-02-19", True),   # 春节 2024: 2/10–2/17 off, Sunday 2/18 works: 3 days
    ("2025-10-09", "2025-10-15", False),  # the 调休 Saturday 2025-10-11 counts: 5 days
    ("2025-09-29", "2025-10-10", True),   # 国庆 2025 (10/1–10/8) does not count: 3 days
]


@pytest.mark.parametrize("materials, day, late", HOLIDAYS, ids=["spring-2024", "tiaoxiu-2025", "national-day-2025"])
def test_working_days_follow_the_official_holiday_schedule(validator, lexicon, tmp_path, materials, day, late):
    rep = run(validator, lexicon, tmp_path, "meeting",
              f"M1,常务会议,{day},区长,区长,,12,10,区长,区政府办公室主任,{materials},")
    lead = [f for f in rep.results if "materialsLeadWorkingDays" in f.shape]
    assert bool(lead) == late
    assert "国务院节假日安排" in rep.calendar and "2004–2026" in rep.calendar


def test_a_date_outside_the_official_schedule_is_an_info_not_a_guess(validator, lexicon, tmp_path):
    rep = run(validator, lexicon, tmp_path, "meeting", "M1,常务会议,2030-01-10,区长,区长,,12,10,区长,区政府办公室主任,2030-01-08,")
    [f] = rep.results
    assert (f.severity, f.article) == ("Info", 50)
    assert f.message.startswith("无法核对第五十条第一款：2030-01-08–2030-01-10 不在官方节假日安排的年份（2004–2026）内")
    assert "按周一至周五计为 2 个工作日" in f.message
