from enum import StrEnum


class ChatRequestResponseMode(StrEnum):
    BLOCKING = "blocking"
    STREAMING = "streaming"

    def __str__(self) -> str:
        return str(self.value)
