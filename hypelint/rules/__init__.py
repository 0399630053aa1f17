"""Rules as data: loading the packs of YAML rules (``loader``), the word lists
they name (``lexicon``), their documentation (``docs``) and where it is
published (``docs_url``)."""
