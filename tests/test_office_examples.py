"""The office-style examples (examples/office/: an .xlsx workbook with concrete titles and a
title row, a GB18030 leave log, a roster) give the report the README shows, and the 校验 page
reads them, offers the roster upload and the blank templates."""


import openpyxl
from streamlit.testing.v1 import AppTest

from helpers import ROOT, kg
from kg.records import read_logs, template

OFFICE = ROOT / "examples" / "office"
LOGS = [OFFICE / "leave-gb18030.csv", OFFICE / "logs-2025-09-10.xlsx"]


def breaches(report):
    return sorted((f.record, f.severity, f.shape.split("/id/", 1)[1]) for f in report.results
                  if f.severity != "Info")


COMMON = [
    ("L-001", "Violation", "shape/leave/department-head/reportedToPost/reportedToPost"),
    ("L-002", "Violation", "shape/leave/town-street-head/officeDirectorInformed/officeDirectorInformed"),
    ("L-004", "Warning", "shape/leave/ab-partners/partnerAbsentSameTime"),
    ("L-005", "Violation", "shape/leave/reported-in-advance/reportLeadDays"),
    ("L-005", "Warning", "shape/leave/ab-partners/partnerAbsentSameTime"),
    ("M-003", "Warning", "shape/meeting/executive/daysSincePrevious/daysSincePrevious"),
    ("M-004", "Warning", "shape/meeting/mayor-office/materialsLeadWorkingDays/materialsLeadWorkingDays"),
    ("M-005", "Violation", "incomplete/meeting/executive/presentRatio/presentRatio"),
    ("M-005", "Warning", "shape/meeting/executive/daysSincePrevious/daysSincePrevious"),
    ("M-006", "Violation", "shape/meeting/work-meeting/preparationDays/preparationDays"),
    ("S-002", "Violation", "shape/signing/normative-document/signerPost/signerPost"),
    ("S-006", "Violation", "shape/signing/other-document/cosignerPost/cosignerPost"),
    ("Y-002", "Violation", "shape/seal/mayor-seal/approvedByPost/office-director/authorizedByPost/authorizedByPost"),
]


def test_office_logs_by_rule_every_title_mapping_shown(validator):
    rep = validator.validate(read_logs(LOGS))
    # 常务副区长 is read as the 第一副区长 by rule too (an assumption, below): chairing the
    # 常务会议 needs the 区长's entrustment, as with the roster
    assert breaches(rep) == sorted(COMMON + [
        ("M-003", "Violation", "shape/meeting/executive/chairPost/first-deputy-mayor/entrustedByPost/entrustedByPost")])
    assumed = {f.value for f in rep.results if f.severity == "Info"}
    assert assumed == {"区教育局局长", "区人民政府办公室主任", "张村镇镇长", "区人民政府区长", "竹岛街道办事处主任",
                       "常务副区长", "分管教育的副区长"}
    assert rep.encodings == {str(OFFICE / "leave-gb18030.csv"): "GB18030"}
    assert [n.sheet for n in rep.notes] == ["说明"]  # the workbook's cover sheet is no log


def test_office_logs_with_the_roster(validator):
    rep = validator.validate(read_logs(LOGS, OFFICE / "roster.csv"))
    assert rep.errors == [] and rep.roster == str(OFFICE / "roster.csv")
    assert breaches(rep) == sorted(COMMON + [
        ("M-003", "Violation", "shape/meeting/executive/chairPost/first-deputy-mayor/entrustedByPost/entrustedByPost")])
    assert [f for f in rep.results if f.severity == "Info"] == []  # the roster says it all
    assert rep.exit_code == 1


def test_kg_template_writes_chinese_headers_and_drop_downs(tmp_path):
    out = kg("template", "meeting", "--xlsx", "--out", tmp_path / "m.xlsx")
    assert out.returncode == 0 and out.stdout.strip() == str(tmp_path / "m.xlsx")
    book = openpyxl.load_workbook(tmp_path / "m.xlsx")
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]][:3] == ["编号", "会议类型", "日期"]
    lists = {str(v.sqref)[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    assert set(lists) == {"B", "D", "E", "F", "I", "J"}  # meeting type and the five post columns
    hidden = book.worksheets[1]
    assert hidden.sheet_state == "hidden" and hidden["B1"].value == "全体会议"
    assert template("用印").decode("utf-8-sig").strip() == "编号,印章,批准人,批准人职务,授权人职务,日期"
    bad = kg("template", "minutes")
    assert bad.returncode == 2 and "unknown log 'minutes'" in bad.stderr


def validate_script():
    from kg.app.views import validate
    validate.render()


def test_the_validate_page_reads_office_logs_with_a_roster_upload():
    at = AppTest.from_function(validate_script, default_timeout=120).run()
    at.file_uploader[0].set_value([(p.name, p.read_bytes(), "application/octet-stream") for p in LOGS])
    at.file_uploader[1].set_value([("roster.csv", (OFFICE / "roster.csv").read_bytes(), "text/csv")]).run()
    assert not at.exception and not at.error
    assert [m.value for m in at.metric] == ["20", "9", "5", "0"]
    assert "不是已知的台账" in at.info[0].value
