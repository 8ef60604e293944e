"""Benchmarks and the synthetic corpus they run on; see docs/benchmarks.md."""
