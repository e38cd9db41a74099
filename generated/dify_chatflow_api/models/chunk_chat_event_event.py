from enum import StrEnum


class ChunkChatEventEvent(StrEnum):
    AGENT_LOG = "agent_log"
    ERROR = "error"
    HUMAN_INPUT_FORM_FILLED = "human_input_form_filled"
    HUMAN_INPUT_FORM_TIMEOUT = "human_input_form_timeout"
    HUMAN_INPUT_REQUIRED = "human_input_required"
    ITERATION_COMPLETED = "iteration_completed"
    ITERATION_NEXT = "iteration_next"
    ITERATION_STARTED = "iteration_started"
    LOOP_COMPLETED = "loop_completed"
    LOOP_NEXT = "loop_next"
    LOOP_STARTED = "loop_started"
    MESSAGE = "message"
    MESSAGE_END = "message_end"
    MESSAGE_FILE = "message_file"
    MESSAGE_REPLACE = "message_replace"
    NODE_FINISHED = "node_finished"
    NODE_RETRY = "node_retry"
    NODE_STARTED = "node_started"
    PING = "ping"
    REASONING_CHUNK = "reasoning_chunk"
    TEXT_CHUNK = "text_chunk"
    TTS_MESSAGE = "tts_message"
    TTS_MESSAGE_END = "tts_message_end"
    WORKFLOW_FINISHED = "workflow_finished"
    WORKFLOW_PAUSED = "workflow_paused"
    WORKFLOW_STARTED = "workflow_started"

    def __str__(self) -> str:
        return str(self.value)
