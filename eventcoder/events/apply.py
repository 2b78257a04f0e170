"""Coding the events of one article from its parse, its actor mentions and the verb dictionary.

For every content verb of a sentence whose form is in the verb dictionary:

1. the verb's patterns are matched against the words around it (``patterns``); the best
   match gives the code and may name the source (``$``), the target (``+``), actors to skip
   (``^``) or a compound (``%``); without a match the verb's default code applies; a light
   verb with an event noun is coded as the noun's verb (``triggers``);
2. sources and targets not named by the pattern come from the parse (``participants``);
3. coordinated actors give one event per pair; ``032:033`` codes give the paired event; a
   compound source without a target cooperates among its members (``reciprocal.tsv``);
4. negation and modality are read from the parse (``modality``); a negated verb takes the
   negated code (``ontology.negate``) unless the pattern itself spelled the negation out;
5. events inside events ("vowed to wage war", "A said B did X") follow PETRARCH-2's
   conventions (``nesting``);
6. PETRARCH's options: ``require_dyad`` drops events without a source or a target,
   ``new_actor_length`` takes short uncoded noun phrases as actors, ``comma_*`` skip
   comma-delimited clauses (``commas``); discarded sentences are not coded.

See docs/events.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..article import Event, Participant, Span
from ..dictionaries.verbs import Block, Code, VerbDictionary
from ..nlp import Context
from ..tuning import TUNING
from . import dates, senses, syntax
from .commas import attribution_tokens, ignored_tokens
from .factory import add_events, new_event
from .modality import Modality, modality, negation_tokens
from .nesting import Coded, complements
from .ontology import Ontology
from .participants import (
    adverbial_clauses,
    clause_subjects,
    content_clauses,
    default_sources,
    default_targets,
    expand,
    first_after,
    is_located,
    is_modifier,
    new_actor,
    new_target,
    place_phrase,
    same,
)
from .patterns import PatternMatch, Scope, match
from .quoted import find_quoted
from .resources import Resources
from .sentence import Mention, SentenceView
from .triggers import Trigger, find_triggers, light_triggers, nominal_entries


def best_match(
    view: SentenceView, trig: Trigger, upper: list[int], lower: list[int]
) -> tuple[PatternMatch, Block] | None:
    """The best pattern match of the trigger's blocks."""
    wordset = view.wordset()
    scope = Scope.of(view, trig.verb, upper, lower)
    found: tuple[PatternMatch, Block] | None = None
    seen: set[int] = set()
    for entry in trig.entries:
        block = entry.block
        if id(block) in seen:
            continue
        seen.add(id(block))
        for pattern in block.patterns:
            if not pattern.literals <= wordset:
                continue
            m = match(pattern, view, trig.first, trig.last, scope)
            if m is not None and (found is None or m.rank > found[0].rank):
                found = (m, block)
    return found


@dataclass
class Choice:
    """The code a trigger takes and why."""

    trigger: Trigger
    code: Code
    match: PatternMatch | None
    block: Block
    rule: str
    confidence: float


def choose_code(view: SentenceView, trig: Trigger, verbs: VerbDictionary, upper: list[int], lower: list[int]) -> Choice:
    """The best pattern's code, else the verb's default (a light verb's: its event noun's)."""
    verb = trig.verb
    best = best_match(view, trig, upper, lower) if trig.nominal is None else None
    if best is None and trig.nominal is None and all(e.code.null for e in trig.entries):
        found = nominal_entries(view, verb, verbs)
        if found:
            trig = Trigger(verb, sorted(set(trig.tokens) | {found[0].i}), found[1], found[0])
    if best is not None:
        pm, block = best
        rule = f"{block.source}:{pm.pattern.line} {block.name} [{pm.pattern.code.raw}] {pm.pattern.text}"
        return Choice(trig, pm.pattern.code, pm, block, rule, TUNING.confidence_pattern)
    entry = next((e for e in trig.entries if not e.code.null), trig.entries[0])
    rule = f"{entry.block.source}:{entry.verb.line} {entry.block.name} [{entry.code.raw}]"
    if trig.nominal is not None:
        rule += f" ({verb.lower_} + {trig.nominal.lower_})"
    return Choice(trig, entry.code, None, entry.block, rule, TUNING.confidence_verb_default)


def _frames_an_infinitive(verb: Token) -> bool:
    """ "X is expected / said / believed to Y": the passive only frames its infinitive, which is
    coded with X as its subject."""
    return (
        syntax.is_passive(verb)
        and not syntax.agents(verb)
        and any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in verb.children)
    )


def _asks_its_object(verb: Token) -> bool:
    """ "What has the Indian Railways planned for this Women's Day?": the object is asked
    for, so whom the act is on is unknown (the day after it is no target)."""
    ends = verb.sent[-1].text == "?" or (len(verb.sent) > 1 and verb.sent[-2].text == "?")
    return ends and any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for c in verb.children)


def find_sources(
    ctx: Context, view: SentenceView, trig: Trigger, lower: list[int], bound: list[Mention], targets: list[Mention]
) -> tuple[list[Mention], float]:
    """Sources the pattern did not name, and the confidence they cost."""
    verb = trig.verb
    sources = default_sources(view, verb, bound + targets)
    cost = 0.0
    if not sources and syntax.is_passive(verb) and not syntax.agents(verb):
        # A passive without "by": the actor of the verb's own phrases after it acts ("X was
        # shot dead in Osgiliath"; UniversalPetrarch's reading), with less confidence; not one
        # inside a complement ("found guilty of raping Y").
        passive_targets = targets or default_targets(view, trig, lower, bound)
        phrases = sorted(syntax.own_phrases(verb, lower))
        first = next((m for m in view.mentions_in(set(phrases)) if m.start > trig.last), None)
        if first is not None and not _placed(view, first, verb):
            sources = first_after(view, trig, phrases, bound + passive_targets)
        cost += TUNING.source_step
    limit = ctx.settings.new_actor_length
    if not sources and limit > 0:
        heads = (
            syntax.agents(verb)
            if syntax.is_passive(verb)
            else syntax.subjects(verb) or syntax.inherited_subject(verb)[0]
        )
        sources = [n for h in heads for c in syntax.conjuncts(h) if (n := new_actor(view, c, limit))]
    return sources, cost + (TUNING.participant_found if sources else TUNING.participant_missing)


# Prepositions of movement: "flown to a hospital", "airlifted from Omsk" say where from or
# to, not who acted.
_MOVEMENT_PREPS = frozenset({"from", "to"})


def _placed(view: SentenceView, m: Mention, verb: Token) -> bool:
    """Is the first actor after a passive without agent a place rather than the one who acted:
    the object of "from"/"to" ("airlifted from the city of Omsk"), or a building in a locative
    phrase ("murdered in the consulate")? ("shot dead in Osgiliath, the state's fiercest foe" stays UniversalPetrarch's
    reading: Osgiliath shot.)"""
    if is_located(view, m, verb):
        return True
    phrase, prep = place_phrase(view, m)
    return phrase.dep_ == "pobj" and prep.lower_ in _MOVEMENT_PREPS


def _relative(clause: Token) -> bool:
    """A relative clause with its relative word ("which", "who", "whose", "where")."""
    return any(t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in clause.subtree if t.i < clause.i)


def find_targets(
    ctx: Context,
    view: SentenceView,
    trig: Trigger,
    lower: list[int],
    avoid: list[Mention],
    code: str | None,
    named: frozenset[int] = frozenset(),
) -> tuple[list[Mention], float]:
    """Targets the pattern did not name, and the confidence they cost. What a verb says or
    considers is no target of it ("X said the plane came from Bishkek", "Washington is mulling
    whether to give Ukraine ..."): only its own phrases are searched."""
    lemma = trig.verb.lemma_.lower()
    c = view.lex.cues
    considered = lemma in c["hypothetical"] and trig.verb.pos_ == "VERB"
    # Statements, appeals and complaints ("argued that trade deals ... push Mexican corn growers
    # north") say their content; what they are about is the clause's subject.
    says = lemma in c["reporting"] or view.lex.in_group(code, "saying")
    content = content_clauses(trig.verb, considered) if (says or considered) else set()
    # A relative clause on a noun of the verb's phrase tells about that noun; its actors do
    # not take part ("patrol the Gulf, which was joined by Australia").
    doc = trig.verb.doc
    for i in lower:
        if doc[i].dep_ == "relcl" and doc[i].head.i != trig.verb.i and _relative(doc[i]):
            content |= syntax.subtree_indices(doc[i])
    if content:
        lower = [i for i in lower if i not in content]
    # A target is an argument of the verb itself, not an actor of a clause hanging from it
    # ("held a press conference discussing Iran", "gathered to discuss Libya").
    heads = [doc[i] for i in trig.tokens] + ([trig.nominal] if trig.nominal is not None else [])
    # The targets of verbal acts (root_groups.tsv) are whom they address or are about, never the
    # actors of a clause telling what they were about.
    adverbial = adverbial_clauses(heads, verbal=view.lex.in_group(code, "verbal"))
    lower = [i for i in lower if i not in adverbial]
    # Nor, for a verb outside a direct quotation, an actor inside one: the quote is what
    # someone says, not whom the verb is about (but its subject is: 'He noted, "[The
    # government] has always claimed ..."').
    quotes = view.quoted
    if not quotes.contains(trig.verb.idx):
        about = clause_subjects(heads)
        lower = [i for i in lower if i in about or not quotes.contains(doc[i].idx)]
    if view.lex.in_group(code, "topical"):
        # "gathered to discuss Libya-Turkey relations", "offered a US dollar reward": what is
        # talked about or offered is a thing named after an actor, not the actor. The subject
        # of a clause the statement is about stays ("said [FSB officers] were present").
        # An adjective stays a modifier there too ("claimed [the Turkish drilling] is ...").
        about = clause_subjects(heads)
        lower = [
            i
            for i in lower
            if (m := view.mention_at(i)) is None
            or not is_modifier(view, m)
            or (i in about and view.sent.doc[i].dep_ != "amod")
        ]
    targets = default_targets(view, trig, lower, avoid, named)
    if not targets and ctx.settings.new_actor_length > 0:
        targets = new_target(view, trig, lower, ctx.settings.new_actor_length)
    return targets, TUNING.participant_found if targets else TUNING.participant_missing


def code_sentence(ctx: Context, view: SentenceView, verbs: VerbDictionary, onto: Ontology) -> list[Coded]:
    """The coded events of one sentence (before ids and spans)."""
    out: list[Coded] = []
    triggers = find_triggers(view, verbs)
    triggers = sorted(triggers + light_triggers(view, verbs, triggers), key=lambda t: t.first)
    sent_tokens = [t.i for t in view.sent]
    for trig in triggers:
        verb = trig.verb
        if _frames_an_infinitive(verb) or _asks_its_object(verb):
            continue
        lower = sorted(i for i in syntax.domain(verb, skip=syntax.subjects(verb)) if i > trig.last)
        upper = [i for i in sent_tokens if i < trig.first]
        choice = choose_code(view, trig, verbs, upper, lower)
        trig, pm, confidence = choice.trigger, choice.match, choice.confidence
        if choice.code.null:
            continue
        particles = {c.lower_ for c in verb.children if c.dep_ in ("prep", "prt", "agent", "advmod")}
        if view.lex.non_event(verb.lemma_, particles, matched=pm is not None):
            continue  # "according to", "was sworn in", "X died" (non_events.tsv)
        sense = senses.sense_code(view, verb, matched=pm is not None)
        if sense == senses.NO_EVENT:
            continue  # "withdrew her name", "intensified screening" (senses.tsv)
        if sense is not None:
            # "blasted the senator": the use's own code (senses.tsv), a verb's default no more.
            choice = Choice(
                trig, Code(sense, None, sense), pm, choice.block, f"{choice.rule} (sense {sense})", choice.confidence
            )
        mod = modality(verb, view.lex.cues, dates.historical_time(ctx.article, verb), view.quoted.contains(verb.idx))
        code = _negated(choice.code, mod, verb, pm, onto)

        # Bound at definition: the helper belongs to this trigger.
        def emit(
            src: Mention | None,
            tgt: Mention | None,
            cameo: str | None,
            conf: float,
            trig: Trigger = trig,
            choice: Choice = choice,
            mod: Modality = mod,
        ) -> None:
            if cameo:
                out.append(Coded(trig, cameo, src, tgt, choice.rule, mod, conf, style=choice.block.style))

        bound = (pm.sources + pm.targets + pm.skipped + pm.compounds) if pm else []
        skipped = pm.skipped if pm else []
        sources = [x for m in pm.sources for x in expand(view, m) if x not in skipped] if pm else []
        targets = [x for m in pm.targets for x in expand(view, m) if x not in skipped] if pm else []
        if pm and pm.compounds:
            members: list[Mention] = []
            for m in pm.compounds:
                members.extend(x for x in expand(view, m) if x not in members)
            if pm.compound_upper and len(members) > 1:
                # "% HAVE * [191]": the members of a compound subject act on each other.
                for a in members:
                    for b in members:
                        if not same(a, b):
                            emit(a, b, code.forward, confidence)
                continue
            if pm.compound_upper:
                sources = sources or members
            else:
                targets = targets or members
        if not sources:
            sources, cost = find_sources(ctx, view, trig, lower, bound, targets)
            confidence -= cost
        if not targets:
            targets, cost = find_targets(
                ctx, view, trig, lower, bound + sources, code.forward, frozenset(pm.tokens) if pm else frozenset()
            )
            confidence -= cost
        if not targets and view.lex.takes_place_as_target(code.forward):
            # "protested in Belgrade", "arrived in Moscow": the place's country is the target.
            targets = _place_targets(ctx, view, verb)
        if not targets and len(sources) > 1 and view.lex.is_reciprocal(code.forward) and not syntax.is_passive(verb):
            # Not the agents of a passive ("a coalition which was joined by A, B and C").
            # "Gondor and Osgiliath met": cooperation among the members of a compound source
            # (PETRARCH-2's get_events, for mutual cooperation only: reciprocal.tsv).
            targets = sources
        none: list[Mention | None] = [None]
        for src in [*sources] or none:
            for tgt in [*targets] or none:
                if same(src, tgt):
                    continue
                emit(src, tgt, code.forward, confidence)
                if not mod.negated and src is not None and tgt is not None and not _is_place(tgt):
                    # The paired event needs both ("visited the wounded": no host); a mutual
                    # one ([041:041]) needs a partner ("called Gondor", not "called for
                    # NATO members to ..." nor "discussed Libya-Turkey relations").
                    if code.reverse != code.forward or _partner(view, tgt, verb):
                        emit(tgt, src, code.reverse, confidence)
    complements(out, view.lex)
    return [c for c in out if not c.dropped]


def _place_targets(ctx: Context, view: SentenceView, verb: Token) -> list[Mention]:
    """The countries of the places a locative preposition puts the verb's clause in, as
    targets with no actor ("protested in Belgrade": SRB)."""
    doc = view.sent.doc
    clause = syntax.clause_tokens(verb)
    out: list[Mention] = []
    sent_start, sent_end = view.sent.start_char, view.sent.end_char
    for place in ctx.article.places:
        if not sent_start <= place.start < sent_end:  # the clause is in this sentence (linear, not quadratic)
            continue
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or not place.country or span.root.i not in clause:
            continue
        root = span.root
        if root.dep_ == "pobj" and root.head.lower_ in TUNING.event_place_prepositions:
            if not any(m.code == place.country for m in out):
                out.append(Mention(span.start, span.end, None, place.country))
    return out


def _is_place(m: Mention) -> bool:
    """A target taken from a place: a country with no actor (and no host to act back)."""
    return m.actor is None and not m.new


# Prepositions that name the other party of a mutual act ("met with", "talked to").
_PARTNER_PREPS = frozenset({"with", "to", "by", "between", "among"})


def _partner(view: SentenceView, m: Mention, verb: Token) -> bool:
    """Is the mention the verb's other party: its object, passive subject or the object of
    "with"/"to" on the verb (coordinated mentions count as their first)?"""
    doc = view.sent.doc
    head = next(
        (doc[i] for i in range(m.start, m.end) if not m.contains(doc[i].head.i) or doc[i].head.i == i), doc[m.end - 1]
    )
    via = False  # reached through "with"/"of" on a noun: "in clashes [with Mordor]"
    for _ in range(8):
        up = head.head
        if up.i == head.i:
            break
        if head.dep_ in ("conj", "appos", "compound", "amod", "nmod", "poss"):
            head = up  # "Gondor and Arnor", "Eriadori and Calenardhon leaders"
        elif head.dep_ == "pobj" and up.lower_ in _PARTNER_PREPS | {"of", "against"} and up.head.i != verb.i:
            head = up.head  # "a bunch of Morgul Orcs", "died in clashes with Mordor"
            via = True
        else:
            break
    if head.dep_ in ("dobj", "dative", "oprd", "nsubjpass") and head.head.i == verb.i:
        return True  # "called Arnor" (parsed as a predicate)
    prep = head.head
    return head.dep_ == "pobj" and (via or prep.lower_ in _PARTNER_PREPS) and prep.head.i == verb.i


def _negated(code: Code, mod: Modality, verb: Token, pm: PatternMatch | None, onto: Ontology) -> Code:
    """The code of a negated verb, unless the matched pattern contains the negation."""
    if not mod.negated:
        return code
    negs = {t.i for t in negation_tokens(verb)}
    if pm is not None and negs & set(pm.tokens):
        return code
    forward = code.forward
    if forward is not None:
        forward = onto.negate(forward, future=mod.future) or forward
    return Code(forward, None, code.raw)


def to_events(ctx: Context, view: SentenceView, coded: list[Coded], onto: Ontology) -> list[Event]:
    """``Event``s with spans, dates, places and ontology fields (ids are set by ``add_events``)."""
    article = ctx.article
    doc = view.sent.doc
    text = article.text
    out: list[Event] = []
    seen: set[tuple] = set()
    for c in coded:
        if ctx.settings.require_dyad and (c.source is None or c.target is None):
            continue
        key = (_key(c.source), _key(c.target), c.code)
        # One trigger codes a dyad once, however many mentions of it the clause holds
        # ("Hamza bin Ladin, the al-Qa'ida member and son of Usama bin Ladin").
        by_code = (c.trigger.first, _code(c.source), _code(c.target), c.code)
        if key in seen or by_code in seen:
            continue
        seen.update((key, by_code))
        toks = [doc[i] for i in c.trigger.tokens]
        # A dictionary's compound code ("FRO/BIL/SAM": several actors under one entry) is one
        # event per actor, as PETRARCH writes them.
        for source in _each_code(_participant(ctx, view, c.source)):
            for target in _each_code(_participant(ctx, view, c.target)):
                out.append(
                    new_event(
                        ctx,
                        onto,
                        cameo=c.code,
                        trigger=Span.of(text, toks[0].idx, toks[-1].idx + len(toks[-1])),
                        sentence=Span.of(text, view.sent.start_char, view.sent.end_char),
                        verb=c.trigger.verb,
                        source=source,
                        target=target,
                        modality=c.modality.value,
                        negated=c.modality.negated,
                        rule=c.rule,
                        confidence=c.confidence,
                    )
                )
    return out


def _each_code(p: Participant | None) -> list[Participant | None]:
    """The participant once per part of a compound code (``ELR/GAL``: ELR, then GAL)."""
    if p is None or not p.code or "/" not in p.code:
        return [p]
    return [Participant(p.actor, part, p.start, p.end, p.text) for part in p.code.split("/") if part]


def _key(m: Mention | None) -> tuple:
    if m is None:
        return (None,)
    return (m.actor, m.code) if m.actor else (m.code, m.start)


def _code(m: Mention | None) -> str | None:
    return m.code if m is not None else None


def _participant(ctx: Context, view: SentenceView, m: Mention | None) -> Participant | None:
    if m is None:
        return None
    doc = view.sent.doc
    start = doc[m.start].idx
    end = doc[m.end - 1].idx + len(doc[m.end - 1])
    return Participant(m.actor, m.code, start, end, ctx.article.text[start:end])


def code_article(ctx: Context, res: Resources, discarded: set[int] | None = None) -> None:
    """Add the events of every sentence to ``ctx.article.events``.

    ``discarded``: start indices of sentences a discard phrase removed from coding.
    """
    events: list[Event] = []
    chunks = [(c.start, c.end) for c in ctx.doc.noun_chunks]
    quoted = find_quoted(ctx.article.text)
    place_tokens: set[int] = set()
    for place in ctx.article.places:
        span = ctx.doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None:
            place_tokens.update(range(span.start, span.end))
    # An actor named by a place name (a country or a place, no sector) may be where an event is.
    placed = {a.id for a in ctx.article.actors if a.kind in ("country", "place")}
    place_tokens.update(i for i, aid in ctx.token_actor.items() if aid in placed)
    for sent in ctx.doc.sents:
        if discarded and sent.start in discarded:
            continue
        view = SentenceView.build(sent, ctx.token_actor, ctx.article, res.lexicon, quoted, chunks)
        view.ignored = ignored_tokens(sent, ctx.settings) | attribution_tokens(sent)
        view.places = {i for i in place_tokens if sent.start <= i < sent.end}
        coded = code_sentence(ctx, view, res.verbs, res.ontology)
        events.extend(to_events(ctx, view, coded, res.ontology))
    events.sort(key=lambda e: e.trigger.start)  # stable: events of one trigger keep their order
    add_events(ctx.article, events)
