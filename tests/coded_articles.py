"""Hand-built coded Articles for the store, API, export and browser tests (no spaCy needed).

Every span is located in the text by ``at(text, words, nth)``, so ``text[start:end] == text``
holds by construction. Shared by tests/store, tests/web and tests/test_export.py.
"""

from __future__ import annotations

from eventcoder.article import Actor, Article, Event, Participant, Place, Quote, Span, TimeExpr


def at(text: str, words: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start, start + len(words), words)


def part(text: str, actor: Actor | None, code: str | None, words: str, nth: int = 0) -> Participant:
    s = at(text, words, nth)
    return Participant(actor.id if actor else None, code, s.start, s.end, s.text)


def sentence_of(text: str, span: Span) -> Span:
    """The line holding ``span`` (the sample texts have one sentence per line)."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    end = len(text) if end < 0 else end
    return Span(start, end, text[start:end])


def event(text: str, eid: str, cameo: str, trigger: str, **kw) -> Event:
    trig = at(text, trigger, kw.pop("nth", 0))
    return Event(id=eid, cameo=cameo, root=cameo[:2], trigger=trig, sentence=sentence_of(text, trig), **kw)


MT_TEXT = (
    "Moscow on Friday ruled out a meeting between Russian Foreign Minister Sergei Lavrov and "
    "US Secretary of State Antony Blinken at the UN General Assembly.\n"
    '"There are no such plans," Deputy Foreign Minister Sergei Ryabkov told state media.\n'
    "Rybakov said Washington had rejected talks with Moscow on arms control."
)


def moscow_times() -> Article:
    """Modelled on the seed: RUS rejects a meeting with USA; two quotes by Ryabkov, one as "Rybakov"."""
    t = MT_TEXT
    russia = Actor("a1", "Russia", "RUS", country="RUS", kind="country", key="russia",
                   mentions=[at(t, "Moscow"), at(t, "Moscow", 1)], rule="Phoenix.Countries.actors.txt:100")  # fmt: skip
    lavrov = Actor("a2", "Sergei Lavrov", "RUSGOV", country="RUS", sector="GOV", role="Foreign Minister",
                   key="sergey_lavrov", kind="person", mentions=[at(t, "Sergei Lavrov")])  # fmt: skip
    blinken = Actor("a3", "Antony Blinken", "USAGOV", country="USA", sector="GOV", role="Secretary of State",
                    key="antony_blinken", kind="person", mentions=[at(t, "Antony Blinken")])  # fmt: skip
    ryabkov = Actor("a4", "Sergei Ryabkov", "RUSGOV", country="RUS", sector="GOV", role="Deputy Foreign Minister",
                    key="sergei_ryabkov", kind="person", mentions=[at(t, "Sergei Ryabkov"), at(t, "Rybakov")],
                    variants=["Rybakov"], rule="title: Deputy Foreign Minister")  # fmt: skip
    usa = Actor("a5", "United States", "USA", country="USA", kind="country", key="united_states",
                mentions=[at(t, "Washington")], rule="metonymy: capital")  # fmt: skip
    q1 = at(t, "There are no such plans,")
    q2 = at(t, "Washington had rejected talks with Moscow on arms control")
    quotes = [
        Quote(
            "q1",
            q1.start,
            q1.end,
            q1.text,
            True,
            speaker=Participant("a4", "RUSGOV", *_se(at(t, "Sergei Ryabkov")), name="Sergei Ryabkov"),
            cue=at(t, "told"),
            via="state media",
            event="e2",
        ),  # fmt: skip
        # The speaker here is named only by the misspelling; the actor resolves it to Ryabkov.
        Quote(
            "q2",
            q2.start,
            q2.end,
            q2.text,
            False,
            speaker=Participant("a4", "RUSGOV", *_se(at(t, "Rybakov"))),
            cue=at(t, "said"),
            event="e3",
        ),  # fmt: skip
    ]
    events = [
        event(
            t,
            "e1",
            "125",
            "ruled out",
            plover="REJECT",
            goldstein=-5.0,
            quad=3,
            date="2024-09-20",
            source=part(t, russia, "RUS", "Moscow"),
            target=part(t, blinken, "USAGOV", "Antony Blinken"),
            rule="CAMEO.2.0.txt:2001 RULE_OUT",
            confidence=0.8,
        ),  # fmt: skip
        event(
            t,
            "e2",
            "012",
            "told",
            plover=None,
            goldstein=-0.4,
            quad=0,
            modality="reported",
            date="2024-09-20",
            source=part(t, ryabkov, "RUSGOV", "Sergei Ryabkov"),
            quote="q1",
            rule="quote cue: told",
        ),  # fmt: skip
        event(
            t,
            "e3",
            "125",
            "rejected",
            plover="REJECT",
            goldstein=-5.0,
            quad=3,
            modality="reported",
            date="2024-09",
            source=part(t, usa, "USA", "Washington"),
            target=part(t, russia, "RUS", "Moscow", 1),
            rule="CAMEO.2.0.txt:2010 REJECT",
            quote="q2",
        ),  # fmt: skip
    ]
    friday = at(t, "on Friday")
    return Article(
        id="mt-2024-09-20", text=t, url="https://www.themoscowtimes.com/2024/09/20/moscow-rules-out-meeting",
        title="Moscow Rules Out Meeting Between Lavrov, Blinken at UN Assembly", published="2024-09-20",
        outlet="The Moscow Times", byline="AFP", actors=[russia, lavrov, blinken, ryabkov, usa], events=events,
        quotes=quotes, times=[TimeExpr(friday.start, friday.end, friday.text, "2024-09-20", "day")],
    )  # fmt: skip


CN_TEXT = (
    "China criticised the United States on Tuesday over new tariffs.\n"
    "Beijing will not attend the trade summit, the foreign ministry said."
)


def china() -> Article:
    """CHN criticises USA (conflict), a negated future event, a quote without a resolved speaker."""
    t = CN_TEXT
    chn = Actor("a1", "China", "CHN", country="CHN", kind="country", key="china",
                mentions=[at(t, "China"), at(t, "Beijing")])  # fmt: skip
    usa = Actor("a2", "United States", "USA", country="USA", kind="country", key="united_states",
                mentions=[at(t, "the United States")])  # fmt: skip
    q = at(t, "Beijing will not attend the trade summit")
    return Article(
        id="wn-china",
        text=t,
        url="https://en.wikinews.org/wiki/China_criticises_US",
        title="China criticises US",
        published="2024-10-02",
        outlet="Wikinews",
        actors=[chn, usa],
        events=[
            event(
                t,
                "e1",
                "111",
                "criticised",
                plover="DISAPPROVE",
                goldstein=-2.0,
                quad=3,
                date="2024-10-01",
                source=part(t, chn, "CHN", "China"),
                target=part(t, usa, "USA", "the United States"),
                rule="CAMEO.2.0.txt:1500 CRITICIZE",
            ),  # fmt: skip
            event(
                t,
                "e2",
                "036",
                "attend",
                plover="CONSULT",
                goldstein=4.0,
                quad=1,
                negated=True,
                modality="negated",
                source=part(t, chn, "CHN", "Beijing"),
                rule="CAMEO.2.0.txt:300 ATTEND",
            ),  # fmt: skip
        ],
        quotes=[
            Quote(
                "q1",
                q.start,
                q.end,
                q.text,
                False,
                speaker=Participant(None, None, *_se(at(t, "the foreign ministry"))),
                cue=at(t, "said"),
            )
        ],  # fmt: skip
    )


SWAP_TEXT = (
    "Russia and the United States exchanged prisoners in Ankara on Thursday.\nSergey Lavrov praised Turkish mediation."
)


def prisoner_swap() -> Article:
    """RUS<->USA cooperation in August (Ankara), Lavrov spelled differently but with the same key."""
    t = SWAP_TEXT
    rus = Actor("a1", "Russia", "RUS", country="RUS", kind="country", key="russia", mentions=[at(t, "Russia")])
    usa = Actor("a2", "United States", "USA", country="USA", kind="country", key="united_states",
                mentions=[at(t, "the United States")])  # fmt: skip
    lavrov = Actor("a3", "Sergey Lavrov", "RUSGOV", country="RUS", sector="GOV", key="sergey_lavrov",
                   kind="person", mentions=[at(t, "Sergey Lavrov")])  # fmt: skip
    tur = Actor("a4", "Turkey", "TUR", country="TUR", kind="country", key="turkey", mentions=[at(t, "Turkish")])
    ankara = at(t, "Ankara")
    place = Place(ankara.start, ankara.end, ankara.text, "Ankara", "TUR", 39.91987, 32.85427, 323786, "city")
    return Article(
        id="wn-swap",
        text=t,
        url="https://en.wikinews.org/wiki/Prisoner_swap",
        title="Russia and US swap prisoners",
        published="2024-08-02",
        outlet="Wikinews",
        actors=[rus, usa, lavrov, tur],
        events=[
            event(
                t,
                "e1",
                "0841",
                "exchanged",
                plover="RETREAT",
                goldstein=7.0,
                quad=2,
                date="2024-08-01",
                source=part(t, rus, "RUS", "Russia"),
                target=part(t, usa, "USA", "the United States"),
                location=place.to_dict(),
                rule="CAMEO.2.0.txt:900 EXCHANGE",
            ),  # fmt: skip
            event(
                t,
                "e2",
                "0841",
                "exchanged",
                plover="RETREAT",
                goldstein=7.0,
                quad=2,
                date="2024-08-01",
                source=part(t, usa, "USA", "the United States"),
                target=part(t, rus, "RUS", "Russia"),
                location=place.to_dict(),
                rule="CAMEO.2.0.txt:900 EXCHANGE",
            ),  # fmt: skip
            event(
                t,
                "e3",
                "051",
                "praised",
                plover="SUPPORT",
                goldstein=3.4,
                quad=1,
                date="2024-08-01",
                source=part(t, lavrov, "RUSGOV", "Sergey Lavrov"),
                target=part(t, tur, "TUR", "Turkish"),
                rule="CAMEO.2.0.txt:700 PRAISE",
            ),  # fmt: skip
        ],
        places=[place],
    )


UNDATED_TEXT = "Rebels attacked a convoy near the border."


def undated() -> Article:
    """No publication date and no event date: the event has no day and sorts last."""
    t = UNDATED_TEXT
    reb = Actor("a1", "Rebels", "REB", kind="group", mentions=[at(t, "Rebels")])
    return Article(
        id="undated",
        text=t,
        title="Convoy attacked",
        actors=[reb],
        events=[
            event(
                t,
                "e1",
                "190",
                "attacked",
                plover="ASSAULT",
                goldstein=-10.0,
                quad=4,
                source=part(t, reb, "REB", "Rebels"),
                rule="CAMEO.2.0.txt:3000 ATTACK",
            )
        ],  # fmt: skip
    )


def all_articles() -> list[Article]:
    return [moscow_times(), china(), prisoner_swap(), undated()]


def _se(span: Span) -> tuple[int, int, str]:
    return span.start, span.end, span.text


def filled_store(path):
    """A Store at ``path`` holding ``all_articles()``."""
    from eventcoder.store import Store

    store = Store(path)
    store.write_batch(all_articles())
    return store
