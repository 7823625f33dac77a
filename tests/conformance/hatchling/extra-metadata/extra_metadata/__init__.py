"""Extra metadata demo."""
