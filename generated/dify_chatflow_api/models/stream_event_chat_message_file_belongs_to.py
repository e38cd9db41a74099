from enum import StrEnum


class StreamEventChatMessageFileBelongsTo(StrEnum):
    ASSISTANT = "assistant"

    def __str__(self) -> str:
        return str(self.value)
