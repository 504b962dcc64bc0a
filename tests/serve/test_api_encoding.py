"""The hot read answers (encoded once with orjson, serve/responses.py) still have the shapes of
their response models, and the encoder handles what orjson alone would refuse."""

from __future__ import annotations

import json

import pytest
from api_support import EXAMPLE_EVENT
from fastapi.testclient import TestClient
from pydantic import BaseModel

from fogofwar.serve import schemas
from fogofwar.serve.acled import AcledPage
from fogofwar.serve.responses import FastJSON, encode, fragment, raw
from fogofwar.serve.ucdp import GedPage


def test_integers_beyond_64_bits_and_fragments_encode() -> None:
    big = 10**30  # orjson refuses integers past 64 bits: the standard library takes over
    got = encode({"n": big, "part": fragment({"x": [1, 2]}), "stored": raw('{"y": "é"}'), 3: 4})
    assert json.loads(got) == {"n": big, "part": {"x": [1, 2]}, "stored": {"y": "é"}, "3": 4}
    assert json.loads(encode({"part": fragment({"n": big})})) == {"part": {"n": big}}
    assert FastJSON({"a": "é"}).body == '{"a":"é"}'.encode()


@pytest.mark.parametrize(
    ("path", "model"),
    [
        ("/api/events?country=Mali&limit=5", schemas.EventList),
        (f"/api/events/{EXAMPLE_EVENT}", schemas.EventDetail),
        (f"/api/events/{EXAMPLE_EVENT}/estimates", schemas.EstimateList),
        ("/api/acled/read?country=Mali&_format=json", AcledPage),
        ("/api/gedevents/25.1?Country=Mali", GedPage),
    ],
)
def test_hot_answers_have_their_models_shape(
    client: TestClient, path: str, model: type[BaseModel]
) -> None:
    first = client.get(path)
    again = client.get(path)  # the second answer comes from the encoded caches
    assert first.status_code == 200 and first.headers["content-type"] == "application/json"
    body = first.json()
    assert body == again.json()
    assert model.model_validate(body).model_dump(exclude_unset=True) == body
    assert list(body) == [k for k in model.model_fields if k in body]  # the models' key order
