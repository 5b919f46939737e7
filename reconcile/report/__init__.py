"""The report model rendered for people and machines: terminal, Markdown, JSON, CSV, HTML."""
