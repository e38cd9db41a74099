"""An embedded Dify-compatible server for tests, demos and local development.

It serves the Chatflow App API on 127.0.0.1 with the behaviour of a real Dify server
(checks in Dify's order, status codes, error bodies and their hints, event streams, value
rules), in the dialect of Dify 1.16.1 (default) or 1.10.1, using only the standard
library: chat messages (blocking and streamed), stop, conversations (list, rename,
delete), their variables, message history, feedback and suggestions, file upload and
preview, the app's info / parameters / meta / site and feedbacks, speech to text and text
to speech (scripted models), annotations and their reply jobs, workflow runs and logs
and, on 1.16, end users and a run's event stream::

    from dify_chatflow.testing import DifyTestServer, Fault

    def responder(query, inputs, conversation):
        yield from ["Hello", ", ", "world"]       # one ``message`` event per chunk

    with DifyTestServer(api_key="app-test", dialect="1.16") as server:
        server.add_app("app-test", responder=responder,
                       variables=[{"name": "visits", "value_type": "number", "value": 0}],
                       file_upload=True,                       # files go with messages
                       speech_to_text=lambda audio, mime_type: "hello",
                       text_to_speech=lambda text: b"ID3...")  # audio/mpeg bytes
        server.add_annotation("Opening hours?", "9 to 5.")
        server.inject_fault(Fault.cut_stream(after_events=3), route="chat")
        ...  # point a client at server.base_url
        server.conversations(user="abc-123")      # what it now holds
        server.requests                           # what it received, API key redacted

With pytest, the plugin's fixtures (``dify_server``, ``dify_session_server``,
``dify_conversation``, ``dify_client``, ``dify_async_client``) give a started server, a
seeded conversation and clients bound to it; see :mod:`dify_chatflow.testing.pytest_plugin`.
"""

from ._app_data import WorkflowLog
from ._demo import DEMO_USER
from ._faults import Fault, FaultRoute
from ._human import FormSubmission, HumanInput
from ._records import REDACTED, HeldStream, RecordedRequest
from ._server import DifyTestServer
from ._store import (
    DEFAULT_USER,
    NO_DEFAULT_MODEL,
    ConversationSnapshot,
    Responder,
    SpeechToText,
    StoredMessage,
    StoredVariable,
    TextToSpeech,
    WorkflowRun,
)

__all__ = [
    "DEFAULT_USER",
    "DEMO_USER",
    "NO_DEFAULT_MODEL",
    "REDACTED",
    "ConversationSnapshot",
    "DifyTestServer",
    "Fault",
    "FaultRoute",
    "FormSubmission",
    "HeldStream",
    "HumanInput",
    "RecordedRequest",
    "Responder",
    "SpeechToText",
    "StoredMessage",
    "StoredVariable",
    "TextToSpeech",
    "WorkflowLog",
    "WorkflowRun",
]
