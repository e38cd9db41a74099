from enum import StrEnum


class ListChatflowWorkflowLogsStatus(StrEnum):
    FAILED = "failed"
    STOPPED = "stopped"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)
