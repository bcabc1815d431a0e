"""fielder.db."""
