"""Tests of file uploads and storage."""
