"""Detail forms to create and edit records, with validation shown next to each field."""
