"""Claim files and catalogues: YAML and CSV with line numbers, metrics and sources."""
