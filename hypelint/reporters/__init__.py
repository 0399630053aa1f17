"""Output formats: each module renders a RunResult, seeing findings and rule summaries only."""
