from enum import StrEnum


class GetChatflowHumanInputFormResponse200InputsItemAllowedFileUploadMethodsItem(StrEnum):
    LOCAL_FILE = "local_file"
    REMOTE_URL = "remote_url"

    def __str__(self) -> str:
        return str(self.value)
