"""Integrations and distribution (API.md § 8): where an org's surveys go, and their links."""
