"""Queries on hand-built articles, with exact results (see tests/coded_articles.py for the data).

Events in the sample (article, event: source -> target, CAMEO, modality, day):
  mt e1 RUS -> USAGOV 125 asserted 2024-09-20   mt e2 RUSGOV -> - 012 reported 2024-09-20
  mt e3 USA -> RUS 125 reported 2024-09-01      wn-china e1 CHN -> USA 111 asserted 2024-10-01
  wn-china e2 CHN -> - 036 negated 2024-10-02   wn-swap e1 RUS -> USA 0841, e2 USA -> RUS 0841,
  wn-swap e3 RUSGOV -> TUR 051 (all 2024-08-01) undated e1 REB -> - 190 (no day)
"""

from __future__ import annotations

import pytest
from coded_articles import MT_TEXT, filled_store

from eventcoder.errors import QueryError
from eventcoder.store import migrations

MT, CN, SWAP, UNDATED = "mt-2024-09-20", "wn-china", "wn-swap", "undated"
NEWEST_FIRST = [
    (CN, "e2"), (CN, "e1"), (MT, "e1"), (MT, "e2"), (MT, "e3"),
    (SWAP, "e1"), (SWAP, "e2"), (SWAP, "e3"), (UNDATED, "e1"),
]  # fmt: skip


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = filled_store(tmp_path_factory.mktemp("q") / "e.db")
    yield s
    s.close()


def ids(page):
    return [(i["article_id"], i["id"]) for i in page["items"]]


def test_events_newest_first_undated_last(store):
    page = store.events()
    assert page["total"] == 9
    assert ids(page) == NEWEST_FIRST


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"source": "RUS"}, [(MT, "e1"), (MT, "e2"), (SWAP, "e1"), (SWAP, "e3")]),
        ({"source": "rusgov"}, [(MT, "e2"), (SWAP, "e3")]),
        ({"target": "USA"}, [(CN, "e1"), (MT, "e1"), (SWAP, "e1")]),
        ({"source": "RUS", "target": "USA"}, [(MT, "e1"), (SWAP, "e1")]),
        ({"actor": "Lavrov"}, [(SWAP, "e3")]),
        ({"actor": "sergei"}, [(MT, "e2")]),
        # a code prefix, and words of names: "us" is not a word of "Russia"
        ({"actor": "us"}, [(CN, "e1"), (MT, "e1"), (MT, "e3"), (SWAP, "e1"), (SWAP, "e2")]),
        ({"actor": "United States"}, [(CN, "e1"), (MT, "e3"), (SWAP, "e1"), (SWAP, "e2")]),
        ({"cameo": "12"}, [(MT, "e1"), (MT, "e3")]),
        ({"cameo": "0"}, [(CN, "e2"), (MT, "e2"), (SWAP, "e1"), (SWAP, "e2"), (SWAP, "e3")]),
        ({"cameo": "0841"}, [(SWAP, "e1"), (SWAP, "e2")]),
        ({"plover": "reject"}, [(MT, "e1"), (MT, "e3")]),
        ({"modality": "reported"}, [(MT, "e2"), (MT, "e3")]),
        ({"modality": "NEGATED"}, [(CN, "e2")]),
        ({"since": "2024-09"}, [(CN, "e2"), (CN, "e1"), (MT, "e1"), (MT, "e2"), (MT, "e3")]),
        ({"until": "2024-08"}, [(SWAP, "e1"), (SWAP, "e2"), (SWAP, "e3")]),
        ({"since": "2024-09-02", "until": "2024-09-30"}, [(MT, "e1"), (MT, "e2")]),
        ({"since": "2024", "until": "2024"}, NEWEST_FIRST[:-1]),
        ({"source": "RUS", "since": "2024-09-01"}, [(MT, "e1"), (MT, "e2")]),
        # LIKE wildcards are plain characters
        ({"source": "%"}, []),
        ({"source": "R_S"}, []),
        ({"actor": "%"}, []),
        ({"source": "  "}, NEWEST_FIRST),
    ],
)
def test_event_filters(store, filters, expected):
    page = store.events(**filters)
    assert sorted(ids(page)) == sorted(expected)
    assert page["total"] == len(expected)


def test_event_pagination_reports_the_total(store):
    page = store.events(limit=2, offset=2)
    assert page["total"] == 9
    assert ids(page) == NEWEST_FIRST[2:4]
    assert store.events(limit=5, offset=8)["items"][0]["id"] == "e1"
    assert store.events(limit=0)["items"] == []
    assert store.events(offset=100) == {"items": [], "total": 9}


def test_event_item_fields(store):
    item = store.events(source="USA", cameo="12")["items"][0]
    assert item["article_id"] == MT and item["id"] == "e3"
    assert item["published"] == "2024-09-20"
    assert item["url"] == "https://www.themoscowtimes.com/2024/09/20/moscow-rules-out-meeting"
    assert item["title"] == "Moscow Rules Out Meeting Between Lavrov, Blinken at UN Assembly"
    assert (item["source_name"], item["target_name"], item["day"]) == ("United States", "Russia", "2024-09-01")
    assert item["trigger"] == {
        "start": MT_TEXT.index("rejected"),
        "end": MT_TEXT.index("rejected") + 8,
        "text": "rejected",
    }
    assert item["source"]["code"] == "USA" and item["date"] == "2024-09"


def test_iter_events_streams_oldest_first_with_details(store):
    items = list(store.iter_events(detail=True))
    assert [(i["article_id"], i["id"]) for i in items] == [
        (SWAP, "e1"), (SWAP, "e2"), (SWAP, "e3"), (MT, "e3"), (MT, "e1"), (MT, "e2"), (CN, "e1"), (CN, "e2"),
        (UNDATED, "e1"),
    ]  # fmt: skip
    mt1, mt2 = items[4], items[5]
    assert mt1["sentence_text"] == MT_TEXT.split("\n")[0]
    assert (mt1["is_root"], mt2["is_root"]) == (True, False)
    assert (mt1["source_country"], mt1["target_country"], mt1["outlet"]) == ("RUS", "USA", "The Moscow Times")
    assert [i["id"] for i in store.iter_events(source="RUS", newest_first=True)] == ["e1", "e2", "e1", "e3"]


def test_iter_events_validates_before_iterating(store):
    with pytest.raises(QueryError, match="since"):
        store.iter_events(since="someday")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"speaker": "Ryabkov"}, [(MT, "q1"), (MT, "q2")]),
        # q1's speaker mention reads "Sergei Ryabkov", but the actor is also written "Rybakov"
        ({"speaker": "rybakov"}, [(MT, "q1"), (MT, "q2")]),
        ({"speaker": "foreign ministry"}, [(CN, "q1")]),
        ({"speaker": "Lavrov"}, []),
        ({"q": "plans"}, [(MT, "q1")]),
        ({"q": "arms control"}, [(MT, "q2")]),
        ({"q": "summit Beijing"}, [(CN, "q1")]),
        ({"q": "summit plans"}, []),
        ({"speaker": "Ryabkov", "q": "arms"}, [(MT, "q2")]),
        ({"since": "2024-10"}, [(CN, "q1")]),
        ({"until": "2024-09-30"}, [(MT, "q1"), (MT, "q2")]),
        ({}, [(CN, "q1"), (MT, "q1"), (MT, "q2")]),
    ],
)
def test_quotes(store, filters, expected):
    page = store.quotes(**filters)
    assert ids(page) == expected
    assert page["total"] == len(expected)


def test_quote_item_fields(store):
    item = store.quotes(q="arms")["items"][0]
    assert item["text"] == "Washington had rejected talks with Moscow on arms control"
    assert item["speaker"] == {"actor": "a4", "code": "RUSGOV", "name": None, "start": MT_TEXT.index("Rybakov"),
                               "end": MT_TEXT.index("Rybakov") + 7, "text": "Rybakov"}  # fmt: skip
    assert (item["speaker_key"], item["speaker_actor_name"]) == ("sergei_ryabkov", "Sergei Ryabkov")
    assert (item["article_id"], item["published"]) == (MT, "2024-09-20")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"q": "Lavrov"}, [MT, SWAP]),
        ({"q": "lavrov blinken"}, [MT]),
        ({"q": "Lávrov"}, [MT, SWAP]),  # accents ignored
        ({"q": "convoy"}, [UNDATED]),
        ({"q": "swap"}, [SWAP]),  # title only
        ({"q": "tariffs"}, [CN]),
        ({"q": "Ryabkov Beijing"}, []),
        ({"since": "2024-09"}, [CN, MT]),
        ({}, [CN, MT, SWAP, UNDATED]),
    ],
)
def test_articles(store, filters, expected):
    page = store.articles(**filters)
    assert [a["id"] for a in page["items"]] == expected
    assert page["total"] == len(expected)


def test_article_items_hold_counts_not_text(store):
    item = store.articles(q="tariffs")["items"][0]
    assert item == {
        "id": CN, "title": "China criticises US", "url": "https://en.wikinews.org/wiki/China_criticises_US",
        "published": "2024-10-02", "outlet": "Wikinews", "byline": None, "path": None,
        "actors": 2, "events": 2, "quotes": 1, "story": CN, "copy_of": None,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("q", "articles", "actors"),
    [
        ('"', [MT], []),  # no word at all: a plain substring search
        ("AND", [MT, SWAP], []),  # FTS5 operators are searched as words
        ("NEAR(", [UNDATED], []),
        ("*", [], []),
        ("%", [], []),
        ("_", [], ["united_states", "sergey_lavrov", "sergei_ryabkov", "antony_blinken"]),  # a literal "_"
        ("a:b", [], []),
        ("(", [], []),
        ("'; DROP TABLE articles; --", [], []),
    ],
)
def test_text_search_takes_any_input(store, q, articles, actors):
    assert [a["id"] for a in store.articles(q=q)["items"]] == articles
    assert store.quotes(q=q)["total"] == 0
    assert [a["key"] for a in store.actors(q=q)["items"]] == actors
    assert store.stats()["articles"] == 4


def test_actors_grouped_by_key(store):
    page = store.actors()
    assert page["total"] == 8
    rows = [(a["key"], a["articles"], a["mentions"], a["events"]) for a in page["items"]]
    assert rows == [
        ("united_states", 3, 3, 4), ("russia", 2, 3, 4), ("sergey_lavrov", 2, 2, 1), ("china", 1, 2, 2),
        ("sergei_ryabkov", 1, 2, 1), ("antony_blinken", 1, 1, 1), ("rebels", 1, 1, 1), ("turkey", 1, 1, 1),
    ]  # fmt: skip
    lavrov = page["items"][2]
    assert lavrov == {
        "key": "sergey_lavrov", "name": "Sergei Lavrov", "code": "RUSGOV", "country": "RUS", "kind": "person",
        "articles": 2, "mentions": 2, "events": 1, "events_as_source": 1, "events_as_target": 0,
        "names": ["Sergei Lavrov", "Sergey Lavrov"],
    }  # fmt: skip


@pytest.mark.parametrize(
    ("q", "keys"),
    [
        ("Rybakov", ["sergei_ryabkov"]),
        ("RUSGOV", ["sergey_lavrov", "sergei_ryabkov"]),
        ("lavrov", ["sergey_lavrov"]),
        ("Washington", ["united_states"]),
        ("rebels", ["rebels"]),
    ],
)
def test_actor_search(store, q, keys):
    assert [a["key"] for a in store.actors(q=q)["items"]] == keys


def test_actor_pagination(store):
    page = store.actors(limit=2, offset=1)
    assert [a["key"] for a in page["items"]] == ["russia", "sergey_lavrov"]
    assert page["total"] == 8


def test_dyad_by_month(store):
    page = store.dyads(source="RUS", target="USA", interval="month")
    assert page == {
        "items": [
            {"period": "2024-08", "start": "2024-08-01", "events": 1, "goldstein": 7.0,
             "quad0": 0, "quad1": 0, "quad2": 1, "quad3": 0, "quad4": 0},
            {"period": "2024-09", "start": "2024-09-01", "events": 1, "goldstein": -5.0,
             "quad0": 0, "quad1": 0, "quad2": 0, "quad3": 1, "quad4": 0},
        ],
        "total": 2,
    }  # fmt: skip


def test_dyad_fills_empty_periods(store):
    weeks = store.dyads(source="RUS", target="USA", interval="week")["items"]
    assert [w["period"] for w in weeks] == [f"2024-W{n}" for n in range(31, 39)]
    assert [w["events"] for w in weeks] == [1, 0, 0, 0, 0, 0, 0, 1]
    assert weeks[0]["start"] == "2024-07-29"  # the Monday of the week holding 2024-08-01
    days = store.dyads(source="RUS", target="USA")["items"]
    assert (len(days), days[0]["period"], days[-1]["period"]) == (51, "2024-08-01", "2024-09-20")


def test_all_events_per_month(store):
    months = store.dyads(interval="month")["items"]
    assert [(m["period"], m["events"], m["goldstein"]) for m in months] == [
        ("2024-08", 3, 17.4), ("2024-09", 3, -10.4), ("2024-10", 2, 2.0),
    ]  # fmt: skip
    assert [(m["quad0"], m["quad1"], m["quad2"], m["quad3"], m["quad4"]) for m in months] == [
        (0, 1, 2, 0, 0), (1, 0, 0, 2, 0), (0, 1, 0, 1, 0),
    ]  # fmt: skip


def test_dyad_without_events_is_empty(store):
    assert store.dyads(source="CHN", target="RUS") == {"items": [], "total": 0}


def test_network(store):
    graph = store.network()
    assert [(n["id"], n["events"]) for n in graph["nodes"]] == [
        ("russia", 4), ("united_states", 4), ("antony_blinken", 1), ("china", 1), ("sergey_lavrov", 1), ("turkey", 1),
    ]  # fmt: skip
    assert graph["edges"] == [
        {"source": "china", "target": "united_states", "events": 1, "goldstein": -2.0},
        {"source": "russia", "target": "antony_blinken", "events": 1, "goldstein": -5.0},
        {"source": "russia", "target": "united_states", "events": 1, "goldstein": 7.0},
        {"source": "sergey_lavrov", "target": "turkey", "events": 1, "goldstein": 3.4},
        {"source": "united_states", "target": "russia", "events": 2, "goldstein": 2.0},
    ]
    assert graph["nodes"][0] == {"id": "russia", "name": "Russia", "code": "RUS", "events": 4}


def test_network_window_and_limit(store):
    window = store.network(since="2024-09", until="2024-09")
    assert [(e["source"], e["target"]) for e in window["edges"]] == [
        ("russia", "antony_blinken"), ("united_states", "russia"),
    ]  # fmt: skip
    top = store.network(limit=2)
    assert [n["id"] for n in top["nodes"]] == ["russia", "united_states"]
    assert [(e["source"], e["target"]) for e in top["edges"]] == [
        ("russia", "united_states"),
        ("united_states", "russia"),
    ]


def test_stats(store):
    assert store.stats() == {
        "articles": 4,
        "events": 9,
        "quotes": 3,
        "actors": 8,
        "stories": 4,
        "copies": 0,
        "unique_events": 9,
    }


@pytest.mark.parametrize(
    ("call", "kwargs", "message"),
    [
        ("events", {"since": "2024-13-01"}, r"since: '2024-13-01' is not a valid date"),
        ("events", {"since": "yesterday"}, r"since: 'yesterday' is not a date; use YYYY-MM-DD"),
        ("events", {"until": "2024-02-30"}, r"until: '2024-02-30' is not a valid date"),
        ("events", {"since": "2024-10-01", "until": "2024-09"}, r"since \(2024-10-01\) is after until \(2024-09\)"),
        ("events", {"modality": "maybe"}, r"modality: 'maybe' is not one of asserted, negated, future"),
        ("events", {"cameo": "abc"}, r"cameo: 'abc' is not a CAMEO event code prefix"),
        ("events", {"limit": -1}, r"limit: -1 must be a whole number >= 0"),
        ("events", {"offset": -5}, r"offset: -5 must be a whole number >= 0"),
        ("quotes", {"until": "20240101"}, r"until: '20240101' is not a date"),
        ("articles", {"since": "2024-1"}, r"since: '2024-1' is not a date"),
        ("dyads", {"interval": "year"}, r"interval: 'year' is not one of day, week, month"),
        ("dyads", {"since": "soon"}, r"since: 'soon' is not a date"),
        ("network", {"limit": -1}, r"limit: -1 must be a whole number"),
        ("actors", {"offset": -1}, r"offset: -1 must be"),
    ],
)
def test_bad_parameters_raise_query_error(store, call, kwargs, message):
    with pytest.raises(QueryError, match=message):
        getattr(store, call)(**kwargs)


def test_substring_search_without_fts5(tmp_path, monkeypatch):
    monkeypatch.setattr(migrations, "fts5_available", lambda conn: False)
    with filled_store(tmp_path / "e.db") as store:
        assert store.fulltext is False
        assert [a["id"] for a in store.articles(q="Lavrov")["items"]] == [MT, SWAP]
        assert [q["id"] for q in store.quotes(q="arms control")["items"]] == ["q2"]
        assert store.articles(q="100%")["total"] == 0


def test_store_used_from_threads(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    with filled_store(tmp_path / "e.db") as store:
        with ThreadPoolExecutor(4) as pool:
            totals = list(pool.map(lambda _: store.events(source="RUS")["total"], range(20)))
        assert totals == [4] * 20
        assert len(store._connections) >= 2
