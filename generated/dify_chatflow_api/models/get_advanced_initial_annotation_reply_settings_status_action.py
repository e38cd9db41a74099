from enum import StrEnum


class GetAdvancedInitialAnnotationReplySettingsStatusAction(StrEnum):
    DISABLE = "disable"
    ENABLE = "enable"

    def __str__(self) -> str:
        return str(self.value)
