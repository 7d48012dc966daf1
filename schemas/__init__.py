"""The project TEI schema (installed inside the package; edited here at the top of the repository)."""
