"""Reader of TABARI/PETRARCH verb dictionaries (PETRARCH-1 ``CAMEO.verbpatterns`` and the
PETRARCH-2 ``CAMEO.2.0.txt`` format, which the validation suites' verb files also use).

A file holds synonym sets and verb blocks::

    &CURRENCY                         a synonym set: its members follow on '+' lines
    +DOLLAR
    +SWISS FRANCS                     (a member may be a phrase, or another set: +&TIETYPES)

    --- MEET_PEOPLE [040] ---         a verb block: name and default code
    MEET {MEETS MET MEETING}          verbs of the block, irregular forms in braces
    +MEET_WITH {+MET_WITH}            a multi-word verb: '+' marks the verb word
    DOWNPLAY [014]                    a verb with its own default code
    - * (WITH LEADERS) [036:036]      patterns: words before and after the verb '*'
    - SAID WOULD NOT * [125]
    ~ a (a b Q) SAY = a b Q           a PETRARCH-2 transformation (kept, see Transformation)

Pattern elements: a word (``BY/WITH``: either), ``&SET``, ``$`` the source actor, ``+`` the
target actor (TABARI's convention), ``^`` an actor or noun phrase to skip, ``%`` a compound
actor; ``_`` ties two elements with no
word between them (``KNOWN_ *``, ``*_OUT``); ``{A B HEAD}`` groups a noun phrase and
``(PREP ...)`` a prepositional phrase (PETRARCH-2). Between other elements any words may
intervene. Codes: ``[064]``; ``[032:033]`` codes two events, source->target 032 and
target->source 033; ``[:110]`` only the second; ``[---]`` codes nothing. A trailing ``?``
or ``!`` (a coder's doubt) is dropped.

Regular verb forms (``-S``/``-ES``/``-IES``, ``-ED``/``-D``/``-IED``, ``-ING``, with a doubled
final consonant after a single vowel: ``BANNED``) are generated for every verb; irregular ones
come from the braces. A file whose patterns group words in ``{...}`` or ``(...)`` is read as
PETRARCH-2 wrote it (``Pattern.style == "petrarch2"``), else as PETRARCH-1 did. Synonym-set
members also match their plural (``DOLLAR`` -> ``DOLLARS``) unless they end in ``_``
(PETRARCH-2's rule).

Comments: ``<!-- ... -->`` (possibly over several lines), lines starting with ``#``, ``#``
after a blank (``[###]`` is a code, not a comment) and KEDS's ``;``. A bad entry is a
``DictionaryError`` (``file:line: reason``); an entry that can be skipped without harm (a
pattern with no ``*`` or no code, an unknown synonym set) is listed in
``VerbDictionary.problems`` and skipped. Some files write a pattern without its leading ``-``
(``* (TO QUESTION) [110]``): a line starting with ``*`` is read as a pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DictionaryError
from .lines import read_text, text_lines

NULL_CODE = "---"

# Element kinds.
WORD = "word"
SYN = "syn"
SOURCE = "source"  # $
TARGET = "target"  # +
SKIP = "skip"  # ^
COMPOUND = "compound"  # %
ACTOR_KINDS = (SOURCE, TARGET, SKIP, COMPOUND)
_SYMBOLS = {"$": SOURCE, "+": TARGET, "^": SKIP, "%": COMPOUND}

_CODE_TEXT = re.compile(r"^[A-Za-z0-9+#\-]*[?!]*$")
_BLOCK = re.compile(r"^---\s*(.*?)\s*(?:---\s*)?$")


@dataclass(frozen=True, slots=True)
class Code:
    """A pattern's or block's code: ``forward`` codes source->target, ``reverse`` the paired
    target->source event. None stands for no event (``---``)."""

    forward: str | None
    reverse: str | None
    raw: str

    @property
    def null(self) -> bool:
        """Is this a null code (``---``: the verb codes nothing)?"""
        return self.forward is None and self.reverse is None


@dataclass(frozen=True, slots=True)
class Element:
    """One element of a pattern. ``phrases`` are the alternatives it matches, each a run of
    consecutive words (a word: ``BY/WITH`` -> (("BY",), ("WITH",)); a synonym set: its
    members); ``joined``: the next element (or the verb) follows with no word in between;
    ``group`` numbers the ``{...}``/``(...)`` phrase the element belongs to (0: none) and
    ``bracket`` says which; ``name``: the synonym set's name."""

    kind: str
    phrases: tuple[tuple[str, ...], ...] = ()
    joined: bool = False
    group: int = 0
    name: str = ""
    bracket: str = ""  # "(" or "{" for an element of a phrase group


@dataclass(frozen=True, slots=True)
class Pattern:
    """A pattern of a verb block. ``upper`` are the elements before the verb in text order (the
    last one nearest the verb), ``lower`` those after it; ``verb_joined``: the first lower
    element follows the verb directly (``*_OUT``)."""

    upper: tuple[Element, ...]
    lower: tuple[Element, ...]
    verb_joined: bool
    code: Code
    line: int
    text: str
    style: str = "petrarch1"  # the reading the file was written for (see read_verbs)
    literals: frozenset[str] = frozenset()  # words every match needs (a cheap pre-filter)

    @property
    def size(self) -> int:
        """Elements other than the verb: longer patterns are tried first."""
        return len(self.upper) + len(self.lower)


@dataclass(frozen=True, slots=True)
class VerbForm:
    """A verb as it appears in text: its words and the index of the inflected one
    (``WIRE_+TAPPED`` -> ``("WIRE", "TAPPED")``, 1)."""

    words: tuple[str, ...]
    head: int

    @property
    def verb(self) -> str:
        """The form's head verb."""
        return self.words[self.head]


@dataclass
class Verb:
    """A verb line of a block: its base form, all its forms and its own code (None: the
    block's)."""

    base: VerbForm
    forms: list[VerbForm]
    code: Code | None
    line: int


@dataclass
class Block:
    """A verb block: name, default code, verbs and patterns (patterns apply to every verb)."""

    name: str
    code: Code
    line: int
    source: str  # file name
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    style: str = "petrarch1"  # "petrarch2" for files in PETRARCH-2's phrase format


@dataclass(frozen=True, slots=True)
class Transformation:
    """A PETRARCH-2 transformation line (``~ a (b . ATTACK) SAY = a b 112``), kept verbatim."""

    text: str
    line: int
    source: str


@dataclass(frozen=True, slots=True)
class Entry:
    """What a verb form finds in the dictionary: the form, its verb line and its block."""

    form: VerbForm
    verb: Verb
    block: Block

    @property
    def code(self) -> Code:
        """The entry's own code, else its block's."""
        return self.verb.code or self.block.code


@dataclass
class VerbDictionary:
    """One or more verb files, compiled for lookup by the inflected word of a verb."""

    blocks: list[Block] = field(default_factory=list)
    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    transformations: list[Transformation] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    index: dict[str, list[Entry]] = field(default_factory=dict)  # inflected word -> entries

    def lookup(self, word: str) -> list[Entry]:
        """Entries whose verb word is ``word`` (upper case), in dictionary order."""
        return self.index.get(word.upper(), [])

    def add(self, other: VerbDictionary) -> None:
        """Merge another dictionary's blocks (its entries come after ours)."""
        self.blocks.extend(other.blocks)
        for name, members in other.synsets.items():
            self.synsets.setdefault(name, members)
        self.transformations.extend(other.transformations)
        self.problems.extend(other.problems)
        for word, entries in other.index.items():
            self.index.setdefault(word, []).extend(entries)

    @property
    def pattern_count(self) -> int:
        """How many patterns the dictionary holds."""
        return sum(len(b.patterns) for b in self.blocks)


# -- reading -------------------------------------------------------------------------


def parse_code(raw: str, where: str, line: int) -> Code:
    """``064``, ``032:033``, ``:110``, ``---``; a trailing ``?``/``!`` is dropped."""
    text = raw.strip()
    parts = text.split(":")
    if len(parts) > 2 or not all(_CODE_TEXT.match(p.strip()) for p in parts):
        raise DictionaryError(where, line, f"bad code [{raw}]")
    clean = [p.strip().rstrip("?!") for p in parts]
    if not text or (len(clean) == 1 and not clean[0]):
        raise DictionaryError(where, line, "empty code []")
    forward = clean[0] if clean[0] and clean[0] != NULL_CODE else None
    reverse = clean[1] if len(clean) > 1 and clean[1] and clean[1] != NULL_CODE else None
    return Code(forward, reverse, text)


def _split_code(text: str, where: str, line: int) -> tuple[str, Code | None]:
    """(text before the first ``[``, the code inside the first ``[...]``)."""
    start = text.find("[")
    if start < 0:
        if "]" in text:
            raise DictionaryError(where, line, "']' without '['")
        return text, None
    end = text.find("]", start)
    if end < 0:
        raise DictionaryError(where, line, "'[' without ']'")
    return text[:start], parse_code(text[start + 1 : end], where, line)


def regular_forms(word: str) -> list[str]:
    """The regular forms of a verb word: itself, -S, -ED, -ING (English spelling rules)."""
    w = word.upper()
    if not w.isalpha() or len(w) < 2:
        return [w]
    consonant_y = w.endswith("Y") and w[-2] not in "AEIOU"
    if w.endswith(("S", "X", "Z", "CH", "SH")):
        third = w + "ES"
    elif consonant_y:
        third = w[:-1] + "IES"
    else:
        third = w + "S"
    if w.endswith("E"):
        past = w + "D"
    elif consonant_y:
        past = w[:-1] + "IED"
    else:
        past = w + "ED"
    ing = w[:-1] + "ING" if w.endswith("E") and not w.endswith("EE") else w + "ING"
    out = [w, third, past, ing]
    # A final consonant after a single vowel may double: BAN -> BANNED, REGRET -> REGRETTED.
    if len(w) >= 3 and w[-1] not in "AEIOUWXY" and w[-2] in "AEIOU" and w[-3] not in "AEIOU":
        out += [w + w[-1] + "ED", w + w[-1] + "ING"]
    return out


def plural(word: str) -> str | None:
    """PETRARCH-2's plural of a synonym-set noun (None for ``WORD_`` members)."""
    if word.endswith("_"):
        return None
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith("S"):
        return word + "ES"
    return word + "S"


def _verb_form(text: str, where: str, line: int) -> VerbForm:
    """``WIRE_+TAP`` -> (("WIRE","TAP"), 1); ``+BREAK_DOWN`` -> 0; ``LASH OUT`` -> 0."""
    parts = [p for p in re.split(r"[\s_]+", text.strip()) if p]
    if not parts:
        raise DictionaryError(where, line, "empty verb")
    head = 0
    words = []
    for i, p in enumerate(parts):
        if p.startswith("+"):
            head = i
            p = p[1:]
        if not p:
            raise DictionaryError(where, line, f"bad verb {text.strip()!r}")
        words.append(p.upper())
    return VerbForm(tuple(words), head)


def _inflect(form: VerbForm) -> list[VerbForm]:
    return [
        VerbForm(form.words[: form.head] + (w,) + form.words[form.head + 1 :], form.head)
        for w in regular_forms(form.verb)
    ]


def _read_verb_line(text: str, where: str, line: int) -> Verb:
    """``MEET {MEETS MET MEETING} [040]``, ``+BREAK_DOWN {+BROKE_DOWN}``, ``DOWNPLAY [014]``."""
    irregular: list[str] = []
    m = re.search(r"\{([^{}]*)\}", text)
    if m:
        irregular = m.group(1).replace(",", " ").split()
        text = text[: m.start()] + " " + text[m.end() :]
    elif "{" in text or "}" in text:
        raise DictionaryError(where, line, "unbalanced '{' ... '}' in verb forms")
    head, code = _split_code(text, where, line)
    base = _verb_form(head, where, line)
    forms: list[VerbForm] = []
    for f in _inflect(base) + [_verb_form(x, where, line) for x in irregular]:
        if f not in forms:
            forms.append(f)
    for x in irregular:
        g = _verb_form(x, where, line)
        if len(g.words) != len(base.words):
            raise DictionaryError(where, line, f"form {x!r} does not have the words of {head.strip()!r}")
    return Verb(base=base, forms=forms, code=code, line=line)


@dataclass
class _RawPattern:
    text: str
    code: Code
    line: int
    block: Block


def _tokens(text: str, names: set[str]) -> list[tuple[str, bool, int, str]]:
    """Pattern text -> (part, joined-to-next, group, bracket) in order.

    ``_`` splits a chunk into parts tied together, except inside the name of a known synonym
    set (``&FIGHT_OF_WORDS``): the longest known name wins, so ``&TIETYPES_RELATIONS`` is the
    set ``TIETYPES`` tied to the word ``RELATIONS``.
    """
    out: list[tuple[str, bool, int, str]] = []
    group = 0
    bracket = ""
    next_group = 0
    # "*WORD" and "WORD*" are written for "* WORD" and "WORD *".
    text = re.sub(r"(?<=\S)\*(?=\s|$)", " *", re.sub(r"(^|\s)\*(?=[A-Za-z&$+^%(])", r"\1* ", text))
    for chunk in text.split():
        opening = chunk[0] in "({"
        closing = chunk[-1] in ")}"
        core = chunk.strip("(){}")
        if opening:
            next_group += 1
            group = next_group
            bracket = chunk[0]
        if core:
            if core.startswith("_") and out:
                part, _, g, b = out[-1]
                out[-1] = (part, True, g, b)
            pieces = [p for p in core.split("_") if p != ""]
            parts: list[str] = []
            i = 0
            while i < len(pieces):
                piece = pieces[i]
                if piece.startswith("&"):
                    best = 1
                    for n in range(len(pieces) - i, 1, -1):
                        if "_".join(pieces[i : i + n])[1:] in names:
                            best = n
                            break
                    piece = "_".join(pieces[i : i + best])
                    i += best
                else:
                    i += 1
                parts.append(piece)
            for k, part in enumerate(parts):
                joined = k < len(parts) - 1 or core.endswith("_")
                out.append((part, joined, group, bracket if group else ""))
        if closing:
            group = 0
            bracket = ""
    return out


def _compile_pattern(
    raw: _RawPattern, synsets: dict[str, tuple[tuple[str, ...], ...]], where: str, style: str
) -> Pattern | str:
    """A Pattern, or the reason it is skipped."""
    upper: list[Element] = []
    lower: list[Element] = []
    seen_verb = False
    verb_joined = False
    for part, joined, group, bracket in _tokens(raw.text, set(synsets)):
        if part == "*":
            if seen_verb:
                return f"{where}:{raw.line}: more than one '*' in pattern {raw.text.strip()!r}"
            seen_verb = True
            verb_joined = joined
            continue
        if part in _SYMBOLS:
            el = Element(_SYMBOLS[part], (), joined, group, "", bracket)
        elif part.startswith("&"):
            name = part[1:].rstrip("_")
            if name not in synsets:
                return f"{where}:{raw.line}: unknown synonym set &{name} in pattern {raw.text.strip()!r}"
            el = Element(SYN, synsets[name], joined, group, name, bracket)
        else:
            alts = tuple((a.upper(),) for a in part.split("/") if a)
            if not alts:
                return f"{where}:{raw.line}: empty word in pattern {raw.text.strip()!r}"
            el = Element(WORD, alts, joined, group, "", bracket)
        (lower if seen_verb else upper).append(el)
    if not seen_verb:
        return f"{where}:{raw.line}: pattern without '*' skipped: {raw.text.strip()!r}"
    needs = frozenset(e.phrases[0][0] for e in upper + lower if e.kind == WORD and len(e.phrases) == 1)
    return Pattern(
        tuple(upper), tuple(lower), verb_joined, raw.code, raw.line, " ".join(raw.text.split()), style, needs
    )


def _expand_synsets(raw: dict[str, list[tuple[int, str]]], where: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Member phrases of every set, nested sets (``+&TIETYPES``) expanded, plurals added."""
    done: dict[str, tuple[tuple[str, ...], ...]] = {}

    def expand(name: str, stack: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
        if name in done:
            return done[name]
        if name in stack:
            line = raw[name][0][0] if raw[name] else None
            raise DictionaryError(where, line, f"synonym set &{name} contains itself")
        out: list[tuple[str, ...]] = []
        for line, member in raw[name]:
            phrase = member.strip().strip("()")
            if phrase.startswith("&"):
                ref = phrase[1:].rstrip("_")
                if ref not in raw:
                    raise DictionaryError(where, line, f"unknown synonym set &{ref} in &{name}")
                out.extend(expand(ref, stack + (name,)))
                continue
            words = tuple(w.upper() for w in re.split(r"[\s_]+", phrase) if w)
            if not words:
                raise DictionaryError(where, line, f"empty member in &{name}")
            out.append(words)
            p = None if phrase.endswith("_") else plural(words[-1])
            if p:
                out.append(words[:-1] + (p,))
        unique = tuple(dict.fromkeys(out))
        done[name] = unique
        return unique

    for name in raw:
        expand(name, ())
    return done


def read_verbs(path: str | Path) -> VerbDictionary:
    """Read one verb dictionary (either format). Raises DictionaryError on a bad entry."""
    where = str(path)
    name = Path(path).name
    text = read_text(path)
    blocks: list[Block] = []
    raw_sets: dict[str, list[tuple[int, str]]] = {}
    raw_patterns: list[_RawPattern] = []
    transformations: list[Transformation] = []
    problems: list[str] = []
    current_set: str | None = None
    block: Block | None = None
    for number, line in text_lines(text):
        s = line.strip()
        if s.startswith("&"):
            set_name = s.split()[0][1:].rstrip("_")
            if not set_name:
                raise DictionaryError(where, number, "synonym set without a name")
            raw_sets.setdefault(set_name, [])
            current_set = set_name
            continue
        if current_set is not None and s.startswith("+"):
            raw_sets[current_set].append((number, s[1:]))
            continue
        current_set = None
        if s.startswith("---"):
            m = _BLOCK.match(s)
            head, code = _split_code(m.group(1) if m else s[3:], where, number)
            block_name = "_".join(head.split()).strip("-").strip() or "?"
            # A block may lack a default code (PETRARCH-1's "--- DEFEND ###"): only its
            # patterns code events.
            block = Block(block_name.upper(), code or Code(None, None, NULL_CODE), number, name)
            blocks.append(block)
            continue
        if s.startswith("~"):
            transformations.append(Transformation(" ".join(s[1:].split()), number, name))
            continue
        if block is None:
            raise DictionaryError(where, number, f"{s[:40]!r} before any verb block (--- NAME [code] ---)")
        if s.startswith("-") or s.startswith("*"):
            # A pattern ("- * WORD [code]"); some files drop the leading '-'.
            body = s[1:] if s.startswith("-") else s
            end = body.rfind("]")
            start = body.rfind("[", 0, end) if end >= 0 else -1
            if start < 0 or end < 0:
                problems.append(f"{where}:{number}: pattern without a code [...] skipped: {body.strip()!r}")
                continue
            code = parse_code(body[start + 1 : end], where, number)
            raw_patterns.append(_RawPattern(body[:start], code, number, block))
            continue
        block.verbs.append(_read_verb_line(s, where, number))
    synsets = _expand_synsets(raw_sets, where)
    # PETRARCH-2 files group words of a pattern into phrases, {noun phrase} and
    # (prepositional phrase), and are read on the parse; PETRARCH-1 files are word sequences.
    style = "petrarch2" if any(re.search(r"[({]", rp.text) for rp in raw_patterns) else "petrarch1"
    for b in blocks:
        b.style = style
    for rp in raw_patterns:
        compiled = _compile_pattern(rp, synsets, where, style)
        if isinstance(compiled, str):
            problems.append(compiled)
        else:
            rp.block.patterns.append(compiled)
    d = VerbDictionary(blocks=blocks, synsets=synsets, transformations=transformations, problems=problems)
    for b in blocks:
        for v in b.verbs:
            for f in v.forms:
                entries = d.index.setdefault(f.verb, [])
                entry = Entry(f, v, b)
                if entry not in entries:
                    entries.append(entry)
    return d


def read_many(paths: Iterable[str | Path]) -> VerbDictionary:
    """Read and merge several verb files (synonym sets stay per file)."""
    out = VerbDictionary()
    for p in paths:
        out.add(read_verbs(p))
    return out
