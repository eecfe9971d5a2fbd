"""Views and interchange formats of a parsed bulletin."""
