"""The extraction grammar (ontology/extraction.toml) read once into typed, frozen objects.

Every section is checked at load time: an unknown key (a misspelt `marker`), a missing one or
a value of the wrong type is a ConfigError naming the file and line, never a rule that is
silently skipped while extracting.

>>> g = load_grammar()
>>> g.actions["签发"], "由" in g.bearers.markers, g.citations.open
('issue', True, '《')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg import config
from kg.resources import data_file

Words = tuple[str, ...]


@dataclass(frozen=True)
class Verbs:
    """[verbs]: how verbs group and when a verb is not a duty."""

    aux_after: Words
    connectors: Words
    circumstance_prefixes: Words
    ignore_words: Words
    verb_tags: Words = ()
    predicate_tags: Words = ()
    activity_actions: Words = ()
    forwarding: Words = ()
    leading: Words = ()
    comparison: Words = ()
    nominal_mark: str = "的"
    noun_modifiers: Words = ()
    kind_words: Words = ()
    noun_heads: Words = ()
    list_mark: str = "、"
    action_takers: Words = ()
    list_ends: Words = ()
    object_tags: Words = ()
    light_verbs: Words = ()
    light_objects: dict[str, str] = field(default_factory=dict)
    light_recipients: Words = ()
    light_only: Words = ()
    predicate_joins: Words = ()
    time_frames: tuple[tuple[str, str], ...] = ()
    noun_after: Words = ()


@dataclass(frozen=True)
class Bearers:
    """[bearers]: the words around who acts (由, 经, 报 …) and how lists of them are read."""

    markers: Words
    not_markers: Words
    aux_markers: Words
    delegation: Words
    alternatives: Words
    coordination: Words
    distributive_heads: Words
    head_senders: Words = ()
    head_measures: Words = ()
    passive_markers: Words = ()
    recipient_markers: Words = ()
    under: Words = ()
    via: Words = ()
    disposal: Words = ()
    disposal_results: Words = ()
    undergo: Words = ()
    sending: Words = ()
    sanction: Words = ()
    themes: Words = ()
    whether: Words = ()
    bare_roles: Words = ()
    bare_role_followers: Words = ()
    open_frames: tuple[tuple[str, str], ...] = ()
    hypothetical: Words = ()
    list_joiners: Words = ()
    list_closers: Words = ()
    list_heads: Words = ()
    resume: Words = ()
    resume_after: Words = ()
    topic_markers: Words = ()
    subject_closers: Words = ()
    locative: tuple[tuple[str | Words, ...], ...] = ()
    not_locative: Words = ()
    comitative: Words = ()
    others: Words = ()
    subject_leads: Words = ()
    receipts: Words = ()
    circumstance_ends: Words = ()
    task_phrases: Words = ()
    pivots: Words = ()
    pivot_verbs: Words = ()
    designations: Words = ()
    pronouns: Words = ()
    listed_subjects: Words = ()
    causatives: Words = ()
    consent: Words = ()
    senders: Words = ()
    carry_openers: Words = ()
    item_leads: Words = ()
    item_lists: Words = ()
    item_list_nouns: Words = ()
    copulas: Words = ()
    carry_over: Words = ()
    respectively: str = ""
    composition: Words = ()
    proposal_frames: Words = ()
    member_copulas: Words = ()
    member_nouns: Words = ()
    member_action: str = ""
    period_ends: Words = ()
    proposals: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Roles:
    """[roles]: names the lexicon lacks, found by their suffixes."""

    suffixes: Words
    stop_chars: str = ""
    max_prefix: int = 10
    common_noun_tags: Words = ()
    name_words: Words = ()
    noun_stop_chars: str = ""
    former: str = ""
    compound_noun_tags: Words = ()
    name_word_tags: Words = ()
    not_names: Words = ()
    departments: Words = ()
    agent_suffixes: Words = ()
    work_named: Words = ()
    not_work_named: Words = ()
    level_words: Words = ()
    level_joins: Words = ()
    level_leads: Words = ()
    relative_leads: Words = ()
    founders: Words = ()
    places: Words = ()
    jurisdictions: Words = ()
    attributive_prefixes: Words = ()
    possessives: Words = ()
    needs_prefix: Words = ()
    not_name_start: Words = ()
    not_name_words: Words = ()
    name_start: Words = ()
    name_breakers: Words = ()
    manner_words: Words = ()
    open_list_words: Words = ()
    bound_suffixes: str = ""
    not_followed_by: str = ""
    overlapping: dict[str, str] = field(default_factory=dict)
    overlap_kept: dict[str, Words] = field(default_factory=dict)
    body_suffixes: Words = ()
    owned_documents: Words = ()
    meeting_suffixes: Words = ()
    document_suffixes: Words = ()
    counted_groups: Words = ()
    pronoun_possessives: Words = ()
    counted_links: Words = ()
    listed_groups: Words = ()
    deputies: Words = ()
    managed_heads: Words = ()


@dataclass(frozen=True)
class Modality:
    """[modality]: modal words by kind; the nearest before the verb wins."""

    obligation: Words
    permission: Words
    prohibition: Words
    default: str
    defeasible: Words = ()
    not_modal: Words = ()


@dataclass(frozen=True)
class Conditions:
    """[conditions]: which comma segments and phrases state a condition."""

    segment_endings: Words
    phrases: Words
    framed_endings: Words = ()
    verbs: Words = ()
    frames: tuple[Words, ...] = ()
    negation: str = "不"
    occasions: Words = ()
    anaphors: Words = ()
    deadline_frames: Words = ()
    qualifiers: Words = ()
    basis: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Fact:
    """One [[facts]] rule: a quantitative meeting rule read with a regular expression."""

    action: str
    pattern: str
    comparator: str = ""
    unit: str = ""


@dataclass(frozen=True)
class References:
    """[references]: how a regulation names itself and its neighbouring provisions."""

    self_names: Words
    this_article: str
    previous_paragraph: str
    previous_article: str
    previous_paragraphs: dict[str, int] = field(default_factory=dict)
    list_joins: Words = ()


@dataclass(frozen=True)
class Citations:
    """[citations]: citations of other documents by title."""

    open: str
    close: str
    drop_prefixes: Words
    short_title_markers: Words
    min_last_words: int
    min_short_title: int


@dataclass(frozen=True)
class Terms:
    """[terms]: the short forms of a regulation's terms."""

    jurisdiction_prefixes: Words = ()
    contractions: dict[str, str | Words] = field(default_factory=dict)
    final_contractions: dict[str, str | Words] = field(default_factory=dict)
    initials: dict[str, str | Words] = field(default_factory=dict)


@dataclass(frozen=True)
class Quantities:
    """[quantities]: any other quantity a provision fixes."""

    number: str
    units: Words
    frequency: str
    before: Words = ()
    after: Words = ()
    not_units: Words = ()
    range_joins: Words = ("至", "到", "-", "－", "～")
    majority: dict[str, str] = field(default_factory=dict)
    deadlines: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Grammar:
    """The whole of extraction.toml."""

    actions: dict[str, str]
    verbs: Verbs
    bearers: Bearers
    roles: Roles
    modality: Modality
    conditions: Conditions
    references: References
    citations: Citations
    terms: Terms = Terms()
    quantities: Quantities | None = None
    facts: tuple[Fact, ...] = ()


def read_grammar(path: Path) -> Grammar:
    """A grammar file, strictly (ConfigError with file and line on any mistake)."""
    return config.load(Grammar, path)


@cache
def load_grammar() -> Grammar:
    """The shipped grammar, read once per process."""
    return read_grammar(data_file("ontology", "extraction.toml"))
