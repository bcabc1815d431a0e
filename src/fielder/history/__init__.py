"""History: changesets of per-question changes to the platform IR, reverts, approvals."""
