from enum import StrEnum


class ChatRequestFilesItemTransferMethod(StrEnum):
    LOCAL_FILE = "local_file"
    REMOTE_URL = "remote_url"

    def __str__(self) -> str:
        return str(self.value)
