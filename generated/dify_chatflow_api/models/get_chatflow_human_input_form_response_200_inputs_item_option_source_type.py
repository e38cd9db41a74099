from enum import StrEnum


class GetChatflowHumanInputFormResponse200InputsItemOptionSourceType(StrEnum):
    CONSTANT = "constant"
    VARIABLE = "variable"

    def __str__(self) -> str:
        return str(self.value)
