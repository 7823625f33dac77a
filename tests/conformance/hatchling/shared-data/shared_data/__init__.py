"""Shared data demo."""
