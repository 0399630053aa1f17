"""ai-subject: an AI system as the subject of what only a mind can do.

The subject is an AI system: "AI", "the model", "the chatbot", "the
algorithm", "these systems", or a product the piece itself introduces as
one ("Sentinel, an AI fraud system"; "a chatbot called Mira"; "Juniper is a
home robot"). The predicate is one of the rule's `predicates` ("knows",
"understands", "wants", "is sentient", "on its own"), up to a few words
after the subject in the same clause. Negated ("does not understand"),
asked, quoted, attributed, and users' perceptions ("users feel the bot
understands them") are left alone.

Params:
  predicates   regular expressions for what the subject is said to do or be
  window       how many words may stand between subject and predicate
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Iterator

from ..context import NEGATION
from ..model import Document, Match
from .base import Params as BaseParams
from .base import compile_terms, writer_sentences

_AI_NOUN = (
    r"(?:AI|A\.I\.|NPUs?|LLMs?|GPTs?|AGI|(?i:artificial\s+intelligence|(?:AI|language|foundation|frontier|generative)\s+models?|"
    r"models?|chatbots?|bots?|algorithms?|(?:AI\s+)?systems?|robots?|machines?|software|assistants?|agents?|copilots?|"
    r"tutors?|companions?|networks?|neural\s+networks?|programs?|computers?|superintelligence|tools?|"
    r"vacuums?|pods?|drones?|robotaxis?|(?:self-driving|driverless|autonomous)\s+(?:cars?|vehicles?|buses|bus|trucks?)|"
    r"(?:AI|robot|robotic)\s+(?:\w+\s+)?(?:driver|doctor|physician|pilot|tutor|teacher|lawyer|assistant|agent|system|model)))"
)
# "the model", "these chatbots", "AI", "Its onboard controller", "the AI in these cars"
_AI_SUBJECT = (
    rf"(?:(?i:the|this|that|these|those|its|our|their|your|a|an|every|each|such|modern|today['’]s)\s+(?:[\w'’-]+\s+){{0,2}}?{_AI_NOUN}"
    rf"(?:\s+(?:in|behind|inside|at)\s+(?:the\s+|these\s+|this\s+|its\s+)?[\w-]+)?|\bAI\b|\bA\.I\.|(?i:artificial\s+intelligence)|\bAGI\b"
    rf"|\b(?i:modern\s+|today['’]s\s+|most\s+|many\s+)?(?i:chatbots|robots|algorithms|machines|models|AI\s+systems))"
)
_DEFINES_AI = re.compile(
    rf"""(?x)
    (?P<name>[A-Z][\w-]*(?:\s+[A-Z0-9][\w.-]*){{0,2}}),\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){{0,5}}?{_AI_NOUN}\b
  | \b{_AI_NOUN}\s+(?:called|named|dubbed|known\s+as|branded)\s+(?P<name2>[A-Z][\w-]*(?:\s+[A-Z0-9][\w.-]*){{0,2}})
  | (?P<name3>[A-Z][\w-]*(?:\s+[A-Z0-9][\w.-]*){{0,2}})\s+is\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,5}}?{_AI_NOUN}\b
  | \b(?i:launch(?:es|ed)?|unveil(?:s|ed)?|introduc(?:es|ed)|releas(?:es|ed)|debut(?:s|ed)?)\s+(?P<name4>[A-Z][\w-]*(?:\s+[A-Z0-9][\w.-]*){{0,2}})
  | (?P<name5>[A-Z][\w-]*(?:\s+[A-Z0-9][\w.-]*){{0,2}}):\s+(?i:the|an?)\s+(?:[\w-]+\s+){{0,3}}?{_AI_NOUN}\b
    """
)
_NOT_PRODUCTS = {"The", "A", "An", "It", "This", "That", "Its", "Our", "We", "They", "He", "She", "I"}
# "users feel the chatbot understands them": a perception, reported
_PERCEPTION = re.compile(
    r"(?i)\b(?:feel|feels|felt|think|thinks|thought|believe|believes|believed|say|says|said|claim|claims|"
    r"report|reports|perceive|perceives|imagine|imagines|assume|assumes|as\s+if|as\s+though|seem|seems|appear|appears)"
    r"\s+(?:that\s+)?$"
)
_PRONOUN = re.compile(r"(?:(?<=^)|(?<=[,;:]\s)|(?<=\band\s)|(?<=\bbut\s))(?:[Ii]t|[Tt]hey)\b")
_ADVERBS = r"(?:(?:\w+ly|also|already|now|even|actually|really|truly|genuinely|somehow|still|often|always|never)\s+)"


@dataclass(frozen=True)
class Params(BaseParams):
    predicates: tuple[str, ...] = ()
    window: int = 6

    def __post_init__(self):
        if not self.predicates:
            raise ValueError("param 'predicates' must list at least one pattern")

    @cached_property
    def pattern(self):
        return compile_terms(self.predicates, True, "predicates")


def ai_names(doc: Document) -> tuple[str, ...]:
    """Products the piece introduces as AI systems, longest first (cached per document)."""
    found = doc.__dict__.get("_ai_names")
    if found is None:
        names = set()
        for block in doc.blocks:
            for match in _DEFINES_AI.finditer(block.text):
                name = next(n for n in match.groups() if n).strip()
                if name.split()[0] not in _NOT_PRODUCTS:
                    names.update(_variants(name))
        found = doc.__dict__["_ai_names"] = tuple(sorted(names, key=len, reverse=True))
    return found


def _variants(name: str) -> set[str]:
    """"MolForge 2" is also "MolForge"; "Nimbly Orbit X2" is also "Orbit X2"
    and "X2" (the maker's name alone is a company, not a product)."""
    words = name.split()
    variants = {name}
    while len(words) > 1 and re.fullmatch(r"v?\d[\w.]*", words[-1]):
        words = words[:-1]
        variants.add(" ".join(words))
    for start in range(1, len(words)):
        tail = " ".join(words[start:])
        if len(tail) > 1:
            variants.add(tail)
    return variants


def _subject_pattern(doc: Document) -> re.Pattern:
    cached = doc.__dict__.get("_ai_subject_pattern")
    if cached is None:
        names = "|".join(re.escape(n) for n in ai_names(doc))
        subject = _AI_SUBJECT + (rf"|\b(?:{names})\b" if names else "")
        cached = doc.__dict__["_ai_subject_pattern"] = re.compile(rf"(?:{subject})")
    return cached


def check(doc: Document, rule) -> Iterator[Match]:
    params: Params = rule.params
    subjects = _subject_pattern(doc)
    about_ai: set[int] = set()  # blocks whose earlier sentences name an AI system
    for view, block in writer_sentences(doc, rule.scope):
        text = view.text
        found = list(subjects.finditer(text))
        if view.block in about_ai:
            # "It knows the difference": the pronoun stands for the system
            # the paragraph is about.
            found += list(_PRONOUN.finditer(text))
        if found:
            about_ai.add(view.block)
        if view.attributed:
            continue
        for subject in sorted(found, key=lambda m: m.start()):
            if _PERCEPTION.search(text[max(0, subject.start() - 30) : subject.start()]):
                continue
            if text.startswith(("'s ", "’s "), subject.end()):
                continue  # "the robot's owner knows": the owner is the subject
            tail = text[subject.end() : subject.end() + 200]
            predicate = _predicate(params, tail)
            if predicate is None:
                continue
            start, end = subject.end() + predicate[0], subject.end() + predicate[1]
            between = text[subject.end() : start]
            if NEGATION.search(between) or NEGATION.search(text[start:end]):
                continue  # "does not understand", "is not sentient", "has no feelings"
            if not view.outside_quotes(view.start + start, view.start + end):
                continue
            yield Match(
                span=block.source_span(view.start + subject.start(), view.start + end),
                values=(("match", " ".join(text[subject.start() : end].split())), ("predicate", text[start:end])),
            )
            break  # one finding per sentence is enough for an editor


def _predicate(params: Params, tail: str) -> tuple[int, int] | None:
    """The first predicate within `window` words of the subject, in the same clause."""
    clause = re.split(r"[;:—]|\s[–-]\s|,\s+(?:but|while|whereas|although|who|which)\b", tail, maxsplit=1)[0]
    words = list(re.finditer(r"\S+", clause))
    limit = words[params.window].start() if len(words) > params.window else len(clause)
    found = params.pattern.search(clause, 0, len(clause))
    if found and found.start() <= limit:
        return found.span()
    return None
