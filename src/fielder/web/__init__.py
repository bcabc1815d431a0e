"""fielder.web."""
