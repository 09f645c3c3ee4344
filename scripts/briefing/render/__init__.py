"""Turning the FactBook into Markdown and HTML: pages, generated pages, charts."""
