"""The CI gate: the baseline of accepted discrepancies, check states and CI output formats."""
