"""The bundled sample day, shipped as package data (telereader.seeds)."""
