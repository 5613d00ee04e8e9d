"""Shared fixtures: the seed regulation and its graph are built once per test session."""

from __future__ import annotations

import pytest

from helpers import SEED
from kg.corpus import load
from kg.graph import build_graph


@pytest.fixture(scope="session")
def seed():
    return load(SEED)


@pytest.fixture(scope="session")
def seed_graph(seed):
    return build_graph([seed])
