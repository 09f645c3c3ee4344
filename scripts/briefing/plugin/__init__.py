"""The MkDocs plugin ``briefing``: event handlers over the domain modules."""

from briefing.plugin.plugin import BriefingPlugin

__all__ = ["BriefingPlugin"]
