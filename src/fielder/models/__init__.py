"""fielder.models."""
