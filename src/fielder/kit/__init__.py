"""fielder.kit."""
