"""Widgets that know nothing of the app: they take data and emit signals."""
