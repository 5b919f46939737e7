"""Reference datasets (SIPRI, World Bank WDI) imported as claim tables, and their revisions."""
