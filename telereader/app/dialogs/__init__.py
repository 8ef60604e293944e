"""Dialogs the window opens."""
