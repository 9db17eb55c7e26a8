"""linewatch: who said what, when, and where they stand, in a crisis; every item linked to its source."""
__version__ = "0.1.0"
