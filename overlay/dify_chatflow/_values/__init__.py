"""Conversation-variable values: their types, the server's rules for them, client-side
validation and decoding of the text the server stores."""
