"""fielder.documents.readers."""
