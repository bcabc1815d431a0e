"""fielder.platforms."""
