"""The catalogue of known sources: citations for the TEI header, looked up by SHA-256."""
from __future__ import annotations

import sys
from functools import lru_cache

from . import resources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, dict[str, str]]:
    with open(resources.data("catalogue.toml"), "rb") as f:
        return tomllib.load(f)


def lookup(sha256: str) -> dict[str, str] | None:
    return _catalogue().get(sha256)
