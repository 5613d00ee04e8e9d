"""Provisions -> n-ary norms (who signs, convenes, chairs, attends, approves, reports ...).

Each norm names one bearer, the action, its objects, the auxiliary party, the
condition, the delegation, modality and strength, and the exact 款/项 and span
it was read from.  The grammar (verbs, markers, modal words, condition words,
role suffixes) is data in ontology/extraction.toml; this module holds only the
mechanism:

  provision -> sentences (。) -> clauses (；) -> comma segments
  verbs found outside entity names; adjacent verbs (召集和主持) form one group
  bearers: the roles after the last marker (由/经/报/请 …) before the verb,
           else the roles of the last segment, else those of the previous verb
  objects: what 将/把 puts forward, names or a noun phrase after the verb, else the clause's
           topic, else the topic carried over from the previous clause of the provision
  not norms: verbs inside a noun list, a 《title》 or a relative clause, undergone (经过审定),
           compared (相违背), or whose names are another verb's objects (要求X参加)
  conditions: segments ending in 时/的/后 …, 除…外, X涉及…; those before a clause's first
           verb hold for all its verbs and go on with bearers carried over a ；

>>> from kg.segment import segment
>>> from kg.model import Metadata
>>> reg = segment("第一条 区政府干部任免公文，由区长签发。", Metadata(id="d", title="d"))
>>> [(n.action, n.bearer.name, n.objects[0].name) for n in extract(reg)]
[('issue', '区长', '干部任免')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass, field, replace
from fractions import Fraction
from typing import Any

from kg.grammar import Quantities
from kg.lexicon import (
    AGENT_KINDS,
    BODY,
    MEETING,
    POST,
    ROLE,
    TOPIC_KINDS,
    Lexicon,
    Mention,
    is_cjk_ideograph,
    load_lexicon,
    normalise,
)
from kg.model import Regulation
from kg.numerals import cn_to_int

CLAUSE_END = "。；;"
TITLE = re.compile(r"《[^《》]*》")
SEGMENT_END = "，,：:"
# The longest name a list member found by its neighbours may be (国家机关、…、企业事业组织).
MEMBER_MAX = 10
BRACKETS = "（）()《》“”"


@dataclass(frozen=True)
class Party:
    """A post, body, meeting or document as one norm refers to it."""

    iri: str
    name: str    # the lexicon's canonical Chinese name
    label: str   # as the text says it (elliptical names expanded)
    kind: str
    generic: bool = False  # found by a suffix pattern, not in the curated lexicon


@dataclass(frozen=True)
class Norm:
    """One bearer's duty or power, read from one provision."""

    id: str
    action: str
    verb: str
    bearer: Party | None
    objects: tuple[Party, ...]
    object_text: str
    aux: tuple[Party, ...]
    condition: str
    basis: str
    delegated_by: tuple[Party, ...]
    delegation: str
    modality: str
    strength: str
    source_path: str
    source_citation: str
    article: int
    provision_text: str
    quote: str
    quote_start: int   # offsets into provision_text
    quote_end: int
    value: Fraction | None = None
    unit: str = ""
    comparator: str = ""
    phrase: str = ""                # a quantity as printed: 超过应到人数的二分之一, 二至五人
    low: Fraction | None = None     # the least of a range (二至五人: 2), value being the most


@dataclass
class _Unit:
    """One provision's own text: a 款 before its items, an item, or a 目."""

    text: str
    path: str
    citation: str
    article: int
    lead: str = ""   # an item's paragraph lead (县级以上的地方各级人民政府行使下列职权：)


def _units(reg: Regulation) -> list[_Unit]:
    units = []
    for a in reg.articles():
        for p in a.paragraphs:
            if p.lead:
                units.append(_Unit(p.lead, p.path, p.citation, a.number))
            for i in p.items:
                units.append(_Unit(i.text, i.path, i.citation, a.number, p.lead or ""))
                units += [_Unit(s.text, s.path, s.citation, a.number) for s in i.subitems]
    return units


def _words(words: Sequence[str]) -> re.Pattern | None:
    words = sorted(set(words), key=len, reverse=True)
    return _compiled("|".join(map(re.escape, words))) if words else None


@functools.lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern:
    """A word list's pattern, compiled once: every extractor made for a question's verbs shares
    the grammar's lists, which re's own small cache would keep compiling again."""
    return re.compile(pattern)


# 共五至九人 / 若干人 after a list of members: how many, not who
COUNT_TAIL = re.compile(r"共?(?:[0-9零〇一二两三四五六七八九十百至到-]+|若干)[人名]$")
RATIO = "ratio"  # the unit of a share (quorum facts in extraction.toml use it too)
NEVER = re.compile(r"(?!)")  # matches nothing: a grammar with no words of a kind


def _all_words(words: Sequence[str]) -> re.Pattern:
    """Like _words, but a pattern that matches nothing when there are no words."""
    return _words(words) or NEVER


@dataclass
class _Group:
    """Adjacent verbs sharing one set of bearers."""

    start: int
    end: int
    actions: list[tuple[str, str]]  # (slug, surface)
    bearers: list[tuple[Party | None, tuple[Party, ...], str]] = field(default_factory=list)
    aux: list[Party] = field(default_factory=list)
    marker: int | None = None  # where the bearer marker (由/经/报 …) starts
    subject: list = field(default_factory=list)  # 在X领导下: the sentence's own subject, for what follows
    aux_end: int | None = None  # where the auxiliary party after the verb ends (协助总理|工作)
    carried: bool = False  # bearers carried over from the clause before (…；不出席…)
    bearer_start: int | None = None  # where the bearers named before the verb start
    pivot: bool = False  # its bearers are who the verb before sent something to (提请X审议)


@dataclass(frozen=True)
class _Proposal:
    """根据市长的提请: where the frame starts (or the circumstance opening its segment, 在市长缺位时),
    where its own words start and end, who proposes, the action slug and the noun said."""

    start: int
    frame: int
    end: int
    names: list[Mention]
    action: str
    noun: str


class Extractor:
    """Reads norms out of regulations with one lexicon and grammar."""

    def __init__(self, lexicon: Lexicon, verbs: dict[str, str] | None = None, aux: bool = False):
        """`verbs` adds verbs (surface -> action slug) to the grammar's, e.g. a question's own verb;
        with `aux` their roles after the verb are the auxiliary party."""
        self.lex = lexicon
        g = lexicon.grammar
        v, b, m, c = g.verbs, g.bearers, g.modality, g.conditions
        self.actions: dict[str, str] = {**g.actions, **(verbs or {})}
        self.leading = set(v.leading)
        self.aux_actions = set(v.aux_after) | ({*verbs.values()} if verbs and aux else set())
        # …and a duty towards someone is read even where who bears it goes unnamed (村民可以向人民法院
        # 申诉: whoever the sentence is about goes to the 人民法院)
        self.unnamed_bearer = bool(verbs and aux)
        self.connectors = v.connectors
        self.circumstance = v.circumstance_prefixes
        self.nominal = v.nominal_mark
        self.noun_modifiers = tuple(v.noun_modifiers)
        self.kind_words = tuple(v.kind_words)
        self.noun_openers = (v.nominal_mark, *v.noun_heads)
        self.list_mark = v.list_mark
        self.action_takers = tuple(v.action_takers)
        self.list_ends = v.list_ends
        self.comparison = v.comparison
        self.subject_leads = set(b.subject_leads)
        self.receipts = tuple(b.receipts)
        self.object_tags = tuple(v.object_tags)
        # 市、区人大常委会预算工委应当…: levels of government before a short name the text declared
        levels = "|".join(map(re.escape, sorted(lexicon.grammar.roles.level_words, key=len, reverse=True)))
        self.re_levels_only = re.compile(f"(?:{levels})+") if levels else None
        self.circumstance_ends = tuple(b.circumstance_ends)
        self.period_ends = tuple(b.period_ends)
        self.task_phrases = b.task_phrases
        self.pivots = sorted(b.pivots, key=len, reverse=True)
        self.re_pivot_lead = re.compile("(?:" + "|".join(map(re.escape, b.pivot_verbs)) + ")+") \
            if b.pivot_verbs else None
        self.designations = frozenset(b.designations)
        self.pronouns = tuple(b.pronouns)
        self.composition = tuple(b.composition)
        self.listed_subjects = tuple(b.listed_subjects)
        self.carry_over = b.carry_over
        self.causatives = tuple(b.causatives)
        self.consent = tuple(b.consent)
        self.senders = tuple(b.senders)
        self.carry_openers = tuple(b.carry_openers)
        self.re_verb = _all_words(list(self.actions))
        self.re_grammar_verb = _all_words(list(g.actions)) if verbs else self.re_verb
        self.re_not_verb = _words(v.ignore_words)
        self.noun_after = tuple(v.noun_after)
        self.re_time_frame = re.compile("|".join(
            f"{re.escape(o)}[^{re.escape(o)}，。；：,;:]{{1,40}}?{re.escape(c)}" for o, c in v.time_frames)) \
            if v.time_frames else None
        self.re_not_marker = _words(b.not_markers)
        self.re_not_modal = _words(m.not_modal)
        # 由人民武装部通知参训人员所在单位: a marker the question asks as its verb is that verb
        self.re_marker = _all_words([w for w in b.markers if w not in (verbs or {})])
        self.re_aux_marker = _words(b.aux_markers)
        self.aux_marker_words = b.aux_markers
        self.delegation = b.delegation
        self.passive = set(b.passive_markers)
        self.via = b.via
        self.disposal = b.disposal
        self.undergo = b.undergo
        self.others = b.others
        self.comitative = b.comitative
        self.sending = b.sending
        self.sanction = b.sanction
        self.aliases: dict[str, str] = {}
        # （以下简称…）: the same markers that declare a cited law's short title
        markers = "|".join(map(re.escape, g.citations.short_title_markers if g.citations else ()))
        self.re_declared = re.compile(rf"[（(](?:{markers or '(?!x)x'})"
                                      rf"(?P<short>[^（）()，。；]{{2,12}})[）)]")
        self.light_verbs = set(v.light_verbs)
        self.light_objects = dict(v.light_objects)
        self.light_recipients = tuple(v.light_recipients)
        self.light_only = set(v.light_only)
        # 由…组成, 邀请…参加 (not 组成人员, 参加人)
        # …not where the closing word and its object describe someone (由本村登记参加选举的村民选举)
        de = re.escape(self.nominal)
        self.open_frames = [re.compile(rf"{re.escape(a)}(?P<who>[^，,。；;：:]{{2,40}}?)"
                                       rf"{re.escape(z)}(?!人员|部门|单位|人)(?![^，,。；;：:{de}]{{1,6}}{de})")
                            for a, z in b.open_frames]
        # 根据市长的提请，决定…: who proposes, and what (extraction.toml proposal_frames)
        frames, nouns = "|".join(map(re.escape, b.proposal_frames)), "|".join(map(re.escape, b.proposals))
        self.re_proposal = re.compile(rf"(?:{frames})(?P<who>[^，,。；;：:]{{2,40}}?){de}(?P<noun>{nouns})") \
            if frames and nouns else None
        self.proposals = dict(b.proposals)
        copulas = "|".join(map(re.escape, b.member_copulas))
        members = "|".join(map(re.escape, b.member_nouns))
        self.re_member = re.compile(
            rf"(?P<who>[^，,。；;：:]{{2,60}}?)(?:{copulas})(?P<of>[^，,。；;：:]{{1,30}}?){de}?"
            rf"(?:{members})(?=[，,。；;]|$)") if copulas and members and b.member_action else None
        self.member_action = b.member_action
        joins = sorted(set(b.coordination) | set(b.alternatives), key=len, reverse=True)
        self.open_split = re.compile("|".join(map(re.escape, joins)))
        self.list_joiners = tuple(sorted(b.list_joiners, key=len, reverse=True))
        self.list_closers = tuple(b.list_closers)
        self.predicate_joins = tuple(v.predicate_joins)
        self.list_heads = tuple(b.list_heads)
        self.markers = tuple(b.markers)
        self.themes = b.themes
        self.whether = tuple(b.whether)
        self.topic_markers = tuple(b.topic_markers)
        self.subject_closers = tuple(b.subject_closers)
        self.hypothetical = tuple(b.hypothetical)
        self.resume = tuple(b.resume)
        self.resume_after = tuple(b.resume_after)
        self.locative = [(str(f[0]), tuple(f[1])) for f in b.locative if len(f) == 2]
        self.not_locative = tuple(b.not_locative)
        self.under = (b.under[0], b.under[1]) if len(b.under) == 2 else None
        self.alternatives = b.alternatives
        self.coordination = sorted(b.coordination, key=len, reverse=True)
        # 、 joins names inside a segment; the comma (，) also ends one: a list running over segments
        self.list_commas = "".join(c for c in self.coordination if len(c) == 1 and c in SEGMENT_END)
        self.heads = sorted(b.distributive_heads, key=len, reverse=True)
        levels = "|".join(map(re.escape, sorted(lexicon.grammar.roles.level_words, key=len, reverse=True)))
        # 乡级或者县级人民政府: either level's body, two parties (a 、 list of levels is one class)
        self.re_level_or = re.compile(f"^({levels})或者({levels})(.+)$") if levels else None
        self.modal = sorted([(w, "obligation") for w in m.obligation]
                            + [(w, "permission") for w in m.permission]
                            + [(w, "prohibition") for w in m.prohibition],
                            key=lambda x: -len(x[0]))
        modal = "|".join(re.escape(w) for w, _ in self.modal)
        senders = "|".join(map(re.escape, b.head_senders))
        measures = "|".join(map(re.escape, b.head_measures))
        # 应当有一名: the gap between bodies and the head they have
        count = f"(?:[一二两三四五六七八九十若干]+(?:{measures}))?"
        self.re_head_gap = re.compile(f"(?:{modal})?(?:{senders}){count}") if senders else None
        self.defeasible = m.defeasible
        self.default_modality = m.default
        self.cond_endings = c.segment_endings
        self.framed_endings = tuple(c.framed_endings)
        self.deadline_frames = tuple(c.deadline_frames)
        self.negation = c.negation
        self.qualifiers = tuple(c.qualifiers)
        self.cond_frames = [(f[0], f[1]) for f in c.frames if len(f) == 2]
        # 根据/依照/按照…: the open condition frames are the words that give a basis
        self.basis_words = tuple(a for a, b in self.cond_frames if not b)
        self.cond_verbs = c.verbs
        self.occasions = c.occasions
        self.re_cond_phrase = _words(c.phrases)
        self.basis = c.basis
        self.facts = [({k: val for k, val in asdict(f).items() if val}, re.compile(f.pattern))
                      for f in g.facts]
        self.quantities = _quantity_patterns(g.quantities)
        self.majority = dict(g.quantities.majority) if g.quantities else {}
        self.verb_tags = set(v.verb_tags)
        self.predicate_tags = set(v.predicate_tags)
        self.activity_actions = set(v.activity_actions)
        self.forwarding = set(v.forwarding)
        self.forwarding_verbs = tuple(w for w, slug in self.actions.items() if slug in self.forwarding)
        self.places = tuple(first for first, _ in b.locative if isinstance(first, str))  # 在, 从
        # Words the grammar reads itself: never taken for another verb governing the names.
        self.modal_words = tuple(w for w, _ in self.modal)
        self.qualifier_breaks = self.modal_words + tuple(self.coordination)   # see _modifier
        self.grammar_words = ({w for w, _ in self.modal} | set(self.defeasible) | set(b.markers)
                              | set(b.aux_markers) | set(self.delegation) | set(self.via)
                              | set(self.actions) | set(self.disposal))

    # ------------------------------------------------------------ entry points

    def provision(self, text: str, path: str, citation: str, article: int, lead: str = "",
                  aliases: dict[str, str] | None = None) -> list[Norm]:
        """The norms of one provision's own text (a 款 before its items, a 项 with its 款's lead,
        a 目), knowing the short names its regulation declares (`declared`)."""
        self.aliases = dict(aliases or {})
        try:
            return self._unit(_Unit(text, path, citation, article, lead))
        finally:
            self.aliases = {}

    def extract(self, reg: Regulation) -> list[Norm]:
        units = list(_units(reg))
        self.aliases = self.declared(" ".join(u.text for u in units))
        norms: list[Norm] = []
        for unit in units:
            norms += self._unit(unit)
        self.aliases = {}
        return norms

    def declared(self, text: str) -> dict[str, str]:
        """人民政府、人民法院和人民检察院（以下简称“一府两院”）: the short names a text declares for
        the names right before them, each with the kind of what it stands for."""
        found: dict[str, str] = {}
        for m in self.re_declared.finditer(text):
            short = m.group("short").strip("“”\"'‘’ ")
            window = text[max(0, m.start() - 40):m.start()]
            before = [x for x in self.lex.mentions(window) if x.entry.kind in AGENT_KINDS
                      and x.end == len(window)]   # the name the declaration follows
            if not (2 <= len(short) <= 10) or normalise(short) in self.lex.by_label:
                continue
            if before:
                found[short] = before[-1].entry.kind
            elif self._described_agent(window, short):
                found[short] = self.lex.generic_kind(short)
        return found

    def _described_agent(self, before: str, short: str) -> bool:
        """…确定的负责备案审查工作的机构（以下简称备案审查工作机构）: a body described, not named, whose
        short name is one by its suffix as the description's head is."""
        head, own = self.lex.suffix(before), self.lex.suffix(short)
        return bool(head and own) and self.lex.generic_kind(head) in AGENT_KINDS \
            and self.lex.generic_kind(own) in AGENT_KINDS

    def _alias_mentions(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Where the text uses a short name it declared (“一府两院”办事机构, 人大专门委员会): a name, and
        with a generic name right after it (办事机构, 的负责人) one name with that."""
        out = list(mentions)
        declaring = [False] * len(text)
        for d in self.re_declared.finditer(text):
            declaring[d.start():d.end()] = [True] * (d.end() - d.start())
            # …工作委员会（以下简称人大街道工委）: the name declared is the one its short name names
            short = d.group("short").strip("“”\"'‘’ ")
            named = next((x for x in out if x.end == d.start()), None)
            if short in self.aliases and named is not None and named.entry.generic:
                out[out.index(named)] = Mention(self.lex.generic_role(short, self.aliases[short]),
                                                named.start, named.end, named.surface)
        for short, kind in self.aliases.items():
            for m in re.finditer(re.escape(short), text):
                start, end = m.start(), m.end()
                if text[start - 1:start] in "“\"" and text[end:end + 1] in "”\"":
                    start, end = start - 1, end + 1
                if text[end:end + 1] == "）" or declaring[start] or any(
                        x.start < end and start < x.end
                        and (not x.entry.generic or (x.start <= start and x.end >= end))
                        # 市人大常委会监督本级总预算: a body's short name and a verb are no document's
                        and not (kind in AGENT_KINDS and x.entry.kind not in AGENT_KINDS and x.end > end
                                 and self._verb_at(text, end))
                        for x in out):
                    continue  # the declaration itself, a name the lexicon knows, or a longer name
                inner = [x for x in out if x.start < end and start < x.end]
                out = [x for x in out if x not in inner]
                head = next((x for x in out if x.entry.generic and x.start in (end, end + len(self.nominal))
                             and text[end:x.start] in ("", self.nominal)), None)
                if head is not None:  # “一府两院”办事机构 / “一府两院”的负责人
                    out.remove(head)
                    label = text[start:head.end]
                    out.append(Mention(self.lex.generic_role(label, head.entry.kind), start, head.end, label))
                else:
                    label = text[start:end]
                    out.append(Mention(self.lex.generic_role(label, kind), start, end, label))
        return sorted(out, key=lambda x: x.start)

    def _unit(self, unit: _Unit) -> list[Norm]:
        listed = self._listed_items(unit)
        if listed is not None:
            return listed
        text = unit.text
        mentions = self._verbal(text, self.lex.mentions(text))
        if self.aliases:
            mentions = self._alias_mentions(text, mentions)
        # The words that are no verb, marker or modal word here: found before the open frames'
        # names are, which ask whether a verb stands between (not the previous provision's masks).
        self.blocked = {name: _mask(text, pattern, mentions if name == "verb" else ()) for name, pattern in
                        [("verb", self.re_not_verb), ("marker", self.re_not_marker),
                         ("modal", self.re_not_modal)]}
        # 《区政府会议议题提报单》: a title is a name; no marker, verb or party inside it acts.
        self.in_title = _mask(text, TITLE)
        in_time = _mask(text, self.re_time_frame)
        for mask in self.blocked.values():
            mask[:] = [a or b or c for a, b, c in zip(mask, self.in_title, in_time, strict=True)]
        mentions = sorted(mentions + self._open_names(text, mentions) + self._bare_roles(text, mentions),
                          key=lambda m: m.start)
        mentions = sorted(mentions + self._listed_names(text, mentions), key=lambda m: m.start)
        taken = [False] * len(text)
        for m in mentions:
            taken[m.start:m.end] = [True] * (m.end - m.start)
        fact_spans = []
        in_fact = [False] * len(text)
        # 十分之一以上的代表: the count of a group that acts is still a quantity of what it does
        counted = _mask(text, self.lex.counted_pattern)
        named = [t and not c for t, c in zip(taken, counted, strict=True)]
        for spec, pattern in self.facts + self.quantities:
            # A fact's phrase may hold names (有三分之二以上的主席团成员出席，始得举行); a bare quantity not.
            seen = in_fact if spec.get("pattern") else named
            for m in pattern.finditer(text):
                if any(seen[m.start():m.end()]) or _is_date(text, m) or self._not_unit(text, m):
                    continue
                in_fact[m.start():m.end()] = [True] * (m.end() - m.start())
                fact_spans.append((spec, m))
                taken[m.start():m.end()] = [True] * (m.end() - m.start())
                named[m.start():m.end()] = [True] * (m.end() - m.start())
        self.taken = taken
        self.proposed = self._proposals(text, mentions)
        self.in_proposal = [False] * len(text)
        for p in self.proposed:
            self.in_proposal[p.start:p.end] = [True] * (p.end - p.start)
        norms: list[Norm] = []
        topic: tuple[tuple[Party, ...], str] = ((), "")
        lead_names = self._lead_names(unit.lead)
        lead_subject: list[tuple[Party | None, tuple[Party, ...], str]] = [
            (self._party(m, m.surface), (), "") for m in lead_names]
        self.carried = list(lead_subject)
        self.carried_condition = ""
        self.stopped: list = []   # the bearers of the sentence before, after its 。
        for start, end in _spans(text, CLAUSE_END):
            clause_norms, topic = self._clause(unit, text, start, end, mentions, taken, topic,
                                               fact_spans)
            norms += clause_norms
            if not clause_norms and not self.carried and text[start:end].endswith(self.carry_over):
                self.carried = self._opening_subject(text, start, end, mentions)
            if not text[start:end].endswith(self.carry_over):
                self.stopped, self.carried = self.carried, []
            else:
                self.stopped = []
        norms = self._aux_carried(norms) + self._members(unit, text, mentions)
        if lead_subject and (opening := self._lead_condition(unit.lead, lead_names)):
            norms = [replace(n, condition="，".join(filter(None, [opening, n.condition])))
                     if n.bearer is not None and opening not in n.condition else n for n in norms]
        return [replace(n, id=f"{unit.path}/n{k}") for k, n in enumerate(norms, 1)]

    def _members(self, unit: _Unit, text: str, mentions: list[Mention]) -> list[Norm]:
        """乡镇人民代表大会主席、副主席为主席团的成员: each name before the copula is a member of the
        body after it; a sentence opening so, with nothing before its names but its start."""
        if self.re_member is None:
            return []
        out = []
        for m in self.re_member.finditer(text):
            start = m.start("who")
            if start > 0 and text[start - 1] not in SEGMENT_END + CLAUSE_END:
                continue
            who, of = ([x for x in mentions if m.start(g) <= x.start < m.end(g)
                        and x.entry.kind in AGENT_KINDS] for g in ("who", "of"))
            said = text[m.start("who"):m.end("who")]
            if not who or not of or any(w in said for w, _ in self.modal) or self.negation in said \
                    or self.re_verb.search(normalise(said)):
                continue
            qs, qe = _sentence(text, m.start())
            body = self._parties(of)
            for x in [self._owned(x, text, mentions) for x in self._expand(who, text)]:
                out.append(Norm(
                    id="", action=self.member_action, verb=text[m.end("who"):m.start("of")],
                    bearer=self._party(x, x.surface), objects=body, object_text=m.group("of"), aux=(),
                    condition="", basis="", delegated_by=(), delegation="", modality="obligation",
                    strength="strict", source_path=unit.path, source_citation=unit.citation,
                    article=unit.article, provision_text=text, quote=text[qs:qe], quote_start=qs,
                    quote_end=qe))
        return out

    def _proposals(self, text: str, mentions: list[Mention]) -> list[_Proposal]:
        """根据市长的提请: each proposal frame naming someone."""
        if self.re_proposal is None:
            return []
        found = []
        for m in self.re_proposal.finditer(text):
            names = [x for x in mentions if m.start("who") <= x.start < m.end("who")
                     and x.entry.kind in AGENT_KINDS]
            if not names:
                continue
            # 在市长缺位时根据…的提请: the circumstance opening the frame's segment is the frame's
            start = max(text.rfind(c, 0, m.start()) for c in SEGMENT_END + CLAUSE_END) + 1
            if not text[start:m.start()].strip().endswith(tuple(self.cond_endings)):
                start = m.start()
            found.append(_Proposal(start, m.start(), m.end(), names, self.proposals[m.group("noun")],
                                   m.group("noun")))
        return found

    def _proposed(self, text: str, cs: int, ce: int, groups: list[_Group], made: dict[int, list[Norm]],
                  mentions: list[Mention]) -> list[Norm]:
        """根据市长的提请，决定个别副市长的任免: the 市长 submits what the verb after the frame is
        done to, to whoever does that verb; a circumstance opening the frame's segment (在市长缺位时
        根据…的提请) holds for that proposal only."""
        out = []
        for p in self.proposed:
            if not cs <= p.start < ce:
                continue
            g = next((g for g in groups if g.start >= p.end and made.get(g.start)), None)
            if g is None:
                continue
            done = made[g.start]
            own = text[p.start:p.frame].strip("，, ")
            said = text[p.start:p.end]   # the frame is no condition of the proposal it makes
            condition = "，".join(filter(None, [*(c for c in done[0].condition.split("，") if c not in said),
                                                own]))
            to = tuple(dict.fromkeys(n.bearer for n in done if n.bearer is not None))
            for m in [self._owned(x, text, mentions) for x in self._expand(p.names, text)]:
                out.append(replace(done[0], action=p.action, verb=p.noun, bearer=self._party(m, m.surface),
                                   aux=to, condition=condition, basis="", delegated_by=(),
                                   delegation=""))
        return out

    def _aux_carried(self, norms: list[Norm]) -> list[Norm]:
        """…由省长…向常务委员会会议报告工作。因特殊原因不能到会的，可以书面委托副省长…报告: a duty
        towards someone said again in the provision without them goes to the same ones."""
        out: list[Norm] = []
        last: dict[str, tuple[Party, ...]] = {}
        for n in norms:
            if n.action in self.aux_actions and not n.aux and n.action in last:
                n = replace(n, aux=last[n.action])
            if n.aux:
                last[n.action] = n.aux
            out.append(n)
        return out

    def _verb_at(self, text: str, at: int) -> bool:
        """Does a word jieba tags a verb start at `at` (人大常委会|监督本级总预算)?"""
        words = self.lex.tag(text[at:at + 6])
        return bool(words) and words[0][1] in self.verb_tags

    def _leads_subject(self, lead: str) -> bool:
        """May these words open a clause before its subject (各, 每届; levels: 市、区人大常委会…)?"""
        return not lead or lead in self.subject_leads or bool(
            self.re_levels_only and self.re_levels_only.fullmatch(lead))

    def _opening_subject(self, text: str, start: int, end: int,
                         mentions: list[Mention]) -> list[tuple[Party | None, tuple[Party, ...], str]]:
        """市、区人大常委会监督本级总预算的执行；审查和批准…: a clause with no verb the grammar reads
        still names, at its start and right before a verb, whom the clauses after its ； are about."""
        at = start
        while at < end and text[at] in SEGMENT_END + CLAUSE_END + " ":
            at += 1
        names = [m for m in mentions if at <= m.start < end and m.entry.kind in AGENT_KINDS]
        if not names or any(c in SEGMENT_END for c in text[at:end]):
            return []   # 工作机构撤销的，应当予以免职；: a clause with a circumstance is not one
        group = self._joined_groups(names, text)[0]
        lead = re.sub(r"[^\u4e00-\u9fff]", "", text[at:group[0].start])
        if not self._leads_subject(lead) or not self._verb_at(text, group[-1].end):
            return []
        return [(self._party(m, m.surface), (), "") for m in self._expand(group, text)]

    def _goes_on(self, text: str, start: int, verb: int, cond_mask: list[bool],
                 mentions: list[Mention]) -> bool:
        """The sentence opens with its circumstance (naming no one: 代表对答复不满意的，可以提出意见 is
        the 代表's), then a modal word, and no one else is made to act before the verb."""
        at = start
        while at < verb and text[at] in SEGMENT_END + CLAUSE_END + " ":
            at += 1
        if at >= verb or not cond_mask[at] or not text.startswith(self.carry_openers, at):
            return False
        if any(start <= m.start < verb and cond_mask[m.start] and m.entry.kind in AGENT_KINDS
               for m in mentions):
            return False
        while at < verb and (cond_mask[at] or text[at] in SEGMENT_END + " "):
            at += 1
        rest = text[at:verb]
        return rest.startswith(self.modal_words) and not any(w in rest for w in self.causatives)

    def _condition_subject(self, mentions: list[Mention], text: str, start: int, verb: int,
                           cond_mask: list[bool]) -> list[Mention]:
        """前款规定的工作部门依法实行委托执法的，应当…加强业务监督; 主任会议认为必要时，可以决定…: a
        sentence opening with a circumstance that begins with names, then a modal word, and no one
        else made to act, is about them."""
        at = start
        while at < verb and text[at] in SEGMENT_END + CLAUSE_END + " ":
            at += 1
        if at >= verb or not cond_mask[at]:
            return []
        end = at
        while end < verb and cond_mask[end]:
            end += 1
        said = text[at:end].rstrip("，, ")
        period = said.endswith(self.period_ends)
        if not said.endswith(self.circumstance_ends) and not period:
            return []
        after = end  # …闭会期间，根据国务院总理的提名，可以决定…: a proposal frame between
        while after < verb and (text[after] in "，, " or self.in_proposal[after]):
            after += 1
        rest = text[after:verb]
        made = rest
        for w in self.passive:   # 受委托的乡镇人民政府 is no one made to act
            for c in self.causatives:
                made = made.replace(w + c, "")
        if not rest.startswith(self.modal_words) or any(w in made for w in self.causatives):
            return []
        names = [m for m in mentions if at <= m.start < end and m.entry.kind in AGENT_KINDS]
        if not names:
            return []
        first = self._joined_groups(names, text)[0]
        if period and not text.startswith(self.places, first[-1].end):
            return []
        lead = re.sub(r"[^\u4e00-\u9fff]", "", text[at:names[0].start])
        if lead and lead not in self.subject_leads:
            return []   # 对代表提出的…不满意的: the names are objects in the circumstance
        return first

    def _joined_groups(self, names: list[Mention], text: str, owned: bool = False) -> list[list[Mention]]:
        """Runs of names joined by 、/和 (区长、副区长 | 区政府办公室); with `owned`, by 及其 too."""
        groups: list[list[Mention]] = []
        for m in names:
            end = m.start - next((len(w) for w in self.pronouns if owned and text.endswith(w, 0, m.start)), 0)
            if groups and self._joined(text, groups[-1][-1].end, end):
                groups[-1].append(m)
            else:
                groups.append([m])
        return groups

    def _resumes(self, text: str, start: int, end: int) -> bool:
        """…，再决定 or …审议后，提请: the segment goes back to who acted before the thing was sent."""
        # to end + 1: a segment may open right at the verb (…审议后，提请)
        seg = max([s for s, _ in _spans(text, SEGMENT_END, start, min(end + 1, len(text)))] or [start])
        if seg == start:   # 报本部门批准后向社会公布: 后 right after the verb, no comma
            return text.startswith(self.resume_after, start)
        return (text[seg:end].lstrip("，, ").startswith(self.resume)
                or text[start:seg].rstrip("，, ").endswith(self.resume_after))

    def _outside_basis(self, region: list[Mention], text: str, wstart: int, verb: int) -> list[Mention]:
        """政府督查机构根据本级人民政府的决定或者本级人民政府行政首长…作出的指令，确定…: after a
        subject, every name from 根据/依照/按照 to the end of its segment says on what basis, not who."""
        seg_start = max([s for s, _ in _spans(text, SEGMENT_END, wstart, verb)] or [wstart])
        if not region or region[0].start > seg_start + 40:
            return region
        basis = min([p for w in self.basis_words if (p := text.find(w, seg_start, verb)) >= 0] or [-1])
        if basis < 0 or not any(m.end <= basis for m in region):
            return region
        stop = _stop(text, basis, verb, SEGMENT_END)
        return [m for m in region if not basis < m.start < stop]

    def _sent_to(self, text: str, g: _Group) -> bool:
        """Are the group's bearers the ones something is sent to (交/报 X 审议)?"""
        return g.marker is not None and any(text.startswith(w, g.marker) for w in self.sending)

    def _sender(self, text: str, g: _Group, mentions: list[Mention]) -> list[Mention]:
        """由主席团将其辞职请求交各代表团审议后，…: who the thing was sent by, named right after a
        sender word in the segment that sends it (none: the sender is who acted before)."""
        assert g.marker is not None
        seg_start = max([s for s, _ in _spans(text, SEGMENT_END, 0, g.marker)] or [0])
        pos = max((text.rfind(w, seg_start, g.marker) for w in self.senders), default=-1)
        if pos < 0:
            return []
        at = pos + next(len(w) for w in self.senders if text.startswith(w, pos))
        return [m for m in mentions if m.start == at and m.entry.kind in AGENT_KINDS]

    def _led_segment(self, text: str, prev: _Group | None, g: _Group,
                     mentions: list[Mention]) -> list[Mention]:
        """由常务委员会办事机构综合协调后，提出…: the comma segment right before the verb's opens with
        a sender word and names, says what they do with no verb the grammar reads, and ends with
        resume_after; the verb goes on with them."""
        seg = max([i for i in range(g.start) if text[i] in SEGMENT_END + CLAUSE_END] or [-1])
        if seg < 0 or text[seg] not in SEGMENT_END or text[seg + 1:g.start].strip():
            return []
        start = max([i + 1 for i in range(seg) if text[i] in SEGMENT_END + CLAUSE_END] or [0])
        if (prev is not None and prev.end > start) or not text[start:seg].endswith(self.resume_after):
            return []
        sender = next((w for w in self.senders if text.startswith(w, start)), None)
        if sender is None:
            return []
        return self._chain([m for m in mentions if start + len(sender) <= m.start < seg
                            and m.entry.kind in AGENT_KINDS], text, start + len(sender), first_at_pos=True)

    def _consents(self, text: str, g: _Group) -> bool:
        """经发言人核对签字后，…存档: the group's bearers are named after a consent word (经过X提议,
        where 经过 is no marker, too)."""
        if g.bearer_start is None:
            return False
        if g.marker is not None:
            return g.bearer_start > g.marker and any(text.startswith(w, g.marker) for w in self.consent)
        return any(text.endswith(w, 0, g.bearer_start) for w in self.consent)

    def _hypothetical(self, text: str, g: _Group) -> bool:
        """有十分之一以上的村民…提议，应当召集村民会议: who a segment opening with 有 names may ask;
        they are not who acts in the segments after it."""
        if g.bearer_start is None:
            return False
        start = max([s for s, _ in _spans(text, SEGMENT_END + CLAUSE_END, 0, g.bearer_start)] or [0])
        return text[start:g.bearer_start].lstrip("，, ").startswith(self.hypothetical)

    def _bare_roles(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """代表因特殊原因不能出席会议的，应当向秘书处请假: a role word opening a clause, before a
        modal word or a circumstance (extraction.toml bare_roles), is who the clause is about."""
        b = self.lex.grammar.bearers
        out: list[Mention] = []
        for word in b.bare_roles:
            for m in re.finditer(re.escape(word), text):
                start, end = m.start(), m.end()
                if (start == 0 or text[start - 1] in CLAUSE_END + SEGMENT_END) \
                        and text.startswith(tuple(b.bare_role_followers), end) \
                        and not any(x.start < end and start < x.end for x in mentions):
                    out.append(Mention(self.lex.generic_role(word, ROLE), start, end, word))
        return out

    def _open_names(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """居民会议由十八周岁以上的居民组成: between the words of an open frame (extraction.toml
        open_frames) are who, even where no name's suffix says so; each member of a list is one
        (beside the names already known there), and a head count after them (共五至九人) is not
        part of any."""
        out: list[Mention] = []
        for pattern in self.open_frames:
            for m in pattern.finditer(text):
                start, end = m.span("who")
                opening = m.group()[:start - m.start()]
                at = start
                for part in self.open_split.split(text[start:end]):
                    if part.startswith(opening) and len(part) > len(opening) + 1:
                        at += len(opening)   # …或者由每户派代表选举产生: the frame's opening word again
                        part = part[len(opening):]
                    label = part
                    while COUNT_TAIL.search(label):   # 由七人至十一人组成: counts, and no one
                        label = COUNT_TAIL.sub("", label).strip()
                    label = next((label[:-len(w)] for w in self.list_ends if label.endswith(w)), label)
                    label = self._without_manner(label)   # 由村民直接选举产生, 由居民依法选举产生
                    known = any(x.start < at + len(label) and at < x.end for x in mentions)
                    words = self.lex.tag(label) if len(label) >= 2 else []
                    verb = self._verb_word(label)   # 由登记参加选举的村民
                    # (a verb only the question asks, read on demand, names no one less: 推选代表)
                    if words and not known and not verb and not self._has_verb(
                            text, at, at + len(label), [False] * len(text), grammar_only=True):
                        out.append(Mention(self.lex.generic_role(label), at, at + len(label), label))
                    at = text.find(part, at) + len(part)
                    at += next((len(w) for w in self.coordination if text.startswith(w, at)), 0)
        return out

    def _listed_names(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """国家机关、社会团体、企业事业组织、公民认为…: words listed with a known name are names too,
        though no suffix says so. A member runs from a joiner (list_joiners) to the next joiner or
        name, or to where a list ends: a segment end, a marker, a modal word, a verb of the
        grammar or a word of list_closers."""
        norm = normalise(text)
        spans = [(m.start, m.end) for m in mentions]
        starts = {s for s, _ in spans}
        ends = {e for _, e in spans}
        stops = (*self.modal_words, *self.list_closers, *self.list_ends)
        queue = [(m.start, m.end) for m in mentions if m.entry.kind in (POST, BODY, ROLE)]
        out: list[Mention] = []
        seen = set(spans)
        while queue:
            s, e = queue.pop()
            found = []
            joiner = next((w for w in self.list_joiners if text.startswith(w, e)), None)
            if joiner:
                a = p = e + len(joiner)
                while (p < len(text) and p - a <= MEMBER_MAX and text[p] not in SEGMENT_END + CLAUSE_END
                       and p not in starts and not text.startswith(stops + self.list_joiners, p)
                       and not self.re_marker.match(norm, p) and not self.re_grammar_verb.match(norm, p)):
                    p += 1
                found.append((a, p))
            joiner = next((w for w in self.list_joiners if text.endswith(w, 0, s)), None)
            if joiner:
                b = p = s - len(joiner)
                while (p > 0 and b - p <= MEMBER_MAX and text[p - 1] not in SEGMENT_END + CLAUSE_END
                       and p not in ends and not text.endswith(stops + self.list_joiners, 0, p)
                       and not any(text.endswith(w, 0, p) and not self.blocked["marker"][p - len(w)]
                                   for w in self.markers)):
                    p -= 1
                found.append((p, b))
            for a, b in found:
                label = text[a:b]
                if (2 <= len(label) <= MEMBER_MAX and (a, b) not in seen and self.nominal not in label
                        and label.endswith(self.list_heads) and not COUNT_TAIL.search(label)
                        and not any(c in BRACKETS for c in label)
                        and not self._verb_word(label)   # 或者组织研究处理: the verb 组织, no one
                        and not any(x < b and a < y for x, y in spans + [(o.start, o.end) for o in out])
                        and not self._has_verb(text, a, b, [False] * len(text), grammar_only=True)
                        and not any(self.in_title[a:b])):
                    seen.add((a, b))
                    out.append(Mention(self.lex.generic_role(label), a, b, label))
                    queue.append((a, b))
        return out

    def _verb_word(self, label: str) -> bool:
        """组织: one word, and a verb."""
        words = self.lex.tag(label)
        return len(words) == 1 and words[0][1].startswith("v")

    def _without_manner(self, label: str) -> str:
        """The words of an open frame without the adverbs saying how at their end (村民直接 -> 村民)."""
        while True:
            words = self.lex.tag(label)
            last, tag = words[-1] if words else ("", "")
            if len(words) < 2 or not (tag in ("d", "ad") or last in self.lex.grammar.roles.manner_words):
                return label
            label = label[:-len(last)]

    def _listed_items(self, unit: _Unit) -> list[Norm] | None:
        """常务委员会举行会议时，下列人员列席会议：（一）省人民政府…的负责人； — the names of each item
        do what the lead says the listed ones do: read as the item followed by that (…的负责人，
        列席会议), quoting the item."""
        at = max((unit.lead.rfind(w) for w in self.listed_subjects), default=-1)
        if at < 0:
            return None
        start = at + next(len(w) for w in self.listed_subjects if unit.lead.startswith(w, at))
        tail = unit.lead[start:].rstrip("：: ")
        if (not tail or any(c in tail for c in SEGMENT_END + CLAUSE_END)
                or not self.re_verb.search(normalise(tail))):
            return None
        item = self._names_listed(unit.text.rstrip("；;。，, "))
        read = self._unit(replace(unit, text=f"{item}，{tail}。", lead=""))
        # 主任会议决定列席的其他人员: a name followed by a verb acts in the item, it is not listed
        acting = {m.surface for m in self.lex.mentions(item)
                  if self.re_verb.match(normalise(item), m.end) is not None}
        return [replace(n, provision_text=unit.text, quote=unit.text, quote_start=0,
                        quote_end=len(unit.text))
                for n in read if n.bearer is not None and n.bearer.label not in acting]

    def _names_listed(self, item: str) -> str:
        """（五）设区的市的…主任或者副主任一人，部分省人民代表大会代表: an item whose commas only
        part names is one list (read with 、 for ，, the same length, so spans hold)."""
        if "，" not in item:
            return item
        mentions = [m for m in self.lex.mentions(item) if m.entry.kind in AGENT_KINDS]
        rest = list(item)
        for m in mentions:
            rest[m.start:m.end] = "　" * (m.end - m.start)
        parts, at = [], 0
        for part in item.split("，"):
            parts.append((at, at + len(part)))
            at += len(part) + 1
        if all(any(s <= m.start < e for m in mentions)
               and not self.re_verb.search(normalise("".join(rest[s:e]))) for s, e in parts):
            return item.replace("，", "、")
        return item

    def _lead_names(self, lead: str) -> list[Mention]:
        """X行使下列职权：, X的主要任务是： — X acts in each item that names no one (its bearers,
        as a clause after ； would carry them); its names as the lead says them."""
        at = self._item_lead_at(lead)
        if at <= 0:
            return []
        names = [m for m in self.lex.mentions(lead[:at]) if m.entry.kind in AGENT_KINDS]
        last = [m for m in names if m.end == at or lead[m.end:at] == self.nominal]
        listed = self._item_list_at(lead) == at
        if (not last or listed) and names and names[0].start == 0 and (
                lead.startswith(tuple(self.lex.grammar.bearers.copulas), names[0].end) or listed):
            # X是…机构，履行下列职责 / X在…前，应做下列工作: X, whatever comes between (市人大常委会
            # 任免本市国家行政机关下列人员: the name before the list is what X acts on)
            k = 0
            while k + 1 < len(names) and self._joined(lead, names[k].end, names[k + 1].start):
                k += 1
            last = [names[k]]
        if not last:
            return []
        subject = [last[-1]]   # …and the names joined to it (区长、副区长的职责是)
        for m in reversed(names[:names.index(last[-1])]):
            if not self._joined(lead, m.end, subject[0].start):
                break
            subject.insert(0, m)
        return subject

    def _item_lead_at(self, lead: str) -> int:
        """Where a lead's phrase introducing its items (行使下列职权, 的职责是) starts, else -1."""
        phrases = self.lex.grammar.bearers.item_leads
        at = min((lead.find(w) for w in phrases if w in lead), default=-1)
        return at if at >= 0 else self._item_list_at(lead)

    def _item_list_at(self, lead: str) -> int:
        """应做下列筹备工作： — where a lead ending with a list of duties (extraction.toml item_lists)
        starts that list, else -1."""
        b = self.lex.grammar.bearers
        tail = lead.rstrip("：: ")
        for w in b.item_lists:
            at = tail.rfind(w)
            if at >= 0 and tail.endswith(tuple(b.item_list_nouns)) and len(tail) - at - len(w) <= 6 \
                    and not any(c in SEGMENT_END for c in tail[at:]):
                return at
        return -1

    def _lead_condition(self, lead: str, subject: list[Mention]) -> str:
        """乡、民族乡、镇人民代表大会闭会期间，主席团的职责是： — the circumstance a lead opens with
        holds for what its subject does in each item."""
        at = self._item_lead_at(lead)
        segments = [lead[s:e].rstrip("，,") for s, e in _spans(lead[:max(at, 0)], SEGMENT_END)][:-1]
        if segments and subject and subject[0].start == 0 and subject[-1].end < len(segments[0]):
            # 主席团在本级人民代表大会闭会期间，…下列工作: the circumstance without who acts in it
            segments[0] = segments[0][subject[-1].end:]
        return "，".join(seg for seg in segments if seg.endswith(tuple(self.cond_endings))
                        and not self._occasion(seg))

    def _not_unit(self, text: str, m: re.Match) -> bool:
        """十八周岁: the unit is the start of another word (extraction.toml not_units)."""
        at = _unit_at(m)
        q = self.lex.grammar.quantities
        return at >= 0 and q is not None and any(text.startswith(w, at) for w in q.not_units)

    def _verbal(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """向国务院请示报告: a document name right after 向/给 + a party is the verb, not a document."""
        out: list[Mention] = []
        for m in mentions:
            prev = out[-1] if out else None
            if (m.entry.kind in TOPIC_KINDS and prev is not None and prev.end == m.start
                    and prev.entry.kind in AGENT_KINDS
                    and any(text.endswith(w, 0, prev.start) for w in self.aux_marker_words)
                    and self.re_verb.search(normalise(m.surface))):
                continue
            out.append(m)
        return out

    # ------------------------------------------------------------ one clause

    def _clause(self, unit, text, cs, ce, mentions, taken, inherited, fact_spans):
        segments = _spans(text, SEGMENT_END, cs, ce)
        in_clause = [m for m in mentions if cs <= m.start < ce]
        # …应当在会议举行的七日前，: a deadline, whose condition runs from 在 on (its verbs are no
        # duties) and leaves the subject before it
        deadlines = {(s, e): at for s, e in segments if (at := self._deadline(text, s, e, taken)) >= 0}
        conditions = [(s, e) for s, e in segments
                      if (s, e) not in deadlines and self._is_condition(text, s, e, taken)]
        conditions += [c for s, e in segments if (s, e) not in conditions
                       for c in [self._inner_condition(text, s, e, taken)] if c]
        conditions += [(s + at, e) for (s, e), at in deadlines.items()]
        # 受委托召开的区政府专题会议，会议纪要须经…: the case the norm is for, whose thing (the
        # meeting) the one acted on (its minutes) belongs to
        cases = {(s, e): m for (s, e), nxt in zip(segments, segments[1:], strict=False)
                 if (s, e) not in conditions
                 and (m := self._topic_condition(text, s, e, nxt, in_clause, taken)) is not None}
        conditions += list(cases)
        conditions.sort()
        cond_mask = [False] * len(text)
        for s, e in conditions:
            cond_mask[s:e] = [True] * (e - s)
        groups = self._groups(text, cs, ce, taken, cond_mask)
        # The clause's own topic: meeting/document/seal names outside bearer regions.
        colon = max(text.rfind("：", cs, ce), text.rfind(":", cs, ce))
        norms: list[Norm] = []
        prev: _Group | None = None
        used: set[int] = set()  # mention starts used as bearers / aux
        made: dict[int, list[Norm]] = {}  # each verb's norms, by where it stands
        # Conditions before a clause's first verb hold for all its verbs (X的，A做P，与B做Q).
        leading = [(s, e) for s, e in conditions if groups and s < groups[0].start]
        self.first_group: _Group | None = None  # the clause's first verb with bearers
        opens_modal = (cs > 0 and text[cs - 1] in CLAUSE_END
                       and text[cs:ce].lstrip().startswith(self.modal_words))
        self.clause_objects: tuple[tuple[Party, ...], str] | None = None  # the last verb's objects
        for g in groups:
            wstart = prev.end if prev else cs
            window_conditions = [(s, e) for s, e in conditions if wstart <= s < g.start]
            self._bearers(g, text, wstart, in_clause, taken, cond_mask, prev, window_conditions, used)
            if not g.bearers and g.aux and self.unnamed_bearer:
                g.bearers = [(None, (), "")]
            if not g.bearers:
                prev = g
                continue
            if self.first_group is None:
                # …的议案，在审议中有重大问题需要进一步研究的，经…提出，…同意: a verb inside the
                # topic (拟提请) acts for no one; the conditions hold from the first verb that does
                leading = [(s, e) for s, e in conditions if s < g.start]
            condition = "，".join(text[s:e].rstrip("，,：:") for s, e in window_conditions or leading
                                 if not self._occasion(text[s:e]))
            phrase = self._condition_phrase(text, wstart, g.start, taken)
            if phrase and phrase not in condition:  # 必要时，经…决定: the segment already says it
                condition = "，".join(filter(None, [condition, phrase]))
            basis = self.basis.get(phrase, "") if phrase else ""
            self.first_group = self.first_group or g
            # 由主任会议决定提请常务委员会会议审议…；不提请…的，应当…报告: who a thing is sent to
            # acts on it, and so on while the verbs after go on with them, but the clause stays
            # about its sender.
            g.pivot = self._sent_to(text, g) or (prev is not None and bool(prev.bearers) and (
                (bool(prev.aux) and all(b[0] in prev.aux for b in g.bearers))
                or (prev.pivot and g.bearers == prev.bearers)))
            if (g.carried or opens_modal) and not condition:
                # …；不出席… / 根据需要，可以邀请…；可以通知…: the clause before goes on
                condition = self.carried_condition
            objects = self._objects(g, text, wstart, cs, ce, colon, in_clause, used, cond_mask,
                                    inherited)
            whose = [self._party(m, m.surface) for c, m in cases.items()
                     if c in (window_conditions or leading)]
            if whose and objects[0]:
                objects = (tuple(whose) + objects[0], objects[1])
            if objects[0] or self.inheritable:
                inherited = objects
            self.clause_objects = objects if objects[1] else None
            modality, strength = self._modality(text, wstart, g.start, taken, cond_mask, bool(phrase))
            quote_start, quote_end = _sentence(text, g.start)
            for slug, verb in g.actions:
                for bearer, delegators, kind in g.bearers:
                    made.setdefault(g.start, []).append(Norm(
                        id="", action=slug, verb=verb, bearer=bearer,
                        objects=objects[0], object_text=objects[1], aux=tuple(g.aux),
                        condition=condition, basis=basis, delegated_by=delegators,
                        delegation=kind, modality=modality, strength=strength,
                        source_path=unit.path, source_citation=unit.citation, article=unit.article,
                        provision_text=text, quote=text[quote_start:quote_end],
                        quote_start=quote_start, quote_end=quote_end))
                    norms.append(made[g.start][-1])
            prev = g
            if not g.pivot:
                ends = self._hypothetical(text, g) or self._consents(text, g)
                self.carried = [] if ends else list(g.bearers)
            self.carried_condition = condition
        norms += self._proposed(text, cs, ce, groups, made, in_clause)
        own_topic = self._topic(text, cs, ce, colon, in_clause, used, cond_mask, ce)
        if own_topic[0] and not groups:
            seg = next((s, e) for s, e in _spans(text, SEGMENT_END + CLAUSE_END) if s <= own_topic[1] < e)
            inherited = own_topic[0], text[seg[0]:seg[1]].strip("，,：: ")
        # 应当在会议举行七日以前，将开会日期…通知…: with no topic, what 将 puts forward is one.
        fact_topic = inherited if inherited[0] or inherited[1] else ((), self._put(text, cs, ce))
        for spec, m in fact_spans:
            if cs <= m.start() < ce:
                try:
                    norms.append(self._fact(unit, text, spec, m, fact_topic))
                except (ValueError, ZeroDivisionError):
                    continue   # a number this reading cannot write out (零分之一) states no fact
        return norms, inherited

    def _consent_of(self, text: str, verb: int, taken) -> bool:
        """征得其业务主管单位的同意: the consent of the one named after a consent marker (and a
        pronoun) and before 的 is theirs to give, a duty though said as a noun."""
        end = verb - len(self.nominal)
        if end <= 0 or not taken[end - 1]:
            return False
        start = end
        while start > 0 and taken[start - 1]:
            start -= 1
            # 征得本级工会委员会和上一级工会的同意: the consent of each of a list of names
            join = next((w for w in self.coordination if text.endswith(w, 0, start)), "")
            if join and not taken[start - 1] and start > len(join) and taken[start - len(join) - 1]:
                start -= len(join)
        lead = text[:start]
        lead = next((lead.removesuffix(p) for p in self.pronouns if lead.endswith(p)), lead)
        return lead.endswith(self.consent)

    def _groups(self, text, cs, ce, taken, cond_mask) -> list[_Group]:
        norm_text = normalise(text)
        found: list[tuple[int, int, str, str]] = []
        nominal_end = -1
        light_end = -1  # the light verb's object: no verb of its own
        for m in self.re_verb.finditer(norm_text, cs, ce):
            if (any(taken[m.start():m.end()]) or cond_mask[m.start()]
                    or any(self.blocked["verb"][m.start():m.end()]) or m.start() < light_end):
                continue
            before = norm_text[max(cs, m.start() - 4):m.start()]
            if any(before.endswith(p) for p in self.circumstance) or self._after_preposition(before):
                continue
            # 的决定 / 讨论决定的事项 / 决议、决定: a verb as a noun or inside a relative clause
            # (…or the first word of a noun: 协调机制)
            if ((before.endswith(self.nominal) and not self._consent_of(norm_text, m.start(), taken)
                 and not self._under_frame(norm_text, cs, m.start(), m.end())
                 and not self._passive_frame(norm_text, cs, m.start(), m.end()))
                    or norm_text.startswith(self.noun_openers, m.end())):
                continue
            if self._after_nominal_verb(norm_text, cs, m.start()):
                continue  # 委员会的审查报告: the second word of a noun made of two verbs
            chained = self.re_verb.match(norm_text, m.end())   # 决定任命的副主席: one relative clause
            if chained and norm_text.startswith(self.nominal, chained.end()):
                continue
            if self.under and norm_text.startswith(self.under[1], m.end()) and not before.endswith(
                    self.nominal) and self._relative_under(norm_text, m.end() + len(self.under[1])):
                continue   # 人民调解委员会主持下达成的调解协议: what was reached under it, no duty
            if self._modified(norm_text, m.start()):
                continue  # 决定副县长的个别任免: a verb after 的 and a modifier is a noun
            if before.endswith(self.list_mark) and not (found and found[-1][1] == m.start() - 1) \
                    and not self._listed_acts(norm_text, cs, m.start()):
                continue
            if self._head_of_listed_things(norm_text, m.start(), m.end()):
                continue  # 听取专项工作报告、计划执行情况报告…等各类报告: the head of listed things
            if any(before.endswith(w) for w in self.disposal):
                continue  # 决定将报告交…审议: what 将 puts forward is a thing, not a verb
            seg = _segment_start(norm_text, cs, m.start())
            if norm_text.startswith(self.whether, seg):
                continue  # 是否交由受质询机关再作答复，由…决定: what is decided on, no one's duty
            if self._put_forward(norm_text, cs, m.start(), m.end(), taken):
                continue  # 将答复质询案的情况报告印发会议: 报告 is inside the thing put forward
            if self._listed_relative(norm_text, m.start(), taken):
                continue  # 通知常务委员会组成人员和列席会议的部门: one more who is told, no verb
            if self._topic_phrase(norm_text, cs, m.start(), m.end(), ce, taken):
                continue  # 经主任会议决定提请…审议的质询案，…: the segment names a thing, its topic
            if self._in_subject_phrase(norm_text, m.end(), ce, taken):
                continue  # 基层人民政府指导人民调解委员会的日常工作由司法助理员负责
            if self._undergone(norm_text, cs, m.start(), taken):
                continue
            if any(norm_text.startswith(w, m.end()) for w in self.comparison):
                continue  # 与区政府决定相违背的言论: compared with, not decided
            if self._relative_after_name(norm_text, cs, ce, m.start(), m.end(), taken):
                continue
            if self._listed(norm_text, cs, m.start(), taken, nominal_end):
                nominal_end = m.end()
                continue
            light = self._light(norm_text, m, cs, ce, taken)
            if light is None and m.group() in self.light_only:
                continue
            if light:
                light_end = light[1]
            found.append((m.start(), m.end(), light[0] if light else self.actions[m.group()], m.group()))
        groups: list[_Group] = []
        for s, e, slug, verb in found:
            if groups and text[groups[-1].end:s] in ("", *self.connectors):
                groups[-1].end = e
                groups[-1].actions.append((slug, verb))
            else:
                groups.append(_Group(s, e, [(slug, verb)]))
        return groups

    def _relative_under(self, norm_text: str, at: int) -> bool:
        """主持下|达成的: a verb and 的 right after 下 describe a thing done under someone's verb."""
        stop = _stop(norm_text, at, min(len(norm_text), at + 6))
        de = norm_text.find(self.nominal, at, stop)
        return de > at and self.lex.tag(norm_text[at:de])[0][1].startswith("v")

    def _head_of_listed_things(self, norm_text: str, start: int, end: int) -> bool:
        """专项工作报告、计划执行情况报告、…执法检查报告等: the verb ends items of a 、 list that
        all end with it (not 任免、培训、考核, a list of verbs)."""
        word = norm_text[start:end]
        if norm_text.startswith(self.list_mark, end):
            nxt = re.split(r"[、，。；：,;:]|等", norm_text[end + 1:], maxsplit=1)[0]
            return len(nxt) > len(word) and nxt.endswith(word)
        if norm_text.startswith("等", end):
            mark = norm_text.rfind(self.list_mark, 0, start)
            return mark >= 0 and norm_text.endswith(word, 0, mark) and start - mark > 1
        return False

    def _put_forward(self, norm_text: str, cs: int, start: int, end: int, taken) -> bool:
        """Is the verb inside what 将/把 puts forward: no marker between, and right after it
        the verb that disposes of the thing, not a name it goes to (将…情况报告县级人民政府),
        a conjunction, a time word or punctuation?"""
        seg = _segment_start(norm_text, cs, start)
        at = max((norm_text.rfind(w, seg, start) for w in self.disposal), default=-1)
        if at < 0 or self.re_marker.search(norm_text, at, start) or any(
                w in norm_text[at:start] for w in self.lex.grammar.bearers.recipient_markers):
            return False
        after = norm_text[end:end + 2]
        if after.startswith(tuple(self.lex.grammar.bearers.disposal_results)):
            return False   # 将投票箱集中到选举会场: 集中 disposes of it
        return (bool(after) and is_cjk_ideograph(after[0]) and not taken[end]
                and not after.startswith(tuple(self.cond_endings))
                and not after.startswith(tuple(self.coordination)))

    def _under_frame(self, norm_text: str, cs: int, start: int, end: int) -> bool:
        """在X和Y的领导下: the verb of 在…下 after 的 still says what X and Y do."""
        if not self.under or not norm_text.startswith(self.under[1], end):
            return False
        seg = _segment_start(norm_text, cs, start)
        return norm_text.find(self.under[0], seg, start) >= 0

    def _after_preposition(self, before: str) -> bool:
        """可以对报告作出决议: the word before is a preposition taking what follows (not 核对签字,
        whose 对 ends a verb)."""
        if not before.endswith(self.noun_after):
            return False
        words = self.lex.tag(before)
        return bool(words) and words[-1][0] in self.noun_after

    def _passive_frame(self, norm_text: str, cs: int, start: int, end: int) -> bool:
        """受X的领导: the verb after 的 that ends the segment a passive marker opens says what X does."""
        if end < len(norm_text) and norm_text[end] not in SEGMENT_END + CLAUSE_END:
            return False
        seg = _segment_start(norm_text, cs, start)
        # …a marker, not part of a word that holds one (受理, 接受)
        return any(not any(self.blocked["marker"][at:at + len(w)])
                   for w in self.passive for at in _find_all(norm_text, w, seg, start))

    def _after_nominal_verb(self, norm_text: str, cs: int, pos: int) -> bool:
        """的审查报告: a verb that is also a noun (extraction.toml light_objects) right after 的 and
        another verb is the head of that noun (not 的报告提请…, where 提请 is the verb)."""
        return norm_text.startswith(tuple(self.light_objects), pos) and any(
            norm_text.endswith(self.nominal, cs, at) and (v := self.re_verb.match(norm_text, at))
            and v.end() == pos for at in range(max(cs, pos - 4), pos - 1))

    def _modified(self, norm_text: str, pos: int) -> bool:
        """的 and a word such as 个别, 重大 right before the verb: the verb is a noun (的个别任免)."""
        return (any(norm_text.endswith(self.nominal + w, 0, pos) for w in self.noun_modifiers)
                or norm_text.endswith(self.kind_words, 0, pos))   # 等各类报告

    def _topic_phrase(self, norm_text: str, cs: int, pos: int, end: int, ce: int, taken) -> bool:
        """Does the sentence open with a segment that opens with 经/由 and ends in 的 + a short noun
        and a comma (经主任会议决定提请常务委员会会议审议的质询案，…)? It names what the sentence is
        about, and its verbs are no duties."""
        start = _segment_start(norm_text, cs, pos, SEGMENT_END + CLAUSE_END)
        if start != cs:
            return False  # only the sentence's first segment is its topic
        stop = _stop(norm_text, end, ce)
        if stop >= ce or norm_text[stop] not in SEGMENT_END:
            return False
        # …组成人员出席会议的情况，应当在会议期间通报: with no marker, names alone before the verb
        # and the next segment's modal word show the first one was the thing spoken of
        if not norm_text.startswith(self.topic_markers, start):
            named = start < pos and all(taken[i] or norm_text[i] in "、和或者及" for i in range(start, pos))
            if not (named and norm_text[stop + 1:].lstrip("，, ").startswith(self.modal_words)):
                return False
        rest = norm_text[end:stop]
        noun = rest.rsplit(self.nominal, 1)[-1]
        return _ends_in_noun(rest, self.nominal, 4) and not self.re_verb.search(noun)

    def _listed_acts(self, norm_text: str, cs: int, pos: int) -> bool:
        """予以警告、训诫: a verb listed after a word that takes acts as its objects is done too."""
        for w in self.action_takers:
            at = norm_text.rfind(w, cs, pos)
            run = norm_text[at + len(w):pos] if at >= 0 else ""
            if run and all(is_cjk_ideograph(c) or c == self.list_mark for c in run) and len(run) <= 12:
                return True
        return False

    def _in_subject_phrase(self, norm_text: str, end: int, ce: int, taken) -> bool:
        """Do the verb's words run on, in its segment, to 的 + a short noun right before 由
        (…指导人民调解委员会的日常工作由司法助理员负责)? Then the verb names a thing, not a duty."""
        rest = norm_text[end:_stop(norm_text, end, ce)]
        for w in self.subject_closers:
            at = rest.find(w)
            while at > 0:
                if not taken[end + at] and _ends_in_noun(rest[:at], self.nominal, 4) \
                        and not self.re_verb.search(rest[:at].rsplit(self.nominal, 1)[-1]):
                    return True
                at = rest.find(w, at + 1)
        return False

    def _listed_relative(self, norm_text: str, pos: int, taken) -> bool:
        """A verb right after a name and 和/及 that opens a noun phrase ending in 的 + noun before
        the segment ends (组成人员和列席会议的部门)."""
        join = next((w for w in self.coordination if len(w) > 0 and w not in "、，,"
                     and norm_text.endswith(w, 0, pos)), None)
        if join is None or pos - len(join) < 1 or not taken[pos - len(join) - 1]:
            return False
        return _ends_in_noun(norm_text[pos:_stop(norm_text, pos, len(norm_text))], self.nominal, 8)

    def _light(self, norm_text: str, m: re.Match, cs: int, ce: int, taken) -> tuple[str, int] | None:
        """提出书面报告 -> (report, where 报告 ends): a light verb takes its object noun's action;
        so does one that ends its clause after the object it opens with (…的候选人，由…提出)."""
        if m.group() not in self.light_verbs:
            return None
        end = _stop(norm_text, m.end(), ce)
        tail = norm_text[m.end():end]
        if not tail.strip():
            seg = _segment_start(norm_text, cs, m.start())
            opening = norm_text[cs:seg].rstrip(SEGMENT_END)
            return next(((slug, m.end()) for noun, slug in self.light_objects.items()
                         if opening.endswith(noun)), None)
        found = next(((slug, end) for noun, slug in self.light_objects.items() if tail.endswith(noun)), None)
        if found is not None and found[0] in self.aux_actions and not self._towards(norm_text, cs, m.start()):
            # 审议…，提出报告: a report made to no one named is no duty towards anyone; the light
            # verb keeps its own reading, and its object noun is no verb
            return self.actions[m.group()], found[1]
        if found is None:   # 提出本级…组成人员，人民政府领导人员，…的候选人: a list of nouns, commas and all
            whole = _stop(norm_text, m.end(), ce, CLAUSE_END)
            rest = norm_text[m.end():whole].rstrip(SEGMENT_END)
            at = m.end()
            if not any(not any(taken[at + v.start():at + v.end()]) for v in self.re_verb.finditer(rest)):
                found = next(((slug, whole) for noun, slug in self.light_objects.items()
                              if rest.endswith(noun)), None)
        return found

    def _towards(self, norm_text: str, cs: int, pos: int) -> bool:
        """向常务委员会提出…报告: does a word naming whom it goes to (向/给) stand in the verb's segment?"""
        seg = _segment_start(norm_text, cs, pos)
        return any(w in norm_text[seg:pos] for w in self.light_recipients)

    def _listed(self, norm_text: str, cs: int, pos: int, taken, nominal_end: int) -> bool:
        """风险评估、合法性审查和集体讨论决定等程序: a verb ending an item of a list of nouns
        (no name between the list mark and it), or joined to such an item, names a thing."""
        seg_start = _segment_start(norm_text, cs, pos)
        mark = norm_text.rfind(self.list_mark, seg_start, pos)
        if mark >= 0 and mark < pos - 1 and not any(taken[mark:pos]):
            # …if the item before is no name either (局长、科长等组成: 科长 is a name the
            # lexicon lacks) and the stretch stays inside the list (…公共服务等事项并公布).
            item = norm_text.rfind(self.list_mark, seg_start, mark) + 1 or seg_start
            stretch = norm_text[mark + 1:pos]
            if not any(taken[item:mark]) and not any(w in stretch for w in self.list_ends):
                return True
        if nominal_end >= seg_start and not any(taken[nominal_end:pos]):
            gap = norm_text[nominal_end:pos]
            return any(gap.startswith(c) for c in self.connectors)
        return False

    def _is_condition(self, text, s, e, taken) -> bool:
        seg = text[s:e].rstrip("，,：:")
        for a, b in self.cond_frames:
            # 除区委统一组织安排的重要活动外; an open frame holds a noun phrase: 根据专题询问的议题,
            # 根据国家计划 (not 按照规定程序设立若干直属机构…, where something is done)
            if seg.startswith(a) and seg.endswith(b) and (b or (
                    len(seg[len(a):].rsplit(self.nominal, 1)[-1]) <= 4  # 的 + a short noun, or no 的
                    and not self._has_verb(text, s, s + len(seg), taken))):
                return True
        verb = min([p for w in self.cond_verbs if (p := seg.find(w)) >= 0] or [-1])
        if (verb >= 0 and not any(taken[s:s + verb]) and not any(w in seg[:verb] for w, _ in self.modal)
                and self._last_marker(text, s, s + len(seg), taken) is None
                and not self._has_verb(text, s, s + len(seg), taken)):
            return True  # 文稿内容涉及其他部门职权范围的事项，… (but not 区政府各部门发布涉及…的信息)
        framed = seg.endswith(self.framed_endings) and seg.startswith(self.deadline_frames)
        if not seg or not (framed or any(seg.endswith(end) for end in self.cond_endings)):
            return False
        # 经区长审核后 names who acts (a norm of its own); 提交常务会议讨论前 only when.
        marker = self._last_marker(text, s, s + len(seg), taken)
        if marker is not None and self._framed_time(text, s, marker.start(), taken):
            return True   # 质询案在主任会议决定交受质询机关答复前，…: when, whoever the frame names
        if (marker is not None and text.startswith(self.themes, marker.start())
                and any(text.find(w, marker.end() + 1, s + len(seg)) > 0 for w in self.deadline_frames)):
            return False  # 由人民武装部于训练开始三十日前，通知…: who acts, then by when
        return marker is None or not self._has_verb(text, marker.end(), s + len(seg), taken)

    def _topic_condition(self, text: str, s: int, e: int, nxt: tuple[int, int], mentions: list[Mention],
                         taken) -> Mention | None:
        """区政府办公室主任、副主任受委托召开的区政府专题会议，会议纪要须经…审定: a segment that only
        names a thing, described by a relative clause (…的 + a meeting or document), before a
        segment opening with a thing of its own that someone acts on: the case the norm is for
        (the thing it names, else None)."""
        seg = text[s:e].rstrip("，,")
        end = s + len(seg)
        last = next((m for m in mentions if m.end == end and m.entry.kind in TOPIC_KINDS), None)
        own = next((m for m in mentions if m.start == nxt[0] and m.entry.kind in TOPIC_KINDS), None)
        if (last is not None and own is not None and self.nominal in text[s:last.start]
                and not any(w in seg for w, _ in self.modal)
                and self._last_marker(text, s, end, taken) is None
                and self._last_marker(text, nxt[0], nxt[1], taken) is not None):
            return last
        return None

    def _framed_time(self, text: str, s: int, marker: int, taken) -> bool:
        """Does 在/于 open a time frame before the marker, with no modal word before it (not
        …应当在…前, a deadline)?"""
        at = min([p for w in self.deadline_frames if (p := text.find(w, s, marker)) >= 0] or [-1])
        return at >= 0 and not taken[at] and not any(w in text[s:at] for w, _ in self.modal)

    def _deadline(self, text: str, s: int, e: int, taken) -> int:
        """常务委员会办事机构应当在会议举行的七日前，将…通知…: a segment ending as conditions end that
        a name, a modal word and 在/于 open says who acts and, from 在 on, by when (where in the
        segment that starts, or -1)."""
        seg = text[s:e].rstrip("，,：:")
        if not any(seg.endswith(end) for end in (*self.cond_endings, *self.framed_endings)):
            return -1
        at = min([p for w, _ in self.modal if (p := seg.find(w)) > 0] or [-1])
        if at < 0 or not any(taken[s:s + at]):
            return -1
        frame = at + len(next(w for w, _ in self.modal if seg.startswith(w, at)))
        return frame if seg.startswith(self.deadline_frames, frame) else -1

    def _inner_condition(self, text: str, s: int, e: int, taken) -> tuple[int, int] | None:
        """分管副区长不能出席的不再安排…: words up to a 的 that a modal word or negation follows
        are a condition with no comma after it (a name before the 的 is a possessor instead);
        so are they in a segment opening with a qualifier when a name follows the 的
        (不是常务委员会组成人员的专门委员会主任委员…)."""
        if text.startswith(self.qualifiers, s):
            pos = text.find(self.nominal, s, e)
            while pos > s:
                name = pos + len(self.nominal)
                if name < e and taken[name]:
                    return s, name
                pos = text.find(self.nominal, pos + 1, e)
        pos = text.find(self.nominal, s, e)
        while pos > s:
            after = text[pos + len(self.nominal):e]
            modal = any(after.startswith(w) for w, _ in self.modal) and not (
                self.re_not_modal and self.re_not_modal.match(after))
            # …关于预算、决算的不适当的决议: a negated word that qualifies a noun (不适当的) is no
            # negated predicate
            attribute = after.startswith(self.negation) and 0 < after.find(
                self.nominal, len(self.negation)) <= len(self.negation) + 3
            if not taken[pos - 1] and ((after.startswith(self.negation) and not attribute) or modal):
                return s, pos + len(self.nominal)
            pos = text.find(self.nominal, pos + 1, e)
        return None

    def _has_verb(self, text: str, s: int, e: int, taken, grammar_only: bool = False) -> bool:
        verbs = self.re_grammar_verb if grammar_only else self.re_verb
        return any(not any(taken[m.start():m.end()]) and not any(self.blocked["verb"][m.start():m.end()])
                   for m in verbs.finditer(normalise(text), s, e))

    def _condition_phrase(self, text, s, e, taken) -> str:
        if not self.re_cond_phrase:
            return ""
        found = [m.group() for m in self.re_cond_phrase.finditer(normalise(text), s, e)
                 if not any(taken[m.start():m.end()])]
        return found[-1] if found else ""

    def _last_marker(self, text, s, e, taken):
        last = None
        for m in self.re_marker.finditer(normalise(text), s, e):
            if any(taken[m.start():m.end()]) or any(self.blocked["marker"][m.start():m.end()]):
                continue
            de = text.rfind(self.nominal, max(s, m.start() - 3), m.start())
            if de >= 0 and len(m.group()) > 1 and not any(taken[de:m.start()]) and not any(
                    c in SEGMENT_END for c in text[de:m.start()]):
                continue  # 根据主席团的安排, 在…的组织安排和监督下: a noun after 的, no marker
            if m.group() in self.passive and self._delegating(text, m.end(), e, taken):
                continue  # 受总理委托: who entrusts, not who acts
            if text.startswith(self.nominal, m.end()):
                continue  # 对市财政部门提交的市级预算草案…进行初步审查: what was submitted, no marker
            if self._possessed(text, m.end(), e, taken):
                continue  # 报送区政府的公文: the marker is inside a noun phrase
            last = m
        return last

    def _possessed(self, text: str, pos: int, end: int, taken) -> bool:
        """Is text[pos:] a name followed by 的 (and no role head after it)?"""
        start = pos
        while pos < end and taken[pos]:
            pos += 1
        after = pos + len(self.nominal)
        # …but 征得上一级公安机关的同意: the verb right after 的 is theirs (see _consent_of)
        return (pos > start and text.startswith(self.nominal, pos) and after != end
                and not any(text.startswith(h, after) for h in self.heads))

    def _object_before_alternative(self, text: str, prev: _Group | None, region: list[Mention],
                                   g: _Group) -> bool:
        """组织本级人民代表大会代表或者受委托组织…: names right after the verb before, in its segment,
        then 或者 (an alternative) are that verb's object; the verb after shares its bearers. So are
        they before 和受委托 (组织本级代表和受委托组织上一级代表): a second deed, done as entrusted."""
        if prev is None or not prev.bearers or region[0].start < prev.end:
            return False
        between = text[prev.end:g.start]
        rest = text[region[-1].end:g.start]
        joined = any(rest.startswith(j + p) for j in self.coordination for p in self.passive)
        return (not any(c in SEGMENT_END + CLAUSE_END for c in between)
                and (rest.startswith(tuple(self.alternatives)) or joined))

    def _delegating(self, text: str, pos: int, end: int, taken) -> bool:
        """Is text[pos:] a name followed by a delegation word (总理委托)?"""
        while pos < end and taken[pos]:
            pos += 1
        return any(text.startswith(w, pos) for w in self.delegation)

    def _under(self, text: str, g: _Group, wstart: int) -> int | None:
        """在X领导下: the position right after 在 when the verb is followed by 下."""
        if not self.under or not text.startswith(self.under[1], g.end):
            return None
        pos = text.rfind(self.under[0], wstart, g.start)
        return pos + len(self.under[0]) if pos >= 0 else None

    # ------------------------------------------------------------ bearers

    def _aux_group(self, g) -> bool:
        """Does the group send something to someone (报告, 协助)? Not 负责召集并主持: a leading verb
        (extraction.toml leading) followed by others takes their reading."""
        slugs = [slug for slug, _ in g.actions]
        if len(slugs) > 1 and slugs[0] in self.leading:
            slugs = slugs[1:]
        return any(slug in self.aux_actions for slug in slugs)

    def _bearers(self, g, text, wstart, mentions, taken, cond_mask, prev, window_conditions, used):
        aux_verb = self._aux_group(g)
        agents = [m for m in mentions if wstart <= m.start < g.start and m.entry.kind in AGENT_KINDS
                  and not cond_mask[m.start] and not self.in_title[m.start]
                  and not self.in_proposal[m.start]]
        if aux_verb:
            g.aux = self._aux(g, text, mentions, taken, wstart, agents, used)
            agents = self._not_recipients([m for m in agents if m.start not in used], text, wstart,
                                          g.start, taken)
        else:
            agents = self._not_recipients(agents, text, wstart, g.start, taken)
        marker = self._last_marker(text, wstart, g.start, taken)
        if (marker is not None and cond_mask[marker.start()]
                and not self._one_segment(text, marker.start(), g.start)):
            marker = None   # …对资金安排进行调整的，应当…报告: a marker in the circumstance is not the verb's
        under = self._under(text, g, wstart)
        lead = len(self.under[0]) if self.under else 0
        g.marker = marker.start() if marker else (under - lead if under else None)
        if under is not None and (marker is None or marker.start() < under):
            region = [m for m in agents if m.start >= under]
            if not region:
                return   # 在中央的统一领导下: who leads is a name the lexicon lacks; never the subject
            g.subject = self._subject([m for m in agents if m.start < under], text, wstart, under)
        elif marker:
            region = self._after_marker(agents, text, marker, wstart, g.start)
        else:
            seg_start = max([s for s, _ in _spans(text, SEGMENT_END, wstart, g.start)] or [wstart])
            if self._listed_objects(text, prev, seg_start, g.start, agents):
                seg_start = g.start
            # A name that modifies a noun (本部门的工作) is not who acts, nor one after another verb
            # (研究区政府专题会议确定…的工作, 不得要求各镇政府负责人参加: objects of 研究/要求).
            things = {x.start for x in mentions if x.entry.kind in TOPIC_KINDS}
            region = [m for m in agents if m.start >= seg_start and not self._modifier(text, m, things)]
            if (region and self._opens_with_verb(text, seg_start, region[0].start, cond_mask)
                    and not self._pivot_lead(text, seg_start, region[0].start)):
                return  # what another verb's objects do is no norm of theirs
            if region and region[0].start == seg_start:
                region = self._names_only_before(agents, text, wstart, seg_start, cond_mask) + region
            opening = max([wstart] + [i + 1 for i in range(wstart, g.start) if text[i] in SEGMENT_END])
            leading = self._joined_groups(region, text, owned=True)[0] if region else []
            if (leading and opening > region[-1].start
                    and text[opening:g.start].strip() in ("", *self.modal_words)
                    and any(text.startswith(w, leading[-1].end) for w in self.modal_words)):
                # X及其有关部门应当重视Y的建设，保障…: a verb opening its segment goes on with the
                # subject of the one before, not with the names that segment's own verb takes
                region = leading
        region = [m for m in region if not any(text.endswith(w, 0, m.start) for w in self.via)]
        region = self._not_described(region, text)
        region = self._not_disposed(region, text, wstart, g.start, marker, prev)
        region = self._outside_basis(region, text, wstart, g.start)
        # 交由常委会在大会闭会后的第一次会议上复议: a place is read among all the names, so a time
        # name before it (大会, dropped already) still opens it
        placed = {(m.start, m.end) for m in agents} - {
            (m.start, m.end) for m in self._not_located(agents, text)}
        unlocated = [m for m in region if (m.start, m.end) not in placed]
        if region and not unlocated:
            return  # 由受质询机关在…会议上答复: who acts is a name the lexicon lacks; never the place
        region = unlocated
        # 受总理委托，负责…: the name before a delegation word entrusts, it does not act.
        entrusting = [m for m in region if any(text.startswith(w, m.end) for w in self.delegation)
                      and marker is None and under is None]
        region = [m for m in region if m not in entrusting]
        region = self._after_pivot(region, text)
        if region and marker is None and self._object_before_alternative(text, prev, region, g):
            region = []   # 组织本级代表或者受委托组织上一级代表: who the verb before takes acts on
        sender = (self._sender(text, prev, mentions) if not region and prev is not None
                  and self._sent_to(text, prev) and self._resumes(text, prev.end, g.start) else [])
        if sender:   # 由主席团将其辞职请求交代表审议后，提请…: the 主席团 submits
            g.bearers = self._delegation(sender, text, ())
            return
        if self.receipts and text.endswith(self.receipts, wstart, g.start):
            # 向代表团团长书面请假并得到批准: who grants it is whom the request went to, if named
            g.bearers = [(a, (), "") for a in prev.aux] if prev is not None else []
            g.aux = [b for b, _, _ in prev.bearers if b is not None] if g.bearers and prev is not None else []
            return   # …granted to whoever asked
        led = self._led_segment(text, prev, g, mentions) if not region and marker is None else []
        if led:   # 由常务委员会办事机构综合协调后，提出…: the 办事机构 proposes
            g.bearers = self._delegation(led, text, ())
            return
        designated = self._designated(prev, agents, text, g.start) if not region and not marker else []
        if designated:   # 由委员长会议确定若干名召集人，轮流主持会议: the ones designated chair
            region = designated
        elif not region and prev is not None and prev.subject:
            region = prev.subject
        elif (not region and prev is not None and prev.bearers and not self._hypothetical(text, prev)
              and not self._consents(text, prev)
              # 交代表审议: sent to someone the lexicon does not name, never back to the sender
              and not (marker is not None and any(text.startswith(w, marker.start()) for w in self.sending))
              # 由大会决定: who acts is named after 由, though the lexicon cannot name it
              and not self._named_after_themes(text, marker, g.start)):
            # 先交有关的专门委员会审议…，再决定…: who a thing is sent to acts on it, then the sender again
            resumed = ((self._sent_to(text, prev) or prev.pivot) and self._resumes(text, prev.end, g.start)
                       # …提请常务委员会会议审议，并可以…决定: a modal word goes back to the sender
                       or (prev.pivot and any(w in text[prev.end:g.start] for w in self.modal_words)))
            g.bearers = list(self.carried if resumed and self.carried else prev.bearers)
            composed = self.clause_objects[0] if self.clause_objects else ()
            if composed and prev.actions and all(a in self.composition for a, _ in prev.actions):
                g.bearers = [(party, (), "") for party in composed]
            return
        if not region and not marker:
            # 在常务委员会会议期间，常务委员会组成人员…，可以…提出: the subject follows the condition
            opening = wstart
            while opening < g.start and (cond_mask[opening] or text[opening] in SEGMENT_END + " "):
                opening += 1
            region = self._subject(agents, text, opening, g.start)
        if not region and not marker and prev is None:
            # 代表对答复不满意的，可以提出…: who the opening circumstance is about acts
            region = self._condition_subject(mentions, text, wstart, g.start, cond_mask)
        if not region and not marker:
            # Subject left out after ；: the clause continues the one before. …按时出席。因病不能出席的，
            # 应当…请假: so does a sentence opening with its circumstance, naming no one.
            before = self.carried or (self.stopped if prev is None and self._goes_on(
                text, wstart, g.start, cond_mask, mentions) else [])
            if before:
                g.carried = True
                g.bearers = [(b, tuple(self._party(m, m.surface) for m in entrusting) or d,
                              self.delegation[0] if entrusting else k) for b, d, k in before]
                return
        region = [self._owned(m, text, mentions) for m in self._expand(region, text)]
        if region:
            g.bearer_start = region[0].start
        delegators_default = tuple(
            self._party(m, m.surface) for m in mentions
            if any(s <= m.start < e for s, e in window_conditions) and m.entry.kind in AGENT_KINDS)
        delegators_default = delegators_default or tuple(self._party(m, m.surface) for m in entrusting)
        if not delegators_default and prev is not None:
            delegators_default = tuple(b for b, _, _ in prev.bearers)
        for alternative in self._split(region, text, self.alternatives):
            g.bearers += self._delegation(alternative, text, delegators_default)
        for m in region:
            used.add(m.start)
        if (region and marker is None and prev is not None and prev.bearers
                and self._comitative(text, wstart, region[0].start)):
            # 主办部门…，与相关部门会签: the one acting before acts together with them
            g.bearers = [b for b in prev.bearers if b[0] not in {x[0] for x in g.bearers}] + g.bearers

    def _listed_objects(self, text: str, prev: _Group | None, seg_start: int, verb: int,
                        agents: list[Mention]) -> bool:
        """任免…副检察长、检察员，任免…: the names a verb lists right up to the comma opening the
        next verb's segment are what it is done to, not who does the next."""
        if prev is None or seg_start != prev.end or text[verb - 1] not in SEGMENT_END:
            return False
        inside = [m for m in agents if seg_start <= m.start < verb]
        # (…检察委员会委员、检察员: a name the lexicon lacks may end the list; a verb may not, as
        # in 召集村民会议进行讨论，决定…, where the ones convened decide)
        tail = text[inside[-1].end:verb - 1] if inside else ""
        return bool(inside) and not any(tag in self.verb_tags for _, tag in self.lex.tag(tail))

    def _not_recipients(self, agents: list[Mention], text: str, wstart: int, verb: int,
                        taken) -> list[Mention]:
        """委员长会议可以向常务委员会提出议案: the names right after 向 before the verb are the ones
        it goes to, not who acts."""
        norm = normalise(text)
        dropped: set[int] = set()
        for w in self.lex.grammar.bearers.recipient_markers:
            for i in _find_all(norm, w, wstart, verb):
                if any(taken[i:i + len(w)]):
                    continue
                pos = i + len(w)
                if any(m.end <= i and self._one_segment(norm, m.end, i) for m in agents):
                    # 各级人民政府对成绩显著的…调解委员应当予以表彰: one named before the marker acts;
                    # every name after it, up to the verb in that segment, is whom it is done to
                    dropped |= {m.start for m in agents
                                if m.start >= pos and self._one_segment(norm, i, m.end)}
                    continue
                dropped |= {m.start for m in self._chain([m for m in agents if m.start >= pos], text, pos,
                                                         first_at_pos=True)}
        return [m for m in agents if m.start not in dropped]

    def _after_marker(self, agents: list[Mention], text: str, marker: re.Match, wstart: int,
                      verb: int) -> list[Mention]:
        """The names after the last marker before the verb (由X决定): who acts."""
        region = [m for m in agents if m.start >= marker.end()]
        word = marker.group()
        join = next((w for w in (*self.alternatives, *self.coordination)
                     if w not in SEGMENT_END and text.endswith(w, 0, marker.start())), None)
        first_at = text.rfind(word, _segment_start(text, wstart, marker.start()),
                              marker.start() - len(join)) if join else -1
        if first_at >= 0 and any(first_at < m.start < marker.start() for m in agents):
            # 由全体居民或者由每户派代表选举: both are who acts
            region = [m for m in agents if m.start >= first_at + len(word)]
        seg = _segment_start(text, marker.end(), verb)
        own = [m for m in region if m.start >= seg]
        earlier = [m for m in region if m.start < seg]
        if (own and earlier and own[0].start == seg
                and text[earlier[-1].end:seg - 1].strip("".join(self.coordination) + " ")):
            # 由A组织实施，B予以协助: a segment opening with its own subject is B's alone (not
            # 分别由省长、副省长，市长、副市长组成, a list of names run over commas)
            return own
        return region

    @staticmethod
    def _one_segment(text: str, start: int, end: int) -> bool:
        return not any(c in SEGMENT_END + CLAUSE_END for c in text[start:end])

    def _chain(self, names: list[Mention], text: str, pos: int, first_at_pos: bool = False) -> list[Mention]:
        """The first name from pos on (right at pos, or joined to it, with `first_at_pos`) and the
        names joined to it (向登记管理机关办理分支机构…: the 分支机构 after another verb is no more
        whom it goes to)."""
        out: list[Mention] = []
        for m in sorted(names, key=lambda m: m.start):
            if (out or first_at_pos) and m.start != pos and not self._names_join(text[pos:m.start]):
                break
            out.append(m)
            pos = m.end
        return out

    def _names_join(self, gap: str) -> bool:
        """和, 及其, 受委托的: what may stand between a marker and its names, or between them."""
        gap = next((gap.removesuffix(w) for w in self.pronouns if gap.endswith(w)), gap)
        if gap in self.others:   # 对本级人民政府其他工作部门…: 其他 opens the next name
            return True
        # 对直接负责的主管人员和其他直接责任人员: 其他 opens the next name after the joining word
        gap = next((gap.removesuffix(w) for w in self.others if gap.endswith(w) and len(gap) > len(w)), gap)
        return gap in self.coordination or (gap.endswith(self.nominal) and len(gap) <= 8
                                             and not any(c in gap for c in SEGMENT_END + CLAUSE_END))

    def _owned(self, m: Mention, text: str, mentions: list[Mention]) -> Mention:
        """协办部门要积极配合并由主要负责人会签: a bare role head is the head of the body
        named before it in its comma segment."""
        if m.surface not in self.heads:
            return m
        seg_start = max([s for s, _ in _spans(text, SEGMENT_END, 0, m.start)] or [0])
        body = [b for b in mentions if seg_start <= b.start and b.end <= m.start and b.entry.kind == BODY]
        return self._named(body[-1].surface + m.surface, m.start, m.end) if body else m

    def _named_after_themes(self, text: str, marker, verb: int) -> bool:
        """Is there a word other than a pronoun between a 由 marker and the verb (由大会决定)?"""
        if marker is None or not any(text.startswith(w, marker.start()) for w in self.themes):
            return False
        between = text[marker.end():verb]
        # …and 由原办理机关、组织在一个月内重新办理答复: a list of them
        # (…由每个居民小组推选代表2至3人选举: a head count in figures too)
        return bool(between) and all(is_cjk_ideograph(c) or c == self.list_mark or c.isdigit()
                                     for c in between) \
            and not between.startswith(self.pronouns)

    def _not_located(self, region: list[Mention], text: str) -> list[Mention]:
        """在主席团会议、大会全体会议或者有关的专门委员会会议上答复: names between 在 and 上 say
        where, not who."""
        if not self.locative:
            return region
        out, i = [], 0
        while i < len(region):
            j = i
            # …常务委员会可以在国务院副总理、…中决定: an opener starts a run of its own
            while (j + 1 < len(region) and self._joined_loosely(text, region[j].end, region[j + 1].start)
                   and not any(text.endswith(opener, 0, region[j + 1].start) for opener, _ in self.locative)):
                j += 1
            run = region[i:j + 1]
            if text.endswith(self.not_locative, 0, run[0].start) or not any(
                    text.endswith(opener, 0, run[0].start) and self._closed(text, run[-1].end, closers)
                    for opener, closers in self.locative):
                out += run
            i = j + 1
        return out

    def _closed(self, text: str, end: int, closers: tuple[str, ...]) -> bool:
        """A closer right after the names, or after a few words qualifying them
        (…人民检察院副职领导人员中)."""
        for c in closers:
            pos = text.find(c, end, end + 8)
            if pos >= 0 and self._joined_loosely(text, end, pos):
                return True
        return False

    def _joined_loosely(self, text: str, a: int, b: int) -> bool:
        """Names joined by 、/和/或者 and modifiers without punctuation (…或者有关的专门委员会会议)."""
        gap = text[a:b]
        return len(gap) <= 6 and not any(c in gap for c in SEGMENT_END + CLAUSE_END)

    def _comitative(self, text: str, wstart: int, first: int) -> bool:
        """Does the segment open with 与/同 right before its first name (与相关部门会签)?"""
        seg_start = max([s for s, _ in _spans(text, SEGMENT_END, wstart, first)] or [wstart])
        lead = text[seg_start:first].strip()
        return any(lead == w for w in self.comitative)

    def _relative_after_name(self, norm_text: str, cs: int, ce: int, pos: int, end: int, taken) -> bool:
        """区政府分管领导同志或协助其工作的区政府办公室负责同志: a verb right after a name and
        或/和 that ends in 的 + a name opens a relative clause describing that name."""
        word = next((c for c in self.connectors if norm_text.endswith(c, cs, pos)), None)
        if word is None or not taken[pos - len(word) - 1] or taken[pos - len(word)]:
            return False
        seg_end = min([e for _, e in _spans(norm_text, SEGMENT_END + CLAUSE_END, end, ce)] or [ce])
        nominal = norm_text.find(self.nominal, end, seg_end)
        return nominal > 0 and nominal + len(self.nominal) < len(taken) and taken[nominal + len(self.nominal)]

    def _undergone(self, norm_text: str, cs: int, verb: int, taken) -> bool:
        """信息要经过严格审定: 经过 + verb with no name between them is undergone, and who acts
        is unsaid; with a name between, the name acts (经过区长审定)."""
        seg_start = _segment_start(norm_text, cs, verb)
        pos = max((norm_text.rfind(w, seg_start, verb) for w in self.undergo), default=-1)
        return pos >= 0 and not any(taken[pos:verb])

    def _opens_with_verb(self, text: str, start: int, end: int, cond_mask) -> bool:
        """Is the word right before a segment's first name a verb other than the grammar's own
        words (研究区政府专题会议…, 要求各镇政府负责人…: the names are that verb's objects)?"""
        lead = "".join(ch for i, ch in enumerate(text[start:end], start) if not cond_mask[i])
        lead = re.sub(r"[^\u4e00-\u9fff]+$", "", lead)
        if not lead:
            return False
        word, tag = self.lex.tag(lead)[-1]
        # 有十分之一以上的村民提议: 有 opens a circumstance naming who may ask (hypothetical)
        return tag in self.verb_tags and word not in self.grammar_words and word not in self.hypothetical

    def _modifier(self, text: str, m: Mention, things: Collection[int] = ()) -> bool:
        """本部门的工作: a name before 的 modifies a noun — unless a role head follows (…的负责人)."""
        after = m.end + len(self.nominal)
        if text.startswith(self.nominal, m.end):
            return not any(text.startswith(h, after) for h in self.heads)
        # 学院发展的基本建设经费投入: a name and a word of its own before 的 qualify a noun too, and
        # so do a name and its verb before the name of a thing (省人民代表大会通过的地方性法规)
        de = text.find(self.nominal, m.end + 1, m.end + 4)
        words = text[m.end:de] if de > 0 else ""
        return (bool(words) and all(map(is_cjk_ideograph, words))
                and (self.re_verb.search(normalise(words)) is None or de + len(self.nominal) in things)
                and not any(w in words for w in self.qualifier_breaks)
                and not any(text.startswith(h, de + len(self.nominal)) for h in self.heads))

    def _names_only_before(self, agents: list[Mention], text: str, wstart: int,
                           seg_start: int, cond_mask: list[bool]) -> list[Mention]:
        """国务院的组成人员，中央军事委员会的组成人员，…最高人民检察院检察长，列席…: the comma
        segments right before, each nothing but names (joined by 、/和/的), list the same bearers."""
        out: list[Mention] = []
        spans = _spans(text, SEGMENT_END, wstart, seg_start)
        for s, e in reversed(spans):
            inside = [m for m in agents if s <= m.start < e]
            named = {i for m in inside for i in range(m.start, m.end)}
            rest = "".join(text[i] for i in range(s, e) if i not in named and not cond_mask[i]).rstrip("，,")
            whole = s == 0 or text[s - 1] in SEGMENT_END + CLAUSE_END   # not the tail of a verb's
            if (not inside or not whole or text[e - 1] not in self.list_commas
                    or rest.strip(self.nominal + "".join(self.coordination) + " ")):
                # a list whose first segment says more than names and a condition is qualified by
                # it; its names are left as they were read
                return [] if inside else out
            out = inside + out
        return out

    def _not_disposed(self, region: list[Mention], text: str, wstart: int, verb: int,
                      marker, prev: _Group | None = None) -> list[Mention]:
        """将主任会议决定的开会日期…通知…: a name between 将/把 and the verb (with no marker after
        将) is in the thing put forward, not who acts — up to the verb that puts it forward
        (将报告提请常委会会议审议: the 常委会会议 deliberates)."""
        seg_start = max([s for s, _ in _spans(text, SEGMENT_END, wstart, verb)] or [wstart])
        pos = max((text.rfind(w, seg_start, verb) for w in self.disposal), default=-1)
        if pos < 0 or (marker is not None and marker.start() > pos):
            return region
        end = prev.start if prev is not None and prev.start > pos else verb
        return [m for m in region if not pos < m.start < end]

    def _not_described(self, region: list[Mention], text: str) -> list[Mention]:
        """由区长主持的常务会议决定: a name inside a clause ending in 的 that describes the next name
        does not act; the described one does (a bare 的, 本部门的负责人, is a possessive)."""
        out = []
        for m, n in zip(region, region[1:], strict=False):
            gap = text[m.end:n.start]
            if (len(gap) > len(self.nominal) and gap.endswith(self.nominal)
                    and not any(c in gap for c in self.coordination)
                    and _stop(gap, 0, len(gap)) == len(gap)):
                continue
            out.append(m)
        return out + region[-1:]

    def _designated(self, prev: _Group | None, agents: list[Mention], text: str, verb: int) -> list[Mention]:
        """The names a designating verb right before (确定, 指定 …) took as its objects, when the
        segment of this verb names no one: they are who acts."""
        if prev is None or not prev.bearers or not any(v in self.designations for _, v in prev.actions):
            return []
        seg_start = max([s for s, _ in _spans(text, SEGMENT_END, prev.end, verb)] or [prev.end])
        if (seg_start == prev.end or text[seg_start - 1] not in "，,"
                or any(c in SEGMENT_END for c in text[prev.end:seg_start - 1])):
            return []   # only into the next comma segment of the same sentence (确定…责任部门，组织…，
            #             并…提出: the 责任部门 are designated; what the sentence goes on to is not theirs)
        named = [m for m in agents if prev.end <= m.start < seg_start]
        lead = text[prev.end:named[0].start] if named else ""
        return named if named and not any(c in lead for c in SEGMENT_END) else []

    def _after_pivot(self, region: list[Mention], text: str) -> list[Mention]:
        """国务院设副秘书长若干人，协助…: of the names around a pivot word, the ones after it act."""
        for i in range(len(region) - 1, 0, -1):
            gap = text[region[i - 1].end:region[i].start]
            # (行政学院各班次设专职班主任: the pivot may come after words saying where)
            words = self.lex.tag(gap) if gap.strip() else []
            if any(gap.startswith(w) for w in self.pivots) or (words and words[-1][0] in self.pivots):
                return region[i:]
        return region

    def _pivot_lead(self, text: str, start: int, end: int) -> bool:
        """Is text[start:end] only verbs that make the one after them act (支持、保障)?"""
        lead = re.sub(r"[^\u4e00-\u9fff]", "", text[start:end])
        return bool(lead and self.re_pivot_lead and self.re_pivot_lead.fullmatch(lead))

    def _described_name(self, groups: list, text: str, end: int, verb: int) -> list[Mention]:
        """县级人民代表大会常务委员会在街道设立的工作委员会（…）应当…: the names right after the 的
        that ends the words after a name are what those words describe, and the subject, when no
        other name comes between and nothing but its segment stands between them and the verb."""
        de = text.find(self.nominal, end, verb)
        if de <= end or any(c in SEGMENT_END for c in text[end:verb]):
            return []
        head: list[Mention] = next((g for g in groups if g[0].start == de + len(self.nominal)), [])
        if any(end <= g[0].start < de for g in groups):
            return []
        return head

    def _subject(self, agents: list[Mention], text: str, start: int, verb: int) -> list[Mention]:
        """The clause's leading names, as far as they are joined by 、/和 (its subject);
        names that modify a noun (国务院的重要指示) are not a subject."""
        groups = self._joined_groups(agents, text)
        for group in groups:
            lead = re.sub(r"[^\u4e00-\u9fff]", "", text[start:group[0].start])
            owner = group[0].start - len(self.nominal)
            if (lead and text.startswith(self.nominal, owner) and owner > start
                    and all(self.taken[start:owner]) and not self._noun_follows(text, group[-1].end)):
                # 规章的制定机关应当…: whose 制定机关 is no verb (but …大会的职工代表名额 names a 名额)
                lead = ""
            if not self._leads_subject(lead):
                return []  # the clause opens with a verb: its names are objects, not its subject
            if text.startswith(self.nominal, group[-1].end) and not any(
                    text.startswith(w, group[-1].end) for w in self.task_phrases):
                continue
            rest = text[group[-1].end:verb]
            if any(rest.startswith(w) for w in self.task_phrases):
                return group  # 会议的主要任务是：讨论决定… — the meeting acts
            # …not a verb inside a name of the basis right after them (X根据…议案审查委员会的处理意见
            # holds no 审查)
            unnamed = "".join(c for i, c in enumerate(rest, group[-1].end) if not self.taken[i]) \
                if rest.startswith(tuple(self.via)) else rest
            clause = unnamed[:unnamed.index(self.nominal)] if self.nominal in unnamed else ""
            if (clause and self.re_verb.search(normalise(clause))
                    and not any(c in SEGMENT_END for c in clause)   # a relative clause has no comma
                    and not rest.startswith(tuple(self.aux_marker_words))
                    # X应当在Y审议报告的三十日前，提交…: a modal word makes X the subject
                    and not rest.startswith(self.modal_words)):
                # X讨论决定的事项，应当公布: the names belong to a relative clause (but not in
                # X对于Y主持下达成的协议，应当…, where the clause describes what X acts on)
                return []
            described = self._described_name(groups, text, group[-1].end, verb)
            if described:
                return described  # X在街道设立的工作委员会…应当: the name the clause describes
            rest = text[group[-1].end:]
            pivot = next((w for w in self.pivots if rest.startswith(w)), None)
            if pivot:  # 国务院设副秘书长…，协助秘书长工作: the one set up acts
                after = [m for m in agents if m.start >= group[-1].end + len(pivot)]
                return after[:1]
            return group
        return []

    def _noun_follows(self, text: str, at: int) -> bool:
        """…大会的职工代表名额: the word right after a name is a noun it qualifies."""
        words = self.lex.tag(text[at:at + 4])
        return bool(words) and words[0][1].startswith("n")

    def _aux(self, g, text, mentions, taken, wstart, agents, used) -> list[Party]:
        """The party reported to: roles right after the verb, or after 向 before it."""
        aux: list[Mention] = []
        after = [m for m in mentions if m.start >= g.end and m.entry.kind in AGENT_KINDS]
        pos = g.end
        for m in after:
            gap = text[pos:m.start]
            if pos == g.end:   # 告知相关的居民委员会: a word saying which is part of the name
                gap = next((gap[len(w):] for w in self.noun_modifiers if gap.startswith(w)), gap)
                gap = gap.removeprefix(self.nominal) if gap != text[pos:m.start] else gap
            if aux and gap == self.nominal:
                # 抄告被申请人的上一级主管部门: the name after 的 is the one it goes to, named with
                # whose it is
                aux[-1] = self._named(text[aux[-1].start:m.end], aux[-1].start, m.end)
                pos = m.end
                continue
            # Right after the verb only the name itself; further names only after 、/和/或.
            if gap.strip() and (pos == g.end or gap not in self.coordination):
                break
            aux.append(m)
            pos = m.end
        if aux:
            g.aux_end = pos
        marker = None
        for m in self.re_aux_marker.finditer(normalise(text), wstart, g.start) if self.re_aux_marker else []:
            if not any(taken[m.start():m.end()]):
                marker = m
        if marker and not any(c in text[marker.end():g.start] for c in SEGMENT_END):
            # 向X举报，由Y负责调查 / 对…的罢免案，由主席团提请: 向/对 in another segment, or a bearer
            # marker after it, and the names are not the verb's recipients
            bearer = self._first_marker(text, marker.end(), g.start, taken=taken)
            stop = bearer if bearer is not None else g.start
            before = self._chain([m for m in agents if marker.end() <= m.start < stop], text, marker.end())
            if before:   # 向人民代表大会辞去主席团成员的职务: with 向X, the names after the verb are
                aux = before   # what it is done to
                g.aux_end = None
        for m in aux:
            used.add(m.start)
        return [self._party(m, m.surface) for m in self._expand(aux, text)]

    def _split(self, region: list[Mention], text: str, words: Sequence[str]) -> list[list[Mention]]:
        """Split a list of mentions at words like 或."""
        out: list[list[Mention]] = [[]]
        for i, m in enumerate(region):
            if i and any(w in text[region[i - 1].end:m.start] for w in words):
                out.append([])
            out[-1].append(m)
        return [o for o in out if o]

    def _delegation(self, mentions, text, default):
        """(bearer, delegators, kind) for one alternative: 区长委托第一副区长 -> 第一副区长 by 区长."""
        for i in range(len(mentions)):
            gap = text[mentions[i - 1].end if i else max(0, mentions[0].start - 4):mentions[i].start]
            for word in self.delegation:
                if (word in gap) if i else gap.endswith(word):
                    delegators = tuple(self._party(m, m.surface) for m in mentions[:i]) or default
                    return [(self._party(m, m.surface), delegators, word) for m in mentions[i:]]
        return [(self._party(m, m.surface), (), "") for m in mentions]

    def _expand(self, region: list[Mention], text: str) -> list[Mention]:
        """Read lists of names the way the text means them.

        区政府全体会议其他与会人员   a meeting or body right before a role names whose role it is
        区法院、区检察院负责人       a role head distributes over the bodies listed before it
        区政府办公室主任、副主任     an elliptical name takes the prefix of the one before
        """
        out: list[Mention] = []
        for m in region:
            if m.entry.kind == ROLE and out and self._joined(text, out[-1].end, m.start):
                m = self._ellipsis(out[-1], m)
            head = next((h for h in self.heads if m.surface.endswith(h)), None)
            bare = m.surface == head
            if (not bare and out and out[-1].end == m.start
                    and out[-1].entry.kind in (MEETING, BODY) and m.entry.kind in (POST, ROLE)):
                prev = out.pop()
                m = self._named(prev.surface + m.surface, prev.start, m.end)
            elif head and m.entry.kind in (POST, ROLE):
                k, nxt = len(out), m.start
                # 国务院、最高人民法院的负责人: a bare head after 的 also distributes
                # …应当有一名负责人: so does one the bodies are said to have
                gap = text[out[k - 1].end:nxt] if k else ""
                said = ""   # 居民委员会的成员: the 的 stays in the label, as the text says it
                if bare and k and (gap == self.nominal or (self.re_head_gap is not None
                                                           and self.re_head_gap.fullmatch(gap))):
                    nxt = out[k - 1].end
                    said = self.nominal if gap == self.nominal else ""
                while (k > 0 and out[k - 1].entry.kind in (BODY, MEETING)
                       and self._joined(text, out[k - 1].end, nxt) and (bare or out[k - 1].end < nxt)):
                    k -= 1
                    nxt = out[k].start
                said = said if k == len(out) - 1 else ""   # not 国务院、最高人民法院的负责人's 国务院
                for j in range(k, len(out)):
                    # 有关部门或单位的负责人: the 单位's name (有关单位) carries over to its head
                    full = (out[j].entry.pref if out[j].entry.generic else out[j].surface) + head
                    named = self._named(full, out[j].start, out[j].end)
                    out[j] = Mention(named.entry, out[j].start, out[j].end, out[j].surface + said + head)
                if bare and k < len(out):
                    continue  # a bare head was only there to distribute
            other = next((w for w in self.others if text.endswith(w, 0, m.start)), None)
            if other:  # 其他区政府领导: not the ones named before
                m = Mention(m.entry, m.start - len(other), m.end, other + m.surface)
            either = self.re_level_or.match(m.surface) if self.re_level_or and m.entry.generic else None
            if either:
                one, two, rest = either.groups()
                split = m.start + len(one) + len("或者")
                # 市或者区、县人民政府: the first level takes the head the list after it shares
                # (市人民政府), not the rest of that list (市、县人民政府)
                listed = self.lex.members(two + rest)
                head = listed[0][len(two):] if listed and listed[0].startswith(two) else rest
                out += [self._named(one + head, m.start, split - len("或者")),
                        self._named(two + rest, split, m.end)]
                continue
            out.append(m)
        return out

    def _joined(self, text: str, a: int, b: int) -> bool:
        gap = text[a:b]
        while gap:
            word = next((c for c in self.coordination if gap.startswith(c)), None)
            if not word:
                return False
            gap = gap[len(word):]
        return True

    def _named(self, label: str, start: int, end: int) -> Mention:
        entry = (self.lex.by_label.get(normalise(label))
                 or self.lex.generic_role(label, self.lex.generic_kind(label)))
        return Mention(entry, start, end, label)

    def _ellipsis(self, prev: Mention, m: Mention) -> Mention:
        for i in range(len(prev.surface) - 1, 0, -1):
            label = prev.surface[:i] + m.surface
            if normalise(label) in self.lex.by_label:
                return Mention(self.lex.by_label[normalise(label)], m.start, m.end, label)
        return m

    def _parties(self, mentions: list[Mention]) -> tuple[Party, ...]:
        seen, out = set(), []
        for m in mentions:
            if m.entry.iri not in seen:
                seen.add(m.entry.iri)
                out.append(self._party(m, m.surface))
        return tuple(out)

    def _party(self, m: Mention, label: str) -> Party:
        return Party(m.entry.iri, m.entry.pref, label, m.entry.kind, m.entry.generic)

    # ------------------------------------------------------------ objects

    def _objects(self, g, text, wstart, cs, ce, colon, mentions, used, cond_mask, inherited):
        self.inheritable = False
        if g.subject:  # 秘书长在总理领导下: the one led is the sentence's subject
            return self._parties(g.subject), text[g.subject[0].start:g.subject[-1].end]
        if g.aux_end is not None:  # 协助总理工作: what is done follows the party helped
            seg_end = min([e for s, e in _spans(text, SEGMENT_END, g.aux_end, ce)] or [ce])
            tail = text[g.aux_end:seg_end].strip("，,：:；;。 ")
            if tail:
                return self._forwarded(g, text, wstart, cs, ce, colon, mentions, used, cond_mask,
                                       inherited), tail
        disposed = self._disposed(text, g, wstart, mentions)
        if disposed:
            return disposed
        # 质询案由委员长会议决定交由…审议 / 决定是否提请… / 经主任会议决定由受质询机关…答复: it
        # decides on the 质询案
        past = self._past_whether(text, g.end)
        if self._sends_on(text, past) or (text.startswith(self.themes, past)
                                          and not self.blocked["marker"][past]):
            parties = self._forwarded(g, text, wstart, cs, ce, colon, mentions, used, cond_mask, inherited)
            if parties:
                seg_end = min([e for s, e in _spans(text, SEGMENT_END, g.end, ce)] or [ce])
                return parties, text[g.end:seg_end].strip("，,：:；;。 ")
        if not self._aux_group(g):
            seg_end = min([e for s, e in _spans(text, SEGMENT_END, g.end, ce)] or [ce])
            seg_end = self._predicate_end(text, g.end, seg_end)
            # 会签或联合报区政府审批 / 由区政府制定的文件: a body after a marker acts, it is no object
            after = [m for m in mentions if g.end <= m.start < seg_end and m.start not in used
                     and (m.entry.kind in TOPIC_KINDS
                          or (m.entry.kind == BODY
                              and self._last_marker(text, g.end, m.start, self.taken) is None
                              and not self._owns_post(m, text, mentions)))]
            if after:
                # …各部门召开的各类庆祝会、表彰会等: the names may only modify the object's head
                tail = self._following(text, g, ce)
                end = g.end + len(tail) if tail and text.startswith(tail, g.end) else after[-1].end
                begin = self._qualified_from(text, g.end, after[0].start)
                return self._parties(after), text[begin:max(end, after[-1].end)]
        consented = self._consented(text, g, ce)
        if consented:
            return (), consented
        # 议题材料…报送区政府办公室审核运转: what is sent is the object, not what follows the verb
        sent = g.marker is not None and any(text.startswith(w, g.marker) for w in self.sending)
        follows = self._following(text, g, ce) if g.aux_end is None and not sent else ""
        if follows:
            return self._forwarded(g, text, wstart, cs, ce, colon, mentions, used, cond_mask,
                                   inherited), follows
        recent = self._topic(text, wstart, ce, colon, mentions, used, cond_mask, g.start, g.marker)
        if recent[0]:
            return recent[0], self._topic_text(text, recent[1], g)
        own = self._topic(text, cs, ce, colon, mentions, used, cond_mask, g.start, g.marker)
        if own[0]:
            return own[0], self._topic_text(text, own[1], g)
        own_subject = self._own_subject(text, cs, g, cond_mask, self.first_group)
        if (inherited[0] or inherited[1]) and not own_subject:
            return inherited
        topic = self._topic_segment(text, cs, g, mentions, cond_mask) if own_subject else ""
        if topic:  # 报送区政府的公文代拟文稿，部门主要负责人要认真审核: a noun phrase opens the clause
            self.inheritable = True
            return (), topic
        if self.clause_objects is not None and wstart > cs:
            return self.clause_objects  # …可视情出席，…不再安排其他区政府领导出席: the same thing
        sanctioned = self._sanctioned(text, g, ce)
        if sanctioned:
            return (), sanctioned
        segs = [s for s in _spans(text, SEGMENT_END, wstart, g.start)
                if g.marker is None or s[1] <= g.marker]
        end = segs[-1][1] if segs else wstart
        said = text[wstart:end].strip("，,：: ")
        if (g.bearer_start is not None and wstart < g.bearer_start < end
                and text[:g.bearer_start].rstrip().endswith(tuple(SEGMENT_END))):
            # 常委会举行会议的时候，常委会组成人员应当按时出席: who opens the verb's segment and
            # acts is not what is attended
            said = text[wstart:g.bearer_start].strip("，,：: ") or said
        return (), said or self._theme(text, g, wstart, cond_mask)

    def _qualified_from(self, text: str, start: int, name: int) -> int:
        """临时确定监督议题, 提出代表议案: the nouns right before the first name the verb takes qualify
        it and are part of the object (not 是否列入大会议程's 是否列入, nor words before a 的).
        jieba's tags, matched exactly (extraction.toml object_tags)."""
        pos = name
        for word, tag in reversed(self.lex.tag(text[start:name])):
            w = normalise(word)
            if tag not in self.object_tags or self.re_verb.fullmatch(w) or self.re_marker.fullmatch(w) or (
                    self.re_aux_marker and self.re_aux_marker.fullmatch(w)):
                break   # 列席下级人民代表大会会议, 经大会全体会议: a verb or marker jieba calls a noun
            pos -= len(word)
        return pos

    def _owns_post(self, m: Mention, text: str, mentions: list[Mention]) -> bool:
        """任免市人民检察院和市人民检察院各分院的副检察长: a body listed before 的 and a post is whose
        post is meant, not what the verb is done to."""
        starts = {x.start: x for x in mentions}
        pos = m.end
        while True:
            if text.startswith(self.nominal, pos):
                nxt = starts.get(pos + len(self.nominal))
                return nxt is not None and nxt.entry.kind in (POST, ROLE)
            joiner = next((c for c in self.coordination if text.startswith(c, pos)), None)
            nxt = starts.get(pos + len(joiner)) if joiner else None
            if nxt is None or nxt.entry.kind != BODY:
                return False
            pos = nxt.end

    def _forwarded(self, g, text, wstart, cs, ce, colon, mentions, used, cond_mask,
                   inherited) -> tuple[Party, ...]:
        """质询案由主任会议决定提请常务委员会会议审议: what a forwarding verb sends on is the thing
        the clause is about (its topic, else the thing the clause before was about)."""
        after = self._past_whether(text, g.end)
        if (not any(slug in self.forwarding for slug, _ in g.actions) and not self._sends_on(text, after)
                and not text.startswith(self.themes, after)):
            return ()
        start = g.aux_end if g.aux_end is not None else g.end
        end = min([e for s, e in _spans(text, SEGMENT_END, start, ce)] or [ce])
        if any(start <= m.start < end and m.entry.kind in TOPIC_KINDS
               and not (self._sends_on(text, m.start - 2) or self._sends_on(text, m.start - 1)
                        or self.re_marker.match(normalise(text), m.start - 1)
                        or self._placed(text, start, m.start, self.places)) for m in mentions):
            return ()   # 提请召开区政府二类会议: the thing is named after the verb, not where it goes
        for start in (wstart, cs):
            found = self._topic(text, start, ce, colon, mentions, used, cond_mask, g.start, g.marker)
            if found[0]:
                return found[0]
        return inherited[0]

    def _past_whether(self, text: str, at: int) -> int:
        """决定是否提请: where the words after a verb go on, past a 是否 right after it."""
        return at + next((len(w) for w in self.whether if text.startswith(w, at)), 0)

    @staticmethod
    def _placed(text: str, start: int, at: int, places: tuple[str, ...]) -> bool:
        """…在常委会会议上或有关的专门委员会会议上: is the name at `at` where something is done
        (a locative word opens its stretch since `start`, no segment end between)?"""
        opened = max((text.rfind(w, start, at) for w in places), default=-1)
        return opened >= 0 and not any(c in text[opened:at] for c in SEGMENT_END + CLAUSE_END)

    def _sends_on(self, text: str, at: int) -> bool:
        """决定交由…审议 / 决定提请…: the words at `at` send a thing on."""
        if at < 0 or at >= len(text):
            return False
        if text.startswith(self.forwarding_verbs, at):
            return True
        return not self.blocked["marker"][at] and text.startswith(self.sending, at)  # 报告's 报 sends nothing

    def _theme(self, text: str, g: _Group, wstart: int, cond_mask) -> str:
        """分组名单由常务委员会办事机构拟订: the words before 由 in its segment are what is done."""
        if g.marker is None or not any(text.startswith(w, g.marker) for w in self.themes):
            return ""
        start = max([s for s, e in _spans(text, SEGMENT_END, wstart, g.marker)] or [wstart])
        theme = text[start:g.marker].strip("，,：: ")
        if not theme:   # 是否交由受质询机关再作答复，由主任会议决定
            before = max([s for s, e in _spans(text, SEGMENT_END + CLAUSE_END, 0, start) if s < start - 1]
                         or [0])
            asked = text[before:start].strip("，,：:；;。 ")
            if asked.startswith(self.whether) and not cond_mask[before]:
                return asked
        for w in (*self.alternatives, *self.coordination):  # …，或者由…: a connector names nothing
            theme = theme.removeprefix(w).removesuffix(w)
        # 民兵武器装备应当由…保管: the modal word right before 由 is no part of the thing
        theme = next((theme.removesuffix(w) for w, _ in self.modal if theme.endswith(w)), theme)
        if (len(theme) < 2 or cond_mask[start] or self._has_verb(text, start, g.marker, self.taken)
                or any(w in theme for w, _ in self.modal)
                or self._last_marker(text, start, g.marker, self.taken) is not None):
            return ""
        return theme

    def _occasion(self, segment: str) -> bool:
        """常务委员会举行会议的时候: the meeting being held, not a condition on who acts."""
        said = segment.rstrip("，,：: ")
        return any(said.endswith(o + de + end) for o in self.occasions for de in ("", self.nominal)
                   for end in self.cond_endings)

    def _sanctioned(self, text: str, g: _Group, ce: int) -> str:
        """经委员长会议决定，可以暂不公开有关议程 -> 可以暂不公开有关议程: what X decides or agrees
        to is what the sentence goes on to allow."""
        if (g.marker is None or not any(text.startswith(w, g.marker) for w in self.sanction)
                or not text.startswith(("，", ","), g.end)):
            return ""
        qs, qe = _sentence(text, g.end)
        return text[g.end + 1:min(qe, ce)].strip("，,：:；;。 ")

    def _topic_segment(self, text: str, cs: int, g: _Group, mentions, cond_mask) -> str:
        """The clause's first comma segment before its first bearer, when it is no condition
        and names no party acting (a topic stated as a noun phrase)."""
        first = self.first_group or g
        end = min(x for x in (first.marker, first.bearer_start, first.start) if x is not None)
        spans = [(s, e) for s, e in _spans(text, SEGMENT_END, cs, end) if e <= end]
        for i, (s, e) in enumerate(spans):
            if cond_mask[s]:
                continue
            seg = text[s:e].strip("，,：: ")
            if not seg or self._has_verb(text, s, e, self.taken) or self.nominal not in seg:
                return ""
            # …重要工作，或其他需区政府同意的事项: the list goes on after the comma
            for s2, e2 in spans[i + 1:]:
                if not any(text.startswith(c, s2) for c in self.connectors) or cond_mask[s2]:
                    break
                e = e2
            return text[s:e].strip("，,：: ")
        return ""

    def _put(self, text: str, cs: int, ce: int) -> str:
        """The words after the clause's first 将/把 up to the comma."""
        pos = min([p for w in self.disposal if (p := text.find(w, cs, ce)) >= 0] or [-1])
        if pos < 0:
            return ""
        end = min([e for _, e in _spans(text, SEGMENT_END, pos, ce)] or [ce])
        return text[pos + 1:end].strip("，,：:；;。 ")

    def _consented(self, text: str, g: _Group, ce: int) -> str:
        """必要时，经委员长会议决定，可以暂不公开有关议程: what one consents to ends its segment; the
        next segment of the sentence, opening with a modal word, is what is consented to."""
        if (g.marker is None or not text.startswith(self.consent, g.marker)
                or text[g.end:g.end + 1] not in "，,"):
            return ""
        nxt = g.end + 1
        if not text.startswith(self.modal_words, nxt):
            return ""
        end = min([e for s, e in _spans(text, CLAUSE_END, nxt, ce)] or [ce])
        return text[nxt:end].strip("，,：:；;。 ")

    def _following(self, text: str, g: _Group, ce: int) -> str:
        """不参加接见、合影等活动 / 向其报告工作: the words after the verb up to the comma, when
        they are a noun phrase (not 或联合报…, another predicate, nor 由…, another bearer)."""
        seg_end = min([e for s, e in _spans(text, SEGMENT_END + CLAUSE_END, g.end, ce)] or [ce])
        rest = text[g.end:self._predicate_end(text, g.end, seg_end)].strip("，,：:；;。 ")
        if not rest or any(rest.startswith(c) for c in [*self.connectors, *self.cond_endings, self.nominal]):
            return ""  # 审核后，由…: the verb ends a condition
        put = next((w for w in self.disposal if rest.startswith(w)), "")
        if put:  # 决定将报告交有关的专门委员会审议: what is decided on is what 将 puts forward
            rest = rest[len(put):]
            marker = self._first_marker(rest, 0, len(rest), blocked=False)
            return rest[:marker].strip() if marker else ""
        marker = self._first_marker(rest, 0, len(rest), blocked=False)
        recipient = tuple(self.lex.grammar.bearers.recipient_markers)
        if marker is None and rest.startswith(recipient) and self.nominal not in rest:
            rest = self._listed_on(text, g.end, seg_end, ce) or rest
        words = self.lex.tag(rest)
        activity = any(slug in self.activity_actions for slug, _ in g.actions)
        if marker is not None or (len(words) == 1 and words[0][1] in self.predicate_tags and not activity):
            return ""  # 审核把关: a second verb, not an object (参加表决: an activity is one)
        return rest

    def _predicate_end(self, text: str, start: int, end: int) -> int:
        """答复代表并说明协办单位意见: where a second predicate opens (并 and a verb, jieba's), which
        the object of the verb before it does not run into; else `end`."""
        for w in self.predicate_joins:
            at = text.find(w, start, end)
            while at > start:
                words = self.lex.tag(text[at + len(w):min(end, at + len(w) + 4)])
                if words and words[0][1] in self.predicate_tags and self.nominal not in text[at:end]:
                    return at   # (拟订并提出的法律案: both verbs say which 法律案)
                at = text.find(w, at + 1, end)
        return end

    def _listed_on(self, text: str, start: int, seg_end: int, ce: int) -> str:
        """提出对本级人民代表大会主席、副主席，乡长、副乡长，镇长、副镇长的罢免案: what 对 opens runs on
        past commas through segments of names only, to the 的 and the noun they qualify."""
        pos = seg_end - 1   # the comma that ends the verb's segment
        while pos < ce and text[pos] in "，,":
            nxt = _stop(text, pos + 1, ce, SEGMENT_END + CLAUSE_END)
            owner = text.find(self.nominal, pos + 1, nxt)
            head = range(pos + 1, owner if owner >= 0 else nxt)
            if not head or not all(self.taken[i] or text[i] in self.coordination for i in head):
                return ""
            if owner >= 0:
                return text[start:nxt].strip("，,：:；;。 ")
            pos = nxt
        return ""

    def _disposed(self, text: str, g: _Group, wstart: int, mentions) -> tuple[tuple[Party, ...], str] | None:
        """将讨论方案交司法行政部门审查: what 将/把 puts before the bearer (or the party reported
        to, or the verb) is the object."""
        seg_start = max([s for s, _ in _spans(text, SEGMENT_END, wstart, g.start)] or [wstart])
        stop = g.marker if g.marker is not None and g.marker >= seg_start else g.start
        for m in self.re_aux_marker.finditer(normalise(text), seg_start, stop) if self.re_aux_marker else []:
            stop = m.start()
            break
        pos = max((text.rfind(w, seg_start, stop) for w in self.disposal), default=-1)
        if pos < 0:
            return None
        start = pos + 1
        span = text[start:stop].strip()
        if not span:
            return None
        inside = [m for m in mentions if start <= m.start < stop and m.entry.kind in TOPIC_KINDS]
        return self._parties(inside), span

    def _own_subject(self, text: str, cs: int, g: _Group, cond_mask, first: _Group | None = None) -> str:
        """Words before the verb that are not conditions, modal words or the bearer list:
        a clause that names its own subject (区政府工作中的重大事项，须经…) does not
        inherit the topic of the clause before."""
        first = first or g  # the clause's subject comes before its first verb's bearers
        end = first.marker if first.marker is not None and first.marker >= cs else first.start
        if first.bearer_start is not None and cs <= first.bearer_start < end:
            end = first.bearer_start  # 主办部门应当主动与有关部门协商会签: the bearer is no topic
        kept = "".join(ch for i, ch in enumerate(text[cs:end], cs) if not cond_mask[i])
        for pattern in (self.re_cond_phrase, self.re_not_modal):
            if pattern:
                kept = pattern.sub("", kept)
        for word, _ in self.modal:
            kept = kept.replace(word, "")
        for word in (*self.defeasible, *self.basis, *self.delegation):
            kept = kept.replace(word, "")
        return "".join(re.findall(r"[\u4e00-\u9fff]", kept))

    def _topic_text(self, text: str, first: int, g: _Group) -> str:
        """The comma segment that names the topic, cut at the bearer marker (由/经 …)."""
        start, end = next((s, e) for s, e in _spans(text, SEGMENT_END + CLAUSE_END) if s <= first < e)
        marker = self._first_marker(text, first, end)
        if marker is not None:
            end = marker
        said = text[start:end].strip("，,：:；;。 ")
        # 会议纪要须经…: the modal word before the marker is no part of the thing
        return next((said.removesuffix(w) for w, _ in self.modal
                     if said.endswith(w) and len(said) > len(w)), said)

    def _first_marker(self, text: str, s: int, e: int, blocked: bool = True,
                      taken: Sequence[bool] = ()) -> int | None:
        """The first marker from s to e; none inside a name in `taken` (the 经 of 人大财经委)."""
        not_markers = self.blocked["marker"] if blocked else _mask(text, self.re_not_marker)
        for m in self.re_marker.finditer(normalise(text), s, e):
            if not any(not_markers[m.start():m.end()]) and not any(taken[m.start():m.end()]):
                return m.start()
        return None

    def _topic(self, text, cs, ce, colon, mentions, used, cond_mask, before, marker=None):
        """Meetings, documents and seals before the verb; right before a bearer marker also a body
        (国务院由总理…组成: the 国务院 is what is formed)."""
        start = colon + 1 if colon >= cs and colon < before else cs
        found = [m for m in mentions if start <= m.start < before and m.start not in used
                 and not cond_mask[m.start]
                 and (m.entry.kind in TOPIC_KINDS
                      or (marker is not None and m.entry.kind in (BODY, MEETING)
                          and text[m.end:marker].strip() == ""))]
        if not found:
            return (), -1
        return self._parties(found), found[0].start

    # ------------------------------------------------------------ modality and facts

    def _modality(self, text, s, e, taken, cond_mask, conditional) -> tuple[str, str]:
        norm_text = normalise(text)
        best = None
        for word, kind in self.modal:
            for m in re.finditer(re.escape(word), norm_text[s:e]):
                pos = s + m.start()
                if (any(taken[pos:pos + len(word)]) or cond_mask[pos]
                        or any(self.blocked["modal"][pos:pos + len(word)])):
                    continue
                if best is None or pos > best[0]:
                    best = (pos, kind)
        window = "".join(ch for i, ch in enumerate(norm_text[s:e], s) if not cond_mask[i])
        strength = "defeasible" if any(w in window for w in self.defeasible) else "strict"
        if best:
            return best[1], strength
        return ("permission" if conditional else self.default_modality), strength

    def _deadline_kind(self, text: str, m: re.Match, groups: dict) -> str | None:
        """七日前，将…通知: a span of days before something, read by what its clause then does."""
        q = self.lex.grammar.quantities
        if (q is None or not q.deadlines or "times" in groups or not groups.get("post", "").endswith("前")
                or groups.get("unit") not in ("日", "天", "工作日", "个工作日")):
            return None
        end = min([e for _, e in _spans(text, CLAUSE_END, m.end())] or [len(text)])
        verb = _first_of(text, tuple(q.deadlines), m.end(), end)
        return q.deadlines[verb] if verb else None

    def _fact(self, unit, text, spec, m, topic: tuple[tuple[Party, ...], str]) -> Norm:
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        low: Fraction | None = None
        if "num" in groups:
            value = Fraction(_number(groups["num"]), _number(groups["den"]))
        elif "word" in groups:  # 过半数, 半数 (以上)
            words = spec.get("_ratio") or self.majority
            value = Fraction(words.get(groups["word"]) or words[groups["word"] + "以上"])
        elif "pct" in groups:
            value = Fraction(_number(groups["pct"])) / 100
        elif "times" in groups:
            value = Fraction(_number(groups["times"]), _number(groups.get("n", "1")))
        else:
            value = Fraction(_number(groups["n"]))
            if "n2" in groups:  # 二至四人: the most, and the least as `low`
                low, value = value, Fraction(_number(groups["n2"]))
        unit_name = spec.get("unit") or groups.get("unit", "")
        if not unit_name and ("num" in groups or "pct" in groups):  # 三分之二, 百分之三十, 30%
            unit_name = RATIO
        if "times" in groups:  # 每2周召开1次 -> 1/2 per 周
            unit_name = f"次/{groups['unit']}"
        qs, qe = _sentence(text, m.start())
        strength = "defeasible" if any(w in text[qs:m.start()] for w in self.defeasible) else "strict"
        return Norm(
            id="", action=self._deadline_kind(text, m, groups) or spec["action"], verb=m.group(), bearer=None,
            objects=topic[0], object_text=topic[1], aux=(), condition="", basis="", delegated_by=(),
            delegation="", modality="obligation", strength=strength, source_path=unit.path,
            source_citation=unit.citation, article=unit.article, provision_text=text,
            quote=text[qs:qe], quote_start=qs, quote_end=qe, value=value, unit=unit_name,
            comparator=spec.get("comparator", "") or _comparator(groups), phrase=m.group(), low=low)


def _first_of(text: str, words: Sequence[str], start: int, end: int) -> str | None:
    """The word of `words` that occurs first in text[start:end]."""
    found = [(p, w) for w in words if (p := text.find(w, start, end)) >= 0]
    return min(found)[1] if found else None


def _number(text: str) -> Fraction:
    """Arabic, full-width or Chinese numerals (七, 二十四, 2.5, 半)."""
    text = normalise(text)
    if text == "半":
        return Fraction(1, 2)
    return Fraction(text) if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", text) else Fraction(cn_to_int(text))


def _comparator(groups: dict) -> str:
    """What the phrase says of the value: at least, at most, more than, a range."""
    words = groups.get("pre", "") + groups.get("post", "")
    if "n2" in groups:
        return "range"
    if any(w in words for w in ("不少于", "至少", "以上", "满")):
        return ">="
    if "超过" in words and "不" not in words:
        return ">"
    if any(w in words for w in ("不超过", "最多", "以下", "以内", "内", "前")):
        return "<="
    return "="


def _quantity_patterns(cfg: Quantities | None) -> list[tuple[dict[str, Any], re.Pattern]]:
    """The generic quantity patterns of extraction.toml [quantities], most specific first."""
    if cfg is None:
        return []
    num = f"(?:{cfg.number})"
    units = "|".join(map(re.escape, sorted(cfg.units, key=len, reverse=True)))
    pre = "|".join(map(re.escape, sorted(cfg.before, key=len, reverse=True)))
    post = "|".join(map(re.escape, sorted(cfg.after, key=len, reverse=True)))
    joins = "|".join(map(re.escape, sorted(cfg.range_joins, key=len, reverse=True)))
    spec: dict[str, Any] = {"action": "quantity"}
    pre_g, post_g = f"(?P<pre>{pre})?" if pre else "", f"(?P<post>{post})?" if post else ""
    # A number glued to a letter or digit on the left belongs to something else (第7条, A2).
    edge = r"(?<![第0-9A-Za-z.])"
    out = [
        ({"action": "frequency"}, re.compile(cfg.frequency.replace("{number}", num))),
        (spec, re.compile(rf"{pre_g}{edge}(?P<n>{num})(?:{units})?(?:{joins})"
                          rf"(?P<n2>{num})(?P<unit>{units}){post_g}")),
        (spec, re.compile(rf"{pre_g}(?P<den>{num})分之(?P<num>{num}){post_g}")),
        (spec, re.compile(rf"{pre_g}{edge}(?P<pct>[0-9０-９]+(?:\.[0-9]+)?)[%％]{post_g}")),
        (spec, re.compile(rf"{pre_g}{edge}(?P<n>{num})(?P<unit>{units}){post_g}")),
    ]
    majority = cfg.majority
    if majority:
        words = "|".join(map(re.escape, sorted(majority, key=len, reverse=True)))
        out.append(({"action": "quantity", "unit": "ratio", "_ratio": majority},
                    re.compile(rf"(?P<word>{words})")))
    return out


def _find_all(text: str, word: str, start: int, end: int) -> list[int]:
    out, i = [], text.find(word, start, end)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1, end)
    return out


def _unit_at(m: re.Match) -> int:
    return m.start("unit") if "unit" in m.re.groupindex and m.group("unit") else -1


def _is_date(text: str, m: re.Match) -> bool:
    """2022年2月28日 or 1999年: a date, not a quantity."""
    around = text[max(0, m.start() - 6):m.end() + 6]
    return bool(re.search(r"[0-9０-９]{4}年|[0-9０-９一二三四五六七八九十〇]{1,2}月"
                          r"[0-9０-９一二三四五六七八九十]{1,3}日",
                          around)) and "年" in m.group() + text[m.end():m.end() + 1] + around


def _segment_start(text: str, start: int, pos: int, chars: str = SEGMENT_END) -> int:
    """Where the segment holding pos starts: after the last of `chars` before it, not before start."""
    return max([text.rfind(c, start, pos) + 1 for c in chars] + [start])


def _stop(text: str, pos: int, end: int, chars: str = SEGMENT_END + CLAUSE_END) -> int:
    """Where the first of `chars` after pos stands, else `end` (the end of pos's segment)."""
    return min([e for e in (text.find(c, pos, end) for c in chars) if e >= 0] or [end])


def _ends_in_noun(text: str, nominal: str, most: int) -> bool:
    """Does the text end in 的 + a noun of at most `most` characters (…的质询案)?"""
    return nominal in text and 0 < len(text.rsplit(nominal, 1)[1]) <= most


def _spans(text: str, ends: str, start: int = 0, stop: int | None = None) -> list[tuple[int, int]]:
    """Split text[start:stop] after each character in `ends`; spans include the delimiter."""
    stop = len(text) if stop is None else stop
    out, s = [], start
    for i in range(start, stop):
        if text[i] in ends:
            out.append((s, i + 1))
            s = i + 1
    if s < stop:
        out.append((s, stop))
    return out


def _mask(text: str, pattern: re.Pattern | None, names: Sequence[Mention] = ()) -> list[bool]:
    """True at every character inside a match of pattern, unless one of names starts inside it
    (主持|人大街道工委会议 holds no 主持人)."""
    mask = [False] * len(text)
    starts = {m.start for m in names}
    for m in pattern.finditer(normalise(text)) if pattern else []:
        if not starts.intersection(range(m.start() + 1, m.end())):
            mask[m.start():m.end()] = [True] * (m.end() - m.start())
    return mask


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """The sentence (up to 。) around a position."""
    start = max(text.rfind("。", 0, pos), -1) + 1
    end = text.find("。", pos)
    return start, (len(text) if end < 0 else end + 1)


def extract(reg: Regulation, lexicon: Lexicon | None = None) -> list[Norm]:
    """All norms of a regulation, in document order."""
    return Extractor(lexicon or load_lexicon()).extract(reg)

