"""fielder.compiler."""
