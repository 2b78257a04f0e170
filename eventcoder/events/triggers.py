"""The triggers of a sentence: its verbs that the verb dictionary knows.

A multi-word form (``wire tapped``, ``broken down``) beats the single words it covers; a light
verb (``launched``) whose object is an event noun (``invasion``) is coded as the noun's verb
(``eventcoder/data/events/light_verbs.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..dictionaries.verbs import Entry, VerbDictionary
from . import syntax
from .sentence import SentenceView


@dataclass
class Trigger:
    """A verb of the sentence found in the dictionary."""

    verb: Token
    tokens: list[int]  # the verb's words ("broken down", "wire tapped")
    entries: list[Entry]
    nominal: Token | None = None  # the event noun of a light verb ("launched ... invasion")

    @property
    def first(self) -> int:
        """The trigger's first token index."""
        return min(self.tokens)

    @property
    def last(self) -> int:
        """The trigger's last token index."""
        return max(self.tokens)


def find_triggers(view: SentenceView, verbs: VerbDictionary) -> list[Trigger]:
    """The verbs of the sentence that the dictionary knows, with the words of each.

    A multi-word form (``wire tapped``, ``broken down``) beats the single words it covers. A
    form missing from the dictionary is looked up by its lemma only when it is an irregular
    form (``fought`` -> FIGHT); a regular-looking one is not (``departes`` is no form of
    DEPART). Gerunds after a preposition (``after leaving``) are not coded (PETRARCH codes
    the verbs of clauses, not of prepositional phrases). A verb that ascribes a property to
    its object ("called the sanctions illegal", "found the strike justified") is no
    interaction between actors and is not coded.
    """
    found: list[tuple[Token, list[Entry], list[int]]] = []
    for tok in view.sent:
        if tok.i in view.ignored or not syntax.is_verb(tok) or tok.dep_ in ("amod", "pcomp"):
            continue
        if syntax.is_predicative(tok):
            continue
        entries = verbs.lookup(view.words[tok.i])
        if not entries and tok.lemma_ and not tok.lower_.startswith(tok.lemma_.lower()):
            entries = verbs.lookup(tok.lemma_.upper())
        best: list[tuple[Entry, list[int]]] = []
        for e in entries:
            toks = _form_tokens(view, tok, e)
            if toks is not None:
                best.append((e, toks))
        if not best:
            continue
        longest = max(len(t) for _, t in best)
        chosen = [(e, t) for e, t in best if len(t) == longest]
        found.append((tok, [e for e, _ in chosen], chosen[0][1]))
    found.sort(key=lambda f: -len(f[2]))
    taken: set[int] = set()
    out: list[Trigger] = []
    doc = view.sent.doc
    for tok, entries, tokens in found:
        if taken & set(tokens):
            continue
        taken.update(tokens)
        # The syntax of a multi-word verb is that of its verb the others hang from.
        verbal = [i for i in tokens if doc[i].pos_ == "VERB" or doc[i].tag_.startswith("VB")] or [tok.i]
        head = next((doc[i] for i in verbal if doc[i].head.i not in verbal or doc[i].head.i == i), tok)
        out.append(Trigger(head, tokens, entries))
    out.sort(key=lambda t: t.first)
    return out


def _form_tokens(view: SentenceView, tok: Token, entry: Entry) -> list[int] | None:
    """Token indices of a (multi-word) verb form around ``tok``, or None if they are absent."""
    form = entry.form
    words = view.words
    out = [tok.i]
    for j in range(form.head):
        i = tok.i - (form.head - j)
        if i < view.start or words.get(i) != form.words[j]:
            return None
        out.append(i)
    after = form.words[form.head + 1 :]
    if after:
        i = tok.i + 1
        if all(words.get(i + k) == w for k, w in enumerate(after)):
            out.extend(range(i, i + len(after)))
        elif len(after) == 1:
            # A separated particle: "broke the talks off".
            part = [c for c in tok.children if c.dep_ in ("prt", "advmod", "prep") and words.get(c.i) == after[0]]
            if not part:
                return None
            out.append(part[0].i)
        else:
            return None
    return sorted(out)


def nominal_entries(view: SentenceView, verb: Token, verbs: VerbDictionary) -> tuple[Token, list[Entry]] | None:
    """For a light verb (``launched``), its event noun object and the dictionary entries of
    the noun's verb (``invasion`` -> INVADE)."""
    lex = view.lex.light
    if verb.lemma_.lower() not in lex.light:
        return None
    for c in verb.children:
        if c.dep_ not in ("dobj", "nsubjpass") or c.pos_ != "NOUN":
            continue
        words = lex.nouns.get(c.lemma_.lower()) or lex.nouns.get(c.lower_)
        if not words:
            continue
        entries = [e for e in verbs.lookup(words[0]) if e.form == e.verb.base and e.form.words == words]
        if entries and any(not e.code.null for e in entries):
            return c, [e for e in entries if not e.code.null]
    return None


def light_triggers(view: SentenceView, verbs: VerbDictionary, triggers: list[Trigger]) -> list[Trigger]:
    """Triggers for light verbs the dictionary does not know ("carried out an air strike")."""
    known = {i for t in triggers for i in t.tokens}
    out = []
    for tok in view.sent:
        if tok.i in known or tok.i in view.ignored or not syntax.is_verb(tok):
            continue
        found = nominal_entries(view, tok, verbs)
        if found:
            noun, entries = found
            out.append(Trigger(tok, sorted({tok.i, noun.i}), entries, noun))
    return out
