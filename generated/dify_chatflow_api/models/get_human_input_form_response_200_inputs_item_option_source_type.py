from enum import StrEnum


class GetHumanInputFormResponse200InputsItemOptionSourceType(StrEnum):
    CONSTANT = "constant"
    VARIABLE = "variable"

    def __str__(self) -> str:
        return str(self.value)
