"""Routes about the API itself: published schemas."""
