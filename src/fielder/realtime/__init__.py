"""Realtime: SSE streams of the event bus, for keys and for short-lived browser tokens."""
