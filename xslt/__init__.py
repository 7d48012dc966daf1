"""XSLT stylesheets of the editions (installed inside the package; edited here at the top of the repository)."""
