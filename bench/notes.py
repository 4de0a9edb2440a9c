"""The hand-written part of BENCHMARKS.md (what the profile showed, what changed)."""

NOTES = """
## Notes

(filled in after the profile)
"""
