"""The quiz engine: papers, scoring and the quiz session; pure (no UI, SQL or clock of its own)."""
