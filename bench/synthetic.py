"""Synthetic record logs for benchmarks: a realistic mix of valid records and violations.

    python bench/synthetic.py 10000 /tmp/logs   writes signing.csv, meeting.csv, leave.csv, seal.csv

write_xlsx() puts the same logs into one workbook (a sheet each, dates as date cells, counts as
numbers, as Excel keeps them); write_largest() the largest log the limits accept.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from pathlib import Path

SIGNING = [("上报请示报告", "区长", ""), ("上报请示报告", "第一副区长", "区长"), ("议案", "区长", ""),
           ("规范性文件", "区长", ""), ("干部任免", "区长", ""), ("出国境", "区长", ""),
           ("其他公文", "分管副区长", ""), ("常务会议议定事项", "副区长", "区长"), ("例行批准", "区长", ""),
           ("办公室公文", "区政府办公室主任", "")]
WRONG_POSTS = ["副区长", "区政府办公室副主任", "第一副区长", "区政府办公室主任"]
MEETINGS = [("常务会议", "区长"), ("全体会议", "区长"), ("区长办公会议", "区长"), ("专题会议", "副区长"),
            ("一类会议", "区长"), ("二类会议", "分管副区长")]
LEAVE_POSTS = [("副区长", "区长"), ("区政府办公室主任", "区长"), ("各镇政府、街道办事处主要负责人", "区长"),
               ("区政府部门主要负责人", "分管副区长")]
BASE = dt.date(2020, 1, 6)


def write(n: int, out: Path, seed: int = 7, bad: float = 0.1) -> list[Path]:
    """About n records in all, a quarter per log; `bad` of them break a rule."""
    rnd = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    per = max(1, n // 4)
    paths = []

    def day(i: int) -> dt.date:
        return BASE + dt.timedelta(days=i)

    with (out / "meeting.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow("id meeting_type date convener_post chair_post entrusted_by_post expected_count "
                   "present_count minutes_signer_post minutes_reviewer_post materials_submitted_on "
                   "preparation_started_on".split())
        for i in range(per):
            mtype, chair = MEETINGS[i % len(MEETINGS)]
            date = day(14 * (i // len(MEETINGS)) % 2450)  # 2020-01 .. 2026-09
            if rnd.random() < bad:
                chair = rnd.choice(WRONG_POSTS)
            present = 10 if rnd.random() > bad else 5
            materials = date - dt.timedelta(days=7 if rnd.random() > bad else 2)
            prep = date - dt.timedelta(days=20 if rnd.random() > bad else 5)
            w.writerow([f"M{i}", mtype, date, chair, chair, "", 12, present, chair, "区政府办公室主任",
                        materials if mtype in ("常务会议", "区长办公会议") else "",
                        prep if mtype in ("一类会议", "二类会议") else ""])
    paths.append(out / "meeting.csv")
    with (out / "signing.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow("id title issued_as category signer signer_post signed_on entrusted_by_post "
                   "cosigner_posts meeting_id".split())
        for i in range(per):
            category, post, entrusted = SIGNING[i % len(SIGNING)]
            if rnd.random() < bad:
                post, entrusted = rnd.choice(WRONG_POSTS), ""
            issued = "区政府办公室" if category == "办公室公文" else "区政府"
            w.writerow([f"S{i}", f"公文{i}", issued, category, f"签发人{i % 50}", post, day(i % 2000),
                        entrusted, "", ""])
    paths.append(out / "signing.csv")
    with (out / "leave.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow("id person post ab_partner start end reported_to_post reported_on "
                   "office_director_informed".split())
        for i in range(per):
            post, to = LEAVE_POSTS[i % len(LEAVE_POSTS)]
            start = day(7 * i // 3 % 2400)
            reported = start - dt.timedelta(days=3 if rnd.random() > bad else -1)
            if rnd.random() < bad:
                to = "区政府办公室副主任"
            w.writerow([f"L{i}", f"人员{i % 400}", post, "", start, start + dt.timedelta(days=1), to,
                        reported, "是"])
    paths.append(out / "leave.csv")
    with (out / "seal.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow("id seal approved_by_post authorized_by_post used_on".split())
        for i in range(per):
            seal, post, auth = [("区政府印章", "副区长", ""), ("区长印章", "区长", ""),
                                ("区长印章", "区政府办公室主任", "区长")][i % 3]
            if rnd.random() < bad:
                post, auth = "区政府办公室副主任", ""
            w.writerow([f"Y{i}", seal, post, auth, day(i % 2000)])
    paths.append(out / "seal.csv")
    return paths


if __name__ == "__main__":
    print(write(int(sys.argv[1]), Path(sys.argv[2])))


def write_xlsx(csv_paths: list[Path], out: Path) -> Path:
    """The CSV logs as one .xlsx workbook, a sheet per log."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for path in csv_paths:
        sheet = book.create_sheet(path.stem)
        with path.open(encoding="utf-8") as f:
            for i, row in enumerate(csv.reader(f)):
                sheet.append(row if i == 0 else [_cell(c) for c in row])
    book.save(out)
    return out


def _cell(text: str):
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return dt.date.fromisoformat(text)
    if text.isdigit():
        return int(text)
    return text or None


def write_largest(out: Path, rows: int = 200_000) -> Path:
    """A seal log of `rows` records (the row limit), each with a distinct id and date."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow("id seal approved_by_post authorized_by_post used_on".split())
        for i in range(rows):
            w.writerow([f"Y{i:06d}", "区长印章" if i % 2 else "区政府印章", "区长", "", day_of(i)])
    return out


def day_of(i: int) -> dt.date:
    return BASE + dt.timedelta(days=i % 2400)


def write_turtle(csv_paths: list[Path], out: Path) -> Path:
    """The logs as Turtle in the org vocabulary (what a user keeping RDF records would send)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from kg.records import Reader

    graph = Reader().read(csv_paths).graph
    graph.bind("kg", "https://regkg.example.org/ns/kg#")
    graph.bind("post", "https://regkg.example.org/id/post/")
    out.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    return out
