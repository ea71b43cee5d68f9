"""reassurance: evidence, analysis and figure style behind the report.

The pipeline runs data/ (evidence) -> this package (loading, validation,
analysis, figure style) -> book/ (narrative notebooks) -> _build/html.
"""

__version__ = "0.1.0"
