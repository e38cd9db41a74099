from enum import StrEnum


class MessageFeedbackRequestRatingType2Type1(StrEnum):
    DISLIKE = "dislike"
    LIKE = "like"

    def __str__(self) -> str:
        return str(self.value)
