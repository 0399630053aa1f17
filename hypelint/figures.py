"""Figures in prose: which numbers are check-worthy statistics, which are not.

A percentage, a sum of money, a large count, a multiplier ("three times as
many"), a share ("one in five", "half of") or a ranking is a claim someone
measured. A date, a year, a time, an age, an ordinal, or the number in a
product's or model's name (GPT-4, Llama 3.1 405B, iOS 17) is not.
"""

from __future__ import annotations

import regex

_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|a\s+hundred|hundreds|thousands|millions|billions|dozens|tens\s+of\s+thousands)"
)
_AMOUNT = r"\d+(?:[.,]\d+)*"
_MAGNITUDE = r"(?:thousand|million|billion|trillion|bn|m|k|tn)\b"

STATISTIC = regex.compile(
    rf"""(?xi)
    (?P<percent> {_AMOUNT}\s*(?:%|per\s?cent\b|percent\b|percentage\s+points?\b|pp\b) )
  | (?P<money> (?:[$£€¥₹]|US\$|(?:USD|GBP|EUR|CNY|RMB)\s?)\s?{_AMOUNT}(?:\s*{_MAGNITUDE})?
             | {_AMOUNT}\s*(?:{_MAGNITUDE}\s*)?(?:dollars|pounds|euros|yuan|yen|rupees)\b )
  | (?P<magnitude> (?:{_AMOUNT}|(?:one|two|three|four|five|six|seven|eight|nine|ten|a|half\s+a)\b)\s*(?:thousand|million|billion|trillion|bn|tn)\b
                 | \b(?:hundreds|thousands|millions|billions|tens\s+of\s+thousands)\s+of\b )
  | (?P<count> (?<![\w.,-])\d{{1,3}}(?:,\d{{3}})+(?![\w.,-]\d) | (?<![\w.,-])\d{{3,}}(?![\d.,])(?=\s+[a-z]) )
  | (?P<multiple> \b(?:{_NUMBER_WORD}|\d+(?:\.\d+)?)[\s-]+(?:times|fold)\s+(?:more|less|as|[a-z]+er)\b
                | \b\d+(?:\.\d+)?x\s+(?:more|faster|cheaper|better|larger|bigger|higher)\b
                | \b(?:doubled|tripled|trebled|quadrupled|halved|twice\s+as)\b
                | \b(?:in|by)\s+(?:half|a\s+third|two-thirds|a\s+quarter)\b )
  | (?P<share> \b(?:{_NUMBER_WORD}|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:{_NUMBER_WORD}|\d+)\b
             | \b(?:half|a\s+third|two[\s-]thirds|a\s+quarter|three[\s-]quarters|a\s+fifth|the\s+majority|a\s+majority)\s+of\b )
  | (?P<rank> \b(?:ranked|ranks|rated)\s+(?:as\s+)?(?:the\s+)?(?:first|second|third|top|No\.?\s?\d+|number\s+one|\#\d+|\w+-(?:largest|biggest)|(?:second|third|fourth|fifth)[-\s](?:largest|biggest))\b
            | \btop\s+(?:\d+|ten|five|three)\b )
    """
)

# Numbers that look like figures but are names, dates or versions.
_NOT_A_FIGURE = regex.compile(
    rf"""(?xi)
    \b(?:19|20)\d\d(?:s|/\d\d)?\b(?!\s*(?:%|per\s?cent|people|users|jobs|units|staff|workers))
  | \b\d{{1,2}}\s+{_MONTHS}\b | \b{_MONTHS}\s+\d{{1,2}}\b
  | \b\d{{1,2}}[:.]\d\d\s*(?:am|pm|GMT|BST|UTC)?\b | \b\d{{1,2}}\s*(?:am|pm)\b
  | \baged?\s+\d+ | \b\d+-year-old\b | \b\d+\s+years?\s+old\b
  | \b\d+(?:st|nd|rd|th)\b
  | \b[A-Za-z]+[-‐]?\d+(?:\.\d+)*[A-Za-z]*\b
  | \b(?:version|v|release|model|gen(?:eration)?|series|mark|mk|phase|level|tier|chapter|section|page|episode|season|round|stage|day|week|no\.?)\s*\d+(?:\.\d+)*\b
  | \b\d+(?:\.\d+)*\s*[BbMm]\b(?=\s+(?:model|parameter))
    """
)


def statistics_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each check-worthy figure in a piece of prose."""
    ignored = [m.span() for m in _NOT_A_FIGURE.finditer(text)]
    found = []
    for match in STATISTIC.finditer(text):
        start, end = match.span()
        kind = match.lastgroup or "figure"
        if kind in ("count", "magnitude") and any(a <= start and end <= b for a, b in ignored):
            continue
        if kind == "count" and _is_year_like(match.group()):
            continue
        found.append((start, end, kind))
    return found


def _is_year_like(number: str) -> bool:
    digits = number.replace(",", "")
    return digits.isdigit() and len(digits) == 4 and 1800 <= int(digits) <= 2199


NUMERIC_EVIDENCE = regex.compile(r"(?<![A-Za-z][-‐]?)\b\d")


def has_figure(text: str) -> bool:
    """Any number outside a product or version name (evidence for a claim)."""
    return bool(statistics_in(text)) or bool(NUMERIC_EVIDENCE.search(text))
