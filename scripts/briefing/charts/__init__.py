"""Charts: editors' specs, the registry of chart functions, Vega-Lite, drawing and its cache."""
