"""The figure grammar: read one stated figure (number, scale, currency, unit, qualifier, rank)."""
