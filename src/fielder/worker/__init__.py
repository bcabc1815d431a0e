"""fielder.worker."""
