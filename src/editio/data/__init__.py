"""Packaged data: the catalogue of known sources and the default persons register."""
