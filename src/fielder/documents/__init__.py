"""fielder.documents."""
