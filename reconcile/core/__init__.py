"""Shared foundations: errors and findings, the parsed value, periods, frame helpers, patterns."""
