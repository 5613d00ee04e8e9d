"""The lexicon of posts, bodies, meeting types, document types, seals and actions.

Read from ontology/lexicon.ttl (labels, altLabels, hierarchy); it finds entity
mentions by longest match and generates the jieba user dictionary.

>>> lex = load_lexicon()
>>> [m.entry.pref for m in lex.mentions("常务会由区长主持")]
['常务会议', '区长']
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import Graph, Literal

from kg.corpus import base_iri
from kg.grammar import Grammar, load_grammar
from kg.ns import KG, SKOS
from kg.resources import data_file

# Characters that end a describing clause before a name (提质询案的常委会组成人员).
CLAUSE_MARKS = set("，,。；;：:、（）()《》“”\"")
NUMERALS = set("0123456789一二两三四五六七八九十百千万")

# Kinds of entries, from their scheme's last path segment.
POST, BODY, MEETING, DOCTYPE, SEAL, ACTION, ROLE = (
    "posts", "bodies", "meeting-types", "document-types", "seals", "actions", "role")
AGENT_KINDS = {POST, BODY, MEETING, ROLE}
TOPIC_KINDS = {MEETING, DOCTYPE, SEAL}


def normalise(text: str) -> str:
    """NFKC per character where that keeps the length (full-width -> half-width).

    Offsets into the normalised text stay valid for the original.

    >>> normalise("出国（境）公文１２")
    '出国(境)公文12'
    """
    return text if text.isascii() else _normalised(text)


@functools.lru_cache(maxsize=8192)  # a provision's text is normalised by many passes in turn
def _normalised(text: str) -> str:
    return "".join(map(_normal_char, text))


@cache
def _normal_char(ch: str) -> str:
    n = unicodedata.normalize("NFKC", ch)
    return n if len(n) == 1 else ch


# 办公厅（室）: another ending of the name before it, in brackets (normalised to ASCII brackets).
ALTERNATIVE_ENDING = re.compile(r"\(([\u4e00-\u9fff]{1,2})\)")


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a post, body, meeting type, document type, seal or action."""

    iri: str
    kind: str
    pref: str
    en: str = ""
    alt: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    relation: str = ""
    contextual: bool = False       # records write its broader post (分管副区长 -> 副区长)
    record_property: str = ""      # a role records name indirectly (会议主持人)
    generic: bool = False          # found by a suffix pattern, not in the curated lexicon

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.pref,) + self.alt


@dataclass(frozen=True)
class Mention:
    """An entry found in text, with the words the text used."""

    entry: Entry
    start: int
    end: int
    surface: str


@dataclass
class Lexicon:
    base: str
    entries: dict[str, Entry] = field(default_factory=dict)
    grammar: Grammar = field(default_factory=load_grammar)

    def __post_init__(self) -> None:
        self._mentions_cache: dict[tuple[str, bool], tuple[Mention, ...]] | None = None
        by_label: dict[str, Entry] = {}
        for e in self.entries.values():
            if e.kind == ACTION:
                continue
            for label in e.labels:
                by_label.setdefault(normalise(label), e)
        self.by_label = by_label
        labels = sorted(by_label, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, labels))) if labels else None
        roles = self.grammar.roles
        # Suffix -> kind of the generic entry it makes (a post, a body, a meeting, a document).
        self._suffix_kind: dict[str, str] = {}
        for words, kind in ((roles.suffixes, ROLE), (roles.body_suffixes, BODY),
                            (roles.meeting_suffixes, MEETING), (roles.document_suffixes, DOCTYPE)):
            for word in words:
                self._suffix_kind.setdefault(normalise(word), kind)
        suffixes = sorted(self._suffix_kind, key=len, reverse=True)
        # 重大会议: a suffix followed by what starts another word there is none (extraction.toml overlapping)
        over = {normalise(k): v for k, v in roles.overlapping.items()}
        # …unless the words after make a word that leaves the suffix whole (大会议程 is the 大会's 议程)
        kept = {normalise(k): "|".join(map(re.escape, v)) for k, v in roles.overlap_kept.items()}

        def suffix_pattern(w: str) -> str:
            if w not in over:
                return re.escape(w)
            unless = f"(?!{kept[w]})" if w in kept else ""
            return f"{re.escape(w)}(?!{unless}[{re.escape(over[w])}])"
        self._suffix = re.compile("|".join(map(suffix_pattern, suffixes))) if suffixes else None
        self._stop = set(roles.stop_chars)
        self._name_words = tuple(normalise(w) for w in roles.name_words)
        self._name_word_tags = frozenset(roles.name_word_tags)
        self._noun_stops = frozenset(roles.noun_stop_chars)
        self._compound_heads = frozenset(roles.compound_noun_tags)
        # 由执行机关负责, 向执行机关报告: the markers before an organ its verb names
        self._party_markers = tuple(self.grammar.bearers.markers) + tuple(self.grammar.bearers.aux_markers)
        self._level_starts = tuple(normalise(w) for w in roles.level_words)
        self._name_starts = tuple(normalise(w) for w in roles.name_start)
        self._de = normalise(self.grammar.verbs.nominal_mark)
        # …after a word that leads to a party (邀请有关的代表, 由有关的专门委员会)
        self._qualifier_leads = tuple(normalise(w) for w in (*self.grammar.bearers.markers,
                                                             *self.grammar.bearers.recipient_markers))
        self._relative_leads = tuple(normalise(w) for w in roles.relative_leads)
        self._founders = tuple(normalise(w) for w in roles.founders)
        self._places = tuple(normalise(w) for w in roles.places)
        self._not_markers = tuple(normalise(w) for w in self.grammar.bearers.not_markers)
        self._marks = tuple(normalise(w) for w in (*self.grammar.bearers.markers,
                                                   *self.grammar.bearers.recipient_markers))
        self._nominal = normalise(self.grammar.verbs.nominal_mark)
        md = self.grammar.modality
        self._not_describing = {*md.obligation, *md.permission, *md.prohibition}
        self._jurisdictions = tuple(sorted({normalise(w) for w in (*roles.level_words, *roles.jurisdictions)},
                                           key=len, reverse=True))
        self._not_names = tuple(normalise(w) for w in roles.not_names)
        # departments (部门, 局 …) and the bodies that own them (人民政府, 委员会 …)
        self._department_suffixes = tuple(normalise(w) for w in roles.departments)
        self._owner_suffixes = tuple(normalise(w) for w in roles.body_suffixes
                                     if w not in roles.needs_prefix and w not in roles.departments)
        levels = "|".join(map(re.escape, sorted(map(normalise, roles.level_words), key=len, reverse=True)))
        joins = "|".join(map(re.escape, sorted(map(normalise, roles.level_joins), key=len, reverse=True)))
        # 乡、民族乡、镇的 | 省、自治区、 right before a name: the list ends where the name starts
        leads = "|".join(map(re.escape, map(normalise, roles.level_leads))) or "(?!)"
        listed = f"(?:(?:{levels})(?:{joins}))+"
        self._level_list = re.compile(f"(?P<lead>{leads})?(?:{listed}(?:{levels})的$|{listed}$"
                                      f"|(?P<one>{levels})的$)") if levels and joins else None
        self._members_of = re.compile(f"(?:{leads})?(?P<levels>{listed}(?:{levels}))的?"
                                      f"(?!{levels}|{joins})(?P<head>..+)$") if levels and joins else None
        self._level_split = re.compile(joins) if joins else None
        # 区县人民武装部: two levels written together are a list as well
        self._paired_levels = re.compile(f"(?P<a>{levels})(?P<b>{levels})(?!{levels}|{joins})(?P<head>..+)$"
                                         ) if levels and joins else None
        self._max_prefix = roles.max_prefix
        number = self.grammar.quantities.number if self.grammar.quantities else "(?!)"
        groups = "|".join(map(re.escape, sorted(map(normalise, roles.counted_groups), key=len, reverse=True)))
        links = "|".join(map(re.escape, sorted(map(normalise, roles.counted_links), key=len, reverse=True)))
        count = f"(?:{number})(?:分之(?:{number}))?[个名位人]?以上"
        # 十人以上的代表联名, and 代表十人以上书面联名 (the group first)
        self.counted_pattern = re.compile(
            f"{count}的?(?P<group>{groups})(?=(?:{links}))|(?P<group_first>{groups}){count}(?=(?:{links}))"
        ) if groups and links else None
        modality = self.grammar.modality
        self._modal_words = tuple(normalise(w) for w in modality.obligation + modality.permission
                                  + modality.prohibition)
        self._split_modals = tuple(w for w in self._modal_words
                                   if len(w) > 1 and w[0] in self._stop and w[1] not in self._stop)
        self._common_nouns = frozenset(roles.common_noun_tags)
        # 宪法和法律, 教育、科学: the joins of such nouns (not a comma, nor 或/及, which join names)
        self._noun_joins = frozenset(w for w in self.grammar.bearers.coordination
                                     if len(w) == 1 and w not in "，,或及")
        # 主席团或者代表, 政府或者有关部门: what joins names in a list (not a comma), longest first
        self._list_joins = tuple(sorted((w for w in self.grammar.bearers.coordination if w not in "，,"),
                                        key=len, reverse=True))
        self._attributive = set(roles.attributive_prefixes)
        self._clause_starts = set("，,。；;：:")
        self._agent_verbs = frozenset(roles.name_breakers)
        self._not_followed = set(roles.not_followed_by)
        self._bound = set(roles.bound_suffixes)
        # A generic name never swallows a verb: it stops growing leftwards at one.
        breakers = set(self.grammar.actions) | set(roles.name_breakers) | set(self.grammar.bearers.delegation)
        self._tagger = None
        self._cuts: dict[str, list[tuple[str, str]]] = {}
        self._needs_prefix = {normalise(w) for w in roles.needs_prefix}
        self._breakers = sorted((normalise(w) for w in breakers if len(w) > 1), key=len, reverse=True)
        self._breaker_ends = tuple(self._breakers)  # one C-level endswith before the careful check
        # …unless the verb is the start of a noun (国务院组成部门 holds 组成, a noun there).
        self._nouns = [normalise(w) for w in self.grammar.verbs.ignore_words]
        self.actions = {e.iri.rsplit("/", 1)[-1]: e for e in self.entries.values()
                        if e.kind == ACTION}

    # -- lookup

    def action(self, slug: str) -> Entry:
        """The action concept with that slug (KeyError for a slug the lexicon lacks)."""
        return self.actions[slug]

    def get(self, iri: str) -> Entry | None:
        return self.entries.get(iri)

    def ancestors(self, iri: str) -> set[str]:
        """The entry and everything broader than it."""
        seen, todo = set(), [iri]
        while todo:
            cur = todo.pop()
            if cur in seen:
                continue
            seen.add(cur)
            entry = self.entries.get(cur)
            if entry:
                todo += list(entry.broader)
        return seen

    def descendants(self, iri: str) -> set[str]:
        """The entry and everything narrower than it."""
        out = {iri}
        changed = True
        while changed:
            changed = False
            for e in self.entries.values():
                if e.iri not in out and out & set(e.broader):
                    out.add(e.iri)
                    changed = True
        return out

    def generic_role(self, label: str, kind: str = ROLE) -> Entry:
        """An entry for a post, body, meeting or document the lexicon lacks, found by its suffix;
        its IRI is a stable hash of the label."""
        digest = hashlib.sha1(label.encode("utf-8")).hexdigest()[:12]
        return Entry(f"{self.base}/id/role/r-{digest}", kind, label, generic=True)

    def generic_kind(self, label: str) -> str:
        """The kind a generic name's suffix gives it (a post unless a body/meeting/document suffix)."""
        return self._suffix_kind.get(self.suffix(label), ROLE)

    def suffix(self, label: str) -> str:
        """The longest suffix of a post, body, meeting or document that ends the label, or "".

        >>> load_lexicon().suffix("备案审查工作机构")
        '机构'
        """
        norm = normalise(label)
        return max((w for w in self._suffix_kind if norm.endswith(w)), key=len, default="")

    # -- finding mentions

    def mentions(self, text: str, generic: bool = True) -> list[Mention]:
        """Lexicon mentions by leftmost-longest match, then generic roles in the gaps (read once
        per text within `reading()`)."""
        cache = self._mentions_cache
        if cache is None:
            return self._mentions(text, generic)
        key = (text, generic)
        if key not in cache:
            cache[key] = tuple(self._mentions(text, generic))
        return list(cache[key])

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Within it, a text's mentions are found once (one regulation's extraction and terms)."""
        self._mentions_cache = {}
        try:
            yield
        finally:
            self._mentions_cache = None

    def _mentions(self, text: str, generic: bool) -> list[Mention]:
        norm = normalise(text)
        found: list[Mention] = []
        if self._pattern:
            for m in self._pattern.finditer(norm):
                if norm[m.end():m.end() + 1] in self._bound:
                    continue  # 请示性公文 is a kind of document of its own, not a 请示
                entry = self.by_label[m.group()]
                if entry.kind in (DOCTYPE, SEAL) and self._straddles(norm, m.start(), m.end()):
                    continue  # 复议案件 holds no 议案, 被申请人 no 申请
                start = self._jurisdiction_before(norm, m.start())
                start = self._qualified_before(norm, start)
                deputy = next((d for d in self.grammar.roles.deputies if norm.endswith(d, 0, m.start())), "")
                if deputy and entry.kind == POST and start == m.start():
                    start -= len(deputy)   # 乡长、副乡长，镇长、副镇长: the 副镇长 is no 镇长
                    found.append(Mention(self.generic_role(text[start:m.end()], ROLE), start, m.end(),
                                         text[start:m.end()]))
                    continue
                if entry.kind == BODY:   # 市和区人民政府, 不设区的市、市辖区人民政府: each level's
                    start = self._listed_levels(norm, start, [False] * len(norm))
                if start < m.start() and entry.kind != ACTION:
                    # 全国人大代表, 市人大代表: the jurisdiction before a known name is part of it
                    entry = self.generic_role(text[start:m.end()], entry.kind)
                found.append(Mention(entry, start, m.end(), text[start:m.end()]))
        found = [part for m in found for part in self._owner_and_own(text, m)]
        if generic and self._suffix:
            found += self._generic(text, norm, found)
            found = self._compounds(text, sorted(found, key=lambda m: m.start))
            found = self._described(text, norm, found)
        if generic and self.counted_pattern:
            found = self._counted_groups(text, norm, found)
        if generic and self.grammar.roles.listed_groups:
            found = self._listed_groups(text, norm, found)
        return sorted((self._alternative_ending(text, norm, m, found) for m in found), key=lambda m: m.start)

    def _alternative_ending(self, text: str, norm: str, m: Mention, found: list[Mention]) -> Mention:
        """常务委员会办公厅（室）: a name followed by another ending of it in brackets is one name, said
        as printed (the 办公厅 or the 办公室 of a 常务委员会), its entry the first reading's; an ending
        that is a name itself stays a party of its own (厅长（局长）)."""
        alt = ALTERNATIVE_ENDING.match(norm, m.end)
        if (alt is None or m.entry.kind == ACTION or self._suffix is None
                or any(alt.start() < o.start < alt.end() for o in found)):
            return m
        other = normalise(m.surface)[:-len(alt[1])] + alt[1]
        if not any(s.end() == len(other) for s in self._suffix.finditer(other)):
            return m
        return Mention(m.entry, m.start, alt.end(), text[m.start:alt.end()])

    def _owner_and_own(self, text: str, m: Mention) -> list[Mention]:
        """区人民代表大会及其常务委员会: a name the lexicon lists whole that is a body, a possessive and
        another body is two parties, the body and its own (区人民代表大会常务委员会, said as the text
        says it)."""
        if m.entry.kind != BODY:
            return [m]
        for word in self.grammar.roles.possessives:
            at = m.surface.find(word)
            owner, own = m.surface[:at], m.surface[at + len(word):]
            if at > 0 and own and self.generic_kind(owner) == BODY and self.generic_kind(own) == BODY:
                start = m.start + at + len(word)
                return [Mention(self.generic_role(owner, BODY), m.start, m.start + at, owner),
                        Mention(self.generic_role(owner + own, BODY), start, m.end, text[start:m.end])]
        return [m]

    def _listed_groups(self, text: str, norm: str, found: list[Mention]) -> list[Mention]:
        """由主席团或者代表…提名: a bare group word (extraction.toml listed_groups) listed right after a
        name, and not the start of a longer word, is a party of its own."""
        taken = {i for m in found for i in range(m.start, m.end)}
        out = list(found)
        for m in found:
            if m.entry.kind not in AGENT_KINDS:
                continue
            join = next((w for w in self._list_joins if norm.startswith(w, m.end)), None)
            if join is None:
                continue
            at = m.end + len(join)
            word = next((w for w in self.grammar.roles.listed_groups if norm.startswith(w, at)), None)
            if word and at not in taken and not self._in_longer_word(norm, at, word):
                out.append(Mention(self.generic_role(word), at, at + len(word), text[at:at + len(word)]))
        return sorted(out, key=lambda m: m.start)

    def _straddles(self, norm: str, start: int, end: int) -> bool:
        """复议案件: jieba reads the text around a term as other words (复议 / 案件), the term starting
        inside one word and ending inside another or within the same one."""
        if not (0 < start and end < len(norm)
                and is_cjk_ideograph(norm[start - 1]) and is_cjk_ideograph(norm[end])):
            return False   # a mark or the text's edge on either side: a word ends there
        bounds = self._word_bounds(norm, max(0, start - 4), end + 4)
        return start not in bounds and end not in bounds

    def _word_bounds(self, norm: str, lo: int, hi: int) -> set[int]:
        """Where jieba ends the words it cuts norm[lo:hi] into (lo included)."""
        at, bounds = lo, {lo}
        for word, _ in self._cut(norm[lo:hi]):
            at += len(word)
            bounds.add(at)
        return bounds

    def _suffix_matches(self, norm: str) -> Iterator[re.Match]:
        """The suffixes in the text, left to right; a post's whose end jieba reads inside a longer
        word (职工代表|大会 read 职工 / 代表大会, 提请人|力资源 read 提请 / 人力资源) gives way to the
        suffixes that start after it (代表大会, 部门)."""
        at = 0
        while self._suffix is not None and (m := self._suffix.search(norm, at)) is not None:
            if self._suffix_kind[m.group()] == ROLE and self._ends_inside_word(norm, m.start(), m.end()):
                at = m.start() + 1
                continue
            yield m
            at = m.end()

    def _ends_inside_word(self, norm: str, start: int, end: int) -> bool:
        """Does jieba read the characters at `end` as the rest of a word begun before it?"""
        return (end < len(norm) and is_cjk_ideograph(norm[end])
                and end not in self._word_bounds(norm, start, end + 4))

    def _in_longer_word(self, norm: str, at: int, word: str) -> bool:
        """代表团, 代表资格, 代表小组会议: jieba reads the word as the start of a longer one there,
        or a noun follows it."""
        cut = self._cut(norm[at:at + len(word) + 4])
        return not cut or cut[0][0] != word or (len(cut) > 1 and cut[1][1].startswith("n"))

    def _counted_groups(self, text: str, norm: str, found: list[Mention]) -> list[Mention]:
        """主席团、三个以上的代表团或者十分之一以上的代表，可以提出: a group named by how many of it
        act together is one party, its count part of its name (a bare 代表 is one only so)."""
        assert self.counted_pattern is not None
        for m in self.counted_pattern.finditer(norm):
            inside = [x for x in found if m.start() <= x.start < m.end()]
            if any(x.end > m.end() for x in inside) or any(x.start < m.start() < x.end for x in found):
                continue   # part of a longer name (代表大会, 代表团团长): not this group
            kind = inside[-1].entry.kind if inside else ROLE
            found = [x for x in found if x not in inside]
            # the group is who it is (代表); its count stays in the words the text uses
            said = "group" if m.group("group") else "group_first"
            start = m.start() - (self._noun_before(norm, m.start(), found) if said == "group_first" else 0)
            label = text[start:m.end()]
            group = inside[-1].entry if inside and start == m.start() else \
                self.generic_role(text[start if start < m.start() else m.start(said):m.end(said)], kind)
            found.append(Mention(group, start, m.end(), label))
        return sorted(found, key=lambda m: m.start)

    def _noun_before(self, norm: str, at: int, found: list[Mention]) -> int:
        """由户代表5人以上联合提名: how many characters of nouns (jieba's) stand right before a group
        named first, with no stop character or other name among them; they say which group."""
        window = norm[max(0, at - 4):at]
        n = 0
        for word, tag in reversed(self._cut(window)):
            if not tag.startswith("n") or any(c in self._stop for c in word) or not all(
                    map(is_cjk_ideograph, word)) or any(x.start < at - n and at - n - len(word) < x.end
                                                        for x in found):
                break
            n += len(word)
        return n

    def _described(self, text: str, norm: str, found: list[Mention]) -> list[Mention]:
        """提质询案的常委会组成人员, 作出该督查结论的人民政府: a clause opening with a verb and
        closed by 的 right before a post, role or body names which ones; it is part of the name."""
        out: list[Mention] = []
        ends = {m.end for m in found if m.entry.kind in AGENT_KINDS}
        others = tuple(normalise(w) for w in self.grammar.bearers.others)
        for m in found:
            start = m.start
            # 负有责任的其他领导人员: the clause describes the others, 其他 and all
            other = next((w for w in others if norm.endswith(w, 0, start)), "")
            if other and start - len(other) > 2 and norm[start - len(other) - 1] == self._nominal:
                opened = self._clause_before(norm, start - len(other) - 1, ends, any_word=True)
                start = opened if opened < start - len(other) else start
            if m.entry.kind in (POST, ROLE, BODY) and start > 2 and norm[start - 1] == self._nominal:
                start = self._clause_before(norm, start - 1, ends)
                if m.entry.kind == BODY and start == m.start:
                    start = self._founder_before(norm, m.start, out)
                if m.entry.kind == BODY and start == m.start:
                    start = self._place_before(norm, m.start, out)
            if start < m.start:
                label = text[start:m.end]
                m = Mention(self.generic_role(label, m.entry.kind), start, m.end, label)
            out.append(m)
        return out

    def _founder_before(self, norm: str, start: int, before: list[Mention]) -> int:
        """上级人民政府设立的行政学院: where the body that set up the body named at start begins
        (a body, a founding verb and 的 right before it), else start; the founder's mention is
        taken out of `before`, as it is part of this name now."""
        verb = next((w for w in self._founders if norm.endswith(w, 0, start - 1)), "")
        founder = next((x for x in before if verb and x.end == start - 1 - len(verb)
                        and x.entry.kind == BODY), None)
        if founder is None:
            return start
        before.remove(founder)
        return founder.start

    def _place_before(self, norm: str, start: int, before: list[Mention]) -> int:
        """土地所在地的农村土地承包仲裁委员会: where the words naming the place of the body at start
        begin (back to punctuation or a bearer marker, through the names whose place it is), else
        start; the names inside are taken out of `before`."""
        place = next((w for w in self._places if norm.endswith(w, 0, start - 1)), "")
        if not place:
            return start
        i = self._back_to_marks(norm, start - 1, set())
        # …as far as its words are nouns, joins and clauses closed by 的 (纠纷涉及的土地所在地; not
        # 不参加所在地, nor the pronoun of 其户籍所在地, which says whose)
        words = self._cut(norm[i:start - 1])
        keep = len(words)
        while keep > 0:
            word, flag = words[keep - 1]
            nominal = flag.startswith("n") or flag in ("c", "uj") and keep < len(words)
            closed = flag.startswith("v") and keep < len(words) and words[keep][0] == self._nominal
            if not (nominal or closed):
                break
            keep -= 1
        i = start - 1 - sum(len(w) for w, _ in words[keep:])
        if start - 1 - i <= len(place):
            return start   # 所在地的人民政府: no words say whose place
        before[:] = [x for x in before if not (x.start >= i and x.end <= start)]
        return i

    def _marker_ends_at(self, norm: str, i: int) -> bool:
        """Does a bearer marker end at i, not inside a word holding one (报 of 报告机关)?"""
        for w in self._marks:
            at = i - len(w)
            if norm.endswith(w, 0, i) and not any(
                    norm.startswith(n, j) for n in self._not_markers
                    for j in range(max(0, at - len(n) + 1), at + 1) if j + len(n) > at):
                return True
        return False

    def _back_to_marks(self, norm: str, de: int, ends: set[int]) -> int:
        """How far back from `de` words run before punctuation, a bearer marker or the end of a name
        in `ends` (at most max_prefix characters)."""
        i = de
        while (i > 0 and de - i < self._max_prefix and norm[i - 1] not in CLAUSE_MARKS
               and i not in ends and not self._marker_ends_at(norm, i)):
            i -= 1
        return i

    def _clause_before(self, norm: str, de: int, ends: set[int], any_word: bool = False) -> int:
        """Where a describing clause ending at the 的 at `de` starts (else de + 1): back to
        punctuation, a bearer marker or another name; it opens with a verb (`any_word`: or a noun
        jieba makes of one, 负有责任, before 的其他) and is no condition."""
        i = self._back_to_marks(norm, de, ends)
        clause = norm[i:de]
        if len(clause) < 2 or i in ends:
            return de + 1   # 省人民代表大会选举产生的…: the clause has its own subject
        if (self._nominal in clause or any(w in clause for w in self._not_describing)
                or any(c in NUMERALS for c in clause)):
            return de + 1   # 三分之一以上的村民代表, 命令应当载明该规章的…: a count or a sentence
        words = self._cut(clause)
        if any_word and words and words[0][0] not in self._not_describing:
            return i
        if len(words) < 2 or not words[0][1].startswith("v") or words[0][0] in self._not_describing:
            return de + 1   # 有关的专门委员会: one word is a modifier, not a clause
        return i

    def _compounds(self, text: str, found: list[Mention]) -> list[Mention]:
        """A body's name right before another name is part of it: 国务院+组成部门 -> 国务院组成部门,
        国务院+常务会议 -> 国务院常务会议 (the meeting the lexicon knows, as this text names it)."""
        out: list[Mention] = []
        for m in found:
            owned = next((w for w in self.grammar.roles.owned_documents
                          if m.entry.kind == BODY and text.startswith(w, m.end)), "")
            if owned:   # 省人民代表大会公告: the body's document, not the body
                label = m.surface + owned
                m = Mention(self.generic_role(label, DOCTYPE), m.start, m.end + len(owned), label)
            prev = out[-1] if out else None
            if (prev is not None and prev.entry.kind == BODY and m.entry.generic
                    and text[prev.end:m.start] in self.grammar.roles.possessives):
                own = self.generic_role(prev.surface + m.surface, m.entry.kind)
                out.append(Mention(own, m.start, m.end, m.surface))  # 县政府及其工作部门
                continue
            pronoun = next((p for p in self.grammar.roles.pronoun_possessives
                            if prev is not None and text[prev.end:m.start].endswith(p)
                            and text[prev.end:m.start - len(p)] in self.grammar.bearers.coordination), "")
            if prev is not None and prev.entry.kind == BODY and m.entry.generic and pronoun:
                # 人民政府或者它的派出机关: the 人民政府's (人民政府的派出机关), said as the text says it
                own = self.generic_role(prev.surface + self._nominal + m.surface, m.entry.kind)
                start = m.start - len(pronoun)
                out.append(Mention(own, start, m.end, text[start:m.end]))
                continue
            if (prev is not None and prev.end == m.start and prev.entry.kind == DOCTYPE
                    and m.entry.kind == BODY and m.entry.generic):
                # 计划预算审查委员会, 法规工作委员会: a body named by the documents it deals with
                label = prev.surface + m.surface
                out[-1] = Mention(self.generic_role(label, BODY), prev.start, m.end, label)
                continue
            verbal = (m.entry.kind != BODY and any(v in m.surface for v in self.grammar.actions)
                      and not self._noun_at(normalise(m.surface), 0))  # 组成人员 is a noun
            if (prev is not None and prev.end == m.start and prev.entry.kind == BODY
                    and m.entry.kind != ACTION and not verbal):
                label = prev.surface + m.surface
                entry = self.by_label.get(normalise(label))
                if entry is None:
                    # 常委会工作机构和办事机构负责人: the head of the 办事机构 the owner's list gave
                    owned = prev.entry.pref + m.surface if prev.entry.generic else label
                    entry = m.entry if not m.entry.generic else self.generic_role(owned, m.entry.kind)
                out[-1] = Mention(entry, prev.start, m.end, label)
                continue
            gap = text[prev.end:m.start] if prev is not None else ""
            if (prev is not None and m.entry.generic and gap in self.grammar.bearers.coordination
                    and gap != "，" and self._owner(normalise(m.entry.pref)) is None):
                name = normalise(prev.entry.pref)
                owner = self._owner(name)
                # 县级人民政府农业部门、财政部门: the 财政部门 is the 县级人民政府's too;
                # 专门委员会主任委员、副主任委员: so is the 副主任委员, and a bare 副主任委员 is
                # no name of it (it is every committee's)
                if owner and ((self._department(prev) and self._department(m))
                              or (prev.entry.generic and prev.entry.kind == m.entry.kind == ROLE
                                  and self._deputy_of(name[len(owner):], normalise(m.surface)))):
                    said = m.surface if m.entry.kind != ROLE else owner + m.surface
                    out.append(Mention(self.generic_role(owner + m.surface, m.entry.kind), m.start, m.end,
                                       said))
                    continue
            out.append(m)
        return out

    def _generic(self, text: str, norm: str, claimed: list[Mention]) -> list[Mention]:
        taken = [False] * len(norm)
        for c in claimed:
            for i in range(c.start, c.end):
                taken[i] = True
        out: list[Mention] = []
        for found in self._suffix_matches(norm):
            # 区人民代表大会|常务委员会: a suffix read across a claimed name may end in one of its own
            m = self._untaken_tail(norm, found, taken) if any(taken[found.start():found.end()]) else found
            if m is None or (norm[m.end():m.end() + 1] in self._not_followed
                             and not norm.startswith(self._breaker_ends, m.end())):
                continue  # 委员会 is a body's name; 负责人会签, 主管部门会同 are a name and a verb
            if norm.endswith(self._not_names, 0, m.end()):
                continue  # 产业布局 ends as 交通局 ends
            if self._suffix_kind[m.group()] == DOCTYPE and self._straddles(norm, m.start(), m.end()):
                continue  # 行政复议案件 is no 议案
            start = m.start()
            while True:
                while (start > 0 and m.start() - start < self._max_prefix and not taken[start - 1]
                       and (norm[start - 1] not in self._stop or self._in_name_word(norm, start - 1)
                            or self._in_noun(norm, start - 1, m.end()))
                       and is_cjk_ideograph(norm[start - 1])
                       and not norm[start - 2:start - 1].isdigit()   # 4月21日国务院: a date's 日
                       and not (norm.endswith(self._breaker_ends, 0, start)
                                and any(norm.endswith(w, 0, start) and not self._noun_at(norm, start - len(w))
                                        and not self._after_noun(norm, start - len(w), w)
                                        for w in self._breakers))):
                    start -= 1
                opened = self._bracketed(norm, start, taken)
                if opened is None and start < m.start() and self._suffix_kind[m.group()] == BODY:
                    opened = self._coordinated(norm, start, m.start(), taken)
                if opened is None:
                    break
                start = opened
            start = self._attributed(norm, start, m.start()) or self._trim(norm, start, m.start())
            start = self._listed_levels(norm, start, taken)
            start = self._qualified_before(norm, start) if not any(taken[max(0, start - 3):start]) else start
            if self._suffix_kind[m.group()] == BODY:
                start = self._charged_with(norm, start, taken)
            if (start == m.start() and m.group() in self._needs_prefix
                    and not self._body_before(claimed + out, start)):
                shared = self._shared_prefix(norm, start, m.group(), claimed + out)
                if shared:   # 有关部门或单位: the 单位 are 有关单位
                    out.append(Mention(self.generic_role(shared, self._suffix_kind[m.group()]), start,
                                       m.end(), text[start:m.end()]))
                    for i in range(start, m.end()):
                        taken[i] = True
                    continue
                start = self._verb_named(norm, start, taken)
                if (start == m.start() and self._joined_to_named(norm, m.end())
                        and (start == 0 or norm[start - 1] in self._stop)):
                    # 向政府或者有关部门报告: a bare body word listed with a named body is a name
                    bare = text[m.start():m.end()]
                    out.append(Mention(self.generic_role(bare, self._suffix_kind[m.group()]),
                                       m.start(), m.end(), bare))
                    for i in range(m.start(), m.end()):
                        taken[i] = True
                    continue
                if start == m.start():
                    continue  # a bare 会议 or 部门 is a common noun, not a name (国务院部门 is one)
            label = text[start:m.end()]
            out.append(Mention(self.generic_role(label, self._suffix_kind[m.group()]), start, m.end(), label))
            for i in range(start, m.end()):
                taken[i] = True
        return out

    def members(self, label: str) -> tuple[str, ...]:
        """The bodies a name listing levels of government names, one per level; () for one body.

        >>> load_lexicon().members("市和区、县人民政府")
        ('市人民政府', '区人民政府', '县人民政府')
        >>> load_lexicon().members("区县人民武装部"), load_lexicon().members("民族乡人民政府")
        (('区人民武装部', '县人民武装部'), ())
        >>> load_lexicon().members("税务、会计主管部门")
        ('税务主管部门', '会计主管部门')
        >>> load_lexicon().members("国务院农业、林业行政主管部门")
        ('国务院农业行政主管部门', '国务院林业行政主管部门')
        """
        text = normalise(label)
        m = self._members_of.match(text) if self._members_of and self._level_split else None
        if m is not None and self._level_split is not None:
            return tuple(level + m.group("head") for level in self._level_split.split(m.group("levels")))
        m = self._paired_levels.match(text) if self._paired_levels else None
        if m:
            return m.group("a") + m.group("head"), m.group("b") + m.group("head")
        return self._listed_departments(text) or self._listed_bodies(text)

    def _listed_bodies(self, text: str) -> tuple[str, ...]:
        """各镇政府、街道办事处主要负责人: bodies, each a name of its own, listed before the head of each;
        () for anything else.

        >>> load_lexicon().members("区法院、区检察院负责人")
        ('区法院负责人', '区检察院负责人')
        """
        head = next((h for h in sorted(self.grammar.bearers.distributive_heads, key=len, reverse=True)
                     if text.endswith(h)), "")
        if not head:
            return ()
        # only a list made with 、: 区人大和区政协专门委员会负责人 are both 专门委员会's heads
        parts = text[:-len(head)].split("、")
        if len(parts) < 2 or not all(
                [(m.start, m.end, m.entry.kind) for m in self.mentions(p)] == [(0, len(p), BODY)]
                for p in parts):
            return ()
        return tuple(p + head for p in parts)

    def _listed_departments(self, text: str) -> tuple[str, ...]:
        """税务、会计主管部门: departments named by what they manage, one word each, listed before the
        words they share; () for anything else (a committee's name may list fields: 教育、科学、文化和
        卫生委员会 is one)."""
        if not text.endswith(self._department_suffixes) or self._level_split is None:
            return ()
        parts = self._level_split.split(text)
        if len(parts) < 2 or not all(parts):
            return ()
        # 国务院农业、林业行政主管部门: whose departments they are may stand before the first
        first = self._cut(parts[0])
        owner = "".join(w for w, _ in first[:-1])
        if owner and not (self.suffix(owner) or owner in self._jurisdictions):
            return ()
        parts[0] = parts[0][len(owner):]
        words = self._cut(parts[-1])
        tail = words[-1][0]   # the words they share: 部门, 主管部门, 行政部门 (one word to jieba)
        if owner:   # …and then the words after the last one's field are shared (行政主管部门)
            tail = parts[-1][len(words[0][0]):]
        # 公安、民政等部门: a list the text leaves open names no fixed members
        if len(words) < 2 or any(w in text for w in self.grammar.roles.open_list_words) or any(
                len(self._cut(p)) != 1 or len(p) > 4 for p in parts[:-1]):
            return ()
        return tuple(owner + p + tail for p in parts[:-1]) + (owner + parts[-1],)

    def _listed_levels(self, norm: str, start: int, taken: list[bool]) -> int:
        """乡、民族乡、镇的人民政府 and 省、自治区、直辖市人民政府: a list of levels of government
        right before a name belongs to it (where the list starts, else the name's start)."""
        if self._level_list is None or start == 0:
            return start
        lo = max(0, start - 40)
        # 上海警备区或者区、县人民武装部: the list starts after the name before it, not inside it
        lo = next((i + 1 for i in range(start - 1, lo - 1, -1) if taken[i]), lo)
        m = self._level_list.search(norm, lo, start)
        if m is None:
            return start
        if (m.group("one") and not m.group("lead") and m.start() > 0 and is_cjk_ideograph(norm[m.start() - 1])
                and not self._marker_ends_at(norm, m.start())):
            return start   # 本市的人民政府: the level is a word's end, not a level listed (由县级的… is one)
        if m.group().endswith("的") or any(norm.startswith(w, start) for w in self._level_starts):
            return m.start()
        return start

    def _qualified_before(self, norm: str, start: int) -> int:
        """Where a word that starts names (有关, 相关), with or without 的, right before a known name
        starts (有关的专门委员会); else start."""
        for w in self._name_starts:
            for at in (start - len(w) - len(self._de), start - len(w)):
                if (0 <= at and norm.startswith(w, at) and norm[at + len(w):start] in ("", self._de)
                        and (at == 0 or not is_cjk_ideograph(norm[at - 1]) or norm[at - 1] in self._stop
                             or norm.endswith(self._qualifier_leads, 0, at))):
                    return at
        return start

    def unqualified(self, name: str) -> str:
        """A name without the word before it that only says which (_qualified_before's words).

        >>> load_lexicon().unqualified("有关的专门委员会")
        '专门委员会'
        """
        name = normalise(name)
        for w in self._name_starts:
            if name.startswith(w) and len(name) > len(w) + 1:
                return name[len(w):].removeprefix(self._de)
        return name

    def _jurisdiction_before(self, norm: str, start: int) -> int:
        """Where a jurisdiction word standing right before a known name starts (全国|人大代表,
        、市|人大代表), when nothing that could be a name precedes it; else start."""
        for w in self._jurisdictions:
            # …or one whose last character is the name's first (市辖|区人民政府: the 市辖区's)
            for at in (start - len(w), start - len(w) + 1):
                if 0 <= at < start and norm.startswith(w, at) and (
                        at == 0 or not is_cjk_ideograph(norm[at - 1]) or norm[at - 1] in self._stop):
                    return at
        return start

    def _charged_with(self, norm: str, start: int, taken: list[bool]) -> int:
        """负责合法性审查的部门: a body named by what it is charged with, the charge opening with a
        relative lead (not right after a name) and closed by 的 right before the body's suffix;
        where the lead starts, else start."""
        if start < 5 or norm[start - 1] != "的" or taken[start - 1]:
            return start
        for i in range(start - 2, max(-1, start - 2 - self._max_prefix), -1):
            if norm[i] in CLAUSE_MARKS or norm[i] == self._nominal or taken[i]:
                return start
            if norm.startswith(self._relative_leads, i) and start - 1 - i >= 4:
                # 负责的工作部门: no charge, no name; 工作机构负责联系…的: after a name it is its verb
                return start if i > 0 and taken[i - 1] else i
        return start

    def _shared_prefix(self, norm: str, start: int, suffix: str, before: list[Mention]) -> str:
        """有关部门或单位: a bare department word right after a join, after a department named by a
        word before its suffix, shares that word (有关单位); the name, else ''."""
        for m in before:
            gap = norm[m.end:start]
            if m.entry.kind == BODY and gap and gap in self.grammar.bearers.coordination and gap not in "，,":
                name = normalise(m.surface)
                own = next((d for d in self._department_suffixes if name.endswith(d)), None)
                if own and len(name) > len(own) and self._owner(name) is None:
                    return name[:-len(own)] + suffix
        return ""

    def _department(self, m: Mention) -> bool:
        """A body named by a suffix that needs words before it (农业部门, 教育局), not a body of its own."""
        return m.entry.kind == BODY and normalise(m.entry.pref).endswith(self._department_suffixes)

    @staticmethod
    def _deputy_of(office: str, post: str) -> bool:
        """Is post the same office, or its deputy or member (主任委员 -> 副主任委员 -> 委员;
        主任 -> 副主任), so that it shares the office's body?"""
        base, other = office.removeprefix("副"), post.removeprefix("副")
        return bool(other) and base.endswith(other)

    def _owner(self, name: str) -> str | None:
        """The body a body's name starts with (县级人民政府 of 县级人民政府农业部门), if any."""
        for i in range(len(name) - 2, 1, -1):
            if any(name.endswith(w, 0, i) for w in self._owner_suffixes):
                return name[:i]
        return None

    def _untaken_tail(self, norm: str, m: re.Match, taken: list[bool]) -> re.Match | None:
        """A suffix read across a name already claimed (人民代表大会常务委员会 over the claimed
        区人民代表大会 of 区人民代表大会常务委员会): the suffix its unclaimed rest is, if any."""
        claimed_end = max(i for i in range(m.start(), m.end()) if taken[i]) + 1
        assert self._suffix is not None
        rest = self._suffix.match(norm, claimed_end) if claimed_end < m.end() else None
        return rest if rest is not None and rest.end() == m.end() else None

    def _in_noun(self, norm: str, pos: int, end: int) -> bool:
        """Is the stop character at pos, one of noun_stop_chars, inside a noun jieba reads in the
        name ending at end (应 of 应急管理部门, 设 of 建设单位), one that is no name's suffix itself
        (位 of 单位负责人)?"""
        if norm[pos] not in self._noun_stops:
            return False
        at = lo = max(0, pos - 3)
        for word, flag in self._cut(norm[lo:end]):
            if at <= pos < at + len(word):
                return len(word) > 1 and flag in self._name_word_tags and self._holds_no_suffix(word)
            at += len(word)
        return False

    def _holds_no_suffix(self, word: str) -> bool:
        """Is the word no name of its own (城市, 应急; not 单位, 委员会)?"""
        return self._suffix is not None and self._suffix.search(word) is None

    def _in_name_word(self, norm: str, pos: int) -> bool:
        """Is the stop character at pos inside a word that stands in names (经 of 财政经济委员会)?"""
        return any(norm.startswith(w, i) for w in self._name_words
                   for i in range(max(0, pos - len(w) + 1), pos + 1) if i + len(w) > pos)

    @staticmethod
    def _bracketed(norm: str, start: int, taken: list[bool]) -> int | None:
        """县（市、区）人民政府: a short bracketed list of words right before a name, itself after a
        word, belongs to the name; where the bracket opens, else None."""
        if not (start > 1 and norm[start - 1] == ")") or taken[start - 1]:
            return None
        opened = norm.rfind("(", max(0, start - 8), start - 1)
        inner = norm[opened + 1:start - 1]
        if (opened < 1 or not inner or not all(is_cjk_ideograph(c) or c == "、" for c in inner)
                or not is_cjk_ideograph(norm[opened - 1]) or any(taken[opened - 1:start])):
            return None
        return opened

    def _coordinated(self, norm: str, start: int, suffix: int, taken: list[bool]) -> int | None:
        """宪法和法律委员会, 教育、科学、文化和卫生委员会: common nouns joined by 和/与/、 right
        before a name's own words are the body's name, not a list of bodies; where the nouns
        start, else None."""
        if start < 2 or norm[start - 1] not in self._noun_joins or taken[start - 1]:
            return None
        j = start - 1
        while j > 0 and is_cjk_ideograph(norm[j - 1]) and norm[j - 1] not in self._stop and not taken[j - 1]:
            j -= 1
        word = norm[j:start - 1]
        if not 2 <= len(word) <= 4 or suffix - j > self._max_prefix:
            return None
        tags = [f for _, f in self._pos().cut(word)]
        return j if tags and all(f in self._common_nouns for f in tags) else None

    def _joined_to_named(self, norm: str, end: int) -> bool:
        """政府或者有关部门: is a bare body word at `end` joined (not by a comma) to a body named with
        words before its suffix?"""
        join = next((w for w in self._list_joins if norm.startswith(w, end)), None)
        if join is None or self._suffix is None:
            return False
        rest = norm[end + len(join):end + len(join) + self._max_prefix]
        stop = next((i for i, ch in enumerate(rest) if ch in self._stop), len(rest))
        found = self._suffix.search(rest[:stop])
        return (found is not None and found.start() > 0 and self._suffix_kind[found.group()] == BODY
                and found.group() in self._needs_prefix)

    @staticmethod
    def _body_before(claimed: list[Mention], start: int) -> bool:
        return any(m.end == start and m.entry.kind == BODY for m in claimed)

    def _attributed(self, norm: str, start: int, suffix: int) -> int | None:
        """被质询机关负责人: the start of 被 when a verb follows it inside the name, else None."""
        if not (0 < start < suffix and norm[start - 1] in self._attributive):
            return None
        first = next(iter(self._pos().cut(norm[start:suffix])), None)
        return start - 1 if first is not None and first.flag.startswith("v") else None

    def _trim(self, norm: str, start: int, suffix: int) -> int:
        """Drop the words a name cannot begin with (列入会议, 通知常务委员会组成人员, 从本级人民政府):
        leading verbs, prepositions, conjunctions and adverbs, by jieba's part-of-speech tags."""
        if start == suffix:
            return start
        roles = self.grammar.roles
        skip, keep = set(roles.not_name_start), set(roles.name_start)
        pos, last = start, start
        words = self._cut(norm[start:suffix])
        # 应当支持乡镇人民政府: the name stopped at 应 leaves 当 of the modal word 应当 (a lone 当 is
        # tagged a time word, which a name may begin with); the rest of the modal word is skipped
        modal = next((w for w in self._split_modals if norm.startswith(w, start - 1)
                      and start - 1 + len(w) <= suffix), "") if start > 0 else ""
        if modal:
            pos = start - 1 + len(modal)
            words = self._cut(norm[pos:suffix])
        meeting = norm.startswith(tuple(roles.meeting_suffixes), suffix)
        for word, flag in words:
            # 起草部门 is a noun, 起草 a verb; 相关部门 is a name though jieba tags 相关 a verb;
            # 列席会议 is the grammar's verb and the meeting it is done to, whatever jieba's tag
            if (flag not in skip or word in keep or self._noun_at(norm, pos)
                    or norm.startswith(self._name_words, pos)) \
                    and not (meeting and word in self.grammar.actions) and word not in roles.not_name_words:
                break   # …and 不设区的市人民政府 keeps its 不, a word that stands in names
            if norm.startswith(tuple(roles.managed_heads), pos + len(word)) and len(word) >= 2:
                break   # 登记管理机关: what is managed
            last = pos
            pos += len(word)
        if (pos >= suffix and not norm.startswith(tuple(roles.not_work_named), suffix)
                and (self._needs_prefix_at(norm, suffix)
                     or norm.startswith(tuple(roles.departments + roles.work_named), suffix))
                and self._verb_word(norm[last:suffix])):
            return last   # 审计机关, 执法部门, 信访工作部门: the verb before it names its work
        return min(pos, suffix)

    def _cut(self, words: str) -> list[tuple[str, str]]:
        """jieba's words and tags for a name's lead, cut once per distinct lead (names repeat)."""
        cut = self._cuts.get(words)
        if cut is None:
            if len(self._cuts) > 50_000:
                self._cuts.clear()
            cut = self._cuts[words] = [(w, f) for w, f in self._pos().cut(words)]
        return cut

    def _verb_named(self, norm: str, suffix: int, taken: list[bool]) -> int:
        """由委托部门承担, 由执行机关负责: a department or organ named by the verb of its part in the
        matter, that verb alone between a bearer marker and the suffix; where the name starts (else
        suffix)."""
        at, verb = suffix - 2, norm[max(0, suffix - 2):suffix]
        if (at < 0 or any(taken[at:suffix])
                or not (verb in self.grammar.actions or verb in self.grammar.bearers.delegation
                        or self._verb_word(verb))):
            return suffix
        roles = self.grammar.roles
        if at > 0 and norm[at - 1] in roles.former and not taken[at - 1]:
            at -= 1   # 向原决定机关申请: the one that did it before
        if norm.endswith(self._party_markers, 0, at):
            return at if any(norm.startswith(w, suffix) for w in roles.agent_suffixes) else suffix
        # only a verb of the grammar: 鼓励单位和个人参与 is a verb and its object
        head = next((w for w in roles.agent_suffixes if norm.startswith(w, suffix)), "")
        if not head or not (at == 0 or norm[at - 1] in self._clause_starts):
            return suffix
        # a verb a name never holds only with a modal word right after (执行机关应当立即报告;
        # not 加强部门协调, 设立机构)
        modal = norm.startswith(self._modal_words, suffix + len(head))
        return at if verb in self.grammar.actions or (verb in self._agent_verbs and modal) else suffix

    def _needs_prefix_at(self, norm: str, suffix: int) -> bool:
        return any(norm.startswith(w, suffix) for w in self._needs_prefix)

    def _verb_word(self, word: str) -> bool:
        """A two-character verb (审计, 执法), not a preposition or adverb (从, 由此)."""
        return len(word) == 2 and all(f.startswith("v") for _, f in self._pos().cut(word))

    def is_verb(self, word: str) -> bool:
        """Is the word one verb in jieba's dictionary (出缺, 请假; not 说算, two verbs)?

        >>> [load_lexicon().is_verb(w) for w in ("请假", "说算", "由此")]
        [True, False, False]
        """
        pos = self._pos()   # a dictionary word, not one jieba's unknown-word model makes up
        return pos.tokenizer.FREQ.get(word, 0) > 0 and pos.word_tag_tab.get(word, "").startswith("v")

    def tag(self, text: str) -> list[tuple[str, str]]:
        """Words and jieba part-of-speech tags, the lexicon's labels kept whole.

        >>> load_lexicon().tag("研究区长")
        [('研究', 'vn'), ('区长', 'n')]
        """
        return list(self._cut(normalise(text)))

    def _pos(self):
        """A part-of-speech tagger knowing the lexicon's words (built on first use)."""
        if self._tagger is None:
            import logging
            import tempfile

            import jieba
            import jieba.posseg

            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            path = Path(tempfile.gettempdir()) / f"regkg-jieba-pos-{os.getpid()}.dict"
            tok.load_userdict(str(self.write_jieba_dict(path)))
            self._tagger = jieba.posseg.POSTokenizer(tok)
        return self._tagger

    def _after_noun(self, norm: str, pos: int, verb: str) -> bool:
        """Is the breaking verb at pos one jieba reads as a noun (管理, vn) right after a noun of two
        characters or more that ends no name (城市 of 城市管理综合执法部门, 物业 of 物业管理单位): part
        of a noun compound, not a verb done to it (代表出席…会议, 委员会或者…)?"""
        if pos < 2 or self._pos().word_tag_tab.get(verb) != "vn":
            return False
        cut = self._cut(norm[max(0, pos - 4):pos])
        return (bool(cut) and len(cut[-1][0]) >= 2 and cut[-1][1] in self._compound_heads
                and self._holds_no_suffix(cut[-1][0]))

    def _noun_at(self, norm: str, pos: int) -> bool:
        return any(norm.startswith(w, pos) for w in self._nouns)

    # -- jieba

    def jieba_words(self) -> list[str]:
        """Every label, for jieba's user dictionary (generated, never hand-kept)."""
        words = {normalise(label) for e in self.entries.values() for label in e.labels}
        words |= set(self.grammar.actions)
        return sorted(words)

    def write_jieba_dict(self, path: Path) -> Path:
        path.write_text("".join(f"{w} 100000\n" for w in self.jieba_words() if " " not in w),
                        encoding="utf-8")
        return path


def is_cjk_ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _entries(graph: Graph) -> dict[str, Entry]:
    entries = {}
    for s in sorted(set(graph.subjects(SKOS.inScheme, None)), key=str):
        scheme = str(graph.value(s, SKOS.inScheme)).rstrip("/").rsplit("/", 1)[-1]
        zh = [o for o in graph.objects(s, SKOS.prefLabel) if isinstance(o, Literal) and o.language == "zh"]
        if not zh:
            continue
        en = [str(o) for o in graph.objects(s, SKOS.prefLabel) if getattr(o, "language", None) == "en"]
        alt = sorted(str(o) for o in graph.objects(s, SKOS.altLabel)
                     if getattr(o, "language", None) == "zh")
        broader = tuple(sorted(str(o) for o in graph.objects(s, SKOS.broader)))
        relation = str(graph.value(s, KG.relation) or "")
        contextual = bool(graph.value(s, KG.contextual))
        record_property = str(graph.value(s, KG.recordProperty) or "")
        entries[str(s)] = Entry(str(s), scheme, str(zh[0]), en[0] if en else "", tuple(alt),
                                broader, relation, contextual, record_property)
    return entries


def lexicon_graph(base: str) -> Graph:
    """The lexicon file as a graph, relative IRIs resolved against the base."""
    return Graph().parse(data_file("ontology", "lexicon.ttl"), format="turtle",
                         publicID=base.rstrip("/") + "/")


def load_lexicon(base: str | None = None) -> Lexicon:
    """Read the lexicon and extraction grammar (cached per base IRI)."""
    return _load(base or base_iri())


@cache
def _load(base: str) -> Lexicon:
    return Lexicon(base, _entries(lexicon_graph(base)), load_grammar())

