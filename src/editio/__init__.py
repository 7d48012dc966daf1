"""editio: raw texts of historical documents to validated TEI P5, and reading editions from it."""
__version__ = "0.1.0"
