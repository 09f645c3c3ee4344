"""Development only: the bench and its synthetic projects, outside the runtime package."""
