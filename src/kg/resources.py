"""Where the project's data lives: ontology/, queries/, shapes/, corpus/, examples/.

The folders sit at the top of the repository (the design card keeps them there) and are
packed into the wheel as ``kg/_data/<name>``; a source checkout or editable install reads
them in place. ``$KG_<NAME>_DIR`` points one folder elsewhere (a user's own corpus,
lexicon or record schema), e.g. ``KG_CORPUS_DIR=/srv/regulations``.

>>> data_dir("queries").joinpath("facts.rq").is_file()
True
"""

from __future__ import annotations

import os
from functools import cache
from importlib.resources import files
from pathlib import Path

NAMES = ("ontology", "queries", "shapes", "corpus", "examples")


@cache
def _packaged_root() -> Path | None:
    root = files("kg").joinpath("_data")
    return Path(str(root)) if root.is_dir() else None


def data_dir(name: str) -> Path:
    """The folder holding one kind of project data; $KG_<NAME>_DIR overrides it."""
    if name not in NAMES:
        raise KeyError(f"unknown data folder {name!r}; one of {NAMES}")
    override = os.environ.get(f"KG_{name.upper()}_DIR")
    if override:
        return Path(override)
    packaged = _packaged_root()
    if packaged is not None:
        return packaged / name
    return Path(__file__).resolve().parents[2] / name


def data_file(name: str, *parts: str) -> Path:
    """A file inside a data folder: data_file("ontology", "qa.toml")."""
    return data_dir(name).joinpath(*parts)
