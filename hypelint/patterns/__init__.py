"""Searching prose fast and safely: many cues as one alternation
(``alternation``), the literal prefilter (``literals``) and the time budget
of rule patterns (``guard``)."""
