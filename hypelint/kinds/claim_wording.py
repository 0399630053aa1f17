"""How a claim cue reads among the words around it (claim-needs-evidence).

A superlative or a peacock word is the writer's own praise only when the
words around it let it be: not a name ("Best Buy"), not negated ("not the
first"), not held at a distance ("touted as the most advanced", "arguably
the best", "while impressive, ..."), not surprise at a fact ("it is
remarkable that ..."), and not the head of an argument's noun phrase ("the
greatest barrier"). The claim-needs-evidence kind asks these of each cue
before it looks for what backs the claim.
"""

from __future__ import annotations

import re

from hypelint.analysis.context import NEGATION
from hypelint.analysis.segment import LOWER_WORD


# "..., said Dr Jane Doe, a " / "according to Jane Doe, the ": what follows
# describes the source, in the writer's words.
_SOURCE_APPOSITIVE = re.compile(
    r"\b(?:said|says|told|explained|added|noted|according\s+to)\s+(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir)\.?\s+)?"
    r"(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*,\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}$"
)


def describes_source(text: str, start: int) -> bool:
    """Whether the cue describes a source just named ("said Jane Doe, a renowned expert")."""
    return bool(_SOURCE_APPOSITIVE.search(text, max(0, start - 90), start))


_NEXT_CHAR = re.compile(r"\s*(\S)")


def is_name(text: str, start: int, phrase: str) -> bool:
    """A cue capitalised where a sentence does not start is part of a name."""
    words = phrase.split()
    first = next((w for w in words if w[:1].isalpha() and w.lower() not in ("the", "a", "an", "its", "one", "of")), "")
    if not first or not first[0].isupper():
        return False
    position = text.find(first, start)
    before = position
    while before > 0 and text[before - 1].isspace():  # not text[:position].rstrip(): a copy per cue
        before -= 1
    if position == 0 or text[before - 1 : before] in (".", ":", "\"", "“", "—"):
        # At a sentence's start a capital means nothing, unless a capitalised
        # word follows: "Remarkable Labs opened an office".
        following = _NEXT_CHAR.match(text, position + len(first))
        return bool(following) and following.group(1).isupper() and len(words) == 1
    return True


# Negations that intensify rather than deny ("nothing short of", "not only").
_NOT_DENIAL = re.compile(r"(?i)(?:nothing|no)\s+(?:short\s+of|less\s+than)\s*$|not\s+only\s*$|never\s+before\s*$")


def negated(text: str, start: int) -> bool:
    """A negation in the few words before the cue ("not the first", "never the best")."""
    before = text[max(0, start - 25) : start]
    # within the cue's own clause: "like no other, it is in a league of its own"
    before = _CLAUSE_BREAK.split(before)[-1]
    return bool(NEGATION.search(before)) and not _NOT_DENIAL.search(before)


_CLAUSE_BREAK = re.compile(r"[,;:—–]\s")


# Words a heading noun phrase stops at: "the best model for the problem" is
# about the model, whatever follows "for".
_PHRASE_END = frozenset(
    "of for to in on at with by from than as that which who whose where when while but about into over under through "
    "across among between since after before behind beyond within without per like".split()
)
_NEXT_WORDS = re.compile(r"[\w’'-]+|[^\w\s]")


def praises(word_sets: tuple[frozenset, ...], phrase: str, text: str, end: int, opens: bool) -> bool:
    """Whether the cue praises, judging by the words right after it: an
    intensifier needs a praise word next; a superlative heading an argument's
    noun ("the greatest barrier") or an award ("the best actress award")
    praises nothing, nor one that opens its sentence to frame the writer's
    point ("The best way to start is ...", `opens`). `word_sets`: the rule's
    intensifiers, praise words, argument heads and opening heads."""
    intensifiers, praise, heads, opening_heads = word_sets
    if not intensifiers and not heads and not opening_heads:
        return True
    following = []
    for word in _NEXT_WORDS.finditer(text, end, min(len(text), end + 60)):
        token = word.group().lower()
        if not token[0].isalnum() or token in _PHRASE_END:
            break
        following.append(token)
        if len(following) == 4:
            break
    if phrase.lower() in intensifiers:
        return bool(following) and following[0] in praise
    # "The most capable" + "models are ...": a class, when the noun comes right after the superlative
    generic = opens and _bare_superlative(phrase.lower().split())
    for at, word in enumerate(following):
        # The noun heads the phrase where the phrase ends with it or a verb
        # follows it: "flood risk model" is a model, not a risk.
        if at + 1 == len(following) or following[at + 1] in _AFTER_HEAD:
            if word in heads or (opens and word in opening_heads):
                return False
            # "The most capable models are also the dearest": a class, not the subject
            plural_subject = at + 1 < len(following) and word.endswith("s") and not word.endswith(("ss", "us", "is"))
            if generic and plural_subject:
                return False
            break
    return True


def _bare_superlative(words: list[str]) -> bool:
    """"the most capable", "the best", "the greatest": no noun of its own."""
    if len(words) < 2 or words[0] != "the":
        return False
    return words[-2] in ("most", "least") or words[-1] == "best" or words[-1].endswith("est")


# Words that follow the noun heading a phrase: a verb, the subject of a
# clause, or a conjunction ("friends and companions").
_AFTER_HEAD = frozenset(
    "is are was were be been has have had will would can could may might must should do does did remains remain "
    "include includes included lies lay comes came goes went i we we're you they he she it this there and or".split()
)


def opens_sentence(text: str, start: int) -> bool:
    """Whether a cue stands at the head of its sentence, after at most three
    words and no verb ("Perhaps the best example", "Far and away, the best
    way"; not "This is the best way")."""
    # Only the last four words matter: read back from the cue as far as they
    # go, not the whole sentence before every cue (quadratic in a long one).
    reach = 64
    while True:
        window = max(0, start - reach)
        before = LOWER_WORD.findall(text[window:start].lower())
        if len(before) > 3:
            return False
        if window == 0:
            return _COPULAS.isdisjoint(before)
        reach *= 4


# Verbs that put a superlative after its subject ("This is the most exciting thing").
_COPULAS = frozenset("is are was were be been being s remains remain became becomes become has have had".split())


# Words that distance the writer from the quality they name ("seemingly
# impressive", "supposedly the best", "far from flawless"), framing verbs
# that make it someone's view or pitch ("fans see it as a marvel", "touted as
# the most advanced"), hedges ("arguably the best") and concessions ("while
# impressive, ..."): scepticism, report, a guess or a point conceded, not the
# writer's praise.
_DISTANCING = re.compile(
    r"(?i)(?:\b(?:seemingly|apparently|supposedly|ostensibly|allegedly|superficially|so-called|far\s+from)\s+(?:\w+\s+)?"
    r"|\b(?:see|sees|seeing|saw|seen|touted|billed|marketed|pitched|branded|sold|portrayed|painted|framed)"
    r"(?:\s+[\w’'-]+){0,3}?\s+as\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+)?"
    # the result of a vote or a ranking, or a view, reported: "was voted the best",
    # "chosen as the greatest", "widely considered one of the best" (the weasel rules' business)
    r"|\b(?:voted|named|chosen|crowned|ranked|rated|judged|shortlisted|considered|regarded|deemed)"
    r"\s+(?:as\s+)?(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+)?"
    # hedged right before it: "arguably the best", "may well be the most advanced"
    r"|\b(?:arguably|perhaps|possibly|probably|maybe|potentially"
    r"|(?:may|might|could)\s+(?:well\s+|yet\s+)?(?:be|become|prove))"
    r"\s+(?:(?:one\s+of\s+)?(?:a|an|the|its|their)\s+)?"
    # conceded on the way to a criticism: "While impressive, the demo was scripted",
    # "For all its most impressive stunts, it cannot speak"
    r"|\b(?:while|although|though|albeit)\s+(?:\w+ly\s+)?"
    r"|\bfor\s+all\s+(?:of\s+)?(?:[\w’'-]+\s+){0,2})$"
)


def distanced(text: str, start: int) -> bool:
    return bool(_DISTANCING.search(text[max(0, start - 60) : start]))


# "It is remarkable that the model works at all", "it's amazing how quickly
# sentiment changed": surprise at a fact the clause states, not praise of a subject.
_IT_IS = re.compile(r"(?i)\bit(?:\s+is|\s+was|['’]s)\s+(?:(?:truly|simply|quite|really|rather|frankly|genuinely)\s+)?$")
_THAT_CLAUSE = re.compile(r"(?i)\s+(?:that|how|to)\b")


def remarks_on_a_fact(text: str, start: int, end: int) -> bool:
    return bool(_IT_IS.search(text[max(0, start - 30) : start]) and _THAT_CLAUSE.match(text, end))
