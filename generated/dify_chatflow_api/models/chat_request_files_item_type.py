from enum import StrEnum


class ChatRequestFilesItemType(StrEnum):
    AUDIO = "audio"
    CUSTOM = "custom"
    DOCUMENT = "document"
    IMAGE = "image"
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)
