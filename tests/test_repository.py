"""Org-scoped lookups: another org's row is the same 404 as a missing one."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from fielder.db.repository import get_owned, owned
from fielder.errors import NotFound
from fielder.models.api_key import ApiKey
from tests.conftest import MakeOrg, OrgContext


def test_owned_rows_only(session: Session, org: OrgContext, make_org: MakeOrg) -> None:
    other = make_org()
    assert get_owned(session, ApiKey, org.key_id, org.org_id).id == org.key_id
    assert [k.id for k in session.scalars(owned(ApiKey, org.org_id))] == [org.key_id]
    for key_id in (other.key_id, "missing"):
        with pytest.raises(NotFound) as error:
            get_owned(session, ApiKey, key_id, org.org_id, "api_key_not_found")
        assert error.value.code == "api_key_not_found"
        assert error.value.status == 404
