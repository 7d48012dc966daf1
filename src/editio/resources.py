"""Where the installed stylesheets, schema and data files are."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def xslt(name: str) -> Path:
    return Path(str(files("editio.xslt").joinpath(name)))


def schema(name: str) -> Path:
    return Path(str(files("editio.schemas").joinpath(name)))


def data(name: str) -> Path:
    return Path(str(files("editio.data").joinpath(name)))
