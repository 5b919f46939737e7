"""reconcile: reconcile conflicting figures across sources, with the receipts."""

__version__ = "0.1.0"
