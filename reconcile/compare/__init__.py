"""Group claims, find agreeing clusters and conflicting pairs, and infer their likely causes."""
