"""Who says what: speech acts, quotes, positions."""
