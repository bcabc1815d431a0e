"""fielder tests."""
