"""Writing the document model as TEI."""
