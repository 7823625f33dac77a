"""Another distribution's part of the namespace."""
