"""The cmi5 package launched as a cmi5 LMS launches it, against a stand-in LRS on loopback: every
statement the course sends is checked by an independent xAPI validator (ralph's statement models)
and against cmi5's rules for an AU; the learner's record comes back in a new session."""

from __future__ import annotations

import json
import threading
import time
import uuid
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from lms_packages import LEARNER, stored_record, take_quiz, unzip_package
from playwright.sync_api import expect
from ralph.models.xapi.base.statements import BaseXapiStatement
from static_server import serve_with

CMI5_STRUCTURE = "{https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd}"
VERBS = "http://adlnet.gov/expapi/verbs/"
CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVE_ON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon"
SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
ACTOR = {
    "objectType": "Agent",
    "name": LEARNER["name"],
    "account": {"homePage": "https://lms.example", "name": LEARNER["id"]},
}
ACTIVITY_ID = "https://lms.example/activities/fixture-au"


class StandInLrs:
    """What a cmi5 LMS serves an AU: one-time token URLs, LMS.LaunchData and the State API, and the
    Statement API. Everything received is kept for the test to read."""

    def __init__(self, au: ET.Element) -> None:
        self.au = au
        self.tokens: dict[str, str] = {}  # fetch path -> token, until fetched
        self.sessions: dict[str, str] = {}  # token -> session id
        self.launch_data: dict[str, dict] = {}  # session id -> LMS.LaunchData
        self.states: dict[tuple[str, str], str] = {}
        self.statements: list[dict] = []
        self.refused: list[str] = []
        self.lock = threading.Lock()

    def new_session(self, registration: str) -> str:
        """A launch: a fetch URL's path; LMS.LaunchData as the course structure sets it."""
        session, token = str(uuid.uuid4()), uuid.uuid4().hex
        self.tokens[f"/fetch/{session}"] = token
        self.sessions[token] = session
        self.states[(registration, "LMS.LaunchData")] = json.dumps(
            {
                "contextTemplate": {
                    "contextActivities": {"grouping": [{"id": self.au.get("id"), "objectType": "Activity"}]},
                    "extensions": {SESSION_ID: session},
                },
                "launchMode": "Normal",
                "launchMethod": self.au.get("launchMethod"),
                "moveOn": self.au.get("moveOn"),
                "masteryScore": float(self.au.get("masteryScore")),
            }
        )
        return f"/fetch/{session}"

    def session_statements(self, session: str) -> list[dict]:
        with self.lock:
            return [s for s in self.statements if s["context"]["extensions"].get(SESSION_ID) == session]


def handler_for(lrs: StandInLrs) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def reply(self, status: int, body: object = None) -> None:
            data = b"" if body is None else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Experience-API-Version")
            self.send_header("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS")
            if data:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_OPTIONS(self) -> None:  # noqa: N802
            self.reply(204)

        def authorised(self) -> bool:
            token = self.headers.get("Authorization", "").removeprefix("Basic ")
            if token not in lrs.sessions or self.headers.get("X-Experience-API-Version") != "1.0.3":
                lrs.refused.append(f"{self.command} {self.path}")
                self.reply(401)
                return False
            return True

        def body(self) -> object:
            return json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"null")

        def state_key(self) -> tuple[str, str]:
            query = parse_qs(urlsplit(self.path).query)
            assert json.loads(query["agent"][0]) == ACTOR and query["activityId"][0] == ACTIVITY_ID
            return query["registration"][0], query["stateId"][0]

        def do_POST(self) -> None:  # noqa: N802
            path = urlsplit(self.path).path
            if path.startswith("/fetch/"):
                token = lrs.tokens.pop(path, None)  # one-time URL (cmi5 8.2)
                self.reply(200, {"auth-token": token} if token else {"error-code": "1", "error-text": "used"})
            elif path == "/xapi/statements" and self.authorised():
                received = self.body()
                received = received if isinstance(received, list) else [received]
                with lrs.lock:
                    lrs.statements += received
                self.reply(200, [s["id"] for s in received])

        def do_GET(self) -> None:  # noqa: N802
            if urlsplit(self.path).path == "/xapi/activities/state" and self.authorised():
                stored = lrs.states.get(self.state_key())
                self.reply(200, json.loads(stored)) if stored is not None else self.reply(404)

        def do_PUT(self) -> None:  # noqa: N802
            if urlsplit(self.path).path == "/xapi/activities/state" and self.authorised():
                lrs.states[self.state_key()] = json.dumps(self.body())
                self.reply(204)

    return Handler


def running(lrs: StandInLrs):
    return serve_with(handler_for(lrs))


@pytest.fixture(scope="module")
def cmi5_package(www, tmp_path_factory):
    root, base = www
    package = unzip_package("cmi5", root, tmp_path_factory.mktemp("lms-cmi5"))
    au = ET.parse(root / package.strip("/") / "cmi5.xml").getroot().find(f"{CMI5_STRUCTURE}au")
    lrs = StandInLrs(au)
    with running(lrs) as lrs_url:
        yield base + package + au.find(f"{CMI5_STRUCTURE}url").text, lrs, lrs_url


def launch(context, cmi5_package, registration):
    launch_url, lrs, lrs_url = cmi5_package
    fetch = lrs.new_session(registration)
    query = {
        "endpoint": lrs_url + "/xapi/",
        "fetch": lrs_url + fetch,
        "actor": json.dumps(ACTOR),
        "registration": registration,
        "activityId": ACTIVITY_ID,
    }
    page = context.new_page()
    page.goto(launch_url + "?" + urlencode(query))
    expect(page.frame_locator("iframe[name=course]").locator("h1").first).to_be_visible()
    return page, page.frame(name="course"), fetch.removeprefix("/fetch/")


def statements_until_terminated(lrs: StandInLrs, session: str) -> list[dict]:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        found = lrs.session_statements(session)
        if found and found[-1]["verb"]["id"] == VERBS + "terminated":
            return found
        time.sleep(0.1)
    raise AssertionError(f"no terminated statement: {[s['verb']['id'] for s in lrs.session_statements(session)]}")


def check_cmi5_statement(statement: dict, registration: str, session: str, au_id: str) -> str:
    """The statement is valid xAPI (ralph) and follows cmi5's rules for AU statements; its verb."""
    BaseXapiStatement.model_validate(statement)
    verb = statement["verb"]["id"].removeprefix(VERBS)
    context, result = statement["context"], statement.get("result", {})
    assert statement["actor"] == ACTOR and statement["object"]["id"] == ACTIVITY_ID
    assert context["registration"] == registration and context["extensions"][SESSION_ID] == session
    assert {"id": au_id, "objectType": "Activity"} in context["contextActivities"]["grouping"]
    categories = [activity["id"] for activity in context["contextActivities"]["category"]]
    assert CMI5_CATEGORY in categories
    assert (MOVE_ON_CATEGORY in categories) == (verb in ("passed", "failed", "completed"))
    assert ("success" in result) == (verb in ("passed", "failed")) and ("completion" in result) == (verb == "completed")
    assert ("score" in result) <= (verb in ("passed", "failed"))
    if verb in ("passed", "failed", "completed", "terminated"):
        assert result["duration"].startswith("PT")
    if verb in ("passed", "failed"):
        assert context["extensions"][MASTERY] == 0.75
        assert (result["score"]["scaled"] >= 0.75) == (verb == "passed") == result["success"]
    assert statement["timestamp"].endswith("Z")
    return verb


def verbs_of(statements, registration, session, lrs):
    return [check_cmi5_statement(s, registration, session, lrs.au.get("id")) for s in statements]


def test_a_learner_passes_and_the_lms_hears_it_once(browser, cmi5_package):
    _, lrs, _ = cmi5_package
    registration = str(uuid.uuid4())
    first = browser.new_context()
    page, frame, session = launch(first, cmi5_package, registration)
    take_quiz(frame, "alpha", right=False)
    take_quiz(frame, "alpha")
    take_quiz(frame, "beta")
    assert stored_record(frame)["name"] == "Ada Lovelace"
    page.goto("about:blank")  # the learner leaves: pagehide
    statements = statements_until_terminated(lrs, session)
    assert verbs_of(statements, registration, session, lrs) == ["initialized", "passed", "completed", "terminated"]
    assert statements[1]["result"]["score"]["scaled"] == 1
    assert [s["timestamp"] for s in statements] == sorted(s["timestamp"] for s in statements)
    first.close()

    # A new session on another device: the record comes back; passed and completed are not sent again.
    second = browser.new_context()
    page, frame, session = launch(second, cmi5_package, registration)
    expect(frame.locator("[data-course-overview] li[data-block-id]").filter(has_text="Passed")).to_have_count(2)
    page.goto("about:blank")
    statements = statements_until_terminated(lrs, session)
    assert verbs_of(statements, registration, session, lrs) == ["initialized", "terminated"]
    assert lrs.refused == []
    second.close()


def test_a_learner_who_ends_without_passing_is_failed_once_at_the_end(browser, cmi5_package):
    _, lrs, _ = cmi5_package
    registration = str(uuid.uuid4())
    context = browser.new_context()
    page, frame, session = launch(context, cmi5_package, registration)
    take_quiz(frame, "beta")
    take_quiz(frame, "alpha", right=False)
    page.goto("about:blank")
    statements = statements_until_terminated(lrs, session)
    assert verbs_of(statements, registration, session, lrs) == ["initialized", "failed", "terminated"]
    assert statements[1]["result"]["score"]["scaled"] == 0
    context.close()
