"""The parts of the main window; they know nothing of each other and talk through signals."""
