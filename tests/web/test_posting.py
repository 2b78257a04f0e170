"""POST /api/articles goes through the run of `eventcoder code`: a stage error is a rejection
with its reason, never a 500, and the other articles of the same body are stored."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eventcoder.cli import (
    cli,
    commands,  # noqa: F401  (registers the commands)
)

GOOD = {
    "id": "good",
    "text": "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing on Monday.",
    "published": "2024-04-08",
}
# A per-record coding option out of its range: the record reads fine, coding it fails.
BAD = {"id": "bad", "text": "Russia criticised Ukraine on Monday.", "options": {"comma_min": -1}}
NDJSON = {"Content-Type": "application/x-ndjson"}


def _lines(*records) -> bytes:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records).encode()


def test_a_stage_error_is_a_rejection_and_the_good_article_is_stored(client, token, tmp_path):
    auth = {"Authorization": f"Bearer {token}", **NDJSON}
    response = client.post("/api/articles", content=_lines(GOOD, BAD, "{broken"), headers=auth)
    assert response.status_code == 201, response.text
    body = response.json()
    assert [(a["id"], a["status"]) for a in body["articles"]] == [("good", "inserted")]
    assert body["articles"][0]["events"] >= 1
    rejected = {r["where"]: r["reason"] for r in body["rejected"]}
    assert rejected.keys() == {"body:2", "body:3"}
    assert rejected["body:3"].startswith("invalid JSON")
    # a bad per-record option is named at its line, before coding (as in a .jsonl file)
    assert rejected["body:2"] == "options: option comma_min: -1 is below the minimum of 0"
    assert client.get("/api/articles/good").json()["text"] == GOOD["text"]
    assert client.get("/api/articles/bad").status_code == 404
    assert client.get("/api/stats").json()["articles"] == 5

    # The command line rejects the same article for the same reason: it is the same run.
    path = tmp_path / "posted.jsonl"
    path.write_bytes(_lines(GOOD, BAD))
    result = CliRunner().invoke(cli, ["code", str(path), "--db", str(tmp_path / "cli.db")])
    assert result.exit_code == 1
    assert f"{path}:2: {rejected['body:2']}\n" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("coded 1 articles (0 already stored, 1 rejected)")


def test_one_article_that_a_stage_rejects_is_a_422_with_the_reason(client, token):
    auth = {"Authorization": f"Bearer {token}"}
    response = client.post("/api/articles", json=BAD, headers=auth)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["status"] == 422
    assert response.json()["error"]["message"] == "body: options: option comma_min: -1 is below the minimum of 0"
    assert client.get("/api/stats").json()["articles"] == 4


def test_json_lines_statuses_and_repeats(client, token):
    auth = {"Authorization": f"Bearer {token}", **NDJSON}
    first = client.post("/api/articles", content=_lines(GOOD, GOOD), headers=auth)
    assert first.status_code == 201
    assert (first.json()["skipped"], [a["status"] for a in first.json()["articles"]]) == (1, ["inserted"])
    changed = dict(GOOD, title="Lavrov in Beijing")
    again = client.post("/api/articles", content=_lines(GOOD, changed), headers=auth)
    # The same id twice in one body is coded once: the first one, which is stored already.
    assert (again.status_code, [a["status"] for a in again.json()["articles"]]) == (200, ["unchanged"])
    replaced = client.post("/api/articles", content=_lines(changed), headers=auth)
    assert (replaced.status_code, replaced.json()["articles"][0]["status"]) == (201, "replaced")


def test_unusable_json_lines_bodies_are_422(client, token):
    auth = {"Authorization": f"Bearer {token}", **NDJSON}
    for content, message in [
        (b"", "body: empty file"),
        (b"\n \n", "body: empty file"),
        (b"\xff\xfe{", "body: not UTF-8"),
    ]:
        response = client.post("/api/articles", content=content, headers=auth)
        assert response.status_code == 422, response.text
        assert response.json()["error"]["message"].startswith(message)
