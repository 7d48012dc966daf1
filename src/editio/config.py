"""The project's configuration: ``editio.toml`` in the folder editio is run from.

    [publication]
    publisher = "Example University Library, Digital Editions"
    licence = "This encoding is licensed CC BY 4.0."
    licence_url = "https://creativecommons.org/licenses/by/4.0/"

    [persons]
    register = "persons.toml"     # relative to editio.toml

Everything is optional; without the file editio uses neutral defaults and the packaged register.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .tei.writer import Publication

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG = Path("editio.toml")
LOCAL_REGISTER = Path("persons.toml")


def read(path: Path | None = None) -> dict:
    path = path or CONFIG
    if not path.is_file():
        return {}
    with open(path, "rb") as f:
        return tomllib.load(f)


def load_publication(path: Path | None = None) -> Publication:
    """The publication statement every header carries: ``[publication]``."""
    table = read(path).get("publication", {})
    return Publication(**{k: table[k] for k in ("publisher", "licence", "licence_url") if k in table})


def register_path(path: Path | None = None) -> Path | None:
    """The project's own persons register: ``[persons] register``, else ``persons.toml`` in the
    current folder (where ``editio persons import`` writes), else None (the packaged one)."""
    config_file = path or CONFIG
    name = read(config_file).get("persons", {}).get("register")
    if name:
        return config_file.parent / name
    return LOCAL_REGISTER if LOCAL_REGISTER.is_file() else None
