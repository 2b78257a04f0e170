"""Verb senses the dictionary's code does not fit (``eventcoder/data/events/senses.tsv``).

A CAMEO verb block gives a verb one code whatever its object, but many verbs have a second,
common sense in news: "blasted the senator" is criticism (111), not a bombing (190);
"withdrew her name from consideration" is no retreat. Each row names a verb, the use it is
about (its object is an actor or a thing, a preposition hangs from it...) and the code of
that use, or no event.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from ..datafiles import data_file
from ..dictionaries.lines import read_text
from ..errors import DictionaryError
from .sentence import SentenceView

SENSES = data_file("events", "senses.tsv")

WHEN = ("object-actor", "object-thing", "object", "with", "without", "as", "infinitive", "participle", "clause", "any")
# Uses that take a word list ("with:on|over", "object:press conference").
_WORDED = ("with", "without", "object")
# Entities that say when or where, not what about ("attacked on Monday", "on the border").
_SETTING = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL"})
_SETTING_WORDS = frozenset({"border", "ground", "street", "streets", "way", "front", "behalf", "side"})


@dataclass(frozen=True)
class Sense:
    verb: str
    when: str
    words: frozenset[str]
    always: bool
    code: str | None  # None: no event


def read_senses(path: Path = SENSES) -> dict[str, tuple[Sense, ...]]:
    """verb lemma -> its senses; a bad row is a DictionaryError naming file and line."""
    out: dict[str, list[Sense]] = {}
    for number, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("verb\t"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) < 4 or not parts[0].isalpha():
            raise DictionaryError(
                str(path), number, "expected 'verb<TAB>when<TAB>default|always<TAB>code or -<TAB>why'"
            )
        kind, _, words = parts[1].partition(":")
        if kind not in WHEN or (kind in _WORDED) != bool(words):
            raise DictionaryError(str(path), number, f"unknown use {parts[1]!r} (one of {', '.join(WHEN)}; with:W|W)")
        if parts[2] not in ("default", "always"):
            raise DictionaryError(str(path), number, f"expected 'default' or 'always', not {parts[2]!r}")
        code = parts[3]
        if code != "-" and not code.isdigit():
            raise DictionaryError(str(path), number, f"expected a CAMEO code or -, not {code!r}")
        sense = Sense(
            parts[0].lower(),
            kind,
            frozenset(w.lower().strip() for w in words.split("|") if w.strip()),
            parts[2] == "always",
            None if code == "-" else code,
        )
        out.setdefault(sense.verb, []).append(sense)
    return {k: tuple(v) for k, v in out.items()}


def _object(verb: Token) -> Token | None:
    """The direct object (a gerund right after the verb too), else the object of the verb's
    first preposition."""
    for c in verb.children:
        # "intensified screening": the parser takes a gerund object for a complement.
        if c.dep_ == "dobj" or (c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == verb.i + 1):
            return c
    for c in verb.children:
        if c.dep_ == "prep" and c.i > verb.i:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _noun_phrase(noun: Token) -> str:
    """The noun's lemma with its compound words before it, lower case ("press conference")."""
    words = [c.lower_ for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    return " ".join([*words, noun.lemma_.lower()])


def _is_actor(view: SentenceView, head: Token) -> bool:
    """Is the noun an actor mention (its head word, not a modifier: "military spending")?"""
    return view.mention_at(head.i) is not None


def _topic(prep: Token) -> bool:
    """Does the preposition name a matter ("on taxes"), not a time or place ("on Monday")?"""
    obj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return False
    return obj.ent_type_ not in _SETTING and obj.lower_ not in _SETTING_WORDS


def _applies(view: SentenceView, verb: Token, sense: Sense) -> bool:
    if sense.when == "any":
        return True
    deps = [c for c in verb.children if c.dep_ in ("prep", "prt", "agent", "advmod")]
    if sense.when == "with":
        return any(c.lower_ in sense.words and (c.dep_ != "prep" or _topic(c)) for c in deps)
    if sense.when == "without":
        # "engaged the United States ... in Tulsa": a time or place is not the word's use.
        return not any(c.lower_ in sense.words and (c.dep_ != "prep" or _topic(c)) for c in deps)
    if sense.when == "as":
        # "viewed him as a threat", "referred to them as chumps"; "called him a liar", "was
        # called a socialist" (a predicate of the object).
        as_phrase = any(
            c.dep_ == "prep" and c.lower_ == "as" for c in verb.subtree if c.head.i == verb.i or c.head.head.i == verb.i
        )
        predicate = any(c.dep_ in ("oprd", "attr") for c in verb.children if c.i > verb.i)
        named = any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children)  # not "called Arnor"
        return as_phrase or (predicate and named)
    if sense.when == "infinitive":
        # "voted to disband its police force": the verb only frames its infinitive.
        return any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children)
    if sense.when == "participle":
        # "an effort intended to connect": a participle describing a noun, no act of anyone.
        return (
            verb.dep_ == "acl"
            and verb.tag_ in ("VBN", "VBG")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children)
        )
    if sense.when == "clause":
        # "all agreed that vaccines have done more good": a finite clause with its own subject.
        return any(
            c.dep_ == "ccomp" and c.i > verb.i and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            for c in verb.children
        )
    if sense.when == "object":
        # "held a press conference": the object noun with the compound words before it.
        return any(c.dep_ == "dobj" and _noun_phrase(c) in sense.words for c in verb.children)
    obj = _object(verb)
    if sense.when == "object-actor":
        return obj is not None and obj.dep_ == "dobj" and _is_actor(view, obj)
    return obj is not None and (obj.pos_ in ("NOUN", "PRON") or obj.tag_ == "VBG") and not _is_actor(view, obj)


NO_EVENT = ""


def sense_code(view: SentenceView, verb: Token, *, matched: bool) -> str | None:
    """The code of this use of the verb when a row of ``senses.tsv`` applies: a CAMEO code,
    ``NO_EVENT`` (no event), else None (the dictionary's code stands). ``matched``: a pattern
    of the verb matched (then only ``always`` rows apply)."""
    for sense in view.lex.senses.get(verb.lemma_.lower(), ()):
        if (sense.always or not matched) and _applies(view, verb, sense):
            return sense.code if sense.code is not None else NO_EVENT
    return None
