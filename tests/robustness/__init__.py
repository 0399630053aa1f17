"""Robustness: hostile input, property-based tests, safe user rules, nothing lost."""
