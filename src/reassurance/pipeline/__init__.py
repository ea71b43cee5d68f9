"""The build pipeline: the notebooks' fingerprint (inputs), their parallel
execution into the build's cache (prefill), saving executed outputs (execute)
and the reader PDF (pdf). Notebooks never import it."""
