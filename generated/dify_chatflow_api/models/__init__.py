"""Contains all the data models used in inputs/outputs"""

from .agent_thought_item import AgentThoughtItem
from .agent_thought_item_tool_labels_type_0 import AgentThoughtItemToolLabelsType0
from .annotation_create_request import AnnotationCreateRequest
from .annotation_item import AnnotationItem
from .annotation_list_response import AnnotationListResponse
from .annotation_reply_settings_request import AnnotationReplySettingsRequest
from .annotation_update_request import AnnotationUpdateRequest
from .app_feedbacks_response import AppFeedbacksResponse
from .app_info_response import AppInfoResponse
from .app_meta_response import AppMetaResponse
from .app_meta_response_tool_icons import AppMetaResponseToolIcons
from .audio_to_text_request import AudioToTextRequest
from .audio_to_text_response import AudioToTextResponse
from .chat_app_parameters_response import ChatAppParametersResponse
from .chat_app_parameters_response_annotation_reply import ChatAppParametersResponseAnnotationReply
from .chat_app_parameters_response_file_upload import ChatAppParametersResponseFileUpload
from .chat_app_parameters_response_file_upload_image import ChatAppParametersResponseFileUploadImage
from .chat_app_parameters_response_more_like_this import ChatAppParametersResponseMoreLikeThis
from .chat_app_parameters_response_retriever_resource import ChatAppParametersResponseRetrieverResource
from .chat_app_parameters_response_sensitive_word_avoidance import ChatAppParametersResponseSensitiveWordAvoidance
from .chat_app_parameters_response_speech_to_text import ChatAppParametersResponseSpeechToText
from .chat_app_parameters_response_suggested_questions_after_answer import (
    ChatAppParametersResponseSuggestedQuestionsAfterAnswer,
)
from .chat_app_parameters_response_system_parameters import ChatAppParametersResponseSystemParameters
from .chat_app_parameters_response_text_to_speech import ChatAppParametersResponseTextToSpeech
from .chat_completion_response import ChatCompletionResponse
from .chat_completion_response_metadata import ChatCompletionResponseMetadata
from .chat_request import ChatRequest
from .chat_request_files_item import ChatRequestFilesItem
from .chat_request_files_item_transfer_method import ChatRequestFilesItemTransferMethod
from .chat_request_files_item_type import ChatRequestFilesItemType
from .chat_request_inputs import ChatRequestInputs
from .chat_request_response_mode import ChatRequestResponseMode
from .chat_stop_request import ChatStopRequest
from .chunk_chat_event import ChunkChatEvent
from .chunk_chat_event_event import ChunkChatEventEvent
from .conversation_delete_request import ConversationDeleteRequest
from .conversation_history_response import ConversationHistoryResponse
from .conversation_list_item import ConversationListItem
from .conversation_list_item_inputs import ConversationListItemInputs
from .conversation_message_item import ConversationMessageItem
from .conversation_message_item_feedback_type_0 import ConversationMessageItemFeedbackType0
from .conversation_message_item_inputs import ConversationMessageItemInputs
from .conversation_rename_request import ConversationRenameRequest
from .conversation_variable_item import ConversationVariableItem
from .conversation_variable_update_request import ConversationVariableUpdateRequest
from .conversation_variables_response import ConversationVariablesResponse
from .conversations_list_response import ConversationsListResponse
from .emoji_icon import EmojiIcon
from .end_user_detail import EndUserDetail
from .end_user_summary import EndUserSummary
from .feedback_item import FeedbackItem
from .file_upload_request import FileUploadRequest
from .file_upload_response import FileUploadResponse
from .form_input import FormInput
from .form_input_default import FormInputDefault
from .get_human_input_form_response_200 import GetHumanInputFormResponse200
from .get_human_input_form_response_200_inputs_item import GetHumanInputFormResponse200InputsItem
from .get_human_input_form_response_200_inputs_item_allowed_file_types_item import (
    GetHumanInputFormResponse200InputsItemAllowedFileTypesItem,
)
from .get_human_input_form_response_200_inputs_item_allowed_file_upload_methods_item import (
    GetHumanInputFormResponse200InputsItemAllowedFileUploadMethodsItem,
)
from .get_human_input_form_response_200_inputs_item_default_type_0 import (
    GetHumanInputFormResponse200InputsItemDefaultType0,
)
from .get_human_input_form_response_200_inputs_item_option_source import (
    GetHumanInputFormResponse200InputsItemOptionSource,
)
from .get_human_input_form_response_200_inputs_item_option_source_type import (
    GetHumanInputFormResponse200InputsItemOptionSourceType,
)
from .get_human_input_form_response_200_resolved_default_values import GetHumanInputFormResponse200ResolvedDefaultValues
from .get_human_input_form_response_200_user_actions_item import GetHumanInputFormResponse200UserActionsItem
from .human_input_content import HumanInputContent
from .human_input_form_definition import HumanInputFormDefinition
from .human_input_form_definition_resolved_default_values import HumanInputFormDefinitionResolvedDefaultValues
from .human_input_form_submission import HumanInputFormSubmission
from .human_input_form_submission_data import HumanInputFormSubmissionData
from .human_input_form_submission_inputs import HumanInputFormSubmissionInputs
from .initial_annotation_reply_settings_response import InitialAnnotationReplySettingsResponse
from .initial_annotation_reply_settings_status_response import InitialAnnotationReplySettingsStatusResponse
from .message_feedback_request import MessageFeedbackRequest
from .message_feedback_request_rating_type_1 import MessageFeedbackRequestRatingType1
from .message_feedback_request_rating_type_2_type_1 import MessageFeedbackRequestRatingType2Type1
from .message_feedback_request_rating_type_3_type_1 import MessageFeedbackRequestRatingType3Type1
from .message_file_item import MessageFileItem
from .paragraph import Paragraph
from .paragraph_control import ParagraphControl
from .retriever_resource import RetrieverResource
from .select import Select
from .select_control import SelectControl
from .send_message_feedback_response_200 import SendMessageFeedbackResponse200
from .stop_chat_message_response_200 import StopChatMessageResponse200
from .stream_event_agent_log import StreamEventAgentLog
from .stream_event_agent_log_data import StreamEventAgentLogData
from .stream_event_agent_log_data_data import StreamEventAgentLogDataData
from .stream_event_agent_log_data_metadata import StreamEventAgentLogDataMetadata
from .stream_event_base import StreamEventBase
from .stream_event_chat_error import StreamEventChatError
from .stream_event_chat_message import StreamEventChatMessage
from .stream_event_chat_message_end import StreamEventChatMessageEnd
from .stream_event_chat_message_end_metadata import StreamEventChatMessageEndMetadata
from .stream_event_chat_message_file import StreamEventChatMessageFile
from .stream_event_chat_message_file_belongs_to import StreamEventChatMessageFileBelongsTo
from .stream_event_chat_message_replace import StreamEventChatMessageReplace
from .stream_event_chat_ping import StreamEventChatPing
from .stream_event_chat_reasoning_chunk import StreamEventChatReasoningChunk
from .stream_event_chat_reasoning_chunk_data import StreamEventChatReasoningChunkData
from .stream_event_chat_text_chunk import StreamEventChatTextChunk
from .stream_event_chat_text_chunk_data import StreamEventChatTextChunkData
from .stream_event_chat_tts_message import StreamEventChatTtsMessage
from .stream_event_chat_tts_message_end import StreamEventChatTtsMessageEnd
from .stream_event_human_input_form_filled import StreamEventHumanInputFormFilled
from .stream_event_human_input_form_filled_data import StreamEventHumanInputFormFilledData
from .stream_event_human_input_form_timeout import StreamEventHumanInputFormTimeout
from .stream_event_human_input_form_timeout_data import StreamEventHumanInputFormTimeoutData
from .stream_event_human_input_required import StreamEventHumanInputRequired
from .stream_event_human_input_required_data import StreamEventHumanInputRequiredData
from .stream_event_human_input_required_data_actions_item import StreamEventHumanInputRequiredDataActionsItem
from .stream_event_human_input_required_data_inputs_item import StreamEventHumanInputRequiredDataInputsItem
from .stream_event_human_input_required_data_inputs_item_default_type_0 import (
    StreamEventHumanInputRequiredDataInputsItemDefaultType0,
)
from .stream_event_human_input_required_data_resolved_default_values import (
    StreamEventHumanInputRequiredDataResolvedDefaultValues,
)
from .stream_event_iteration_completed import StreamEventIterationCompleted
from .stream_event_iteration_completed_data import StreamEventIterationCompletedData
from .stream_event_iteration_completed_data_outputs_type_0 import StreamEventIterationCompletedDataOutputsType0
from .stream_event_iteration_next import StreamEventIterationNext
from .stream_event_iteration_next_data import StreamEventIterationNextData
from .stream_event_iteration_next_data_extras import StreamEventIterationNextDataExtras
from .stream_event_iteration_started import StreamEventIterationStarted
from .stream_event_iteration_started_data import StreamEventIterationStartedData
from .stream_event_iteration_started_data_extras import StreamEventIterationStartedDataExtras
from .stream_event_iteration_started_data_inputs import StreamEventIterationStartedDataInputs
from .stream_event_iteration_started_data_metadata import StreamEventIterationStartedDataMetadata
from .stream_event_loop_completed import StreamEventLoopCompleted
from .stream_event_loop_completed_data import StreamEventLoopCompletedData
from .stream_event_loop_completed_data_outputs_type_0 import StreamEventLoopCompletedDataOutputsType0
from .stream_event_loop_next import StreamEventLoopNext
from .stream_event_loop_next_data import StreamEventLoopNextData
from .stream_event_loop_next_data_extras import StreamEventLoopNextDataExtras
from .stream_event_loop_started import StreamEventLoopStarted
from .stream_event_loop_started_data import StreamEventLoopStartedData
from .stream_event_loop_started_data_extras import StreamEventLoopStartedDataExtras
from .stream_event_loop_started_data_inputs import StreamEventLoopStartedDataInputs
from .stream_event_loop_started_data_metadata import StreamEventLoopStartedDataMetadata
from .stream_event_node_finished import StreamEventNodeFinished
from .stream_event_node_finished_data import StreamEventNodeFinishedData
from .stream_event_node_finished_data_execution_metadata_type_0 import StreamEventNodeFinishedDataExecutionMetadataType0
from .stream_event_node_finished_data_files_type_0_item import StreamEventNodeFinishedDataFilesType0Item
from .stream_event_node_finished_data_inputs_type_0 import StreamEventNodeFinishedDataInputsType0
from .stream_event_node_finished_data_outputs_type_0 import StreamEventNodeFinishedDataOutputsType0
from .stream_event_node_finished_data_process_data_type_0 import StreamEventNodeFinishedDataProcessDataType0
from .stream_event_node_retry import StreamEventNodeRetry
from .stream_event_node_retry_data import StreamEventNodeRetryData
from .stream_event_node_retry_data_execution_metadata_type_0 import StreamEventNodeRetryDataExecutionMetadataType0
from .stream_event_node_retry_data_files_type_0_item import StreamEventNodeRetryDataFilesType0Item
from .stream_event_node_retry_data_inputs_type_0 import StreamEventNodeRetryDataInputsType0
from .stream_event_node_retry_data_outputs_type_0 import StreamEventNodeRetryDataOutputsType0
from .stream_event_node_retry_data_process_data_type_0 import StreamEventNodeRetryDataProcessDataType0
from .stream_event_node_started import StreamEventNodeStarted
from .stream_event_node_started_data import StreamEventNodeStartedData
from .stream_event_node_started_data_extras import StreamEventNodeStartedDataExtras
from .stream_event_node_started_data_inputs_type_0 import StreamEventNodeStartedDataInputsType0
from .stream_event_workflow_finished import StreamEventWorkflowFinished
from .stream_event_workflow_finished_data import StreamEventWorkflowFinishedData
from .stream_event_workflow_finished_data_files_type_0_item import StreamEventWorkflowFinishedDataFilesType0Item
from .stream_event_workflow_finished_data_outputs_type_0 import StreamEventWorkflowFinishedDataOutputsType0
from .stream_event_workflow_paused import StreamEventWorkflowPaused
from .stream_event_workflow_paused_data import StreamEventWorkflowPausedData
from .stream_event_workflow_paused_data_outputs import StreamEventWorkflowPausedDataOutputs
from .stream_event_workflow_paused_data_reasons_item import StreamEventWorkflowPausedDataReasonsItem
from .stream_event_workflow_started import StreamEventWorkflowStarted
from .stream_event_workflow_started_data import StreamEventWorkflowStartedData
from .stream_event_workflow_started_data_inputs import StreamEventWorkflowStartedDataInputs
from .submit_human_input_form_response_200 import SubmitHumanInputFormResponse200
from .suggested_questions_response import SuggestedQuestionsResponse
from .text_input import TextInput
from .text_input_control import TextInputControl
from .text_to_audio_request import TextToAudioRequest
from .usage import Usage
from .user_action import UserAction
from .web_app_settings_response import WebAppSettingsResponse
from .workflow_log_item import WorkflowLogItem
from .workflow_log_item_created_by_account_type_0 import WorkflowLogItemCreatedByAccountType0
from .workflow_log_item_details_type_0 import WorkflowLogItemDetailsType0
from .workflow_logs_response import WorkflowLogsResponse
from .workflow_run_detail_response import WorkflowRunDetailResponse
from .workflow_run_detail_response_outputs import WorkflowRunDetailResponseOutputs
from .workflow_run_summary import WorkflowRunSummary

__all__ = (
    "AgentThoughtItem",
    "AgentThoughtItemToolLabelsType0",
    "AnnotationCreateRequest",
    "AnnotationItem",
    "AnnotationListResponse",
    "AnnotationReplySettingsRequest",
    "AnnotationUpdateRequest",
    "AppFeedbacksResponse",
    "AppInfoResponse",
    "AppMetaResponse",
    "AppMetaResponseToolIcons",
    "AudioToTextRequest",
    "AudioToTextResponse",
    "ChatAppParametersResponse",
    "ChatAppParametersResponseAnnotationReply",
    "ChatAppParametersResponseFileUpload",
    "ChatAppParametersResponseFileUploadImage",
    "ChatAppParametersResponseMoreLikeThis",
    "ChatAppParametersResponseRetrieverResource",
    "ChatAppParametersResponseSensitiveWordAvoidance",
    "ChatAppParametersResponseSpeechToText",
    "ChatAppParametersResponseSuggestedQuestionsAfterAnswer",
    "ChatAppParametersResponseSystemParameters",
    "ChatAppParametersResponseTextToSpeech",
    "ChatCompletionResponse",
    "ChatCompletionResponseMetadata",
    "ChatRequest",
    "ChatRequestFilesItem",
    "ChatRequestFilesItemTransferMethod",
    "ChatRequestFilesItemType",
    "ChatRequestInputs",
    "ChatRequestResponseMode",
    "ChatStopRequest",
    "ChunkChatEvent",
    "ChunkChatEventEvent",
    "ConversationDeleteRequest",
    "ConversationHistoryResponse",
    "ConversationListItem",
    "ConversationListItemInputs",
    "ConversationMessageItem",
    "ConversationMessageItemFeedbackType0",
    "ConversationMessageItemInputs",
    "ConversationRenameRequest",
    "ConversationVariableItem",
    "ConversationVariableUpdateRequest",
    "ConversationVariablesResponse",
    "ConversationsListResponse",
    "EmojiIcon",
    "EndUserDetail",
    "EndUserSummary",
    "FeedbackItem",
    "FileUploadRequest",
    "FileUploadResponse",
    "FormInput",
    "FormInputDefault",
    "GetHumanInputFormResponse200",
    "GetHumanInputFormResponse200InputsItem",
    "GetHumanInputFormResponse200InputsItemAllowedFileTypesItem",
    "GetHumanInputFormResponse200InputsItemAllowedFileUploadMethodsItem",
    "GetHumanInputFormResponse200InputsItemDefaultType0",
    "GetHumanInputFormResponse200InputsItemOptionSource",
    "GetHumanInputFormResponse200InputsItemOptionSourceType",
    "GetHumanInputFormResponse200ResolvedDefaultValues",
    "GetHumanInputFormResponse200UserActionsItem",
    "HumanInputContent",
    "HumanInputFormDefinition",
    "HumanInputFormDefinitionResolvedDefaultValues",
    "HumanInputFormSubmission",
    "HumanInputFormSubmissionData",
    "HumanInputFormSubmissionInputs",
    "InitialAnnotationReplySettingsResponse",
    "InitialAnnotationReplySettingsStatusResponse",
    "MessageFeedbackRequest",
    "MessageFeedbackRequestRatingType1",
    "MessageFeedbackRequestRatingType2Type1",
    "MessageFeedbackRequestRatingType3Type1",
    "MessageFileItem",
    "Paragraph",
    "ParagraphControl",
    "RetrieverResource",
    "Select",
    "SelectControl",
    "SendMessageFeedbackResponse200",
    "StopChatMessageResponse200",
    "StreamEventAgentLog",
    "StreamEventAgentLogData",
    "StreamEventAgentLogDataData",
    "StreamEventAgentLogDataMetadata",
    "StreamEventBase",
    "StreamEventChatError",
    "StreamEventChatMessage",
    "StreamEventChatMessageEnd",
    "StreamEventChatMessageEndMetadata",
    "StreamEventChatMessageFile",
    "StreamEventChatMessageFileBelongsTo",
    "StreamEventChatMessageReplace",
    "StreamEventChatPing",
    "StreamEventChatReasoningChunk",
    "StreamEventChatReasoningChunkData",
    "StreamEventChatTextChunk",
    "StreamEventChatTextChunkData",
    "StreamEventChatTtsMessage",
    "StreamEventChatTtsMessageEnd",
    "StreamEventHumanInputFormFilled",
    "StreamEventHumanInputFormFilledData",
    "StreamEventHumanInputFormTimeout",
    "StreamEventHumanInputFormTimeoutData",
    "StreamEventHumanInputRequired",
    "StreamEventHumanInputRequiredData",
    "StreamEventHumanInputRequiredDataActionsItem",
    "StreamEventHumanInputRequiredDataInputsItem",
    "StreamEventHumanInputRequiredDataInputsItemDefaultType0",
    "StreamEventHumanInputRequiredDataResolvedDefaultValues",
    "StreamEventIterationCompleted",
    "StreamEventIterationCompletedData",
    "StreamEventIterationCompletedDataOutputsType0",
    "StreamEventIterationNext",
    "StreamEventIterationNextData",
    "StreamEventIterationNextDataExtras",
    "StreamEventIterationStarted",
    "StreamEventIterationStartedData",
    "StreamEventIterationStartedDataExtras",
    "StreamEventIterationStartedDataInputs",
    "StreamEventIterationStartedDataMetadata",
    "StreamEventLoopCompleted",
    "StreamEventLoopCompletedData",
    "StreamEventLoopCompletedDataOutputsType0",
    "StreamEventLoopNext",
    "StreamEventLoopNextData",
    "StreamEventLoopNextDataExtras",
    "StreamEventLoopStarted",
    "StreamEventLoopStartedData",
    "StreamEventLoopStartedDataExtras",
    "StreamEventLoopStartedDataInputs",
    "StreamEventLoopStartedDataMetadata",
    "StreamEventNodeFinished",
    "StreamEventNodeFinishedData",
    "StreamEventNodeFinishedDataExecutionMetadataType0",
    "StreamEventNodeFinishedDataFilesType0Item",
    "StreamEventNodeFinishedDataInputsType0",
    "StreamEventNodeFinishedDataOutputsType0",
    "StreamEventNodeFinishedDataProcessDataType0",
    "StreamEventNodeRetry",
    "StreamEventNodeRetryData",
    "StreamEventNodeRetryDataExecutionMetadataType0",
    "StreamEventNodeRetryDataFilesType0Item",
    "StreamEventNodeRetryDataInputsType0",
    "StreamEventNodeRetryDataOutputsType0",
    "StreamEventNodeRetryDataProcessDataType0",
    "StreamEventNodeStarted",
    "StreamEventNodeStartedData",
    "StreamEventNodeStartedDataExtras",
    "StreamEventNodeStartedDataInputsType0",
    "StreamEventWorkflowFinished",
    "StreamEventWorkflowFinishedData",
    "StreamEventWorkflowFinishedDataFilesType0Item",
    "StreamEventWorkflowFinishedDataOutputsType0",
    "StreamEventWorkflowPaused",
    "StreamEventWorkflowPausedData",
    "StreamEventWorkflowPausedDataOutputs",
    "StreamEventWorkflowPausedDataReasonsItem",
    "StreamEventWorkflowStarted",
    "StreamEventWorkflowStartedData",
    "StreamEventWorkflowStartedDataInputs",
    "SubmitHumanInputFormResponse200",
    "SuggestedQuestionsResponse",
    "TextInput",
    "TextInputControl",
    "TextToAudioRequest",
    "Usage",
    "UserAction",
    "WebAppSettingsResponse",
    "WorkflowLogItem",
    "WorkflowLogItemCreatedByAccountType0",
    "WorkflowLogItemDetailsType0",
    "WorkflowLogsResponse",
    "WorkflowRunDetailResponse",
    "WorkflowRunDetailResponseOutputs",
    "WorkflowRunSummary",
)
