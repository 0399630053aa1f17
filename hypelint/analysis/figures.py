"""Figures in prose: which numbers are check-worthy statistics, which are not.

A percentage, a sum of money, a large count, a multiplier ("three times as
many", "doubles every year"), a share ("one in five", "half of") or a
ranking is a claim someone measured; so, more vaguely, is a whole as good as
counted ("nearly all", "the vast majority of") or a sum given by its scale
("billions of dollars"). A date, a year, a time, an age, an ordinal, or the number in a
product's or model's name (GPT-4, Llama 3.1 405B, iOS 17) is not.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from hypelint.patterns.alternation import as_one_alternation, word_alternation
from hypelint.analysis.segment import LOWER_WORD

_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_NUMBER_WORD = word_alternation(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundreds thousands millions billions dozens".split() + ["a hundred", "tens of thousands"]
)
# An amount starts where its number starts and takes all of it (possessive):
# tried from every digit of "1.1.1.1..." it read to the end from each, which
# is quadratic in the run. A match never starts inside a number anyway: the
# one starting at the number's first digit comes first.
_AMOUNT = r"(?<!\d)(?<!\d[.,])\d++(?:[.,]\d++)*+"
_MAGNITUDE = r"(?:thousand|million|billion|trillion|bn|m|k|tn)\b"

_NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds",
    "thousands", "millions", "billions", "dozens", "tens",
)
_HALVES = ("half", "third", "thirds", "quarter", "quarters", "fifth", "majority")
# Currencies written out after the amount ("86.7bn Swiss francs", "100,000 kroner").
_CURRENCY_WORD = (
    "dollars|pounds|euros|yuan|yen|rupees|francs|kroner|kronor|krona|roubles|rubles|rand|pesos|riyals|dirhams|"
    "ringgit|baht|zloty|shekels|lira|dinars"
)
_DIGIT = "0"  # stands for "a digit" among the words a form needs
_CURRENCY_SIGN = "$"  # and this for a currency sign
# What follows the first number of a share: "in five", "out of every 4", "of the world's ten".
_SHARE_OF = (
    rf"(?:(?:in|out\s+of)\s+(?:every\s+)?|of\s+the\s+(?:world['’]s\s+|country['’]s\s+)?)(?:{_NUMBER_WORD}|\d+)\b"
)

# Each form a statistic takes, in the order they are tried (the first that
# matches at a position wins), with what it cannot match without: a digit,
# or one of some words. The whole alternation costs about a second per
# megabyte, and most paragraphs hold no digit and none of the words of most
# forms, so a block is searched only with the forms it can hold.
_FORMS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("percent", (_DIGIT,), rf"{_AMOUNT}\s*(?:%|per\s?cent\b|percent\b|percentage\s+points?\b|pp\b)"),
    ("money", (_CURRENCY_SIGN,), rf"[$£€¥₹]\s?{_AMOUNT}(?:\s*{_MAGNITUDE})?"),
    ("money", ("us", "usd", "gbp", "eur", "cny", "rmb"), rf"(?:US\$|(?:USD|GBP|EUR|CNY|RMB)\s?)\s?{_AMOUNT}(?:\s*{_MAGNITUDE})?"),
    ("money", (_DIGIT,), rf"{_AMOUNT}\s*(?:{_MAGNITUDE}\s*)?(?:{_CURRENCY_WORD})\b"),
    ("magnitude", (_DIGIT,), rf"{_AMOUNT}\s*(?:thousand|million|billion|trillion|bn|tn)\b"),
    (
        "magnitude",
        ("thousand", "million", "billion", "trillion", "bn", "tn"),
        r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a|half\s+a)\b\s*(?:thousand|million|billion|trillion|bn|tn)\b",
    ),
    ("count", (_DIGIT,), r"(?<![\w.,-])\d{1,3}(?:,\d{3})+(?![\w.,-]\d)"),
    ("count", (_DIGIT,), r"(?<![\w.,-])\d{3,}(?![\d.,])(?=\s+[a-z])"),
    ("multiple", ("times", "fold"), rf"\b(?:{_NUMBER_WORD}|\d+(?:\.\d+)?)[\s-]+(?:times|fold)\s+(?:more|less|as|[a-z]+er)\b"),
    ("multiple", (_DIGIT,), r"\b\d+(?:\.\d+)?x\s+(?:more|faster|cheaper|better|larger|bigger|higher)\b"),
    # A rate of growth: "2-3x per year", "threefold increase", "doubles every eight months".
    ("multiple", (_DIGIT,), r"\b\d+(?:\.\d+)?(?:\s*[-–]\s*\d+(?:\.\d+)?)?x\s+(?:per|a|each|every)\s+(?:year|month|week|quarter|generation)\b"),
    (
        "multiple",
        ("twofold", "threefold", "fourfold", "fivefold", "tenfold", "hundredfold", "fold"),
        rf"\b(?:{_NUMBER_WORD}|\d+)[\s-]?fold\s+(?:increase|rise|jump|gain|improvement|boost|reduction|drop|decrease|growth|leap)\b",
    ),
    (
        "multiple",
        ("doubles", "doubling", "triples", "tripling"),
        r"\b(?:doubles|doubling|triples|tripling)\s+(?:roughly\s+|about\s+|approximately\s+|nearly\s+|almost\s+)?every\b",
    ),
    (
        "multiple",
        ("doubled", "tripled", "trebled", "quadrupled", "halved", "twice"),
        r"\b(?:doubled|tripled|trebled|quadrupled|halved|twice\s+as)\b",
    ),
    (
        "multiple",
        ("half", "third", "thirds", "quarter"),
        r"\b(?:cut|cuts|reduced?|reduces|slashed?|slashes|fell|falls?|dropped|drops?|grew|grows?|rose|rises?|shrank|"
        r"shrinks?|increased?|increases|decreased?|decreases)\s+(?:[\w'’-]+\s+){0,6}?(?:in|by)\s+"
        r"(?:half|a\s+third|two-thirds|a\s+quarter)\b",
    ),
    (
        "multiple",
        ("double", "doubles", "doubled", "triple", "triples", "tripled", "quadruple", "quadruples", "quadrupled",
         "halve", "halves", "halved"),
        r"\b(?:double|triple|quadruple|halve)[sd]?\s+(?:their|its|the|our|your|his|her)\b",
    ),
    # "one in five", "3 out of 4", "two of the world's five": a number, then a share of another
    ("share", (_DIGIT,), rf"\b\d+\s+{_SHARE_OF}"),
    ("share", _NUMBER_WORDS, rf"\b{_NUMBER_WORD}\s+{_SHARE_OF}"),
    (
        "share",
        _HALVES,
        r"\b(?:half|a\s+third|two[\s-]thirds|a\s+quarter|three[\s-]quarters|a\s+fifth|the\s+majority|a\s+majority)\s+of\b",
    ),
    ("share", ("half",), r"\babout\s+half\s+(?:the|their|its|his|her|our|all)\b"),
    # Time saved or spent at a rate: "4.2 hours per week", "15 hours of housework every week";
    # not the round-the-clock idioms ("24 hours a day", "seven days a week").
    (
        "rate",
        (_DIGIT,),
        r"\b(?!24\s+hours\s+a\s+day|7\s+days\s+a\s+week|365\s+days\s+a\s+year)\d+(?:\.\d+)?\+?\s+"
        r"(?:hours?|minutes?|days?)(?:\s+of\s+[a-z]+)?\s+(?:per|a|an|each|every)\s+(?:day|week|month|year)\b",
    ),
    # A whole as good as counted: "the vast majority of", "nearly all", "most if not all".
    ("whole", ("majority",), r"\b(?:the\s+|a\s+)?(?:vast|overwhelming|great)\s+majority\s+of\b"),
    ("whole", ("all", "every"), r"\b(?:nearly|almost|virtually|practically)\s+(?:all|every)\b(?!\s+(?:the\s+)?(?:time|day|week|year|way|along))"),
    ("whole", ("if",), r"\bmost\s+if\s+not\s+all\b"),
    # A share sized by an adjective: "a growing share of", "a sizable percentage of" (not "a small share").
    (
        "whole",
        ("percentage", "proportion", "share", "fraction"),
        r"\b(?:a\s+)?(?:sizable|sizeable|significant|substantial|large|growing|considerable|huge|big)\s+"
        r"(?:percentage|proportion|share|fraction)\s+of\b",
    ),
    # Vague sums that still claim a scale: "billions of dollars", "a multi-billion dollar race".
    (
        "amount",
        ("millions", "billions", "trillions"),
        r"\b(?:hundreds\s+of\s+|tens\s+of\s+)?(?:millions|billions|trillions)\s+of\s+(?:dollars|pounds|euros|yuan|yen|rupees)\b",
    ),
    # Adoption told by its scale: "millions of users", "hundreds of hospitals", "in more than 25 cities".
    (
        "scale",
        ("hundreds", "thousands", "millions", "billions"),
        r"\b(?:(?:hundreds|tens)\s+of\s+)?(?:hundreds|thousands|millions|billions)\s+of\s+(?:users|customers|"
        r"subscribers|developers|patients|hospitals|clinics|schools|universities|companies|businesses|firms|cities|"
        r"countries|downloads|devices|installations|deployments)\b",
    ),
    (
        "scale",
        ("cities", "countries", "states", "markets", "languages", "hospitals", "schools", "universities", "stores",
         "airports", "clinics"),
        r"\b(?:in|across|to)\s+(?:more\s+than|over|nearly|almost|at\s+least)\s+(?:\d{2,}|twenty|thirty|forty|fifty|"
        r"sixty|seventy|eighty|ninety|a\s+hundred)\s+(?:cities|countries|states|markets|languages|hospitals|schools|"
        r"universities|stores|airports|clinics)\b",
    ),
    ("amount", ("million", "billion", "trillion"), r"\bmulti-?(?:million|billion|trillion)[-\s](?:dollar|pound|euro)\b"),
    (
        "rank",
        ("ranked", "ranks", "rated"),
        r"\b(?:ranked|ranks|rated)\s+(?:as\s+)?(?:the\s+)?(?:first|second|third|top|No\.?\s?\d+|number\s+one|\#\d+|"
        r"\w+-(?:largest|biggest)|(?:second|third|fourth|fifth)[-\s](?:largest|biggest))\b",
    ),
)


@lru_cache(maxsize=None)
def _form_pattern(index: int) -> regex.Pattern:
    # `regex`, not `re`: for a pattern that opens with a look-behind and a
    # digit it skips ahead to the next digit, and searches these up to five
    # times faster (they are compiled on first use, so start-up does not pay).
    return regex.compile(_FORMS[index][2], regex.IGNORECASE | regex.VERSION0)


def _statistics(text: str, forms: list[int]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of what one alternation of the given forms would
    find. Each form is searched on its own: one alternation per set of forms
    would be compiled anew for each of the many sets paragraphs call for."""
    return as_one_alternation(
        (match.start(), index, match.end(), (match.start(), match.end(), _FORMS[index][0]))
        for index in forms
        for match in _form_pattern(index).finditer(text)
    )


# Capitalised words that stand before a count without naming anything:
# approximators and function words opening a sentence, currency codes.
_NOT_A_NAME = (
    "About|Around|Approximately|Almost|Nearly|Roughly|Some|Only|Just|Over|Under|Up|More|Fewer|Less|Than|By|In|Of|"
    "At|On|To|From|For|With|And|But|Or|All|The|Another|Those|These|Its|Their|Our|His|Her|Your|My|Exactly|Between|"
    "Among|Across|Within|Since|Until|After|Before|During|Each|Every|When|While|If|As|So|Yet|Then|Now|Last|Next|This|"
    "That|Total|Least|Most|Median|Average|US|USD|GBP|EUR|CNY|RMB|Rs|INR|HK|NT|Dh|Dhs|SEK|NOK|DKK|CHF|AUD|CAD|NZD|SGD"
)
# Numbers that look like figures but are names, dates or versions.
_NOT_A_FIGURE = re.compile(
    rf"""(?xi)
    \b(?:19|20)\d\d(?:s|/\d\d)?\b(?!\s*(?:%|per\s?cent|people|users|jobs|units|staff|workers))
  | \b\d{{1,2}}\s+{_MONTHS}\b | \b{_MONTHS}\s+\d{{1,2}}\b
  | \b\d{{1,2}}[:.]\d\d\s*(?:am|pm|GMT|BST|UTC)?\b | \b\d{{1,2}}\s*(?:am|pm)\b
  | \baged?\s+\d+ | \b\d+-year-old\b | \b\d+\s+years?\s+old\b
  | \b\d+(?:st|nd|rd|th)\b
  | \b[A-Za-z]+[-‐]?\d+(?:\.\d+)*[A-Za-z]*\b
  | \b(?:version|v|release|model|gen(?:eration)?|series|mark|mk|phase|level|tier|chapter|section|page|episode|season|round|stage|day|week|no\.?
       |flight|route|gate|platform|room|highway|interstate|channel|article|paragraph|clause|exhibit|footnote|figure|table)
      \s*\d+(?:\.\d+)*\b
  | \b(?<!\d\.)\d++(?:\.\d++)*+\s*[BbMm]\b(?=\s+(?:model|parameter))
  | \b(?:first|second|latter|early|late)\s+half\s+of\b | \bhalf\s+of\s+(?:19|20)\d\d\b
  # A stake in a deal: "a 40% stake", "agreed to buy 33% of the brewer".
  | \b\d+(?:\.\d+)?\s*(?:%|per\s?cent)\s+(?:stake|share\s+stake|holding|interest)\b
  | \b(?:buy|buys|buying|bought|acquire|acquires|acquired|acquiring|sell|sells|selling|sold)
      \s+(?:(?:a|an|its|his|her|their|the)\s+)?(?:(?:further|additional|remaining|controlling)\s+)?\d+(?:\.\d+)?\s*(?:%|per\s?cent)
  # A vote's tally: "voted by 229 to 206".
  | \bvoted\s+(?:[\w-]+\s+){{0,3}}?by\s+\d+\s+(?:votes?\s+)?to\s+\d+\b | \bby\s+\d+\s+votes?\s+to\s+\d+\b
  # A share of a unit is a length of time or distance: "a quarter of a century".
  | \b(?:half|a\s+quarter|a\s+third|three[\s-]quarters|two[\s-]thirds)\s+(?:of\s+)?an?\s+(?:century|decade|year|month|week|day|
       hour|minute|second|mile|kilometre|kilometer|lifetime|generation)\b
  # How long something lasted: "for the majority of the event", "for half of the match".
  | \bfor\s+(?:the\s+)?(?:majority|bulk|half|a\s+third|a\s+quarter|three[\s-]quarters)\s+of\s+(?:the|a|an|his|her|their|its|this|that)
      \s+(?:[\w-]+\s+)?(?:event|time|day|night|week|weekend|month|year|season|game|match|race|film|show|meeting|hearing|session|
       period|decade|century|career|tenure|journey|trip|flight|war|campaign|evening|morning|afternoon|summer|winter|spring|autumn)\b
    """
)


_HAS_DIGIT = re.compile(r"\d")
_HAS_CURRENCY_SIGN = re.compile(r"[$£€¥₹]")


def statistics_in(text: str, words: frozenset[str] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each check-worthy figure in a piece of prose;
    `words`, when the caller has them, are the text's lower-case words."""
    present = set(LOWER_WORD.findall(text.lower()) if words is None else words)
    if _HAS_DIGIT.search(text):
        present.add(_DIGIT)
    if _HAS_CURRENCY_SIGN.search(text):
        present.add(_CURRENCY_SIGN)
    forms = [i for i, (_, needs, _) in enumerate(_FORMS) if not present.isdisjoint(needs)]
    found = []
    for start, end, kind in _statistics(text, forms):
        figure = text[start:end]
        if _not_a_figure(text, start, end) or (kind == "money" and _is_price(text, start, end)):
            continue
        if kind == "count" and (_is_year_like(figure) or figure.startswith("0") or _UNIT_AFTER.match(text, end)):
            continue
        if kind == "money" and _CONVERSION.search(text[max(0, start - 25) : start]):
            continue  # "$0.99 (£0.53)": the second sum converts the first
        found.append((start, end, kind))
    return found


# How far around a figure a name, date or version that holds it can reach.
_NAME_REACH = 40


# A name with a number after it, mid-sentence: "Office 365", "IEEE 754",
# "Boeing 737". Not the capitalised words that open a sentence with a count
# ("Some 300 staff", "Over 400 firms") nor currency codes ("USD 500").
_NAME_BEFORE = re.compile(rf"(?<=[a-z,;:(]\s)(?!(?:{_NOT_A_NAME})\b)[A-Z][A-Za-z]*\s$")
_NAME_NUMBER = re.compile(r"\d+(?:\.\d+)*\b(?![.,]\d)")


def _not_a_figure(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies inside a name, date or version. Searched
    around the figure only: most of a paragraph is far from any figure."""
    if text[start : start + 1].isdigit() and _NAME_BEFORE.search(text, max(0, start - _NAME_REACH), start):
        number = _NAME_NUMBER.match(text, start)
        if number and end <= number.end():
            return True
    for found in _NOT_A_FIGURE.finditer(text, max(0, start - _NAME_REACH), end + _NAME_REACH):
        if found.start() <= start and end <= found.end():
            return True
        if found.start() > start:
            break
    return False


_PRICE_BEFORE = re.compile(
    r"(?i)(?:(?:costs?|costing|charges?|charging)(?:\s+(?:users|customers|buyers|subscribers|you|them))?|priced\s+at|"
    r"price\s+of|prices\s+start\s+at|sells?\s+for|retails?\s+(?:at|for)|dividend\s+of|fee\s+of|subscription\s+of|"
    r"available\s+(?:at|for)|starts?\s+at|from|for)"
    r"(?:\s+(?:about|around|roughly|just|only|under|over|nearly|almost|up\s+to))?\s*$"
)
# What a suit claims or a court, regulator or settlement set, whatever its size:
# the suit or ruling the sentence names is its source.
_LEGAL_BEFORE = re.compile(
    r"(?i)(?:(?:sued|suing|sues)\s+(?:[\w'’-]+\s+){0,3}?for|(?:ordered|required|agreed)\s+to\s+pay|fined|"
    r"(?:fine|penalty|damages|settlement|compensation)\s+of|awarded)"
    r"(?:\s+(?:about|around|roughly|just|only|under|over|nearly|almost|up\s+to|more\s+than))?\s*$"
)
_PRICE_AFTER = re.compile(
    r"(?i)^(?:\s*\([^)]{1,25}\))?\s*(?:per\s+\w+|a\s+(?:month|year|head|seat)|each|monthly|annually"
    r"|(?:[\w-]+\s+)?(?:fee|fares?|tickets?|subscription|licence|license|fine|penalty|price(?:\s+tag)?))\b"
)


_MAGNITUDE_WORD = re.compile(r"(?i)(?:bn|tn|m|k|million|billion|trillion)\b")


# A sum that names a prize: "won a $20,000 (£14,800) writing contest".
_PRIZE_AFTER = re.compile(
    r"(?i)^(?:\s*\([^)]{1,25}\))?\s+(?:[\w-]+\s+){0,3}?(?:prize|award|contest|competition|grant|scholarship|"
    r"fellowship|bursary|jackpot|reward|bounty)s?\b"
)


def _is_price(text: str, start: int, end: int) -> bool:
    """What a product costs, or a prize is worth, is a fact of the offer, not
    a statistic to source, nor is a penalty or what a suit claims. Sums in
    millions or billions are market sizes and results, never prices."""
    if _LEGAL_BEFORE.search(text[max(0, start - 40) : start]):
        return True
    if _MAGNITUDE_WORD.search(text[start:end]):
        return False
    return bool(
        _PRICE_BEFORE.search(text[max(0, start - 30) : start])
        or _PRICE_AFTER.match(text[end : end + 20])
        or _PRIZE_AFTER.match(text[end : end + 80])
    )


_UNIT_AFTER = re.compile(
    r"(?i)\s*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|ago|square|sq|feet|foot|ft|metres?|meters?|"
    r"km|kilometres?|miles?|kg|tonnes?|pages?|words?)\b"
)
# A second sum that converts or extends the first: "$0.99 (£0.53)", "€249 or £219", "$0.50 to $1.20".
_CONVERSION = re.compile(
    rf"\d[\d.,]*\s*(?:bn|m|k|tn|million|billion)?\s*(?:{_CURRENCY_WORD})?\s*(?:\(|or|to|and|-|–)\s*(?:about\s+|around\s+|roughly\s+)?$"
)


def _is_year_like(number: str) -> bool:
    # "2,000" is a count: a year is never written with a thousands separator.
    return number.isdigit() and len(number) == 4 and 1800 <= int(number) <= 2199


# `regex`, not `re`: its look-behind has a varying width.
MEASUREMENT = regex.compile(
    r"(?i)(?<![A-Za-z][-‐]?)\b\d+(?:[.,]\d+)?\s*(?:points?|seconds?|s|ms|minutes?|hours?|days?|weeks?|km|miles?|"
    r"kg|tonnes?|tokens?|parameters?|gb|tb|mb|watts?|w|kw|kwh|mwh|gwh|twh|fps|qubits?|cores?|nm|ghz|mph|km/h|"
    r"out\s+of\s+\d+|/\d+)\b"
)


# Figures that claim a scale without measuring it: no evidence for anything.
VAGUE_KINDS = ("whole", "amount", "scale")


def has_figure(text: str) -> bool:
    """A statistic or a measurement: the evidence a superlative needs."""
    return any(kind not in VAGUE_KINDS for _, _, kind in statistics_in(text)) or bool(MEASUREMENT.search(text))
