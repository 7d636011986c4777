"""Temporal expressions, their values, and a source's own publication date."""
