"""The Textual interface. Everything here may import Textual; nothing in the core imports this."""
