"""Titles as offices write them reach the roles the regulation names: by rule (each mapping shown
as an assumption), or by a roster in CSV or in the W3C ORG vocabulary."""

import csv
import io

import pytest
from rdflib import RDF
from rdflib.collection import Collection

from kg.checks import SH, ShapeWriter
from kg.records import Reader, load_schema
from kg.roles import Titles
from test_validate import CASES, CONTEXT_MEETING, HEADERS, PREVIOUS

# A concrete title for every role a check names, as a district office would write it.
CONCRETE = {
    "district-mayor": "区人民政府区长",
    "deputy-mayor": "区人民政府副区长",
    "first-deputy-mayor": "常务副区长",
    "deputy-mayor-in-charge": "分管教育的副区长",
    "relevant-deputy-mayor": "区政府副区长",
    "office-director": "区人民政府办公室主任",
    "office-deputy-director": "区人民政府办公室副主任",
    "town-street-head": "张村镇镇长",
    "department-head": "区教育局局长",
    "government-leaders": "区人民政府区长",
}
# The labels in the test logs of test_validate, replaced by concrete titles in post columns.
AS_WRITTEN = {
    "区长": "区人民政府区长", "副区长": "区人民政府副区长", "第一副区长": "常务副区长",
    "分管副区长": "分管教育的副区长", "区政府办公室主任": "区人民政府办公室主任",
    "区政府办公室副主任": "区人民政府办公室副主任",
    "各镇政府、街道办事处主要负责人": "张村镇镇长", "区政府部门主要负责人": "区教育局局长",
}
STREET = {"各镇政府、街道办事处主要负责人": "竹岛街道办事处主任"}


@pytest.fixture(scope="module")
def titles(lexicon):
    return Titles.load(lexicon)


def roles_named_in_checks(shapes) -> set[str]:
    """Every post a shape accepts, delegates from or targets (leave/<post>, …/<prop>/<post>)."""
    named = set()
    for ps in shapes.subjects(RDF.type, SH.PropertyShape):
        for lst in shapes.objects(ps, SH["in"]):
            named |= {str(v).rsplit("/", 1)[-1] for v in Collection(shapes, lst) if "/id/post/" in str(v)}
    for target in shapes.objects(None, SH.targetClass):
        parts = str(target).split("/id/record-class/")[-1].split("/")
        if parts[0] == "leave":
            named.add(parts[1])
        if len(parts) == 4:
            named.add(parts[3])
    return named


def test_the_concrete_titles_below_cover_every_role_a_check_names(validator):
    named = roles_named_in_checks(validator.shapes)
    assert named == set(CONCRETE), "add a concrete title for " + ", ".join(sorted(named - set(CONCRETE)))


@pytest.mark.parametrize("role, title", sorted(CONCRETE.items()))
def test_a_role_named_in_a_check_is_reached_from_a_concrete_title(lexicon, titles, role, title):
    iri, how = titles.resolve(title)
    assert how.kind == "rule"  # a concrete title, not the regulation's own wording
    assert iri in ShapeWriter(lexicon, titles=titles)._accepts(f"{lexicon.base}/id/post/{role}")


@pytest.mark.parametrize("title, role", [
    ("区教育局局长", "department-head"), ("区卫生健康委员会主任", "department-head"),
    ("区住房和城乡建设局党组书记、局长", "department-head"), ("部门主要负责人", "department-head"),
    ("张村镇镇长", "town-head"), ("竹岛街道办事处主任", "street-office-director"),
    ("街道办事处主要负责人", "town-street-head"), ("镇政府主要负责人", "town-street-head"),
    ("张村镇副镇长", "town-street-deputy-head"), ("区教育局副局长", "department-deputy-head"),
    ("常务副区长", "first-deputy-mayor"), ("区委常委、常务副区长", "first-deputy-mayor"), ("代区长", "district-mayor"),
    ("区人民政府办公室主任", "office-director"), ("分管农业工作的副区长", "deputy-mayor-in-charge"),
])
def test_title_rules(titles, title, role):
    iri, how = titles.resolve(title)
    assert (iri.rsplit("/", 1)[-1], how.kind) == (role, "rule") and how.basis


def test_a_town_head_and_a_street_office_director_hold_the_town_street_role(titles, lexicon):
    role = f"{lexicon.base}/id/post/town-street-head"
    for title in ("镇长", "街道办事处主任", "张村镇镇长", "竹岛街道办事处主任"):
        assert role in titles.ancestors(titles.resolve(title)[0]), title


def test_an_unknown_title_holds_no_role_and_is_reported(validator, lexicon, tmp_path):
    path = tmp_path / "seal.csv"
    path.write_text("id,seal,approved_by_post,used_on\nY1,区长印章,科员,2026-03-02\n", encoding="utf-8")
    rep = validator.validate(Reader(lexicon).read([path]))
    assert [(f.severity, f.value) for f in rep.results] == [("Info", "科员"), ("Violation", "科员")]
    assert "未识别的职务「科员」" in rep.results[0].message


def as_written(kind: str, rows: str, names: dict[str, str]) -> str:
    """The rows with every post cell written as a concrete title."""
    columns = {c.name: c for c in load_schema().log[kind].columns}
    header = HEADERS[kind].split(",")
    out = []
    for row in csv.reader(io.StringIO(rows)):
        cells = []
        for name, cell in zip(header, row, strict=True):
            if columns[name].type == "post":
                cell = names.get(cell, AS_WRITTEN.get(cell, cell))
            elif columns[name].type == "posts":
                cell = ";".join(names.get(p, AS_WRITTEN.get(p, p)) for p in cell.split(";") if p)
            cells.append(cell)
        out.append(",".join(cells))
    return "\n".join(out)


def check(validator, lexicon, tmp_path, kind, rows, extra=None, reader=None):
    path = tmp_path / f"{kind}.csv"
    path.write_text(HEADERS[kind] + "\n" + rows + "\n", encoding="utf-8")
    files = [path]
    meetings = [m for m in [CONTEXT_MEETING if kind == "signing" else None, extra] if m]
    if meetings:
        mpath = tmp_path / "context_meeting.csv"
        mpath.write_text(HEADERS["meeting"] + "\n" + "\n".join(meetings) + "\n", encoding="utf-8")
        files.append(mpath)
    loaded = (reader or Reader(lexicon)).read(files)
    assert loaded.errors == []
    return validator.validate(loaded)


WRITTEN_CASES = [(*c, {}) for c in CASES] + [(*c, STREET) for c in CASES if "town-street-head" in c[4]]


@pytest.mark.parametrize("kind, bad, good, article, shape, names", WRITTEN_CASES,
                         ids=[c[4] + ("/street" if c[5] else "") for c in WRITTEN_CASES])
def test_each_check_with_concrete_titles(validator, lexicon, tmp_path, kind, bad, good, article, shape, names):
    extra = PREVIOUS.get(shape)
    rep = check(validator, lexicon, tmp_path, kind, as_written(kind, bad, names), extra)
    fired = [f for f in rep.results if shape in f.shape]
    assert fired and {f.article for f in fired} == {article}
    assumed = {f.value for f in rep.results if f.severity == "Info"}
    assert assumed and assumed <= set(AS_WRITTEN.values()) | set(STREET.values())
    rep = check(validator, lexicon, tmp_path, kind, as_written(kind, good, names), extra)
    assert [f for f in rep.results if shape in f.shape] == []


MEETING = "M1,常务会议,2026-03-19,区长,常务副区长,,12,10,常务副区长,区政府办公室主任,2026-03-12,"
ROSTER_CSV = "单位,职务,姓名,角色\n区政府,常务副区长,张三,副区长\n区教育局,区教育局局长,李四,区政府部门主要负责人\n"
ROSTER_TTL = """
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix ex: <https://example.org/district/> .
ex:gov a org:Organization ; skos:prefLabel "区政府"@zh .
ex:edu a org:Organization ; skos:prefLabel "区教育局"@zh ; org:subOrganizationOf ex:gov .
ex:p1 a org:Post ; skos:prefLabel "常务副区长"@zh ; org:postIn ex:gov ;
    org:role <https://regkg.example.org/id/post/deputy-mayor> ; org:heldBy ex:zhang .
ex:zhang a foaf:Person ; foaf:name "张三" ; org:holds ex:p1 .
ex:m1 a org:Membership ; org:member ex:li ; org:organization ex:edu ; skos:prefLabel "区教育局局长"@zh ;
    org:role <https://regkg.example.org/id/post/department-head> .
ex:li a foaf:Person ; foaf:name "李四" .
"""


@pytest.mark.parametrize("name, content", [("roster.csv", ROSTER_CSV), ("roster.ttl", ROSTER_TTL)])
def test_a_roster_says_which_role_a_title_holds(validator, lexicon, tmp_path, name, content):
    # Without a roster 常务副区长 is the 第一副区长 (an assumption), who may chair a 常务会议 when
    # the 区长 entrusts it.
    rep = check(validator, lexicon, tmp_path, "meeting", MEETING)
    assert [f.shape.rsplit("/id/shape/", 1)[1] for f in rep.results if f.severity != "Info"] == [
        "meeting/executive/chairPost/first-deputy-mayor/entrustedByPost/entrustedByPost"]
    entrusted = MEETING.replace("常务副区长,,12", "常务副区长,区长,12")
    assert [f.severity for f in check(validator, lexicon, tmp_path, "meeting", entrusted).results] == ["Info"]
    # A roster that makes this 常务副区长 a plain 副区长: no entrustment lets a 副区长 chair it.
    (tmp_path / name).write_text(content, encoding="utf-8")
    reader, roster = Reader(lexicon).with_roster(name, tmp_path / name)
    assert roster.problems == [] and roster.people == {"张三": "常务副区长", "李四": "区教育局局长"}
    for log in (MEETING, entrusted):
        rep = check(validator, lexicon, tmp_path, "meeting", log, reader=reader)
        assert [f.shape.rsplit("/id/shape/", 1)[1] for f in rep.results] == ["meeting/executive/chairPost/chairPost"]


def test_a_roster_with_an_unknown_role_is_named(lexicon, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("职务,角色\n常务副区长,常务副县长\n", encoding="utf-8")
    _, roster = Reader(lexicon).with_roster(path.name, path)
    [problem] = roster.problems
    assert (problem.line, problem.column) == (2, "role") and "unknown role: 常务副县长" in problem.message


def test_a_title_given_two_roles_keeps_the_first_and_says_so_and_a_cover_sheet_is_a_note(lexicon, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("职务,角色\n区长助理,区长\n区长助理,副区长\n", encoding="utf-8")
    _, roster = Reader(lexicon).with_roster(path.name, path)
    assert roster.titles["区长助理"][0].endswith("/district-mayor")
    [problem] = roster.problems
    assert problem.line == 3 and "already has another role" in problem.message
    import openpyxl
    book = openpyxl.Workbook()
    book.active.title = "封面"
    book.active.append(["环翠区人民政府名册"])
    sheet = book.create_sheet("名册")
    sheet.append(["职务", "角色"])
    sheet.append(["区长助理", "副区长"])
    workbook = tmp_path / "roster.xlsx"
    book.save(workbook)
    _, roster = Reader(lexicon).with_roster(workbook.name, workbook)
    assert roster.problems == [] and [n.sheet for n in roster.notes] == ["封面"]
    assert roster.titles["区长助理"][0].endswith("/deputy-mayor")
