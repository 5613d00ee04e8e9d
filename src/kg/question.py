"""A Chinese question, read: what kind of answer it wants, which duty, which terms, which
circumstance, and the words that say what it is about.

Everything the reading reacts to is data (ontology/qa.toml); a regulation's terms come from
the graph (its posts, bodies, meetings and documents with their short forms).

>>> from kg.lexicon import load_lexicon
>>> reader = Reader(load_config(), TermIndex([]), load_lexicon())
>>> q = reader.read("区长出差了，常务会谁主持？")
>>> (q.kind, q.intent.name, sorted(q.circumstances))
('who', 'chair', ['absence'])
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from kg import config
from kg.lexicon import Lexicon, normalise
from kg.resources import data_file
from kg.terms import long_forms, spelt_in_full

MAX_QUESTION = 300
CLAUSE = re.compile(r"[，,；;。]")  # between the clauses of a question


# 改一改, 看一看, 商量商量: a verb said twice softens the verb the question asks about; it says
# nothing of what the question is about.
REDUPLICATED = re.compile(r"^(.)一\1$|^(..)\2$")


@dataclass(frozen=True)
class IntentSpec:
    """A family of duties people ask about, and the words they use for it."""

    name: str
    label: str
    actions: tuple[str, ...]
    triggers: tuple[str, ...]
    fallback_triggers: tuple[str, ...] = ()
    aux: bool = False   # 向谁/报谁 asks for its auxiliary party (to whom one reports), not its bearer
    # 说了算 names no deed of its own: where no provision answers it, the question's other verb is
    # asked (录取条件能不能放宽，谁说了算 asks who 放宽s)
    deed: bool = False


@dataclass(frozen=True)
class CircumstanceSpec:
    """A kind of circumstance (absence, delegation …): its words in questions and in conditions."""

    name: str
    question: tuple[str, ...]
    condition: tuple[str, ...]
    titles: tuple[str, ...] = ()   # right before a post they make a title (代理县长), not this
    not_before: tuple[str, ...] = ()   # right after a word they make it mean something else
    # …and these only in the clause that asks (谁替区长主持, not 工会替大家提了要求，…向谁报告)
    asking_clause: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExclusionSpec:
    """Words saying when a question is asked that rule out a circumstance (开会期间: not 闭会期间)."""

    question: tuple[str, ...]
    excludes: str


POST_KINDS = ("post", "posts", "role")


def _straddles(found: tuple, mentions) -> bool:
    """Does a trigger at (pos, word) cross the edge of a name, neither holding nor inside it?"""
    start, end = found[0], found[0] + len(found[1])
    return any(start < m.start < end < m.end or m.start < start < m.end < end for m in mentions)


# A term's kind when it names a document: a regulation's own term, or the curated lexicon's scheme.
DOCUMENT_KINDS = ("document", "document-types")


def names_document(m) -> bool:
    """Is the mention only a document kind's name (申请, 请示, 决定书)?"""
    return bool(m.terms) and all(t.kind in DOCUMENT_KINDS for t in m.terms)


def _inside_document(found: tuple, mentions) -> bool:
    """决定书抄给谁: is a trigger at (pos, word) part of a document's name (决定书, 通知书), which
    names the thing and asks no act of it?"""
    start, end = found[0], found[0] + len(found[1])
    return any(m.start <= start and end <= m.end and names_document(m) for m in mentions)


@dataclass(frozen=True)
class QuantitySpec:
    """A kind of quantity question (frequency, share, head count, span of time)."""

    name: str
    cues: tuple[str, ...]
    units: tuple[str, ...]
    # 开几次 asks how often a meeting is held: phrases saying something else is done (每年至少进行
    # 一次) do not answer a question with one of `held` words.
    held: tuple[str, ...] = ()
    done: tuple[str, ...] = ()
    # 多少组成人员到场: one of these right before a post's name asks this kind too
    before_post: tuple[str, ...] = ()
    # Norms of these actions answer first when one of them fits (a quorum before any other share).
    actions: tuple[str, ...] = ()
    # 一年开几次 asks how many times in a period, not how long between them (多久开一次).
    counts: tuple[str, ...] = ()
    # 会员到多少人就必须成立: where no quantity of this kind answers, the question may ask one of
    # these kinds, if its words ask it too (多少人 a head count)
    otherwise: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnswerType:
    """Question words that ask for a kind of answer (什么会 -> a meeting), by words in its name."""

    cues: tuple[str, ...]
    names: tuple[str, ...]


@dataclass(frozen=True)
class PhraseSpec:
    """How a text names the party right before a verb (由X进行审查, 经X同意, 向X请示)."""

    who_markers: tuple[str, ...]
    to_whom_markers: tuple[str, ...]
    links: tuple[str, ...]
    suffixes: tuple[str, ...]
    stop_chars: str
    max_prefix: int
    clause_chars: str
    # 根据X的安排: the one whose deed the text goes by does it
    frames: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConsultSpec:
    """Whose opinion is sought (征求X的意见, 发送X征求意见): the question's words and the text's."""

    asks: tuple[str, ...]
    opinions: tuple[str, ...]
    verbs: tuple[str, ...]
    senders: tuple[str, ...]
    links: tuple[str, ...]
    joins: tuple[str, ...]
    ends: tuple[str, ...]
    about: tuple[str, ...]
    places: tuple[str, ...]
    weighs: tuple[tuple[str, str], ...]
    stop_chars: str
    max_len: int
    cue_window: int
    classed: tuple[str, ...] = ()   # 工商业联合会等企业方面代表组织: a name, then this, then its class


@dataclass(frozen=True)
class RecipientSpec:
    """Where a thing goes, by the question's own word (报给谁 -> 报X, 提交X; 跟谁 -> 与X)."""

    window: int
    links: tuple[str, ...]
    stop_chars: str
    max_len: int
    markers: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class LevelSpec:
    """Levels of government: the words a question or a post name starts with -> the level."""

    words: dict[str, str]
    general: tuple[str, ...]
    deputy: tuple[str, ...]
    bodies: tuple[str, ...]   # what follows a level word when a question names a level (镇政府)
    joins: tuple[str, ...]    # between the level words of one list
    sessions: tuple[str, ...] = ()   # words between a level's 的 and its body (上次)
    locatives: tuple[str, ...] = ()  # words between a level and a name in a question (县里的选举委员会)
    every_level: tuple[str, ...] = ()  # what names every level at once (地方各级人民政府负责人)


@dataclass(frozen=True)
class QAConfig:
    """ontology/qa.toml, typed."""

    question_cues: tuple[str, ...]
    aux_cues: tuple[str, ...]
    fillers: tuple[str, ...]
    extremum_max: tuple[str, ...]
    extremum_min: tuple[str, ...]
    condition_overlap: float
    min_cover: float
    min_cover_on_demand: float
    min_cover_one_named: float
    min_cover_sole_verb: float
    min_cover_synonym: float
    tie: float
    vague: int
    intent: tuple[IntentSpec, ...]
    circumstance: tuple[CircumstanceSpec, ...]
    quantity: tuple[QuantitySpec, ...]
    answer_type: tuple[AnswerType, ...]
    messages: dict[str, str]
    phrase: PhraseSpec
    levels: LevelSpec
    consult: ConsultSpec
    recipient: RecipientSpec
    colloquial: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # 没满 -> 未满: a word's everyday opening and what provisions write for it
    colloquial_openings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    asked_nouns: dict[str, str] = field(default_factory=dict)
    meeting_of: tuple[str, ...] = ()
    after_done: tuple[str, ...] = ()
    light_verbs: tuple[str, ...] = ()
    pro_verbs: tuple[str, ...] = ()   # 做, 搞: stand for the verbal noun of the question
    twice_cue: str = ""               # 报告谁、同时告知谁: a question asking whom twice
    twice_joins: tuple[str, ...] = ()  # what joins its two clauses
    vague_amounts: tuple[str, ...] = ()
    government_posts: tuple[str, ...] = ()
    government_members: tuple[str, ...] = ()
    within_asks: tuple[str, ...] = ()
    before_asks: tuple[str, ...] = ()
    within_ends: tuple[str, ...] = ()
    before_ends: tuple[str, ...] = ()
    recipient_cues: tuple[str, ...] = ()
    goes_to: tuple[str, ...] = ()
    goes_to_joined: tuple[str, ...] = ()
    cue_prepositions: tuple[str, ...] = ()
    stated_amount: str = ""
    setting_regulations: int = 3
    complements: tuple[str, ...] = ()
    exclusion: tuple[ExclusionSpec, ...] = ()
    separable: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()
    nominal_heads: tuple[str, ...] = ()
    motion_fillers: tuple[str, ...] = ()
    when_marks: tuple[str, ...] = ()
    duty_cues: tuple[str, ...] = ()
    determiners: tuple[str, ...] = ()
    answer_classes: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    interrogatives: tuple[str, ...] = ()
    count_asks: tuple[str, ...] = ()
    count_noun: str = ""
    office_heads: tuple[str, ...] = ()
    listed_cases: tuple[str, ...] = ()
    case_margin: float = 0.15


GAP = "…"          # in a cue: a verb of up to three characters may stand there (多久…一次)


@functools.lru_cache(maxsize=1024)
def _cue_pattern(cue: str) -> re.Pattern:
    return re.compile("[^，,。？?、]{0,3}".join(map(re.escape, cue.split(GAP))))


def _cue_matches(cue: str, text: str):
    """Where a cue stands in a question; 多久…一次 finds 多久交一次 and 多久开一次.

    >>> [m.group() for m in _cue_matches("多久…一次", "分析报告多久交一次？")]
    ['多久交一次']
    """
    return _cue_pattern(cue).finditer(text)


def load_config() -> QAConfig:
    """Read ontology/qa.toml strictly (an unknown key is an error naming its line)."""
    return config.load(QAConfig, data_file("ontology", "qa.toml"))


@dataclass(frozen=True)
class TermRef:
    """One of a regulation's terms (or a curated lexicon concept, regulation "")."""

    iri: str
    regulation: str
    kind: str
    name: str
    concept: str | None = None


QUOTES = str.maketrans("", "", "“”‘’\"'「」")


class TermIndex:
    """Every way terms are written -> the terms; longest match over a question."""

    def __init__(self, rows: list[tuple[str, TermRef]]):
        self.by_label: dict[str, list[TermRef]] = {}
        for label, ref in rows:
            # “一府两院”负责人 is asked as 一府两院负责人 too
            for key in {normalise(label), normalise(label).translate(QUOTES)}:
                if len(key) >= 2 and ref not in self.by_label.setdefault(key, []):
                    self.by_label[key].append(ref)
        self.longest = max((len(k) for k in self.by_label), default=0)

    def find(self, text: str, regulations: set[str] | None = None) -> list[Mention]:
        """Non-overlapping matches covering as much of the text as possible, fewer and longer
        ones first: 人大常委会会议 is 人大 + 常委会会议 when both are names, not 人大常委会 + 会议.
        Given `regulations` (IRIs), only their terms and the curated lexicon's count: in a library,
        a word that is a term of some other regulation is no name in this one."""
        by_label = self.by_label
        if regulations is not None:
            by_label = _Scoped(self.by_label, regulations)  # type: ignore[assignment]
        n = len(text)
        best: list[tuple[int, int]] = [(0, 0)] * (n + 1)  # (covered, -mentions) from i to the end
        step: list[int] = [0] * (n + 1)
        for i in range(n - 1, -1, -1):
            best[i], step[i] = best[i + 1], 0
            for size in range(2, min(self.longest, n - i) + 1):
                if text[i:i + size] in by_label:
                    cov, cnt = best[i + size]
                    cand = (cov + size, cnt - 1)
                    if cand > best[i]:
                        best[i], step[i] = cand, size
        out, i = [], 0
        while i < n:
            if step[i]:
                size = step[i]
                out.append(Mention(i, i + size, text[i:i + size], tuple(by_label[text[i:i + size]])))
                i += size
            else:
                i += 1
        return out


class _Scoped:
    """A view of TermIndex.by_label holding only the terms of some regulations (and the lexicon's)."""

    def __init__(self, by_label: dict[str, list[TermRef]], regulations: set[str]):
        self.by_label, self.regulations = by_label, regulations

    def __getitem__(self, key: str) -> list[TermRef]:
        return [r for r in self.by_label[key] if not r.regulation or r.regulation in self.regulations]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self.by_label and bool(self[key])


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str
    terms: tuple[TermRef, ...]


@dataclass
class Question:
    """A question as read."""

    text: str                       # normalised
    kind: str | None                # who, to_whom, quantity; None when it is no question
    intent: IntentSpec | None
    quantity: QuantitySpec | None
    circumstances: set[str]
    mentions: list[Mention]
    topic: str                      # the words that say what it is about
    trigger: str = ""
    extremum: str = ""              # "max" (最多) or "min" (至少) for quantity questions
    answer_names: tuple[str, ...] = ()  # the answer's name must hold one of these (什么会 -> 会议)
    claimed: list[tuple[int, int]] = field(default_factory=list)
    trigger_at: int = -1            # where the trigger stands (-1: none)
    cue_at: int = -1                # where the question word stands (-1: none)
    excluded: frozenset[str] = frozenset()   # circumstances the question rules out (开会期间: recess)

    def trigger_in_name(self) -> bool:
        """Is the trigger part of a name the question uses (决策 in 决策机关)?"""
        return any(m.start <= self.trigger_at < m.end for m in self.mentions)


class Reader:
    """Reads questions with the QA config, a regulation's terms and the curated lexicon."""

    def __init__(self, cfg: QAConfig, terms: TermIndex, lexicon: Lexicon):
        self.cfg = cfg
        self.terms = terms
        self.lex = lexicon
        self.triggers = sorted(((t, it) for it in cfg.intent for t in it.triggers), key=lambda x: -len(x[0]))
        self.fallback = sorted(((t, it) for it in cfg.intent for t in it.fallback_triggers),
                               key=lambda x: -len(x[0]))
        self.circumstance_prefixes = lexicon.grammar.verbs.circumstance_prefixes
        triggers = {t for it in cfg.intent for t in it.triggers}
        self.nouns = tuple(w for w in lexicon.grammar.verbs.ignore_words if w not in triggers)
        self.long_forms = long_forms(lexicon.grammar)
        infix = "|".join(map(re.escape, cfg.separable))
        self._separable = re.compile(f"(?<=([\u4e00-\u9fff]))(?:{infix})(?=([\u4e00-\u9fff]{{1,2}}))") \
            if cfg.separable else None
        # 征几次由谁来定: a count asked inside a who-question (几次) read as the text's noun (次数)
        self._counted = re.compile(f"^(?:{'|'.join(map(re.escape, cfg.count_asks))})(.)$") \
            if cfg.count_asks and cfg.count_noun else None

    def _meetings(self, q: str, mentions: list[Mention], regulations: set[str] | None) -> list[Mention]:
        """县人大开会由谁召集: a body named right before 开会 (qa.toml meeting_of) stands for its
        meeting, where the regulation names one so (人大 -> 人大会议 -> 人民代表大会会议)."""
        out = []
        for m in mentions:
            meeting = m.surface + "会议"
            if q.startswith(self.cfg.meeting_of, m.end) and any(t.kind == "body" for t in m.terms):
                found = self.terms.find(meeting, regulations)
                if len(found) == 1 and found[0].surface == meeting:
                    m = Mention(m.start, m.end, m.surface, found[0].terms)
                else:  # 人大常委会开会: the text's 本级人民代表大会常务委员会会议
                    refs = self._meetings_named(spelt_in_full(meeting, self.long_forms), regulations)
                    m = Mention(m.start, m.end, m.surface, refs) if refs else m
            out.append(m)
        return out

    def _meetings_named(self, full: str, regulations: set[str] | None) -> tuple[TermRef, ...]:
        """The meetings whose name ends with a name spelt in full (…人民代表大会常务委员会会议)."""
        return tuple(dict.fromkeys(
            ref for label, refs in self.terms.by_label.items() if label.endswith(full) for ref in refs
            if ref.kind == "meeting" and (regulations is None or ref.regulation in regulations)))

    def read(self, question: str, regulations: set[str] | None = None) -> Question:
        """The question read; with `regulations` (IRIs), names are looked up among their terms."""
        q = self._joined(normalise(question or "").strip())
        mentions = self._meetings(q, self.terms.find(q, regulations), regulations)
        quantity, qspan = self._longest(q, [(c, spec) for spec in self.cfg.quantity for c in spec.cues])
        if quantity is not None:
            quantity = self._narrowed(q, quantity)
        if quantity is None:
            quantity, qspan = self._counting_posts(q, mentions)
        aux = self._find_any(q, self.cfg.aux_cues)
        who = self._find_any(q, self.cfg.question_cues)
        intent, tspan = self._intent(q, mentions, who[0] if who else -1)
        if tspan and intent is not None and q[tspan[0]:tspan[1]] in intent.triggers:
            # 组成人员有哪些: a trigger of the intent is what is asked, no name the answer speaks of
            mentions = [m for m in mentions if (m.start, m.end) != tuple(tspan)]
        # The asked part is in the last clause; a count in an earlier one is the circumstance
        # (多去几个人列席，要报谁批准 asks who approves).
        asked = who or aux
        if quantity and qspan and asked and asked[0] >= qspan[1] and CLAUSE.search(q, qspan[1], asked[0]):
            quantity, qspan = None, None
        if quantity and qspan and who and not any(w in q[qspan[0]:qspan[1]] for w in self.cfg.interrogatives):
            # 延期的理由和期限由谁提出: a quantity named, not asked (no 几, 多 in it), and 谁 asked
            quantity, qspan = None, None
        # 报谁批准 asks who approves: only a duty with a party on the other side has a to-whom,
        # but 向谁/交给谁 ask where a thing goes whatever the verb.
        recipient = self._find_any(q, self.cfg.recipient_cues) is not None
        # 找谁请假 asks to whom (an aux duty); 找谁批 asks who approves, 找谁反映 where to go
        to_whom = aux and (intent is None or intent.aux or recipient) or (
            intent is not None and intent.aux and self._find_any(q, self.cfg.duty_cues) is not None)
        kind = "quantity" if quantity else "to_whom" if to_whom else "who" if who or aux else None
        circumstances, cspans = set(), []
        for spec in self.cfg.circumstance:
            for word in spec.question:
                pos = q.find(word)
                titled = word in spec.titles and any(
                    m.start == pos + len(word) and any(t.kind in POST_KINDS for t in m.terms)
                    for m in mentions)
                other = self._before_any(q, pos + len(word), spec.not_before) if spec.not_before else False
                told = (pos >= 0 and word in spec.asking_clause and asked is not None
                        and CLAUSE.search(q, min(pos, asked[0]), max(pos, asked[0])) is not None)
                if pos >= 0 and not self._inside(pos, mentions) and not titled and not other and not told:
                    circumstances.add(spec.name)
                    cspans.append((pos, pos + len(word)))
        excluded = frozenset(x.excludes for x in self.cfg.exclusion if x.excludes not in circumstances
                             and any((pos := q.find(w)) >= 0 and not self._inside(pos, mentions)
                                     for w in x.question))
        # A quantity question's verb says what the quantity is of (审查 in 审查要留几个工作日).
        removed = [s for s in [qspan, None if quantity else tspan, aux, who] if s] + cspans
        removed += [(m.start(), m.end()) for w in self.cfg.extremum_max + self.cfg.extremum_min
                    for m in re.finditer(re.escape(w), q)]
        if quantity and self.cfg.stated_amount:   # 挂两个星期行不行: the asker's guess says no topic
            removed += [(m.start(), m.end()) for m in re.finditer(self.cfg.stated_amount, q)]
        quantity_cues = tuple(quantity.cues) if quantity else ()
        for cue in self.cfg.question_cues + self.cfg.aux_cues + quantity_cues:
            for m in _cue_matches(cue, q):
                removed.append((m.start(), m.end()))
        topic = self._topic(q, removed, mentions)
        extremum = "max" if any(w in q for w in self.cfg.extremum_max) else \
            "min" if any(w in q for w in self.cfg.extremum_min) else ""
        answer_names = tuple(n for t in self.cfg.answer_type if any(c in q for c in t.cues) for n in t.names)
        return Question(q, kind, intent, quantity, circumstances, mentions, topic,
                        q[tspan[0]:tspan[1]] if tspan else "", extremum, answer_names=answer_names,
                        claimed=removed, trigger_at=tspan[0] if tspan else -1,
                        cue_at=min((c[0] for c in (who, aux) if c), default=-1), excluded=excluded)

    # -- pieces

    def _joined(self, q: str) -> str:
        """出了缺 -> 出缺, 打个招呼 -> 打招呼: a verb said apart by an infix (qa.toml separable) is
        the verb it makes."""
        if self._separable is None:
            return q
        return self._separable.sub(
            lambda m: "" if any(self.lex.is_verb(m[1] + m[2][:k]) for k in (2, 1)) else m[0], q)

    def _counting_posts(self, q: str, mentions: list[Mention]):
        """多少组成人员, 几名委员: a counting word right before a post's name (a share or a head count)."""
        posts = {m.start for m in mentions if any(t.kind in POST_KINDS for t in m.terms)}
        suffixes = self.lex.grammar.roles.suffixes   # 组成人员, 委员: a post's name by its ending
        for spec in self.cfg.quantity:
            for word in spec.before_post:
                for hit in re.finditer(re.escape(word), q):
                    if hit.end() in posts or q.startswith(suffixes, hit.end()):
                        return spec, (hit.start(), hit.end())
        return None, None

    @staticmethod
    def _inside(pos: int, mentions: list[Mention]) -> bool:
        return any(m.start <= pos < m.end for m in mentions)

    def asks_to_whom(self, text: str) -> bool:
        """Does the question ask for the party on the other side (向谁, 报给谁, 征求谁)?"""
        return self._find_any(normalise(text), self.cfg.aux_cues) is not None

    @staticmethod
    def _find_any(q: str, words) -> tuple[int, int] | None:
        best = None
        for w in sorted(words, key=len, reverse=True):
            pos = q.find(w)
            if pos >= 0 and (best is None or pos < best[0]):
                best = (pos, pos + len(w))
        return best

    def _before_any(self, q: str, at: int, words: tuple[str, ...]) -> bool:
        """Does one of `words` follow at `at`, or after an adverb there (有事确实要请示)?"""
        if q.startswith(words, at):
            return True
        first = next(iter(self.lex.tag(q[at:at + 8])), None)
        return first is not None and first[1] in ("d", "ad") and q.startswith(words, at + len(first[0]))

    def other_quantities(self, q: Question) -> list[QuantitySpec]:
        """The kinds of quantity a question asks where the one read finds nothing (qa.toml
        `otherwise`: 到多少人 asks a quorum, or a head count by its 多少人), narrowed as it is.

        >>> from kg.lexicon import load_lexicon
        >>> r = Reader(load_config(), TermIndex([]), load_lexicon())
        >>> [s.name for s in r.other_quantities(r.read("会员到多少人就应当建立工会？"))]
        ['count']
        """
        if q.quantity is None:
            return []
        return [self._narrowed(q.text, spec) for spec in self.cfg.quantity
                if spec.name in q.quantity.otherwise
                and any(next(_cue_matches(c, q.text), None) for c in spec.cues)]

    def _narrowed(self, q: str, spec: QuantitySpec) -> QuantitySpec:
        """任期是多长时间: a span of time (多长时间) of a term of office (任期) is counted in the
        units both kinds allow (years); the longest cue's kind when they share none."""
        units = set(spec.units)
        for other in self.cfg.quantity:
            if other is not spec and any(next(_cue_matches(c, q), None) for c in other.cues):
                if units & set(other.units):
                    units &= set(other.units)
        if units == set(spec.units):
            return spec
        return replace(spec, units=tuple(u for u in spec.units if u in units))

    @staticmethod
    def _longest(q: str, table):
        for word, spec in sorted(table, key=lambda x: -len(x[0])):
            m = next(_cue_matches(word, q), None)
            if m is not None:
                return spec, m.span()
        return None, None

    def _intent(self, q: str, mentions: list[Mention], cue: int):
        """The trigger after the question word (由谁签发), else the last; triggers inside a
        term's name count only when no other is there (会议主持人 holds 主持)."""
        masked = list(q)
        for m in mentions:
            masked[m.start:m.end] = ["\0"] * (m.end - m.start)
        # …and the nouns built from a verb that are no trigger of their own (负责人 holds 负责)
        for word in self.nouns:
            for hit in re.finditer(re.escape(word), q):
                masked[hit.start():hit.end()] = ["\0"] * len(word)
        # The verb right after the question word wins even when a name holds it (向谁请示报告,
        # where 请示报告 is also a document kind); else a verb outside names (重大行政决策 is a
        # name, 决定 the verb), else any.
        passes = [("".join(masked), table) for table in (self.triggers, self.fallback)] + \
                 [(q, table) for table in (self.triggers, self.fallback)]
        bounds = self._bounds(q)
        # A one-character verb (管, 批, 签) counts only as a word of its own: 属地管理 says no 管.
        # …and never a verb that straddles a name's edge (提议案 is 提 and 议案, no 提议)
        # …and a question word ends where a word does (哪些人大机关 is 哪些 and 人大机关, no 哪些人)
        founds = [[f for f in self._claim(text, table) if (len(f[1]) > 1 or
                   (f[0] in bounds and f[0] + 1 in bounds)) and not _straddles(f, mentions)
                   and (table is not self.fallback or f[0] + len(f[1]) in bounds)]
                  for text, table in passes]
        for found in founds:
            after = [f for f in found if f[0] > cue]
            if len(after) > 1 and q.endswith(self.cfg.determiners, 0, after[0][0]):
                after = after[1:]   # 哪些领导要列席: the noun the question word picks is no verb
            if after and cue >= 0:
                pos, word, intent = after[0]
                # …right after it, or after a word or two saying how (负责对外公布)
                following = next((f for f in after[1:] if 0 <= f[0] - pos - len(word) <= 2
                                  and (f[0] == pos + len(word) or q[pos + len(word):f[0]].isalpha())),
                                 None)
                if word in self.cfg.light_verbs and following:
                    pos, word, intent = following
                return intent, (pos, pos + len(word))
        for found in founds:
            # 居民公约定好以后要报哪儿备案: a verb followed by 以后 says when, not what is asked
            found = [f for f in found if not q.startswith(self.cfg.after_done, f[0] + len(f[1]))
                     and not self._says_when(q, f[0] + len(f[1]), cue)
                     and not _inside_document(f, mentions)]
            if found:
                pos, word, intent = found[-1]
                return intent, (pos, pos + len(word))
        return self._synonym_intent(q, cue)

    def _says_when(self, q: str, end: int, cue: int) -> bool:
        """决定受不受理以后，…还要通报谁: a verb whose clause, ending in 以后, comes before the
        question word's says when, not what is asked."""
        m = CLAUSE.search(q, end)
        return (m is not None and 0 <= cue and m.start() < cue and m.start() - end <= 8
                and q.endswith(self.cfg.after_done, end, m.start()))

    def _bounds(self, q: str) -> set[int]:
        """Where jieba's words of the question begin and end; jieba's 来定 (谁来定) is 来 and 定."""
        from kg.search import tokenizer

        out, pos = {0}, 0
        for word in tokenizer().cut(q):
            if len(word) == 2 and word[0] in self.cfg.motion_fillers:
                out.add(pos + 1)
            pos += len(word)
            out.add(pos)
        return out

    def _synonym_intent(self, q: str, cue: int):
        """A verb no trigger names (谁来拟, 由谁核准): its true synonyms in 同义词词林 may be one."""
        from kg.search import tokenizer
        from kg.synonyms import synonyms

        by_word = {t: it for t, it in self.triggers}
        fillers = set(self.cfg.fillers)  # 可以 is a modal word, whatever 词林 lists beside it
        pos, found = 0, []
        for word in tokenizer().cut(q):
            hits = {by_word[s].name: by_word[s] for s in synonyms(word) if s in by_word}
            if len(hits) == 1 and len(word) >= 2 and word not in fillers:
                found.append((pos, word, next(iter(hits.values()))))
            pos += len(word)
        if not found:
            return None, None
        after = [f for f in found if f[0] > cue]
        pos, word, intent = after[0] if after else found[-1]
        return intent, (pos, pos + len(word))

    def _claim(self, text: str, table) -> list[tuple[int, str, IntentSpec]]:
        taken = [False] * len(text)
        found = []
        for word, intent in table:
            pos = text.find(word)
            while pos >= 0:
                span = range(pos, pos + len(word))
                if not any(taken[i] for i in span) and not any(
                        text[:pos].endswith(p) for p in self.circumstance_prefixes):
                    found.append((pos, word, intent))
                    for i in span:
                        taken[i] = True
                pos = text.find(word, pos + 1)
        return sorted(found, key=lambda f: f[0])

    def _topic(self, q: str, removed: list[tuple[int, int]], mentions: list[Mention]) -> str:
        """The question's topic as words: the names it uses, and the other words left once its
        cue, verb and circumstance words and fillers are gone (words of one character and Latin
        letters outside names say nothing here). 常务会议议题 -> "常务会议 议题"."""
        from kg.search import tokenizer

        keep = [True] * len(q)
        asked = [(m.start(), m.end(), noun) for w, noun in self.cfg.asked_nouns.items()
                 for m in re.finditer(re.escape(w), q)]
        gone = [(s, e) for s, e, _ in asked]
        # 哪些机关要作工作报告: the class of the answer, which provisions write as names, is no topic
        gone += [(m.end(), m.end() + len(c)) for d in self.cfg.determiners
                 for m in re.finditer(re.escape(d), q) for c in self.cfg.answer_classes
                 if q.startswith(c, m.end()) and not self._inside(m.end(), mentions)]
        for s, e in removed + gone:
            for i in range(s, e):
                keep[i] = False
        names = {m.start: m for m in mentions}
        fillers = set(self.cfg.fillers)
        when = set(self.cfg.when_marks)
        words: list[str] = []
        run = ""

        def flush(text: str) -> None:
            for word in tokenizer().cut(text):
                word = word.strip()
                if self._counted is not None and (m := self._counted.match(word)):
                    word = m[1] + self.cfg.count_noun   # 几次 -> 次数
                if (len(word) >= 2 and word not in fillers and re.search(r"[\u4e00-\u9fff0-9]", word)
                        and not REDUPLICATED.match(word) and not (word[0] in when and word[1:] in fillers)):
                    words.append(word)

        i = 0
        while i < len(q):
            if i in names:
                flush(run)
                run = ""
                words.append(names[i].surface)
                i = names[i].end
                continue
            run += q[i] if keep[i] else " "
            i += 1
        flush(run)
        # 哪天开 asks the 日期, 在哪儿开 the 地点 (the question words themselves are gone)
        words += [noun for noun in dict.fromkeys(noun for _, _, noun in asked) if noun not in words]
        return " ".join(words)
