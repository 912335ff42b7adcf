"""``make bench``: the speed and memory figures of issue 9, each with its target and anchor."""
