"""Talks, summits, visits and calls: what, when, who, where."""
