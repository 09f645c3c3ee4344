"""The ``briefing`` command."""
