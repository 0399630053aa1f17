"""Where the rule reference lives: the address behind SARIF's `helpUri`, the
language server's code links and `hypelint explain`.

The reference is docs/rules.md, one `## HL201` section per rule, and the
pages of the packs documented on their own (docs.py's OWN_PAGES), such as
docs/rules-proselint.md. Its address is `docs-url` in the config (or the
language server's `--docs-url`): the folder that holds those pages, so a
rule's link is `<docs-url>/rules.md#hl201` or
`<docs-url>/rules-proselint.md#hl850`.
Without one, it is the docs folder of the repository the installed package
names in its project URLs, when that is a real public address. When there
is none (this checkout's pyproject names only a placeholder), no link is
made up: SARIF leaves `helpUri` out, the language server its code links, and
`explain` names the page in hypelint's repository.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from hypelint.rules.docs import MAIN_PAGE, reference_page
from hypelint.rules.loader import load_packs

# Where the reference sits in hypelint's own repository, shown when no
# address is known.
REFERENCE_FOLDER = "docs"
# Project-URL labels that name the repository, most telling first.
_REPOSITORY_LABELS = ("repository", "source", "source code", "code", "homepage")
# Hosts that are never a real public address (RFC 2606 and RFC 6761 names).
_RESERVED_SUFFIXES = (".invalid", ".example", ".test", ".localhost", ".local")
_RESERVED_HOSTS = ("localhost", "example.com", "example.net", "example.org")


def is_public(url: str) -> bool:
    """Whether a URL is an http(s) address on a host that can exist."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or "." not in host:
        return False
    subdomains = tuple("." + name for name in _RESERVED_HOSTS)
    return not (host in _RESERVED_HOSTS or host.endswith(_RESERVED_SUFFIXES) or host.endswith(subdomains))


@lru_cache(maxsize=1)
def default_docs_url() -> str | None:
    """The docs folder of the repository the installed package names, or None."""
    from importlib import metadata

    try:
        entries = metadata.metadata("hypelint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return None
    urls = {}
    for entry in entries:
        label, _, url = entry.partition(",")
        urls.setdefault(label.strip().lower(), url.strip())
    for label in _REPOSITORY_LABELS:
        url = urls.get(label, "")
        if is_public(url):
            return url.rstrip("/") + "/blob/main/docs/"
    return None


@lru_cache(maxsize=1)
def _pages_by_code() -> dict[str, str]:
    """The page of each shipped rule: a finding or a SARIF rule names its
    rule by code alone, so the pack is looked up (once, from loaded packs)."""
    return {rule.code: reference_page(rule.pack) for rule in load_packs()}


def rule_page(code: str) -> str:
    """The page of the reference that documents a rule: its pack's own page
    if it has one, else rules.md (where a house rule would be)."""
    return _pages_by_code().get(code, MAIN_PAGE)


def rule_url(code: str, docs_url: str | None = None) -> str | None:
    """A rule's section of the reference, from `docs_url` or the default; None when neither is known."""
    base = docs_url or default_docs_url()
    if not base:
        return None
    return f"{base.rstrip('/')}/{rule_page(code)}#{code.lower()}"


def rule_reference(code: str, docs_url: str | None = None) -> str:
    """Where to read about a rule, for people: its link, else where the file is."""
    return rule_url(code, docs_url) or (
        f"{REFERENCE_FOLDER}/{rule_page(code)}#{code.lower()} in hypelint's repository (set docs-url to link to a published copy)"
    )
