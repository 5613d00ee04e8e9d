"""Every RDF namespace the project uses, closed: a misspelt term is an error, not a new IRI.

W3C vocabularies come from rdflib; ELI lists the terms we use; ``kg:`` is closed over
the terms the project's own ontology files declare, so code and ontology cannot drift.

>>> str(KG.Norm)
'https://regkg.example.org/ns/kg#Norm'
>>> KG.Nrom
Traceback (most recent call last):
...
AttributeError: "term 'Nrom' not in namespace 'https://regkg.example.org/ns/kg#'"
"""

from __future__ import annotations

import re

from rdflib import DCTERMS, ORG, PROV, RDF, RDFS, SH, SKOS, XSD
from rdflib.namespace import ClosedNamespace

from kg.hierarchy import LEVELS
from kg.resources import data_dir

KG_IRI = "https://regkg.example.org/ns/kg#"
KGST_IRI = "https://regkg.example.org/ns/subdivision-type/"
ELI_IRI = "http://data.europa.eu/eli/ontology#"
DCT = DCTERMS

ELI = ClosedNamespace(ELI_IRI, [
    "LegalResource", "LegalResourceSubdivision", "is_part_of", "has_part", "number", "id_local",
    "type_subdivision", "cites", "date_document", "in_force", "title", "InForce-inForce",
    "InForce-notInForce", "is_about", "passed_by"])

KGST = ClosedNamespace(KGST_IRI, [lv.name for lv in LEVELS])

# A term is declared where one of our ontology files gives it a type: `kg:term a …`.
_DECLARED = re.compile(r"^kg:([A-Za-z][A-Za-z0-9]*)\s+a\s", re.MULTILINE)


def _kg_terms() -> list[str]:
    terms: set[str] = set()
    for name in ("kg.ttl", "records.ttl"):
        terms |= set(_DECLARED.findall(data_dir("ontology").joinpath(name).read_text(encoding="utf-8")))
    return sorted(terms)


KG = ClosedNamespace(KG_IRI, _kg_terms())

PREFIXES = {"eli": ELI, "org": ORG, "prov": PROV, "skos": SKOS, "dct": DCT, "kg": KG,
            "kgst": KGST, "rdfs": RDFS, "xsd": XSD, "sh": SH, "rdf": RDF}

__all__ = ["DCT", "ELI", "KG", "KGST", "ORG", "PREFIXES", "PROV", "RDF", "RDFS", "SH", "SKOS", "XSD"]
