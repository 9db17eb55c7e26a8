"""The actor registry, a core module every stage may import: who is who, in which role, on
which date, and how a surface form resolves to an actor."""
