"""Editors' tools: proposing a fact from a quote, and what numbers no fact covers yet."""
