"""Helpers every page uses: the shared Service, page setup (title, lang, styles), the regulation
header, citations with a visible copy button, links that stay in the tab, the English switch.

>>> chinese(62)
'六十二'
"""

from __future__ import annotations

import html
import re

import streamlit as st

from kg.app.service import Service, corpus, endpoint, shared
from kg.app.service import articles as articles
from kg.numerals import int_to_cn

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-!|~$:])")
# …and what the renderer turns into a link whatever the escapes (http://…, www.…, a@b): a word
# joiner (U+2060, invisible) inside it
_LINKING = re.compile(r"(?i)(?<=[a-z0-9])(?=://)|(?<=\bwww)(?=\.)|(?=@)")
_JOINER = "\u2060"


def md(text: object) -> str:
    r"""Data (a log cell, a regulation's words, a file name) put where Streamlit renders Markdown:
    HTML and every Markdown character escaped and lines joined, so it can neither load an image
    nor make a link, and shows as written.

    >>> print(md("![x](http://h/a.png)").replace("\u2060", "|"))
    \!\[x\]\(http|\://h/a.png\)
    """
    return _MARKDOWN.sub(r"\\\1", esc(text))


def esc(text: object) -> str:
    """Data put inside an HTML block: escaped, on one line (a blank line would end the block and
    let Markdown in), no address made a link."""
    return _LINKING.sub(_JOINER, html.escape(one_line(str(text)), quote=False))


def one_line(markup: str) -> str:
    """HTML made here (a snippet with its hits marked) kept on one line inside its HTML block."""
    return " ".join(markup.splitlines())


# Contrast ≥ 4.5:1 on white for every text colour used here; focus rings visible on every control.
STYLE = """<style>
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible,
[role="button"]:focus-visible, [role="tab"]:focus-visible, [role="option"]:focus-visible,
summary:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid #1d4ed8 !important; outline-offset: 2px !important; border-radius: 4px;
}
.stCaptionContainer, .stCaptionContainer p, [data-testid="stCaptionContainer"],
[data-testid="stCaptionContainer"] p,
[data-testid="stCaption"] p { color: #4a4f5c !important; opacity: 1 !important; }
[data-testid="stSidebarNavLink"] span { color: #262730 !important; }
[data-testid="stCode"] pre, [data-testid="stCode"] code { white-space: pre-wrap !important;
  word-break: break-all; }
.kg-quote { background: #f6f6f3; padding: .6em .8em; border-left: 3px solid #8a5a7a; margin: .3em 0;
  line-height: 1.7; }
.kg-quote mark, .kg-snippet mark, mark { background: #ffe58a; color: #1a1a1a; }
.kg-muted { color: #4a4f5c; }
.kg-cite { font-weight: 600; overflow-wrap: anywhere; }
.kg-head { margin: 0 0 .6em 0; color: #31333f; font-size: .92rem; line-height: 1.6; }
.kg-head b { font-weight: 600; }
.kg-hit { background: #fff3b0; }
.st-key-kg_meta { display: none; }
[data-testid="stMain"] [data-testid="stPageLink"] a span, [data-testid="stSidebarUserContent"]
  [data-testid="stPageLink"] a span { color: #1d4ed8; text-decoration: underline;
  text-underline-offset: 3px; }
[data-testid="stMain"] [data-testid="stPageLink"] a, [data-testid="stMain"] [data-testid="stPageLink"] a *
  { white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  overflow-wrap: anywhere; }
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-top: 3.2rem; padding-left: .8rem; padding-right: .8rem; }
  h1 { font-size: 1.6rem !important; padding-bottom: .2rem !important; }
  .kg-head { font-size: .85rem; }
  .st-key-kg_counts [data-testid="stMetricValue"] { font-size: 1.5rem; }
  .st-key-kg_counts { gap: .4rem 1.2rem; }
}
.st-key-kg_counts { gap: .5rem 3rem; }
</style>"""

# Sets <html lang> (Streamlit's page says "en") from the page's own data; runs in the page, no network.
_META_JS = """export default function ({ data }) {
  const root = document.documentElement;
  const want = data && data.lang;
  if (!want) { return; }
  root.lang = want;
  // Streamlit may rewrite the attribute when it changes pages: put it back.
  if (!window.__kgLang) {
    window.__kgLang = new MutationObserver(() => {
      if (root.lang !== window.__kgLangValue) { root.lang = window.__kgLangValue; }
    });
    window.__kgLang.observe(root, { attributes: true, attributeFilter: ['lang'] });
  }
  window.__kgLangValue = want;
}"""

_COPY_HTML = '<div class="row"><span class="cite"></span><button type="button"></button></div>'
_COPY_CSS = """.row { display:flex; flex-wrap:wrap; gap:.5rem; align-items:center;
  font-family: "Noto Sans CJK SC", "Source Sans Pro", sans-serif; }
.cite { font-size: .95rem; color:#1f2430; overflow-wrap:anywhere; flex: 1 1 14rem; }
button { font: inherit; font-size: .85rem; color:#1f2430; background:#fff; border:1px solid #6b7280;
  border-radius: .4rem; padding: .15rem .7rem; cursor:pointer; min-height: 2rem; }
button:hover { border-color:#1d4ed8; color:#1d4ed8; }
button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }"""
# A real button that copies the citation (the Clipboard API where the page is a secure context,
# else the selection fallback), labelled in words rather than only an icon shown on hover.
_COPY_JS = """export default function ({ parentElement, data }) {
  const cite = parentElement.querySelector('.cite');
  const button = parentElement.querySelector('button');
  cite.textContent = data.text;
  button.textContent = data.label;
  button.setAttribute('aria-label', data.label + '：' + data.text);
  button.onclick = async () => {
    try { await navigator.clipboard.writeText(data.text); }
    catch (e) {
      const area = document.createElement('textarea');
      area.value = data.text; document.body.appendChild(area); area.select();
      document.execCommand('copy'); area.remove();
    }
    button.textContent = data.done;
    button.setAttribute('aria-label', data.done + '：' + data.text);
    setTimeout(() => {
      button.textContent = data.label;
      button.setAttribute('aria-label', data.label + '：' + data.text);
    }, 2500);
  };
}"""

_components: dict = {}


def _component(name: str, **parts):
    """A small inline component, registered once per process."""
    if name not in _components:
        _components[name] = st.components.v2.component(f"regkg.{name}", **parts)
    return _components[name]


@st.cache_resource(show_spinner="载入规章与图谱 / loading the regulations and the graph …")
def _service(url: str, folder: str) -> Service:
    return shared(url, folder)


def service() -> Service:
    """The process-wide Service (embedded store built from $KG_CORPUS_DIR or corpus/, or
    $KG_SPARQL_ENDPOINT); the same object kg.app.service.service() gives."""
    return _service(endpoint(), corpus())


def picked() -> str | None:
    """The regulation the user works in: ?reg= in the URL (then remembered in the session), else
    the one the session remembers; the only one of a one-regulation library; None is the whole
    library."""
    ids = service().entries
    if len(ids) == 1:
        return next(iter(ids))
    want = st.query_params.get("reg")
    if want in ids:
        st.session_state["reg"] = want
    reg = st.session_state.get("reg")
    return reg if reg in ids else None


def is_library() -> bool:
    """More than one regulation: links and addresses then name the regulation (?reg=ID)."""
    return len(service().entries) > 1


def entry(reg: str | None = None):
    """The library entry of a regulation (default: the picked one); None for the whole library."""
    reg = reg or picked()
    return service().entries.get(reg) if reg else None


def title_of(reg: str | None = None) -> str:
    """The regulation's title, with its English title beside it when the switch is on."""
    e = entry(reg)
    if e is None:
        return ""
    return e.title + (f"（{e.title_en}）" if english() and e.title_en else "")


def link_params(params: dict[str, int], reg: str | None = None) -> dict[str, str]:
    """A permalink's query parameters, the regulation first when the library has several:
    {"reg": "huancui-gzgz-2022", "art": "62"}."""
    reg = reg or picked()
    head = {"reg": reg} if reg and is_library() else {}
    return head | {k: str(v) for k, v in params.items()}


def texts() -> dict:
    return service().texts


def relation_zh(relation: str, fallback: str = "") -> str:
    return service().relation_names.get(relation, fallback or relation)


def english() -> bool:
    return bool(st.session_state.get("english"))


def shown_name(name: str, iri: str | None = None) -> str:
    """A post or body's name; with the English toggle on, its English label beside it."""
    if not english():
        return name
    lex = service().lexicon
    # A regulation's own term is not in the lexicon: its canonical name is (区长 -> District Mayor).
    entry = (lex.get(iri) if iri else None) or lex.by_label.get(name)
    return f"{name} ({entry.en})" if entry and entry.en else name


def guarded(page):
    """A page that shows user-facing errors (remote endpoint down …) instead of a traceback."""
    def run_page():
        from kg.errors import KgError
        try:
            page()
        except KgError as exc:
            st.error(md(exc))
    run_page.__name__ = page.__name__
    return run_page


def query_int(name: str) -> int | None:
    """An integer query parameter of ASCII digits, or None when absent or not one (int() would
    read art=1_0 as 10 and Arabic-Indic ٦٢ as 62)."""
    value = st.query_params.get(name)
    return int(value) if value is not None and re.fullmatch(r"[0-9]{1,6}", value) else None


def chinese(n: int) -> str:
    return int_to_cn(n)


def setup(page_title: str) -> None:
    """Every page's first call: a distinct browser title 「页 · 规章名」 (「页 · 规章库」 for the whole
    library), lang="zh-CN", the styles; the picked regulation written back to the address."""
    reg = picked()
    name = entry(reg).title if reg else texts()["scope"]["library"]
    st.set_page_config(page_title=f"{page_title} · {name}" if name and name != page_title else page_title)
    st.html(STYLE)
    _component("meta", js=_META_JS)(key="kg_meta", data={"lang": texts()["page"]["lang"]},
                                     height=0)
    want = st.query_params.get("reg")
    if want and want not in service().entries:
        st.error(texts()["scope"]["unknown"].format(reg=md(want if len(want) <= 60 else want[:60] + "…")))
    elif reg and is_library() and want != reg:
        st.query_params["reg"] = reg  # the address names the regulation the page shows


def header() -> None:
    """The picked regulation's title with its 文号, issuing body, adoption and issue dates; for the
    whole library, how many regulations it holds."""
    e = entry()
    if e is None:
        words = texts()["scope"]
        st.markdown(f'<p class="kg-head"><b>{esc(words["library"])}</b><br>'
                    f'{esc(words["summary"].format(n=len(service().library)))}</p>',
                    unsafe_allow_html=True)
        return
    meta = e.meta
    words = texts()["header"]
    title = title_of(e.id)
    parts = []
    if meta.doc_number:
        parts.append(f"{words['doc_number']} <b>{esc(meta.doc_number)}</b>")
    if meta.issuer:
        parts.append(f"{words['issuer']} {esc(meta.issuer)}")
    if meta.adopted:
        by = f"（{esc(meta.adopted_by)}）" if meta.adopted_by else ""
        parts.append(f"{words['adopted']} {_date(meta.adopted)}{by}")
    if meta.issued:
        parts.append(f"{words['issued']} {_date(meta.issued)}")
    st.markdown(f'<p class="kg-head"><b>《{esc(title)}》</b><br>{" ｜ ".join(parts)}</p>',
                unsafe_allow_html=True)


def _date(d) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def copy_citation(text: str, key: str) -> None:
    """The citation in full, visible, with a labelled copy button beside it (works on a phone)."""
    words = texts()["copy"]
    _component("copy", html=_COPY_HTML, css=_COPY_CSS, js=_COPY_JS)(
        key=key, data={"text": text, "label": words["label"], "done": words["done"]})


def provision_link(label: str, params: dict[str, int], key: str | None = None,
                   reg: str | None = None) -> None:
    """A link to the Browse page that stays in the tab (markdown links open a new one); it names
    the regulation (default: the picked one) when the library holds several."""
    query = link_params(params, reg)
    pages = st.session_state.get("pages")
    label = md(label)   # a citation, a title, the words of a provision: as written
    if pages is None:  # a page rendered on its own (tests): a plain link
        st.markdown(f"[{label}](browse?{'&'.join(f'{k}={v}' for k, v in query.items())})")
        return
    st.page_link(pages["browse"], label=label, query_params=query)


def full_citation(citation: str, reg: str | None = None) -> str:
    """《规章名》第六十二条第（二）项 (default: the picked regulation)."""
    e = entry(reg)
    return f"《{e.title}》{citation}" if e and e.title else citation
