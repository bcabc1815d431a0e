"""Organizations and API keys: creation, listing, revocation and the auth dependency."""
