"""Schemathesis over the OpenAPI schema, against a live test server, as a recruiter with a read-and-write token:
no request makes a 5xx, and every response matches the schema (body and content type). Bounded in examples so it
runs in `make test` in about a minute."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from accounts.services import profile_sharing_set
from api import services
from recruiting.services import application_create
from tests.api.conftest import organisation, token_client
from tests.api.test_webhooks import published_listing
from tests.conftest import make_account
from tests.profiles.helpers import answer

EXAMPLES_PER_OPERATION = 25


@pytest.fixture
def api_schema(live_server, settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True
    rec = make_account("rec", "recruiter")
    org = organisation("Acme Analytics", rec)
    sharing = make_account("sharer")
    answer(sharing, "overfit-one-batch", right=True)
    profile_sharing_set(user=sharing, share=True)
    applicant = make_account("applicant")
    application_create(listing=published_listing(rec), candidate=applicant, note="Hello", consent=True)
    services.webhook_endpoint_create(organisation=org, created_by=rec, url="http://127.0.0.1:9/hook",
                                     events=["application.created"])
    api = token_client(org, rec)
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/schema/")
    schema.token = api.secret  # read by the test below
    schema.base = live_server.url
    return schema


@pytest.mark.django_db(transaction=True)
def test_the_api_never_fails_and_always_matches_its_schema(api_schema):
    # One test over every operation (schemathesis' pytest plugin does not support this pytest yet): Hypothesis
    # draws cases from each operation's strategy, valid and invalid, and each goes through the live server.
    headers = {"Authorization": f"Token {api_schema.token}"}
    checks = [not_a_server_error, content_type_conformance, response_schema_conformance]
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 20
    calls: list[int] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck),
                  database=None)
        def check(case):
            calls.append(case.call_and_validate(base_url=api_schema.base, headers=headers, checks=checks).status_code)

        check()
    # Not only refusals: authorised reads and writes went through too.
    assert len(calls) >= 5 * len(operations) and {200, 400, 404} <= set(calls)
    print(f"schemathesis: {len(operations)} operations, {len(calls)} requests, statuses {sorted(set(calls))}")
