"""Stance: whom a statement is about (targets), where its speaker stands (lexicon scorer,
learnt model, word lists), and the stance aggregates (speaker x target matrix, shifts)."""
