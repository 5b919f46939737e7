"""Draft claims from articles: documents and their readers, sentences, periods, sources, metrics."""
