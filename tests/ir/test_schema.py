"""The published JSON Schema is generated from the models and committed up to date."""

from fielder.ir.models import QUESTION_TYPES, SCHEMA_ID
from fielder.ir.schema import SCHEMA_PATH, build_schema, load_schema, render_schema


def test_committed_schema_is_up_to_date():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_schema(), (
        "schema.json is stale: run `python -m fielder.ir.schema`"
    )


def test_schema_describes_the_document():
    schema = load_schema()
    assert schema == build_schema()
    assert schema["$id"] == SCHEMA_ID
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema"]["const"] == SCHEMA_ID
    question = schema["$defs"]["Question"]
    assert question["additionalProperties"] is False
    assert set(question["properties"]["type"]["enum"]) == set(QUESTION_TYPES)
    assert question["required"] == ["id", "type"]
    skip = schema["$defs"]["SkipRule"]
    assert set(skip["properties"]) == {"if", "to"}
    # extensions is the one open place
    assert schema["properties"]["extensions"]["type"] == "object"
    assert schema["properties"]["extensions"]["additionalProperties"] is True
