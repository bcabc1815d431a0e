"""fielder.engines."""
