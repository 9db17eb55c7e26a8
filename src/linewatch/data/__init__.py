"""Data the package ships: actor registries, per-language lexicons, taxonomies, scenarios, demo corpus."""
