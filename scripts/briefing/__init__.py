"""Verified-fact briefing site generator.

Facts (YAML, each with a verbatim quote from an archived source) are validated into an
immutable FactBook; chapters are Jinja2-templated Markdown that cite facts by id. The MkDocs
plugin in :mod:`briefing.plugin` is a thin layer over these plain domain modules.
"""
