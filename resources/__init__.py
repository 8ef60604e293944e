"""Icons, translations and styles, shipped as package data (telereader.resources)."""
