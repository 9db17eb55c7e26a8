"""Scenarios: scenario files, indicator queries over the record, evidence, weights over time,
audit trail and alerts."""
