"""Property and fuzz tests over what users and clients hand us (issue 14).

The properties: a reader given any bytes yields articles and one-line rejections and never
raises; a dictionary parser given any text raises only DictionaryError naming file:line; the
API given any query parameter answers below 500 with the JSON error shape.
"""

from __future__ import annotations

import gzip
import json
import warnings
from datetime import date

import pytest
from coded_articles import filled_store
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from eventcoder.article import Article
from eventcoder.dictionaries.actors import read_actors
from eventcoder.dictionaries.agents import read_agents
from eventcoder.dictionaries.discards import read_discards
from eventcoder.dictionaries.userfile import read_user_actors
from eventcoder.dictionaries.verbs import read_verbs
from eventcoder.errors import DictionaryError, InputError
from eventcoder.ingest import Rejection, read_inputs
from eventcoder.ingest.dates import MAX_DAY, MIN_DAY, normalise_date
from eventcoder.ingest.limits import Limits, display
from eventcoder.ingest.records import record_article

FUNCTION_SCOPED = [HealthCheck.function_scoped_fixture]
LIMITS = Limits(max_input_bytes=64 * 1024, max_article_chars=20_000)

# Text that looks like the formats (so the parsers get past their first checks), mixed with noise.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
record_like = st.fixed_dictionaries(
    {},
    optional={
        "text": st.text() | json_values, "id": st.text() | st.integers() | json_values, "title": st.text(),
        "url": st.text(), "published": st.text() | st.sampled_from(["0001-01-01", "9999-12-31", "2024-02-30"]),
        "options": st.dictionaries(st.sampled_from(["comma_min", "require_dyad", "model", "x"]), json_values),
    },
)  # fmt: skip
noisy_bytes = st.binary(max_size=3000) | st.text(max_size=3000).map(lambda t: t.encode("utf-8", "surrogatepass"))


def _check(items: list) -> None:
    for item in items:
        assert isinstance(item, Article | Rejection)
        if isinstance(item, Rejection):
            assert "\n" not in str(item) and item.reason
        else:
            assert item.text.strip()
            assert len(item.text) <= LIMITS.max_article_chars
            for value in (item.text, item.title, item.path, item.origin, item.url):
                if value is not None:
                    value.encode("utf-8")  # storable


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv", ".html", ".txt.gz", ".jsonl.gz", ".csv.gz"])
@hsettings(suppress_health_check=FUNCTION_SCOPED)
@given(data=noisy_bytes)
def test_readers_never_raise_on_any_bytes(tmp_path, suffix, data):
    path = tmp_path / f"in{suffix}"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # trafilatura's and lxml's own warnings on broken markup
        _check(list(read_inputs([str(path)], limits=LIMITS)))


@hsettings(suppress_health_check=FUNCTION_SCOPED)
@given(records=st.lists(record_like | json_values, min_size=1, max_size=5))
def test_json_lines_of_any_records(tmp_path, records):
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)], limits=LIMITS))
    _check(items)
    assert len(items) == len(records)  # one article or one rejection per line


@given(record=record_like | json_values)
def test_record_article_raises_only_input_error(record):
    try:
        article = record_article(record, "body", None, LIMITS)
    except InputError as e:
        assert e.where == "body" and e.reason and "\n" not in e.reason
    else:
        _check([article])


@hsettings(suppress_health_check=FUNCTION_SCOPED)
@given(rows=st.lists(st.lists(st.text(max_size=40), min_size=1, max_size=4), max_size=6))
def test_csv_of_any_cells(tmp_path, rows):
    import csv

    path = tmp_path / "r.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["text", "title", "published"], *rows])
    _check(list(read_inputs([str(path)], limits=LIMITS)))


@given(value=st.text(max_size=60))
def test_dates_are_valid_or_none(value):
    day = normalise_date(value)
    if day is not None:
        assert date.fromisoformat(day).isoformat() == day


@given(record=st.fixed_dictionaries({"text": st.just("Talks went on."), "published": st.text(max_size=30)}))
def test_published_dates_stay_in_range(record):
    try:
        article = record_article(record, "body", None)
    except InputError:
        return
    assert article.published is None or MIN_DAY <= article.published <= MAX_DAY


@given(name=st.text(max_size=40))
def test_display_is_one_printable_line(name):
    shown = display(name)
    assert "\n" not in shown and "\r" not in shown
    shown.encode("utf-8")


# -- dictionary parsers -------------------------------------------------------------------------

DICTIONARY_LINES = st.lists(
    st.sampled_from(
        ["RUSSIA [RUS]", "+VLADIMIR_PUTIN [RUSGOV 000101-201231]", "---SAY [010]", "MEET", "- * MEET WITH $ [040]",
         "~PRESIDENT [~GOV]", "<!-- x -->", "#comment", "; note", "[", "]", "{ }", "PUTIN [RUS", "A_B [X Y]",
         "JOHN_SMITH,RUS,GOV", "name,code", "+", "-", "~", "$ @ % &", "  ", "ÿ\x00", "SAY [010] # c"]
    ) | st.text(max_size=30),
    max_size=12,
)  # fmt: skip
READERS = [
    (read_actors, "actors.txt"), (read_agents, "agents.txt"), (read_discards, "discards.txt"),
    (read_verbs, "verbs.txt"), (read_user_actors, "user.csv"), (read_user_actors, "user.txt"),
]  # fmt: skip


@pytest.mark.parametrize(("reader", "name"), READERS, ids=[n for _, n in READERS])
@hsettings(suppress_health_check=FUNCTION_SCOPED)
@given(lines=DICTIONARY_LINES)
def test_dictionary_parsers_raise_only_dictionary_errors(tmp_path, reader, name, lines):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    try:
        reader(path)
    except DictionaryError as e:
        assert str(e).startswith(str(path)) and "\n" not in str(e)


# -- API query parameters -----------------------------------------------------------------------

ENDPOINT_PARAMS = {
    "/api/events": ["source", "target", "actor", "cameo", "plover", "modality", "since", "until", "limit", "offset"],
    "/api/quotes": ["speaker", "q", "since", "until", "limit", "offset"],
    "/api/articles": ["q", "since", "until", "limit", "offset"],
    "/api/actors": ["q", "limit", "offset"],
    "/api/dyads": ["source", "target", "interval", "since", "until"],
    "/api/network": ["since", "until", "limit"],
}
param_values = (
    st.text(max_size=50)
    | st.integers().map(str)
    | st.sampled_from(["%", "_", "\\", '"', "NEAR(a b)", "2024-02-30", "9999-12-31", "0001-01-01", "\x00", "-1"])
)


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    from starlette.exceptions import StarletteDeprecationWarning

    from eventcoder.web import create_app

    with warnings.catch_warnings():  # Starlette prefers httpx2; the pinned httpx works the same
        warnings.simplefilter("ignore", StarletteDeprecationWarning)
        from fastapi.testclient import TestClient

    store = filled_store(tmp_path_factory.mktemp("fuzz") / "f.db")
    with TestClient(create_app(store), base_url="http://localhost", raise_server_exceptions=False) as client:
        yield client
    store.close()


@pytest.mark.parametrize("endpoint", list(ENDPOINT_PARAMS))
@hsettings(suppress_health_check=FUNCTION_SCOPED)
@given(data=st.data())
def test_api_parameters_never_give_a_500(api, endpoint, data):
    names = ENDPOINT_PARAMS[endpoint]
    params = data.draw(st.dictionaries(st.sampled_from(names), param_values, max_size=4))
    response = api.get(endpoint, params=params)
    assert response.status_code < 500, (params, response.text)
    assert response.headers["content-type"] == "application/json"
    if response.status_code >= 400:
        assert set(response.json()) == {"error"}
