"""Narratives: taxonomies an analyst writes, claim-level matching, the learnt document
classifier (features, SemEval training), discovery of new candidates and promoting them."""
