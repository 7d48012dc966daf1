"""The command line: a thin Click layer over the library API."""
from __future__ import annotations

import click

from . import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="editio")
def main() -> None:
    """Raw texts of historical documents to validated TEI P5, and reading editions from it."""
