"""Responses: the public respondent flow, the team's responses API, quotas and exports."""
