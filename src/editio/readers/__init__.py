"""Readers: one per kind of raw text, each building the same document model."""
