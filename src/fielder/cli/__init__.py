"""fielder.cli."""
