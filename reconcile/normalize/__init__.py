"""Turn parsed figures into intervals in each metric's canonical unit, with conversion receipts."""
