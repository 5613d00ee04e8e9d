"""Shared fixtures: the seed regulation and its graph are built once per test session."""

from __future__ import annotations

import pytest

from helpers import SEED
from kg.corpus import load
from kg.graph import build_graph
from kg.lexicon import load_lexicon
from kg.store import EmbeddedStore
from kg.validate import Validator


@pytest.fixture(scope="session")
def seed():
    return load(SEED)


@pytest.fixture(scope="session")
def seed_graph(seed):
    return build_graph([seed])


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="session")
def validator(seed_graph, lexicon):
    """The record checks of the seed regulation, built once (validating changes nothing in it)."""
    return Validator(EmbeddedStore(seed_graph), lexicon)


# ---------------------------------------------------------------- third-party stores
# Real servers from Debian (Virtuoso, Jena) and PyPI (Oxigraph), one of each per session:
# see store_servers.py.


@pytest.fixture(scope="session")
def jena_classpath(tmp_path_factory):
    import store_servers
    return store_servers.jena_classes(tmp_path_factory.mktemp("jena-classes"))


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    import store_servers
    with store_servers.virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server


@pytest.fixture(scope="session")
def jena(tmp_path_factory, jena_classpath):
    import store_servers
    with store_servers.jena(tmp_path_factory.mktemp("jena"), jena_classpath, "clerk", "s3cret") as server:
        yield server


@pytest.fixture(scope="session")
def oxigraph_store(tmp_path_factory):
    import store_servers
    with store_servers.oxigraph(tmp_path_factory.mktemp("oxigraph")) as server:
        yield server


@pytest.fixture(scope="session")
def built(seed_graph, tmp_path_factory):
    """The seed graph as kg build writes it (graph.nt, graph.ttl, graph.jsonld)."""
    from kg.graph import write_graph
    out = tmp_path_factory.mktemp("built")
    write_graph(seed_graph, out)
    return out


def pytest_collection_modifyitems(items):
    """Lint, types and the wheel first: a broken package should fail before the slow tests."""
    items.sort(key=lambda item: 0 if item.path.name == "test_quality.py" else 1)
