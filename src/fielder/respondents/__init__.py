"""Respondents: invitations to a survey, each a token and a personal link (API.md § 9)."""
