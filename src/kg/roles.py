"""Concrete titles (a bureau's director, an executive deputy) -> the regulation's roles.

Logs name the posts people hold; the regulation speaks of roles. A roster (CSV/.xlsx with
Chinese headers, or Turtle in the W3C ORG vocabulary) says which role each title holds; without
one, the title patterns of ontology/titles.toml apply, and every title mapped that way is an
assumption the report shows (Info). The role hierarchy used by the checks is the lexicon's
skos:broader plus the [broader] table of titles.toml.

>>> titles = Titles.load(load_lexicon())
>>> iri, how = titles.resolve("教育局局长")
>>> iri.rsplit("/", 1)[-1], how.kind
('department-head', 'rule')
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kg.config import parse, read_toml
from kg.errors import ConfigError, bilingual
from kg.lexicon import POST, Lexicon, is_cjk_ideograph, load_lexicon, normalise
from kg.ns import ORG, RDF, RDFS, SKOS
from kg.resources import data_file
from kg.tables import FileProblem, Limits, Unreadable, open_table


@dataclass(frozen=True)
class TitleRule:
    pattern: str
    role: str
    basis: str


TITLE_CHARS = 64  # a longer cell is no title a log writes (区人民政府区长 has seven characters)


@dataclass(frozen=True)
class TitlesFile:
    rule: tuple[TitleRule, ...]
    broader: dict[str, tuple[str, ...]] = field(default_factory=dict)
    split: str = ""
    courtesy: tuple[str, ...] = ()
    acts: tuple[str, ...] = ()
    act_means: tuple[str, ...] = ()
    act_openers: str = ""
    same_office: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class How:
    """How a title was mapped: 'lexicon' (the regulation's own word), 'roster', 'rule', 'courtesy'
    (a way of addressing someone that does not say which post: 邵区长 may be a 副区长) or 'unknown'."""

    kind: str
    basis: str = ""


@dataclass
class Titles:
    """Resolves titles to post IRIs; knows the extended role hierarchy."""

    lex: Lexicon
    rules: list[tuple[re.Pattern, str, str]]
    broader: dict[str, set[str]]
    split: str
    roster: dict[str, tuple[str, str]] = field(default_factory=dict)  # title -> (iri, source)
    people: dict[str, str] = field(default_factory=dict)  # person -> title
    courtesy: list[re.Pattern] = field(default_factory=list)  # (surname)(title) as people are addressed
    acts: tuple[str, ...] = ()  # what a title is followed by when a cell says what its holder did
    act_means: tuple[str, ...] = ()  # how it was done, between the title and the act (书面, 口头)
    act_openers: str = ""  # what may open such a cell before the title (受区长委托)
    same_office: dict[str, str] = field(default_factory=dict)  # a role's post IRI -> its office's
    _cache: dict[str, tuple[str, How]] = field(default_factory=dict)

    @staticmethod
    def load(lex: Lexicon, path: Path | None = None) -> Titles:
        path = path or data_file("ontology", "titles.toml")
        data, text = read_toml(path)
        conf = parse(TitlesFile, data, str(path), text)
        posts = {iri.rsplit("/", 1)[-1]: iri for iri, e in lex.entries.items() if e.kind == POST}

        def post(slug: str) -> str:
            if slug not in posts:
                line = next((i for i, t in enumerate(text.splitlines(), 1) if f'"{slug}"' in t), None)
                raise ConfigError(f"{path}:{line}: 词表中没有职务 {slug} / no post {slug!r} in the lexicon")
            return posts[slug]

        rules = []
        for r in conf.rule:
            try:
                rules.append((re.compile(r.pattern), post(r.role), r.basis))
            except re.error as exc:
                line = next((i for i, t in enumerate(text.splitlines(), 1) if r.pattern in t), None)
                raise ConfigError(f"{path}:{line}: 正则表达式错误 / bad pattern: {exc}") from None
        broader = {post(k): {post(v) for v in vs} for k, vs in conf.broader.items()}
        courtesy = []
        for pattern in conf.courtesy:
            try:
                courtesy.append(re.compile(pattern))
            except re.error as exc:
                line = next((i for i, t in enumerate(text.splitlines(), 1) if pattern in t), None)
                raise ConfigError(f"{path}:{line}: 正则表达式错误 / bad pattern: {exc}") from None
        return Titles(lex, rules, broader, conf.split, courtesy=courtesy, acts=conf.acts,
                      act_means=conf.act_means, act_openers=conf.act_openers,
                      same_office={post(k): post(v) for k, v in conf.same_office.items()})

    # -- the hierarchy the checks use

    def ancestors(self, iri: str) -> set[str]:
        """The post, its broader posts in the lexicon and the roles titles.toml adds."""
        seen, todo = set(), [iri]
        while todo:
            cur = todo.pop()
            if cur not in seen:
                seen.add(cur)
                entry = self.lex.get(cur)
                todo += list(entry.broader) if entry else []
                todo += list(self.broader.get(cur, ()))
        return seen

    def descendants(self, iri: str) -> set[str]:
        """Every post whose ancestors include this one."""
        return {p for p in self.lex.entries if iri in self.ancestors(p)} | {iri}

    # -- titles

    def resolve(self, raw: str) -> tuple[str, How]:
        """The post IRI a title stands for, and how that was decided."""
        key = re.sub(r"\s+", "", normalise(raw))
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = self._resolve(key)
        return hit

    def _resolve(self, title: str) -> tuple[str, How]:
        if title in self.roster:
            iri, source = self.roster[title]
            return iri, How("roster", source)
        if len(title) > TITLE_CHARS:   # no title: not tried against patterns that scan it again and again
            digest = hashlib.sha1(title.encode("utf-8")).hexdigest()[:12]
            return f"{self.lex.base}/id/title/t-{digest}", How("unknown")
        entry = self.lex.by_label.get(title)
        if entry is not None and entry.kind == POST:
            return entry.iri, How("lexicon")
        for pattern, iri, basis in self.rules:
            if pattern.fullmatch(title):
                return iri, How("rule", basis)
        act = next((a for a in self.acts if title.endswith(a) and len(title) > len(a)), None)
        if act:   # 区长授权, 受区长书面委托: who authorised
            head = title[:-len(act)]
            head = next((head[:-len(m)] for m in self.act_means if head.endswith(m) and len(head) > len(m)),
                        head)
            if len(head) > 2 and head[0] in self.act_openers:
                head = head[1:]
            iri, how = self._resolve(head)
            if how.kind != "unknown":
                return iri, how
            named = self.split_name(head)   # 区长周振华授权: the title with the name of who holds it
            if named is not None:
                return self.resolve(named[0])
        for pattern in self.courtesy:
            m = pattern.fullmatch(title)
            if m:   # 邵区长: the roster's only 邵 says which post, else no one can tell
                held = {t for person, t in self.people.items() if person.startswith(m.group("surname"))}
                if len(held) == 1:
                    iri, how = self._resolve(held.pop())
                    surname = m.group("surname")
                    return iri, How(how.kind, f"名册中姓{surname}的只有一人 / the roster's only {surname}"
                                    + (f"；{how.basis}" if how.basis else ""))
                digest = hashlib.sha1(title.encode("utf-8")).hexdigest()[:12]
                return f"{self.lex.base}/id/title/t-{digest}", How(
                    "courtesy", f"「{title}」是称呼，不能确定是哪一职务（副职也常称正职）；请用名册注明 / "
                                f"{title!r} is a way of addressing someone, not a post; a roster says which")
        bare = re.sub(r"\([^()]*\)$", "", title)
        if bare and bare != title:   # 区长（主持工作）: the title, with a note on it
            iri, how = self._resolve(bare)
            if how.kind != "unknown":
                return iri, How(how.kind if how.kind != "lexicon" else "rule",
                                f"括号内为备注，取「{bare}」/ the note in brackets aside, read as {bare}"
                                + (f"；{how.basis}" if how.basis else ""))
        parts = [p for p in re.split(f"[{re.escape(self.split)}]", title) if p] if self.split else []
        if len(parts) > 1:
            for part in parts:
                iri, how = self._resolve(part)
                if how.kind != "unknown":
                    return iri, How(how.kind if how.kind != "lexicon" else "rule",
                                    f"复合职务取「{part}」/ compound title, read as {part}"
                                    + (f"；{how.basis}" if how.basis else ""))
        digest = hashlib.sha1(title.encode("utf-8")).hexdigest()[:12]
        return f"{self.lex.base}/id/title/t-{digest}", How("unknown")

    def split_name(self, text: str) -> tuple[str, str] | None:
        """A title written with its holder's name of two or three characters, before or after it,
        the title perhaps with a note in brackets: (title, name), else None.

        >>> Titles.load(load_lexicon()).split_name("区长周振华")
        ('区长', '周振华')
        """
        for size in (3, 2):
            for title, name in ((text[:-size], text[-size:]), (text[size:], text[:size])):
                if (len(title) >= 2 and all(map(is_cjk_ideograph, name))
                        and all(map(is_cjk_ideograph, re.sub(r"[(（][^()（）]*[)）]$", "", title)))
                        and self.resolve(title)[1].kind not in ("unknown", "courtesy")):
                    return title, name
        return None

    def with_roster(self, roster: dict[str, tuple[str, str]], people: dict[str, str]) -> Titles:
        return Titles(self.lex, self.rules, self.broader, self.split, roster, people, self.courtesy,
                      self.acts, self.act_means, self.act_openers, self.same_office)


# ---------------------------------------------------------------- rosters


@dataclass
class Roster:
    """Titles and the roles they hold, read from a roster file."""

    titles: dict[str, tuple[str, str]] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)
    problems: list[FileProblem] = field(default_factory=list)
    notes: list[FileProblem] = field(default_factory=list)


def read_roster(name: str, source: bytes | Path, titles: Titles, columns: dict[str, tuple[str, ...]],
                limits: Limits | None = None) -> Roster:
    """A roster as CSV/.xlsx (headers: records.toml [roster]) or Turtle (org:Post / org:Membership)."""
    roster = Roster()
    suffix = Path(name).suffix.lower()
    try:
        if suffix in (".ttl", ".nt"):
            data = source if isinstance(source, bytes) else Path(source).read_bytes()
            _roster_rdf(name, data, titles, roster, "nt" if suffix == ".nt" else "turtle")
        else:
            _roster_table(name, source, titles, roster, columns, limits or Limits())
    except Unreadable as exc:
        roster.problems.append(exc.problem)
    except OSError as exc:
        roster.problems.append(FileProblem(name, None, None, bilingual(
            f"无法读取（{exc.strerror}）", f"cannot read ({exc.strerror})"), fatal=True))
    return roster


def _role(titles: Titles, label: str) -> str | None:
    entry = titles.lex.by_label.get(re.sub(r"\s+", "", normalise(label)))
    if entry is not None and entry.kind == POST:
        return entry.iri
    return entry.iri if (entry := titles.lex.get(label)) is not None and entry.kind == POST else None


def _roster_table(name: str, source, titles: Titles, roster: Roster,
                  columns: dict[str, tuple[str, ...]], limits: Limits) -> None:
    table = open_table(name, source if isinstance(source, bytes) else Path(source), limits)
    for sheet in table.sheets:
        index: dict[str, int] = {}
        for line, cells in sheet.rows:
            text = [str(c).strip() if c is not None else "" for c in cells]
            if not index:
                found = {key: i for i, cell in enumerate(text) for key, names in columns.items()
                         if cell.lower() in names}
                if "title" in found and "role" in found:
                    index = found
                continue
            title = text[index["title"]] if index["title"] < len(text) else ""
            role = text[index["role"]] if index["role"] < len(text) else ""
            if not title:
                continue
            if not role:
                continue  # no role given: the title rules decide (and say so)
            whole = _role(titles, role)  # a role's own name may hold 、
            parsed = [whole] if whole else [_role(titles, r) for r in re.split(r"[;；]", role) if r.strip()]
            iris = [iri for iri in parsed if iri is not None]
            if not iris or len(iris) < len(parsed):
                posts = {e.pref for e in titles.lex.entries.values() if e.kind == POST}
                known = "、".join(sorted(posts)[:12])
                roster.problems.append(FileProblem(name, line, "role", bilingual(
                    f"未知的角色：{role}（应为规章中的职务，如 {known}…）", f"unknown role: {role}"),
                    sheet=sheet.name))
                continue
            key = re.sub(r"\s+", "", normalise(title))
            if key in roster.titles and roster.titles[key][0] != iris[0]:
                # one title, two roles: the first stands, and the report says which line lost
                roster.problems.append(FileProblem(name, line, "role", bilingual(
                    f"职务「{title}」已在{roster.titles[key][1].split(' / ')[0]}对应另一角色，本行未采用",
                    f"title {title!r} already has another role ({roster.titles[key][1].split(' / ')[1]}): "
                    f"this line is not used"), sheet=sheet.name))
                continue
            where = f"名册 {Path(name).name} 第{line}行 / roster line {line}"
            roster.titles.setdefault(key, (iris[0], where))
            if "person" in index and index["person"] < len(text) and text[index["person"]]:
                roster.people[text[index["person"]]] = key
        if not index and len(table.sheets) > 1:   # a cover or notes sheet beside the roster
            roster.notes.append(FileProblem(name, None, None, bilingual(
                "没有职务列和角色列，不是名册，已跳过",
                "no title and role columns: not a roster sheet, skipped"),
                sheet=sheet.name))
        elif not index:
            roster.problems.append(FileProblem(name, None, None, bilingual(
                "名册缺少职务列和角色列（" + "、".join(columns["title"][:1] + columns["role"][:1]) + "）",
                "the roster needs a title and a role column"),
                sheet=sheet.name, fatal=True))
    if table.sheets and not roster.titles and not roster.problems:
        roster.problems.append(FileProblem(name, None, None, bilingual(
            "名册中没有职务与角色", "the roster gives no title a role"), fatal=True))


def _roster_rdf(name: str, data: bytes, titles: Titles, roster: Roster, fmt: str) -> None:
    try:
        g = Graph().parse(data=data.decode("utf-8-sig"), format=fmt)
    except Exception as exc:  # rdflib raises many types for malformed input
        raise Unreadable(FileProblem(name, None, None, bilingual(
            "无法解析名册 RDF", f"cannot parse the roster RDF: {str(exc)[:200]}"), fatal=True)) from None

    def label(node) -> str | None:
        for p in (SKOS.prefLabel, RDFS.label):
            for o in g.objects(node, p):
                if isinstance(o, Literal):
                    return str(o)
        return None

    def role_of(node) -> str | None:
        for role in g.objects(node, ORG.role):
            iri = str(role) if titles.lex.get(str(role)) else _role(titles, label(role) or "")
            if iri:
                return iri
        return None

    for node in set(g.subjects(RDF.type, ORG.Post)) | set(g.subjects(RDF.type, ORG.Membership)):
        title, iri = label(node), role_of(node)
        if title and iri:
            key = re.sub(r"\s+", "", normalise(title))
            roster.titles[key] = (iri, f"名册 {Path(name).name}：{title}")
            holders = set(g.objects(node, ORG.heldBy)) | set(g.subjects(ORG.holds, node)) \
                | set(g.objects(node, ORG.member))
            for person in holders:
                who = label(person) or next((str(o) for o in g.objects(
                    person, URIRef("http://xmlns.com/foaf/0.1/name"))), None)
                if who:
                    roster.people[who] = key
        elif title and not iri:
            roster.problems.append(FileProblem(name, None, None, bilingual(
                f"名册中的职务「{title}」没有 org:role，或角色不在词表中",
                f"the roster's post {title!r} has no org:role the lexicon knows")))
    if not roster.titles and not roster.problems:
        raise Unreadable(FileProblem(name, None, None, bilingual(
            "名册中没有带 org:role 的 org:Post 或 org:Membership",
            "no org:Post or org:Membership with an org:role in the roster"), fatal=True))


@cache
def default_titles(base: str | None = None) -> Titles:
    return Titles.load(load_lexicon(base))
