"""Annotators: each finds spans of one kind (page breaks, note anchors, dates, names) in the model."""
