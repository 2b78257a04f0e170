"""Reader of TABARI/PETRARCH agent dictionaries.

Format (``Phoenix.agents.txt``, ``PETR.Validate.agents.txt``)::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     substitution set
    STATE_MEDIA [~GOVMED]                         ~CODE: added after the actor's code
    HUMAN_RIGHTS_BODY [NGO~]                      CODE~: added before it
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   irregular plural
    POLICE {} [~COP]                              no plural
    CONGRESS!PERSON! [~LEG]                       one entry per member of the set, no plurals

Regular plurals are generated as PETRARCH 0.5 does (``Y`` -> ``IES``, ``S`` -> ``SES``, else
``S``); eventcoder adds the English forms PETRARCH misses (``-CH/-SH/-X`` -> ``ES``, a vowel
before ``Y`` -> ``S``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import DictionaryError
from .lines import content_lines, words

_MARKER_DEF = re.compile(r"^!([A-Za-z0-9_]+)!\s*=\s*(.*)$")
_MARKER_USE = re.compile(r"!([A-Za-z0-9_]+)!")
_AGENT_CODE = re.compile(r"^(~[A-Z0-9]+|[A-Z0-9]+~)$")


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """One agent phrase (a singular or plural form) and its code.

    ``code`` is the bare code (``GOVMED``); ``prefix`` is True for ``NGO~`` (the code goes
    before the actor's), False for ``~GOVMED`` (after it). ``name`` is the entry as written
    (the singular phrase) and ``source`` its ``file:line``.
    """

    pattern: tuple[str, ...]
    code: str
    prefix: bool
    name: str
    source: str

    @property
    def raw_code(self) -> str:
        """The code as the dictionary writes it (``~GOV`` or ``GOV~``)."""
        return f"{self.code}~" if self.prefix else f"~{self.code}"


def regular_plurals(word: str) -> list[str]:
    """Plural forms of a word: PETRARCH 0.5's rule, plus the English one where it differs."""
    if word.endswith("Y"):
        forms = [word[:-1] + "IES"]
        if len(word) > 1 and word[-2] in "AEIOU":
            forms.append(word + "S")
    elif word.endswith("S"):
        forms = [word + "ES"]
    else:
        forms = [word + "S"]
        if word.endswith(("CH", "SH", "X", "Z")):
            forms.append(word + "ES")
    return forms


def _parse_code(text: str, where: str, line: int) -> tuple[str, bool]:
    code = text.strip().upper()
    if not _AGENT_CODE.match(code):
        raise DictionaryError(where, line, f"bad agent code [{text.strip()}]: expected ~CODE or CODE~")
    return code.strip("~"), code.endswith("~")


def read_agents(path: str | Path) -> list[AgentEntry]:
    """Every agent phrase of the file (plural forms included), in file order.

    Raises DictionaryError (``file:line: reason``) on a bad entry.
    """
    where = str(path)
    name = Path(path).name
    markers: dict[str, list[str]] = {}
    out: list[AgentEntry] = []
    for number, raw in content_lines(path):
        text = raw.strip()
        src = f"{name}:{number}"
        m = _MARKER_DEF.match(text)
        if m:
            items = [i.strip().upper() for i in m.group(2).split(",") if i.strip()]
            if not items:
                raise DictionaryError(where, number, f"substitution set !{m.group(1)}! is empty")
            markers[m.group(1).upper()] = items
            continue
        if "[" not in text:
            raise DictionaryError(where, number, f"agent {text!r} has no [code]")
        phrase, _, rest = text.partition("[")
        inner, close, tail = rest.partition("]")
        if not close or tail.strip():
            raise DictionaryError(where, number, "expected one [code] at the end of the line")
        code, prefix = _parse_code(inner, where, number)
        phrase = phrase.strip()
        plural: str | None = None
        if "{" in phrase:
            head, _, brace = phrase.partition("{")
            inside, close, after = brace.partition("}")
            if not close or after.strip():
                raise DictionaryError(where, number, "missing '}' after the plural")
            phrase, plural = head.strip(), inside.strip()
        use = _MARKER_USE.search(phrase)
        if use:
            marker = use.group(1).upper()
            if marker not in markers:
                raise DictionaryError(where, number, f"substitution set !{use.group(1)}! is not defined above")
            forms = [words(phrase[: use.start()] + item + phrase[use.end() :]) for item in markers[marker]]
            for pattern in forms:
                out.append(AgentEntry(pattern, code, prefix, display(forms[0]), src))
            continue
        pattern = words(phrase)
        if not pattern:
            raise DictionaryError(where, number, "empty agent phrase")
        label = display(pattern)
        out.append(AgentEntry(pattern, code, prefix, label, src))
        if plural is None:
            forms = [pattern[:-1] + (p,) for p in regular_plurals(pattern[-1])]
        else:
            forms = [words(plural)] if plural else []
        for form in forms:
            if form and form != pattern:
                out.append(AgentEntry(form, code, prefix, label, src))
    return out


def display(pattern: tuple[str, ...]) -> str:
    """``('STATE', 'MEDIA')`` -> ``state media`` (agents are common nouns)."""
    return " ".join(pattern).lower()
