"""The package version, in one place (pyproject.toml carries the same number), and the version
of the JSON report's layout."""

__version__ = "0.1.0"
# The JSON report's layout (compare/reconciliation.py, and the out-of-core report of cli/scale.py)
REPORT_VERSION = "1.1"
