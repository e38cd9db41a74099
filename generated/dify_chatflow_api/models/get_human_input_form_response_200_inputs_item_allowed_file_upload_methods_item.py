from enum import StrEnum


class GetHumanInputFormResponse200InputsItemAllowedFileUploadMethodsItem(StrEnum):
    LOCAL_FILE = "local_file"
    REMOTE_URL = "remote_url"

    def __str__(self) -> str:
        return str(self.value)
