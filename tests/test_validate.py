"""Validating organisational records: every shape fires on a record that breaks it, stays
silent on one that does not, and names the article; bad input is reported, not fatal."""

import json

import pytest
from rdflib import RDF, Graph, Literal

from helpers import ROOT, kg
from kg.checks import SH
from kg.records import Reader

EXAMPLES = ROOT / "examples"
HEADERS = {
    "signing": "id,title,issued_as,category,signer,signer_post,signed_on,entrusted_by_post,cosigner_posts,meeting_id",
    "meeting": "id,meeting_type,date,convener_post,chair_post,entrusted_by_post,expected_count,present_count,"
               "minutes_signer_post,minutes_reviewer_post,materials_submitted_on,preparation_started_on",
    "leave": "id,person,post,ab_partner,start,end,reported_to_post,reported_on,office_director_informed",
    "seal": "id,seal,approved_by_post,authorized_by_post,used_on",
}
# A meeting every minutes record below can refer to (chaired by 区长).
CONTEXT_MEETING = "M0,常务会议,2026-03-05,区长,区长,,12,10,区长,区政府办公室主任,2026-02-26,"

# (kind, breaking row, row that keeps the rule, article, shape path, extra rows both need)
CASES = [
    ("signing", "S1,t,区政府,上报请示报告,x,副区长,2026-03-02,,,", "S1,t,区政府,上报请示报告,x,区长,2026-03-02,,,", 62, "signing/request-report/signerPost"),
    ("signing", "S1,t,区政府,上报请示报告,x,第一副区长,2026-03-02,,,", "S1,t,区政府,上报请示报告,x,第一副区长,2026-03-02,区长,,", 62, "request-report/signerPost/first-deputy-mayor/entrustedByPost"),
    ("signing", "S1,t,区政府,议案,x,第一副区长,2026-03-02,,,", "S1,t,区政府,议案,x,区长,2026-03-02,,,", 62, "signing/motion/signerPost"),
    ("signing", "S1,t,区政府,规范性文件,x,副区长,2026-03-02,,,", "S1,t,区政府,规范性文件,x,区长,2026-03-02,,,", 62, "signing/normative-document/signerPost"),
    ("signing", "S1,t,区政府,干部任免,x,区政府办公室主任,2026-03-02,,,", "S1,t,区政府,干部任免,x,区长,2026-03-02,,,", 62, "signing/appointment/signerPost"),
    ("signing", "S1,t,区政府,出国境,x,副区长,2026-03-02,,,", "S1,t,区政府,出国境,x,区长,2026-03-02,,,", 62, "signing/travel-abroad/signerPost"),
    ("signing", "S1,t,区政府,其他公文,x,区政府办公室主任,2026-03-02,,,", "S1,t,区政府,其他公文,x,分管副区长,2026-03-02,,,", 62, "signing/other-document/signerPost"),
    ("signing", "S1,t,区政府,其他公文,x,分管副区长,2026-03-02,,区政府办公室主任,", "S1,t,区政府,其他公文,x,分管副区长,2026-03-02,,副区长,", 62, "signing/other-document/cosignerPost"),
    ("signing", "S1,t,区政府,常务会议议定事项,x,区政府办公室主任,2026-03-02,,,", "S1,t,区政府,常务会议议定事项,x,区长,2026-03-02,,,", 62, "signing/executive-decision/signerPost"),
    ("signing", "S1,t,区政府,常务会议议定事项,x,第一副区长,2026-03-02,,,", "S1,t,区政府,常务会议议定事项,x,第一副区长,2026-03-02,区长,,", 62, "executive-decision/signerPost/deputy-mayor/entrustedByPost"),
    ("signing", "S1,t,区政府,例行批准,x,区政府办公室主任,2026-03-02,,,", "S1,t,区政府,例行批准,x,区长,2026-03-02,,,", 62, "signing/routine-approval/signerPost"),
    ("signing", "S1,t,区政府,例行批准,x,副区长,2026-03-02,,,", "S1,t,区政府,例行批准,x,副区长,2026-03-02,区长,,", 62, "routine-approval/signerPost/deputy-mayor/entrustedByPost"),
    ("signing", "S1,t,区政府办公室,办公室公文,x,区政府办公室副主任,2026-03-02,,,", "S1,t,区政府办公室,办公室公文,x,区政府办公室主任,2026-03-02,,,", 62, "signing/office-document/signerPost"),
    ("signing", "S1,t,区政府,会议纪要,x,副区长,2026-03-06,,,M0", "S1,t,区政府,会议纪要,x,区长,2026-03-06,,,M0", 53, "signing/minutes/signerPost"),
    ("signing", "S1,t,区政府,会议纪要,x,区长,2026-03-06,,,", "S1,t,区政府,会议纪要,x,区长,2026-03-06,,,M0", 53, "meeting/minutes-of-a-known-meeting/meeting"),
    ("meeting", "M1,全体会议,2026-03-10,区长,副区长,,40,30,副区长,区政府办公室主任,,", "M1,全体会议,2026-03-10,区长,区长,,40,30,区长,区政府办公室主任,,", 42, "meeting/plenary/chairPost"),
    ("meeting", "M1,全体会议,2026-03-10,副区长,区长,,40,30,区长,区政府办公室主任,,", "M1,全体会议,2026-03-10,区长,区长,,40,30,区长,区政府办公室主任,,", 42, "meeting/plenary/convenerPost"),
    ("meeting", "M1,全体会议,2026-03-10,区长,区长,,40,30,区长,副区长,,", "M1,全体会议,2026-03-10,区长,区长,,40,30,区长,区政府办公室副主任,,", 53, "meeting/plenary/minutesReviewerPost"),
    ("meeting", "M1,全体会议,2026-03-10,区长,区长,,40,30,副区长,区政府办公室主任,,", "M1,全体会议,2026-03-10,区长,区长,,40,30,区长,区政府办公室主任,,", 53, "meeting/plenary/minutesSignerPost"),
    ("meeting", "M1,常务会议,2026-03-19,区长,副区长,,12,10,副区长,区政府办公室主任,2026-03-12,", "M1,常务会议,2026-03-19,区长,区长,,12,10,区长,区政府办公室主任,2026-03-12,", 43, "meeting/executive/chairPost"),
    ("meeting", "M1,常务会议,2026-03-19,副区长,区长,,12,10,区长,区政府办公室主任,2026-03-12,", "M1,常务会议,2026-03-19,区长,区长,,12,10,区长,区政府办公室主任,2026-03-12,", 43, "meeting/executive/convenerPost"),
    ("meeting", "M1,常务会议,2026-03-19,区长,第一副区长,,12,10,第一副区长,区政府办公室主任,2026-03-12,", "M1,常务会议,2026-03-19,区长,第一副区长,区长,12,10,第一副区长,区政府办公室主任,2026-03-12,", 43, "executive/chairPost/first-deputy-mayor/entrustedByPost"),
    ("meeting", "M1,常务会议,2026-03-19,第一副区长,区长,,12,10,区长,区政府办公室主任,2026-03-12,", "M1,常务会议,2026-03-19,第一副区长,区长,区长,12,10,区长,区政府办公室主任,2026-03-12,", 43, "executive/convenerPost/first-deputy-mayor/entrustedByPost"),
    ("meeting", "M1,常务会议,2026-03-19,区长,区长,,12,6,区长,区政府办公室主任,2026-03-12,", "M1,常务会议,2026-03-19,区长,区长,,12,7,区长,区政府办公室主任,2026-03-12,", 43, "meeting/executive/presentRatio"),
    ("meeting", "M1,常务会议,2026-03-20,区长,区长,,12,10,区长,区政府办公室主任,2026-03-12,", "M1,常务会议,2026-03-19,区长,区长,,12,10,区长,区政府办公室主任,2026-03-12,", 43, "meeting/executive/daysSincePrevious"),
    ("meeting", "M1,常务会议,2026-03-19,区长,区长,,12,10,区长,区政府办公室主任,2026-03-13,", "M1,常务会议,2026-03-19,区长,区长,,12,10,区长,区政府办公室主任,2026-03-12,", 50, "meeting/executive/materialsLeadWorkingDays"),
    ("meeting", "M1,常务会议,2026-03-19,区长,区长,,12,10,区长,副区长,2026-03-12,", "M1,常务会议,2026-03-19,区长,区长,,12,10,区长,区政府办公室主任,2026-03-12,", 53, "meeting/executive/minutesReviewerPost"),
    ("meeting", "M1,常务会议,2026-03-19,区长,区长,,12,10,副区长,区政府办公室主任,2026-03-12,", "M1,常务会议,2026-03-19,区长,区长,,12,10,区长,区政府办公室主任,2026-03-12,", 53, "meeting/executive/minutesSignerPost"),
    ("meeting", "M1,区长办公会议,2026-03-12,区长,副区长,,8,8,副区长,区政府办公室主任,2026-03-05,", "M1,区长办公会议,2026-03-12,区长,区长,,8,8,区长,区政府办公室主任,2026-03-05,", 44, "meeting/mayor-office/chairPost"),
    ("meeting", "M1,区长办公会议,2026-03-12,副区长,区长,,8,8,区长,区政府办公室主任,2026-03-05,", "M1,区长办公会议,2026-03-12,区长,区长,,8,8,区长,区政府办公室主任,2026-03-05,", 44, "meeting/mayor-office/convenerPost"),
    ("meeting", "M1,区长办公会议,2026-03-12,区长,区长,,8,8,区长,区政府办公室主任,2026-03-09,", "M1,区长办公会议,2026-03-12,区长,区长,,8,8,区长,区政府办公室主任,2026-03-05,", 50, "meeting/mayor-office/materialsLeadWorkingDays"),
    ("meeting", "M1,区长办公会议,2026-03-12,区长,区长,,8,8,区长,区长,2026-03-05,", "M1,区长办公会议,2026-03-12,区长,区长,,8,8,区长,区政府办公室主任,2026-03-05,", 53, "meeting/mayor-office/minutesReviewerPost"),
    ("meeting", "M1,区长办公会议,2026-03-12,区长,区长,,8,8,副区长,区政府办公室主任,2026-03-05,", "M1,区长办公会议,2026-03-12,区长,区长,,8,8,区长,区政府办公室主任,2026-03-05,", 53, "meeting/mayor-office/minutesSignerPost"),
    ("meeting", "M1,专题会议,2026-03-13,区政府部门主要负责人,副区长,,8,8,副区长,区政府办公室主任,,", "M1,专题会议,2026-03-13,副区长,副区长,,8,8,副区长,区政府办公室主任,,", 45, "meeting/thematic/convenerPost"),
    ("meeting", "M1,专题会议,2026-03-13,区政府办公室主任,区政府办公室主任,,8,8,区政府办公室主任,区政府办公室主任,,", "M1,专题会议,2026-03-13,区政府办公室主任,区政府办公室主任,副区长,8,8,区政府办公室主任,区政府办公室主任,,", 45, "thematic/convenerPost/office-director/entrustedByPost"),
    ("meeting", "M1,专题会议,2026-03-13,区政府办公室副主任,区政府办公室副主任,,8,8,区政府办公室副主任,区政府办公室主任,,", "M1,专题会议,2026-03-13,区政府办公室副主任,区政府办公室副主任,区长,8,8,区政府办公室副主任,区政府办公室主任,,", 45, "thematic/convenerPost/office-deputy-director/entrustedByPost"),
    ("meeting", "M1,专题会议,2026-03-13,副区长,副区长,,8,8,区长,区政府办公室主任,,", "M1,专题会议,2026-03-13,副区长,副区长,,8,8,副区长,区政府办公室主任,,", 53, "meeting/thematic/minutesSignerPost"),
    # 受委托召开的专题会议: its minutes reviewed by the 副区长 who entrusted it (a 分管副区长 is one)
    ("meeting", "M1,专题会议,2026-03-13,区政府办公室副主任,区政府办公室副主任,副区长,8,8,区政府办公室副主任,区政府办公室主任,,", "M1,专题会议,2026-03-13,区政府办公室副主任,区政府办公室副主任,副区长,8,8,区政府办公室副主任,分管副区长,,", 53, "entrusted-thematic-minutes/minutesReviewedByEntruster"),
    ("meeting", "M1,一类会议,2026-04-20,区长,副区长,,60,58,副区长,区政府办公室主任,,2026-04-01", "M1,一类会议,2026-04-20,区长,区长,,60,58,区长,区政府办公室主任,,2026-04-01", 46, "meeting/work-meeting-1/chairPost"),
    ("meeting", "M1,二类会议,2026-04-20,分管副区长,区长,,30,28,区长,区政府办公室主任,,2026-04-01", "M1,二类会议,2026-04-20,分管副区长,分管副区长,,30,28,分管副区长,区政府办公室主任,,2026-04-01", 46, "meeting/work-meeting-2/chairPost"),
    ("meeting", "M1,二类会议,2026-04-20,分管副区长,分管副区长,,30,28,分管副区长,区政府办公室主任,,2026-04-06", "M1,二类会议,2026-04-20,分管副区长,分管副区长,,30,28,分管副区长,区政府办公室主任,,2026-04-05", 46, "meeting/work-meeting/preparationDays"),
    ("leave", "L1,王,副区长,,2026-06-01,2026-06-02,区政府办公室主任,2026-05-28,否", "L1,王,副区长,,2026-06-01,2026-06-02,区长,2026-05-28,否", 75, "leave/deputy-mayor/reportedToPost"),
    ("leave", "L1,李,第一副区长,,2026-06-01,2026-06-02,分管副区长,2026-05-28,否", "L1,李,第一副区长,,2026-06-01,2026-06-02,区长,2026-05-28,否", 75, "leave/deputy-mayor/reportedToPost"),
    ("leave", "L1,孙,区政府办公室主任,,2026-06-01,2026-06-02,副区长,2026-05-28,否", "L1,孙,区政府办公室主任,,2026-06-01,2026-06-02,区长,2026-05-28,否", 75, "leave/office-director/reportedToPost"),
    ("leave", "L1,周,各镇政府、街道办事处主要负责人,,2026-06-01,2026-06-02,分管副区长,2026-05-28,是", "L1,周,各镇政府、街道办事处主要负责人,,2026-06-01,2026-06-02,区长,2026-05-28,是", 75, "leave/town-street-head/reportedToPost"),
    ("leave", "L1,周,各镇政府、街道办事处主要负责人,,2026-06-01,2026-06-02,区长,2026-05-28,否", "L1,周,各镇政府、街道办事处主要负责人,,2026-06-01,2026-06-02,区长,2026-05-28,是", 75, "leave/town-street-head/officeDirectorInformed"),
    ("leave", "L1,吴,区政府部门主要负责人,,2026-06-01,2026-06-02,区政府办公室主任,2026-05-28,是", "L1,吴,区政府部门主要负责人,,2026-06-01,2026-06-02,分管副区长,2026-05-28,是", 75, "leave/department-head/reportedToPost"),
    ("leave", "L1,吴,区政府部门主要负责人,,2026-06-01,2026-06-02,区长,2026-05-28,否", "L1,吴,区政府部门主要负责人,,2026-06-01,2026-06-02,区长,2026-05-28,是", 75, "leave/department-head/officeDirectorInformed"),
    ("leave", "L1,王,副区长,,2026-06-01,2026-06-02,区长,2026-06-02,否", "L1,王,副区长,,2026-06-01,2026-06-02,区长,2026-06-01,否", 75, "leave/reported-in-advance/reportLeadDays"),
    ("leave", "L1,王,副区长,,2026-06-03,2026-06-02,区长,2026-05-28,否", "L1,王,副区长,,2026-06-01,2026-06-02,区长,2026-05-28,否", 75, "leave/period/end"),
    ("leave", "L1,王,副区长,钱,2026-06-01,2026-06-05,区长,2026-05-28,否\nL2,钱,副区长,王,2026-06-05,2026-06-06,区长,2026-05-28,否",
              "L1,王,副区长,钱,2026-06-01,2026-06-05,区长,2026-05-28,否\nL2,钱,副区长,王,2026-06-06,2026-06-07,区长,2026-05-28,否", 75, "leave/ab-partners/partnerAbsentSameTime"),
    ("leave", "L1,甲,区长,,2026-06-01,2026-06-01,区长,2026-05-28,否\nL2,乙,副区长,,2026-06-01,2026-06-01,区长,2026-05-28,否\nL3,丙,副区长,,2026-06-01,2026-06-01,区长,2026-05-28,否\nL4,丁,第一副区长,,2026-06-01,2026-06-01,区长,2026-05-28,否",
              "L1,甲,区长,,2026-06-01,2026-06-01,区长,2026-05-28,否\nL2,乙,副区长,,2026-06-01,2026-06-01,区长,2026-05-28,否\nL3,丙,副区长,,2026-06-01,2026-06-01,区长,2026-05-28,否\nL4,丁,第一副区长,,2026-06-02,2026-06-02,区长,2026-05-28,否", 75, "leave/leaders-at-once/leadersAbsentAtOnce"),
    ("seal", "Y1,区政府印章,区政府办公室副主任,,2026-03-02", "Y1,区政府印章,副区长,,2026-03-02", 67, "seal/government-seal/approvedByPost"),
    ("seal", "Y1,区长印章,副区长,,2026-03-02", "Y1,区长印章,区长,,2026-03-02", 67, "seal/mayor-seal/approvedByPost"),
    ("seal", "Y1,区长印章,区政府办公室主任,,2026-03-02", "Y1,区长印章,区政府办公室主任,区长,2026-03-02", 67, "mayor-seal/approvedByPost/office-director/authorizedByPost"),
]
# The cadence case needs a previous 常务会议 two weeks earlier.
PREVIOUS = {"meeting/executive/daysSincePrevious": "M0,常务会议,2026-03-05,区长,区长,,12,10,区长,区政府办公室主任,2026-02-26,"}


def check(validator, lexicon, tmp_path, kind, rows, extra_meeting=None):
    files = []
    path = tmp_path / f"{kind}.csv"
    path.write_text(HEADERS[kind] + "\n" + rows + "\n", encoding="utf-8")
    files.append(path)
    meetings = [m for m in [CONTEXT_MEETING if kind == "signing" else None, extra_meeting] if m]
    if meetings:
        mpath = tmp_path / "context_meeting.csv"
        mpath.write_text(HEADERS["meeting"] + "\n" + "\n".join(meetings) + "\n", encoding="utf-8")
        files.append(mpath)
    loaded = Reader(lexicon).read(files)
    assert loaded.errors == []
    return validator.validate(loaded)


@pytest.mark.parametrize("kind, bad, good, article, shape", CASES, ids=[c[4] for c in CASES])
def test_each_shape_fires_on_a_breaking_record_and_not_on_a_good_one(
        validator, lexicon, tmp_path, kind, bad, good, article, shape):
    extra = PREVIOUS.get(shape)
    fired = [f for f in check(validator, lexicon, tmp_path, kind, bad, extra).results if shape in f.shape]
    assert fired, f"{shape} did not fire"
    assert {f.article for f in fired} == {article}
    assert all(f.citation.startswith("第") and f.citation in f.message for f in fired if "违反" in f.message)
    silent = [f for f in check(validator, lexicon, tmp_path, kind, good, extra).results if shape in f.shape]
    assert silent == []


def test_the_cases_cover_every_shape(validator):
    shapes = {str(s) for s in validator.shapes.subjects(RDF.type, SH.PropertyShape)}
    covered = {s for s in shapes if any(case[4] in s for case in CASES)}
    assert shapes == covered, sorted(shapes - covered)


def test_severity_follows_the_wording(validator, lexicon, tmp_path):
    rep = check(validator, lexicon, tmp_path, "meeting",
                "M1,常务会议,2026-03-19,区长,区长,,12,10,区长,区政府办公室主任,2026-03-13,")
    [lead] = [f for f in rep.results if "materialsLeadWorkingDays" in f.shape]
    assert lead.severity == "Warning"  # 一般应于会前5个工作日
    rep = check(validator, lexicon, tmp_path, "meeting",
                "M1,常务会议,2026-03-19,区长,区长,,12,6,区长,区政府办公室主任,2026-03-12,")
    [quorum] = [f for f in rep.results if "presentRatio" in f.shape]
    assert (quorum.severity, quorum.citation) == ("Violation", "第四十三条第一款")  # 须超过


def test_conforming_examples_conform(validator, lexicon):
    loaded = Reader(lexicon).read(sorted((EXAMPLES / "conforming").glob("*.csv")))
    rep = validator.validate(loaded)
    assert loaded.errors == [] and rep.records == 29
    assert rep.conforms and rep.results == [], [f.message for f in rep.results]


def test_violating_examples_fire_every_shape_and_join_each_finding_to_its_article(validator, lexicon):
    rep = validator.validate(Reader(lexicon).read(sorted((EXAMPLES / "violating").glob("*.csv"))))
    shapes = {str(s) for s in validator.shapes.subjects(RDF.type, SH.PropertyShape)}
    assert {f.shape for f in rep.results} == shapes
    assert all(f.article and f.citation and f.source for f in rep.results)
    assert not rep.conforms and rep.exit_code == 1


def findings(report):
    return sorted((f.record, f.file, f.row, f.shape, f.severity, f.message, f.value, f.article)
                  for f in report.results)


@pytest.mark.parametrize("source", ["violating", "conforming", "synthetic-1k"])
def test_fast_engine_gives_exactly_the_findings_of_pyshacl(validator, lexicon, tmp_path, source):
    if source == "synthetic-1k":
        import importlib.util
        spec = importlib.util.spec_from_file_location("synthetic", ROOT / "bench" / "synthetic.py")
        synthetic = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(synthetic)
        files = synthetic.write(1000, tmp_path)
    else:
        files = sorted((EXAMPLES / source).glob("*.csv"))
    loaded = Reader(lexicon).read(files)
    fast, reference = validator.validate(loaded, "fast"), validator.validate(loaded, "pyshacl")
    assert findings(fast) == findings(reference)
    if source != "conforming":
        assert fast.counts["Violation"] > 0


def test_fast_engine_refuses_shapes_it_does_not_implement(validator):
    from kg.validate import FastEngine, Unsupported
    shapes = Graph() + validator.shapes
    ps = next(shapes.subjects(RDF.type, SH.PropertyShape))
    shapes.add((ps, SH.pattern, Literal("^x")))
    with pytest.raises(Unsupported):
        FastEngine(shapes)


def run_cli(*args):
    return kg("validate", *args, cwd=ROOT)


def test_cli_json_contract_and_exit_codes():
    out = run_cli("--json", *sorted((EXAMPLES / "violating").glob("*.csv")))
    assert out.returncode == 1
    doc = json.loads(out.stdout)
    assert set(doc) >= {"conforms", "counts", "results"}
    assert set(doc["counts"]) == {"Violation", "Warning", "Info"}
    first = doc["results"][0]
    assert set(first) >= {"record", "row", "severity", "message", "article", "citation", "shape", "value"}
    assert isinstance(first["article"], int) and isinstance(first["row"], int)
    assert run_cli(*sorted((EXAMPLES / "conforming").glob("*.csv"))).returncode == 0


@pytest.mark.parametrize("content, code, where, message", [
    # unreadable files: exit 2
    (b"PK\x03\x04\x00\x00binary", 2, "bad.csv", "cannot read the .xlsx"),
    (b"\x00\x01\x02\x03\x04\x05\x06\x07\x08" * 20, 2, "bad.csv", "not a text file"),
    ("", 2, "bad.csv", "the file is empty"),
    ("名字,年龄\n张三,3\n", 2, "line 1", "unknown header (at least three of its columns must be recognised)"),
    ("id,seal,approved_by_post,used_on\n", 2, "line 1", "a header but no records"),
    # readable files with a cell that cannot be read: the row is still checked, exit 1
    ("id,seal,approved_by_post,used_on\nY1,区长印章,区长,2026-02-30\n", 1, "line 2 列 column used_on[日期]", "invalid date"),
    ("id,seal,approved_by_post,used_on\nY1,区长印章,区长,0001-01-01\n", 1, "line 2 列 column used_on[日期]", "date out of range"),
    # a time of day is dropped, but not one that is none: 25:61 was read as 2026-03-19 without a word
    ("id,seal,approved_by_post,used_on\nY1,区长印章,区长,2026-03-19 25:61\n", 1, "line 2 列 column used_on[日期]",
     "invalid date: 2026-03-19 25:61"),
    ("id,seal,approved_by_post,used_on\nY1,区长印章,区长,9999-12-31\n", 1, "line 2 列 column used_on[日期]", "date out of range"),
    ("id,title,issued_as,category,signer,signer_post,signed_on\nS1,t,区政府,备忘录,x,区长,2026-01-01\n", 1, "line 2 列 column category[公文类别]", "unknown category: 备忘录"),
])
def test_bad_input_is_named_and_the_other_files_are_still_validated(tmp_path, content, code, where, message):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    out = run_cli("--json", bad, EXAMPLES / "violating" / "seal.csv")
    assert out.returncode == code
    assert "Traceback" not in out.stderr
    assert message in out.stderr and where in out.stderr and str(bad) in out.stderr
    doc = json.loads(out.stdout)
    assert {r["record"] for r in doc["results"] if r["file"].endswith("violating/seal.csv")} == {"V-Y01", "V-Y02", "V-Y03"}
    assert [e["file"] for e in doc["errors"]] == [str(bad)]


def test_a_folder_is_named_not_a_traceback(tmp_path):
    out = run_cli(EXAMPLES, EXAMPLES / "violating" / "seal.csv")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "is a folder, not a file" in out.stderr and str(EXAMPLES) in out.stderr
    assert "V-Y01" in out.stdout


def test_a_100_mb_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.csv"
    with big.open("wb") as f:
        f.truncate(100 * 1024 * 1024)
    out = run_cli(big, EXAMPLES / "conforming" / "seal.csv")
    assert out.returncode == 2 and "file too large" in out.stderr and "Traceback" not in out.stderr


def test_rdf_records_in_the_org_vocabulary(validator, lexicon, tmp_path):
    ttl = tmp_path / "seal.ttl"
    ttl.write_text("""
@prefix kg: <https://regkg.example.org/ns/kg#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://example.org/seal-use/1> a kg:SealUse ; kg:recordId "R1" ;
    kg:seal <https://regkg.example.org/id/seal/mayor-seal> ;
    kg:approvedByPost <https://regkg.example.org/id/post/deputy-mayor> ;
    kg:usedOn "2026-03-02"^^xsd:date .
""", encoding="utf-8")
    rep = validator.validate(Reader(lexicon).read([ttl]))
    assert [(f.record, f.article, f.value) for f in rep.results] == [("R1", 67, "副区长")]
    assert rep.results[0].row is None


def test_rdf_records_are_held_to_what_a_log_s_cells_must_hold(validator, lexicon, tmp_path):
    # what a log refuses is refused in RDF too (no traceback on a count that is no number), a
    # missing subject makes the record incomplete, and a label is read as a log's cell is
    ttl = tmp_path / "odd.ttl"
    ttl.write_text("""
@prefix kg: <https://regkg.example.org/ns/kg#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://example.org/s/2> a kg:SealUse ; kg:recordId "R2" ; kg:seal "区长印章" ;
    kg:approvedByPost <https://regkg.example.org/id/post/deputy-mayor> ; kg:usedOn "2026-03-02"^^xsd:date .
<https://example.org/s/5> a kg:SealUse ; kg:recordId "R5" ;
    kg:approvedByPost <https://regkg.example.org/id/post/deputy-mayor> ; kg:usedOn "2026-02-30"^^xsd:date .
<https://example.org/m/1> a kg:MeetingRecord ; kg:recordId "M1" ; kg:meetingType <https://example.org/nonsense> ;
    kg:chairPost <https://regkg.example.org/id/post/deputy-mayor> ; kg:date "2026-03-03"^^xsd:date ;
    kg:expectedCount -5 ; kg:presentCount "abc" .
<https://example.org/m/2> a kg:MeetingRecord ; kg:recordId "M2" ;
    kg:meetingType <https://regkg.example.org/id/meeting/executive> ;
    kg:chairPost <https://regkg.example.org/id/post/district-mayor> ; kg:date "2026-03-04"^^xsd:date ;
    kg:expectedCount 12 ; kg:presentCount "NaN"^^xsd:decimal .
""", encoding="utf-8")
    loaded = Reader(lexicon).read([ttl])
    said = {(e.column.split("[")[0], e.message.split(" / ")[1]) for e in loaded.errors}
    assert said == {("used_on", "invalid date: 2026-02-30"), ("expected_count", "expected a whole number: -5"),
                    ("meeting_type", "invalid meeting_type: https://example.org/nonsense"),
                    ("present_count", "expected a whole number: abc"),
                    ("present_count", "expected a whole number: NaN")}
    rep = validator.validate(loaded)
    assert sorted((f.record, f.message.split("：")[0]) for f in rep.results if f.severity == "Violation") == [
        ("R2", "违反第六十七条第一款"), ("R5", "记录不完整")]
    assert "odd.ttl:None" not in rep.to_text()


def test_malformed_rdf_is_a_clear_error(lexicon, tmp_path):
    bad = tmp_path / "x.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    loaded = Reader(lexicon).read([bad])
    assert "cannot parse RDF" in loaded.errors[0].message


def test_chinese_headers_and_bom_are_accepted(validator, lexicon, tmp_path):
    path = tmp_path / "seal.csv"
    path.write_bytes("编号,印章,批准人职务,授权人职务,日期\nY1,区长印章,副区长,,2026年3月2日\n".encode("utf-8-sig"))
    loaded = Reader(lexicon).read([path])
    assert loaded.errors == [] and loaded.kinds[str(path)] == "seal"
    assert [f.record for f in validator.validate(loaded).results] == ["Y1"]


def test_json_ld_records_in_the_org_vocabulary(validator, lexicon, tmp_path):
    g = Graph().parse(data="""
@prefix kg: <https://regkg.example.org/ns/kg#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://example.org/signing/1> a kg:SigningRecord ; kg:recordId "J1" ;
    kg:category <https://regkg.example.org/id/doctype/normative-document> ;
    kg:signerPost <https://regkg.example.org/id/post/deputy-mayor> ;
    kg:signedOn "2026-03-02"^^xsd:date .
""", format="turtle")
    path = tmp_path / "signing.jsonld"
    path.write_text(g.serialize(format="json-ld"), encoding="utf-8")
    rep = validator.validate(Reader(lexicon).read([path]))
    assert [(f.record, f.citation, f.value) for f in rep.results] == [("J1", "第六十二条第（二）项", "副区长")]


def test_two_uploads_with_one_name_are_two_files_and_lose_no_finding(validator, lexicon):
    # browsers send only the file's own name: two months' 用印.csv from two folders
    from kg.records import read_uploads
    head = "编号,印章,批准人职务,授权人职务,日期\n"
    march = (head + "1,区长印章,区政府办公室副主任,,2026-03-02\n2,区长印章,副区长,,2026-03-03\n").encode()
    april = (head + "1,区长印章,科员,,2026-04-02\n").encode()
    loaded = read_uploads([("用印.csv", march), ("用印.csv", april)], lexicon=lexicon)
    report = validator.validate(loaded)
    assert sorted((f.file, f.row, f.value) for f in report.results if f.severity == "Violation") == [
        ("用印 (2).csv", 2, "科员"), ("用印.csv", 2, "区政府办公室副主任"), ("用印.csv", 3, "副区长")]
