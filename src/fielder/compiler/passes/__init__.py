"""fielder.compiler.passes."""
