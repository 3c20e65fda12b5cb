"""Spaced-repetition review: which questions a member should see again, and when."""
