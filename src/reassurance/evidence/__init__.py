"""The evidence layer: the Data Package loaded and validated (load; its
problems in words, messages; checked once per run, validated), the rules
a schema cannot state (rules, judgement_rules), the codes and their labels
(codebook, labels), the sources and their bibliography (sources,
bibliography), the research log (research) and the book's own text for the
quotation checks (book_text). Notebooks and chapters take the evidence from
here; nothing here imports the chapters, the charts, the pipeline or Sphinx.
"""

from reassurance.evidence.load import Evidence, EvidenceError, load_evidence

__all__ = ["Evidence", "EvidenceError", "load_evidence"]
