"""The integrations tests use the responses tests' live surveys."""

from tests.responses.conftest import every_type_live, live, make_live

__all__ = ["every_type_live", "live", "make_live"]
