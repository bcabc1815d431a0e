"""Surveys: create (by upload or JSON), list, get, rename, publish/close, delete."""
