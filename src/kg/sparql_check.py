"""Decide whether the public endpoint may run a query: a real SPARQL parser, not a text scan.

The query text is first put through SPARQL's codepoint-escape step (\\uXXXX and
\\UXXXXXXXX are replaced before parsing, anywhere in the query, as the grammar
says); what comes out must hold no further escape, so every parser downstream
(rdflib here, Oxigraph in the worker) reads exactly the same characters. That
text is parsed by rdflib's SPARQL 1.1 grammar; anything it does not accept is
refused (fail closed), an update is refused as such, and the parse tree is
walked for SERVICE anywhere (EXISTS, sub-queries, nested groups, expressions).

`screen` skips the parse (5-50 ms) when the text to be run cannot spell the
keyword at all: with no escape left, a SERVICE needs the seven letters in a row,
so a text without them under any case mapping has none, whatever a tokenizer
would make of it. The engine then parses it alone; an update fails there (the
engine's query entry point takes no updates) and is re-checked for the message.

>>> check('SELECT * WHERE { ?s ?p "SERVICE" }').form
'SELECT'
>>> check('SELECT * WHERE { \\\\u0053ERVICE <http://h/> { ?s ?p ?o } }').refusal.startswith("此端点不允许")
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.errors import bilingual

RE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
         "DescribeQuery": "DESCRIBE"}
SERVICE_REFUSED = bilingual("此端点不允许联邦查询（SERVICE）",
                            "federated queries (SERVICE) are disabled on this endpoint")
UPDATE_REFUSED = bilingual("此端点只读，不接受 SPARQL 更新",
                           "this endpoint is read-only: SPARQL Update is refused")


@dataclass(frozen=True)
class Verdict:
    """What the checker decided: the text to run (`canonical`) and its form, or a refusal.

    `status` is the HTTP status of a refusal: 403 for what the endpoint forbids,
    400 for what is not a query it can read.
    """

    canonical: str = ""
    form: str = ""
    refusal: str | None = None
    status: int = 200


def unescape(query: str) -> str:
    """SPARQL's codepoint-escape step (ValueError on an escape that is not a character).

    >>> unescape('SELECT * { ?s ?p "caf\\\\u00E9" }')
    'SELECT * { ?s ?p "café" }'
    """
    def char(m: re.Match) -> str:
        code = int(m.group(1) or m.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise ValueError(f"\\u escape {m.group()} is not a character")
        return chr(code)
    return RE_ESCAPE.sub(char, query)


def _may_name_service(text: str) -> bool:
    """Whether the letters of SERVICE occur in a row, under any case mapping (ſ, ı …)."""
    return any("service" in t.lower() for t in (text, text.upper(), text.casefold()))


def screen(query: str) -> Verdict:
    """`check`, without the parse when the canonical text cannot name SERVICE (form unknown).

    >>> screen('SELECT * { ?s ?p "caf\\u00e9" }').canonical
    'SELECT * { ?s ?p "café" }'
    >>> screen('SELECT * { ?s ?p "self-service" }').form  # parsed: the letters are there
    'SELECT'
    """
    try:
        canonical = unescape(query)
    except ValueError as exc:
        return _syntax(str(exc))
    if RE_ESCAPE.search(canonical) or _may_name_service(canonical):
        return check(query)
    return Verdict(canonical=canonical)


def _names(node, found: set[str]) -> set[str]:
    """The names of every grammar rule in rdflib's parse tree (ParseResults and CompValues)."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        x = stack.pop()
        if isinstance(x, CompValue):
            found.add(x.name)
            stack.extend(dict.values(x))  # raw values: CompValue.get resolves variables
        elif isinstance(x, ParseResults):
            stack.extend(x)
            stack.extend(v for _, v in x.items())
        elif isinstance(x, (list, tuple)):
            stack.extend(x)
        elif isinstance(x, dict):
            stack.extend(x.values())
    return found


def _syntax(message: str) -> Verdict:
    return Verdict(refusal=bilingual("无法解析此 SPARQL 查询", f"not a SPARQL query this endpoint "
                                                          f"accepts: {message}"), status=400)


def check(query: str) -> Verdict:
    """The verdict for one query text (about 5-50 ms: callers cache it by the text's digest)."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql import parser

    try:
        canonical = unescape(query)
    except ValueError as exc:
        return _syntax(str(exc))
    if RE_ESCAPE.search(canonical):
        # An escape that spells another escape: parsers might disagree on a second pass.
        return _syntax("nested \\u escapes")
    try:
        tree = parser.parseQuery(canonical)
    except RecursionError:
        # the checking parser recurses per pattern: a very long query cannot be proven free of
        # SERVICE, so it is refused with a reason the sender can act on
        return Verdict(refusal=bilingual(
            "查询过长或嵌套过深，无法安全检查（请减少三元组模式或嵌套层数）",
            "query too long or nested too deeply to check safely "
            "(use fewer triple patterns or less nesting)"),
            status=400)
    except (ParseBaseException, ValueError, TypeError, KeyError) as exc:
        try:
            parser.parseUpdate(canonical)
        except Exception:
            return _syntax(str(exc).splitlines()[0][:300] if str(exc) else type(exc).__name__)
        return Verdict(refusal=UPDATE_REFUSED, status=403)
    if "ServiceGraphPattern" in _names(tree, set()):
        return Verdict(refusal=SERVICE_REFUSED, status=403)
    return Verdict(canonical=canonical, form=FORMS[tree[1].name])


@lru_cache(maxsize=256)
def _summary(query: str) -> Verdict:
    verdict = check(query)
    return Verdict(form=verdict.form, refusal=verdict.refusal, status=verdict.status)


def refusal(query: str) -> str | None:
    """Why the endpoint forbids this query (an update, a SERVICE), or None.

    A query that does not parse is not forbidden: the endpoint answers it with a 400
    and the parser's message.
    """
    verdict = _summary(query)
    return verdict.refusal if verdict.status == 403 else None


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE ('' for a query the endpoint refuses)."""
    return _summary(query).form
