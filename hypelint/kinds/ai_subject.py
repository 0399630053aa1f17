"""ai-subject: an AI system as the subject of what only a mind can do.

The subject is an AI system: "AI", "the model", "the chatbot", "the
algorithm", "these systems", or a product the piece itself introduces as
one ("Sentinel, an AI fraud system"; "a chatbot called Mira"; "Juniper is a
home robot"). The predicate is one of the rule's `predicates` ("knows",
"understands", "wants", "is sentient", "on its own"), up to a few words
after the subject in the same clause. Negated ("does not understand"),
asked, quoted, attributed, and users' perceptions ("users feel the bot
understands them") are left alone.

The same verbs are read in every form the grammar gives them: "the bot
understands", "the robots understood", "chatbots understand", "the model
can understand", "is built to understand", "a machine is dreaming", "AI
anticipating your needs"; a bare verb opening a list item whose lead-in
makes the system its subject ("The assistant can: - Understand ..."); and a
participle opening the sentence ("Sensing your mood, the assistant ...").
Perception and reasoning verbs ("notices", "reads", "senses", "reasons")
give a mind only with a mind as their object ("notices your frustration",
"reads the room", "reasons about your intent"), not "recognises faces" or
"reasons about its actions". The subject is the one the verb agrees with:
not an AI word modifying another noun ("the AI industry thinks"), not a
new clause's own subject ("scans that doctors decided were clear"), and a
bare verb only after a plural ("pupils who use the AI tutor think").

Params:
  predicates   regular expressions for what the subject is said to do or be
  verbs        mental verbs, each "base third-person past gerund"
               ("know knows knew knowing"), read in every slot above
  perceives    perception and reasoning verbs in the same four forms,
               mental only before one of `minds`
  minds        what makes a perception verb's object a mind ("mood",
               "emotions", "what you want")
  claims       regular expressions flagged wherever they stand in a sentence
               in the writer's voice, no subject needed ("the first sentient
               robot")
  window       how many words may stand between subject and predicate
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Iterator

from hypelint.analysis.context import NEGATION
from hypelint.analysis.memo import analyse
from hypelint.patterns.guard import guarded
from hypelint.model import Document, Match
from hypelint.kinds.params import Params as BaseParams
from hypelint.kinds.terms import compile_terms
from hypelint.kinds.scope import writer_sentences

_AI_NOUN = (
    r"(?:AI|A\.I\.|NPUs?|LLMs?|GPTs?|AGI|(?i:artificial\s+intelligence|(?:AI|language|foundation|frontier|generative)\s+models?|"
    r"(?<!business\s)(?<!\brole\s)(?<!fashion\s)(?<!pricing\s)(?<!revenue\s)models?|chatbots?|bots?|algorithms?|(?:AI\s+)?systems?|robots?|machines?|software|assistants?|agents?|copilots?|"
    r"tutors?|companions?|networks?|neural\s+networks?|programs?|computers?|superintelligence|tools?|"
    r"vacuums?|pods?|drones?|robotaxis?|(?:self-driving|driverless|autonomous)\s+(?:cars?|vehicles?|buses|bus|trucks?)|"
    r"(?:AI|robot|robotic)\s+(?:\w+\s+)?(?:driver|doctor|physician|pilot|tutor|teacher|lawyer|assistant|agent|system|model)))"
)
# AI products that need no introduction: names that are nothing else. Not
# Claude, Alexa, Gemini or Bard, which are also people, a sign and a poet.
_KNOWN_SYSTEMS = r"(?:ChatGPT|GPT-\d[\w.]*|Copilot|Siri|Cortana|Midjourney|DALL-E(?:\s*\d)?|AlphaGo|AlphaZero|AlphaFold|LaMDA)"
# "the model", "these chatbots", "AI", "Its onboard controller", "the AI in these cars", "Google's chatbot"
_AI_SUBJECT = (
    rf"(?:(?:(?i:the|this|that|these|those|its|our|their|your|a|an|every|each|such|modern|today['’]s)|[A-Z][\w-]*['’]s)\s+(?:[\w'’-]+\s+){{0,2}}?{_AI_NOUN}(?:\s+{_AI_NOUN}){{0,2}}"
    rf"(?:\s+(?:in|behind|inside|at)\s+(?:the\s+|these\s+|this\s+|its\s+)?[\w-]+)?|\bAI\b|\bA\.I\.|(?i:artificial\s+intelligence)|\bAGI\b"
    rf"|\b(?i:modern\s+|today['’]s\s+|most\s+|many\s+)?(?i:chatbots|robots|algorithms|machines|models|AI\s+systems)"
    rf"|\b{_KNOWN_SYSTEMS}\b)"
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
# Vendor copy's introductions: "Meet Aria, the assistant that ..." names Aria.
_INTRODUCING = re.compile(r"^(?:Meet|Introducing|Try|Ask|Say\s+hello\s+to|Hello|Hi)\b\s*")
# Words that open a sentence with a comma without naming anything ("Finally,
# the model ..."): function words and discourse markers, a closed class.
_DISCOURSE = frozenset(
    "Again Also Besides Here There Still Then Now Today Together Instead However Meanwhile Moreover Indeed "
    "Overall Yet Thus Hence Otherwise Similarly Likewise Next First Second Third Last Later Earlier Ultimately "
    "Specifically Finally Essentially Basically Eventually Instead Nonetheless Nevertheless Consequently".split()
)
# "users feel the chatbot understands them": a perception, reported; "tested
# whether chatbots understand": a question
_PERCEPTION = re.compile(
    r"(?i)\b(?:feel|feels|felt|think|thinks|thought|believe|believes|believed|say|says|said|claim|claims|"
    r"report|reports|perceive|perceives|imagine|imagines|assume|assumes|as\s+if|as\s+though|seem|seems|appear|appears|"
    r"believing|thinking|feeling|assuming|imagining|pretending|claiming|saying|suggesting|implying|"
    r"(?:myth|illusion|impression|idea|notion|misconception|fiction|fantasy|belief)(?:\s+is)?|whether|if)"
    r"\s+(?:that\s+)?(?:[\w'’-]+\s+){0,2}$"
)
# "it" or "they" opening a clause: found as a word, then its few characters
# before are read (a look-behind tried at every position cost more).
_PRONOUN_WORD = re.compile(r"\b(?:[Ii]t|[Tt]hey)\b")
_CLAUSE_OPENS = re.compile(r"(?:^|[,;:]\s|[—–]\s?|\b(?:and|but|so|because)\s)$")


def _pronouns(text: str, start: int = 0) -> list[re.Match]:
    """The pronouns opening a clause from `start` on."""
    return [
        found for found in _PRONOUN_WORD.finditer(text, start)
        if _CLAUSE_OPENS.search(text, max(0, found.start() - 9), found.start())
    ]
_ADVERBS = r"(?:(?:\w+ly|also|already|now|even|actually|really|truly|genuinely|somehow|still|often|always|never|better|soon|then|just)\s+)"
# Nouns a verb form can modify: "AI thought leaders", "an AI think tank".
_COMPOUNDS = r"(?:leaders?|leadership|experiments?|pieces?|tanks?|process|processes|partners?)"
# Nouns an AI word modifies, which are then the subject: "the AI industry
# thinks", "AI researchers decided".
_MODIFIES = re.compile(
    r"(?i)\s+(?:industry|sector|compan(?:y|ies)|firms?|start-?ups?|labs?|laboratory|boom|race|bubble|markets?|act|bill|"
    r"laws?|rules|regulation|regulators?|policy|safety|chips?|researchers?|scientists?|experts?|ethicists?|ethics|"
    r"teams?|world|giants?|investment|investors?|summit|developers?|makers?|leaders?|pioneers?|executives?|bosses|"
    r"engineers?|programmers?|scientists?|owners?|operators?|vendors?|suppliers?|"
    r"strategy|community|field|users?|critics?|sceptics?|skeptics?|advocates?|enthusiasts?|unit|division|group)\b"
)
# What makes a thing said to exist hypothetical, future or denied.
_UNREAL = re.compile(r"(?i)\b(?:if|whether|unless|would|could|might|may|will|nobody|no\s+one)\b|['’]ll\b")
# A negated object: "will decide nothing", "knows none of it".
_NOTHING = re.compile(r"(?i)\s+(?:nothing|none|no|little|neither)\b")
# Auxiliaries before a bare verb ("can understand", "is able to know"), and
# what a system is made to do ("is designed to understand"). Not a
# hypothesis or a requirement ("could decide the election", "must be able
# to understand accents").
_DESIGNED = r"(?:designed|built|trained|made|programmed|invented|taught|meant|engineered|able)"
_MODAL = (
    rf"(?:can|will|does|do|did|(?:is|are|was|were)\s+(?:{_DESIGNED}|going)\s+to|(?:will|can)\s+be\s+{_DESIGNED}\s+to)"
)
# Between subject and a finite predicate, a new clause with a subject of its
# own: "the AI flags scans that doctors think are clear" (the doctors think).
_NEW_CLAUSE = re.compile(
    rf"(?i)\b(?:that|which|who|whom|whose|so|because|when|whenever|while|if|as|until|before|after|whether|where|how|what|than"
    rf"|and|but|or)\s+(?!{_ADVERBS})(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|our\s+|your\s+|my\s+)?[\w'’-]+\s"
    r"|(?:^|[,;]|\s)\s*(?:he|she|we|I|you)\s+(?:\w+\s+)?$"
)
# A list item's lead-in that makes the system the subject of each item:
# "Our assistant can:", "Modern tutoring AI uses language models to:".
_LEAD_IN = re.compile(r"(?i)\b(?:can|could|will|would|may|might|should|must|to|able\s+to)\s*:\s*$")
_ITEM_LABEL = re.compile(r"^[^:.!?]{1,60}:\s+")


@dataclass(frozen=True)
class Params(BaseParams):
    predicates: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    perceives: tuple[str, ...] = ()
    minds: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()
    window: int = 6

    def __post_init__(self):
        if not (self.predicates or self.verbs or self.claims):
            raise ValueError("params 'predicates', 'verbs' or 'claims' must list at least one entry")
        for entry in self.verbs + self.perceives:
            if len(entry.split()) != 4 or not re.fullmatch(r"[a-z -]+", entry):
                raise ValueError(f"param 'verbs'/'perceives': {entry!r} must be four lower-case forms, e.g. 'know knows knew knowing'")
        if self.perceives and not self.minds:
            raise ValueError("param 'perceives' needs 'minds', the objects that make perception mental")

    @cached_property
    def pattern(self):
        """Finite predicates: the rule's patterns and the verbs' third-person and past forms."""
        finite = [form for entry in self.verbs for form in entry.split()[1:3]]
        # not a passive ("has been decided", "thought by many", "believed to
        # be") or a compound ("AI thought leaders")
        verbs = rf"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)\b(?:{'|'.join(finite)})\b(?![-'’]\w)(?!\s+(?:by|to\s+be|to\s+have|{_COMPOUNDS})\b)"
        terms = self.predicates + ((verbs,) if finite else ())
        terms += ((rf"\b(?:{self._perceived(1, 2)})",) if self.perceives else ())
        return compile_terms(terms, True, "predicates")

    @cached_property
    def adjacent(self) -> re.Pattern | None:
        """Forms read right after the subject: bare ("chatbots understand",
        "can understand", "is built to understand", "to better understand")
        and gerund ("AI anticipating", "is dreaming")."""
        if not (self.verbs or self.perceives):
            return None
        bare = "|".join(entry.split()[0] for entry in self.verbs)
        gerund = "|".join(entry.split()[3] for entry in self.verbs)
        bare_mind, gerund_mind = self._perceived(0), self._perceived(3)
        forms = "|".join(f for f in (bare and rf"(?:{bare})\b(?![-'’]\w)(?!\s+{_COMPOUNDS}\b)", bare_mind) if f)
        gerunds = "|".join(f for f in (gerund and rf"(?:{gerund})\b(?!-)(?!\s+of\b)", gerund_mind) if f)
        return guarded(
            rf"^\s*(?:(?:that|which|who)\s+)?{_ADVERBS}{{0,2}}"
            rf"(?:(?P<aux>{_MODAL}\s+{_ADVERBS}?(?:(?:be|been)\s+{_DESIGNED}\s+to\s+{_ADVERBS}?)?)?(?:{forms})"
            rf"|(?P<ing>(?:(?:is|are|was|were)\s+{_ADVERBS}?)?(?:{gerunds})))"
        )

    @cached_property
    def opener(self) -> re.Pattern | None:
        """A participle opening the sentence whose subject is the system:
        "Sensing your mood, ", "Noting your lack of interest from the scan, ",
        "Knowing your schedule, ". A mental verb needs the reader as its
        object: "Realising the danger, the AI lab paused" is the lab's mind."""
        if not (self.verbs or self.perceives):
            return None
        gerund = "|".join(entry.split()[3] for entry in self.verbs)
        mental = rf"(?:{gerund})\b[^,;:.]{{0,40}}?\b(?:you|your)\b"
        perceived = self._perceived(3)
        return guarded(rf"^\s*(?:{mental}{'|' + perceived if perceived else ''})[^,;:.]{{0,80}},\s*$")

    @cached_property
    def claim_pattern(self):
        return compile_terms(self.claims, True, "claims") if self.claims else None

    def _perceived(self, *slots: int) -> str:
        """Perception verbs in the given forms, each followed within a few
        words by a mind ("notices your frustration"); "" for none."""
        if not self.perceives:
            return ""
        forms = "|".join(entry.split()[slot] for entry in self.perceives for slot in slots)
        minds = "|".join(re.escape(mind).replace(r"\ ", r"\s+") for mind in self.minds)
        return rf"(?:{forms})\b(?:\s+[\w'’-]+){{0,4}}?\s+(?:{minds})\b"


def ai_names(doc: Document) -> tuple[str, ...]:
    """Products the piece introduces as AI systems, longest first (cached per document)."""
    return analyse(doc).keep("ai names", lambda: _introduced_names(doc))


def _introduced_names(doc: Document) -> tuple[str, ...]:
    names = set()
    for block in doc.blocks:
        for match in _DEFINES_AI.finditer(block.text):
            name = _INTRODUCING.sub("", next(n for n in match.groups() if n).strip())
            if not name:
                continue
            first = name.split()[0]
            if first in _NOT_PRODUCTS or first in _DISCOURSE or (" " not in name and name.endswith("ly")):
                continue
            names.update(_variants(name))
    return tuple(sorted(names, key=len, reverse=True))


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
        # "Orbit X2", "X2"; not "Health" of "Dandelion Health", a common word
        if len(tail) > 1 and (start < len(words) - 1 or re.search(r"\d|[a-z][A-Z]", tail)):
            variants.add(tail)
    return variants


def _subject_pattern(doc: Document) -> re.Pattern:
    def compile_subject() -> re.Pattern:
        names = "|".join(re.escape(n) for n in ai_names(doc))
        subject = _AI_SUBJECT + (rf"|\b(?:{names})\b" if names else "")
        return re.compile(rf"(?:{subject})")

    return analyse(doc).keep("ai subject pattern", compile_subject)


def check(doc: Document, rule) -> Iterator[Match]:
    params: Params = rule.params
    subjects = _subject_pattern(doc)
    about_ai: set[int] = set()  # blocks whose earlier sentences name an AI system
    lead_ins = _lead_ins(doc, subjects)
    for view, block in writer_sentences(doc, rule.scope):
        text = view.text
        found = list(subjects.finditer(text))
        if view.block in about_ai or found:
            # "It knows the difference", "the model writes songs, and it
            # knows ...": the pronoun stands for the system the paragraph,
            # or the sentence so far, is about.
            found += _pronouns(text, 0 if view.block in about_ai else found[0].end())
        if found:
            about_ai.add(view.block)
        if view.attributed or "blockquote" in block.containers:
            continue  # a block quotation is someone else's words (a tweet, a paper)
        match = _claim(params, view) or _in_subjects(params, view, found)
        if match is None and view.block in lead_ins and view.start == 0:
            match = _list_item(params, view)
        if match is not None:
            start, end = match
            yield Match(
                span=block.source_span(view.start + start, view.start + end),
                values=(("match", " ".join(text[start:end].split())), ("predicate", text[start:end])),
            )


def _claim(params: Params, view) -> tuple[int, int] | None:
    """A claim that needs no subject ("the first sentient robot"), unnegated."""
    if params.claim_pattern is None:
        return None
    text = view.text
    if _UNREAL.search(text):
        return None  # "if anyone built a sentient AI", "when the first one will be built"
    for found in params.claim_pattern.finditer(text):
        if not NEGATION.search(text, 0, found.start()) and view.outside_quotes(view.start + found.start(), view.start + found.end()):
            return found.span()
    return None


def _in_subjects(params: Params, view, found: list) -> tuple[int, int] | None:
    """The first subject with a predicate: (start, end) of subject and predicate."""
    text = view.text
    for subject in sorted(found, key=lambda m: m.start()):
        before = text[: subject.start()]
        if _PERCEPTION.search(before[-40:]):
            continue
        if text.startswith(("'s ", "’s "), subject.end()) or _MODIFIES.match(text, subject.end()):
            continue  # "the robot's owner knows", "the AI industry thinks": the owner, the industry
        opener = params.opener and params.opener.match(before)
        if opener and not NEGATION.search(before) and view.outside_quotes(view.start, view.start + subject.end()):
            return 0, subject.end()  # "Sensing your mood, the assistant ..."
        tail = text[subject.end() : subject.end() + 200]
        predicate = _predicate(params, tail, _plural(subject.group()))
        if predicate is None:
            continue
        start, end = subject.end() + predicate[0], subject.end() + predicate[1]
        between = text[subject.end() : start]
        if NEGATION.search(between) or NEGATION.search(text, start, end) or _NOTHING.match(text, end):
            continue  # "does not understand", "is not sentient", "has no feelings", "knows nothing"
        if not view.outside_quotes(view.start + start, view.start + end):
            continue
        return subject.start(), end
    return None


def _lead_ins(doc: Document, subjects: re.Pattern) -> set[int]:
    """List items whose lead-in makes an AI system the subject of each item
    ("The assistant can:" / "- Understand what you mean")."""
    items: set[int] = set()
    lead = None
    for index, block in enumerate(doc.blocks):
        if block.kind == "list_item":
            if lead is not None:
                items.add(index)
            continue
        text = block.text
        lead = index if _LEAD_IN.search(text) and subjects.search(text) else None
    return items


def _list_item(params: Params, view) -> tuple[int, int] | None:
    """A bare mental verb opening an item of such a list ("Understand student answers")."""
    if params.adjacent is None:
        return None
    label = _ITEM_LABEL.match(view.text)
    offset = label.end() if label else 0
    found = params.adjacent.match(view.text, offset)
    if found is None or found.group().strip().lower().endswith("ing"):
        return None  # "Understanding the basics" names a topic
    if NEGATION.search(view.text, offset, found.end()):
        return None
    return offset, found.end()


def _plural(subject: str) -> bool:
    """Whether a subject takes a plural verb: "chatbots", "they" (not "the bus")."""
    last = subject.split()[-1]
    return last.lower() == "they" or (last.endswith("s") and not last.endswith(("ss", "us", "is", "'s", "’s")))


def _predicate(params: Params, tail: str, plural: bool = True) -> tuple[int, int] | None:
    """The predicate after the subject: a form right after it ("can
    understand", "anticipating"; a bare "understand" only after a plural,
    since in "pupils who use the tutor think" the pupils think), or the
    first finite one within `window` words in the same clause, with no new
    clause's subject in between."""
    clause = re.split(r"[;:—]|\s[–-]\s|,\s+(?:but|while|whereas|although|who|which)\b", tail, maxsplit=1)[0]
    if params.adjacent is not None:
        found = params.adjacent.match(clause)
        if found and (plural or found.group("aux") or found.group("ing")):
            return len(found.group()) - len(found.group().lstrip()), found.end()
    words = list(re.finditer(r"\S+", clause))
    limit = words[params.window].start() if len(words) > params.window else len(clause)
    found = params.pattern.search(clause, 0, len(clause)) if params.predicates or params.verbs else None
    if found and found.start() <= limit:
        between = re.sub(r"^\s*(?:that|which|who)\s+", "", clause[: found.start()])
        # "sees what doctors miss and knows ...": a verb coordinated with the
        # subject's own verb, whatever stands between
        if not _NEW_CLAUSE.search(between) or re.search(r"(?:\band|\bor|,)\s+$", between):
            return found.span()
    return None
