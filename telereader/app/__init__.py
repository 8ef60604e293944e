"""The Qt shell: item models, widgets and workers over the core. No business rules here."""
