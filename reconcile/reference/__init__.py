"""Packaged reference data and its readers: currencies, exchange rates, redenominations, units."""
