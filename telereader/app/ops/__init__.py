"""The one way the window writes user data, and the import controller."""
