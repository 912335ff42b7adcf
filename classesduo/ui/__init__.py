"""Qt widgets, Qt models and dialogs. Widgets call services, never SQL."""
