"""Webhooks: signed as Standard Webhooks specifies, sent by Celery with retries and backoff, logged, disabled
after repeated failures (and the recruiter told), enabled again and redelivered; never sent to loopback, private
or link-local addresses unless the setting allows it."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core import mail
from django.urls import reverse
from standardwebhooks.webhooks import Webhook

from accounts.services import profile_sharing_set
from api import services, webhooks
from api.models import DeliveryState, WebhookDelivery, WebhookEndpoint
from recruiting.services import application_create, application_withdraw, listing_create, listing_publish
from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db


class Receiver:
    """A real HTTP server on 127.0.0.1 that records each request and answers with the next planned status."""

    def __init__(self, statuses=(200,)):
        self.statuses = list(statuses)
        self.requests: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                receiver.requests.append({"headers": {k.lower(): v for k, v in self.headers.items()}, "body": body,
                                          "path": self.path})
                status = receiver.statuses.pop(0) if len(receiver.statuses) > 1 else receiver.statuses[0]
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", "http://127.0.0.1:9/elsewhere")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/mlassess"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def private_allowed(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True
    settings.WEBHOOKS_RETRY_BASE_SECONDS = 0
    return settings


@pytest.fixture
def public_dns(monkeypatch):
    """hooks.example.com resolves to a public address (this machine has no outside DNS)."""
    import socket

    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "hooks.example.com":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def endpoint_for(org, user, url, events=("application.created", "application.withdrawn")):
    return services.webhook_endpoint_create(organisation=org, created_by=user, url=url, events=list(events))


def published_listing(recruiter):
    from datetime import timedelta

    from django.utils import timezone

    listing = listing_create(by=recruiter, title="ML intern", description="Train models.", location="Berlin",
                             workplace_type="hybrid", employment_type="internship",
                             valid_through=timezone.now() + timedelta(days=30))
    return listing_publish(listing=listing, by=recruiter)


def test_signatures_match_the_specs_example():
    # The example of the Standard Webhooks specification (and of its reference libraries' tests).
    assert webhooks.signature(secret="whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", message_id="msg_p5jXN8AQM9LWM0D4loKWxJek",
                              timestamp=1614265330, body='{"test": 2432232314}') == (
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    )


def test_a_secret_looks_like_whsec_and_signs(db):
    secret = webhooks.secret_generate()
    assert secret.startswith("whsec_") and len(secret) > 30
    Webhook(secret)  # the reference library accepts it


def test_an_application_reaches_the_receiver_signed(org_a, recruiter, candidate, private_allowed, eager_celery,
                                                    django_capture_on_commit_callbacks):
    with Receiver([200]) as receiver:
        endpoint = endpoint_for(org_a, recruiter, receiver.url)
        listing = published_listing(recruiter)
        with django_capture_on_commit_callbacks(execute=True):
            application = application_create(listing=listing, candidate=candidate, note="Hello", consent=True)
    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    # Verified as a receiver would, with the reference library: raises if the signature is wrong or stale.
    payload = Webhook(endpoint.secret).verify(request["body"], request["headers"])
    assert payload["type"] == "application.created"
    assert payload["data"]["application_id"] == application.pk
    assert payload["data"]["candidate"] == str(candidate.progress_profile.public_id)
    assert request["path"] == "/hooks/mlassess"
    delivery = WebhookDelivery.objects.get()
    assert delivery.state == DeliveryState.DELIVERED and delivery.attempts == 1 and delivery.last_status_code == 200
    assert delivery.last_response_ms is not None and request["headers"]["webhook-id"] == delivery.message_id


def test_a_tampered_body_fails_verification(org_a, recruiter, candidate, private_allowed, eager_celery,
                                            django_capture_on_commit_callbacks):
    from standardwebhooks.webhooks import WebhookVerificationError

    with Receiver([200]) as receiver:
        endpoint = endpoint_for(org_a, recruiter, receiver.url)
        with django_capture_on_commit_callbacks(execute=True):
            application_create(listing=published_listing(recruiter), candidate=candidate, note="", consent=True)
    request = receiver.requests[0]
    with pytest.raises(WebhookVerificationError):
        Webhook(endpoint.secret).verify(request["body"].replace("application", "applicatio"), request["headers"])


def test_a_receiver_answering_500_sees_retries_with_the_same_id(org_a, recruiter, candidate, private_allowed,
                                                                eager_celery, django_capture_on_commit_callbacks):
    with Receiver([500, 500, 200]) as receiver:
        endpoint = endpoint_for(org_a, recruiter, receiver.url)
        with django_capture_on_commit_callbacks(execute=True):
            application_create(listing=published_listing(recruiter), candidate=candidate, note="", consent=True)
    assert len(receiver.requests) == 3
    assert len({r["headers"]["webhook-id"] for r in receiver.requests}) == 1
    for request in receiver.requests:
        Webhook(endpoint.secret).verify(request["body"], request["headers"])
    delivery = WebhookDelivery.objects.get()
    assert delivery.state == DeliveryState.DELIVERED and delivery.attempts == 3
    endpoint.refresh_from_db()
    assert endpoint.failure_count == 0  # a success resets the run of failures


def test_backoff_grows_exponentially(settings):
    settings.WEBHOOKS_RETRY_BASE_SECONDS = 30
    assert [services.retry_delay(n) for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert services.retry_delay(40) == 86_400


def test_the_next_attempt_is_scheduled_after_the_backoff(org_a, recruiter, private_allowed, monkeypatch):
    private_allowed.WEBHOOKS_RETRY_BASE_SECONDS = 30
    with Receiver([503]) as receiver:
        endpoint = endpoint_for(org_a, recruiter, receiver.url)
        (delivery,) = services.webhook_event_dispatch(organisations=[org_a], event="application.created", data={"x": 1})
        scheduled = []
        from api import tasks

        monkeypatch.setattr(tasks.deliver_webhook, "apply_async", lambda args, countdown: scheduled.append((args, countdown)))
        tasks.deliver_webhook(delivery.pk, 0)
    assert scheduled == [((delivery.pk, 1), 30)]
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.PENDING and delivery.last_status_code == 503 and delivery.next_attempt_at
    # A duplicate of the message that made attempt 1 finds the attempt made, and leaves.
    assert services.webhook_delivery_attempt(delivery_id=delivery.pk, attempt=0) is None
    assert len(receiver.requests) == 1
    assert endpoint.deliveries.count() == 1


def test_repeated_failures_disable_the_endpoint_and_tell_the_recruiter(org_a, recruiter, candidate, private_allowed,
                                                                      eager_celery, client,
                                                                      django_capture_on_commit_callbacks):
    private_allowed.WEBHOOKS_MAX_ATTEMPTS = 3
    private_allowed.WEBHOOKS_DISABLE_AFTER_FAILURES = 5
    listing = published_listing(recruiter)
    with Receiver([500]) as receiver:
        endpoint = endpoint_for(org_a, recruiter, receiver.url)
        with django_capture_on_commit_callbacks(execute=True):
            application = application_create(listing=listing, candidate=candidate, note="", consent=True)
        first = WebhookDelivery.objects.get()
        assert first.state == DeliveryState.FAILED and first.attempts == 3  # gave up after its attempts
        with django_capture_on_commit_callbacks(execute=True):
            application_withdraw(application=application, candidate=candidate)
        assert len(receiver.requests) == 5  # 3 + 2: the fifth failure in a row disabled the endpoint
    endpoint.refresh_from_db()
    assert not endpoint.enabled and endpoint.disabled_at and "5 delivery attempts in a row failed" in endpoint.disabled_reason
    assert len(mail.outbox) == 1 and recruiter.email in mail.outbox[0].to and endpoint.url in mail.outbox[0].subject

    # The recruiter sees it in the log, enables it again and sends the failed delivery again.
    client.force_login(recruiter)
    page = client.get(reverse("webhook-detail", args=[endpoint.pk])).content.decode()
    assert "Disabled" in page and "HTTP 500" in page and "application.withdrawn" in page
    with Receiver([200]) as fixed:
        WebhookEndpoint.objects.filter(pk=endpoint.pk).update(url=fixed.url)
        refused = client.post(reverse("webhook-redeliver", args=[first.pk]), follow=True)
        assert "Enable the endpoint again" in refused.content.decode()
        client.post(reverse("webhook-enable", args=[endpoint.pk]))
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("webhook-redeliver", args=[first.pk]))
    assert len(fixed.requests) == 1 and fixed.requests[0]["headers"]["webhook-id"] == first.message_id
    assert json.loads(fixed.requests[0]["body"])["type"] == "application.created"
    endpoint.refresh_from_db()
    assert endpoint.enabled and endpoint.failure_count == 0


def test_sharing_events_go_to_every_verified_organisation(org_a, recruiter, org_b, recruiter_b, candidate,
                                                           private_allowed, eager_celery,
                                                           django_capture_on_commit_callbacks):
    with Receiver([200]) as a, Receiver([200]) as b:
        endpoint_for(org_a, recruiter, a.url, events=["candidate.shared", "candidate.unshared"])
        endpoint_for(org_b, recruiter_b, b.url, events=["candidate.unshared"])
        with django_capture_on_commit_callbacks(execute=True):
            profile_sharing_set(user=candidate, share=True)
        with django_capture_on_commit_callbacks(execute=True):
            profile_sharing_set(user=candidate, share=False)
    assert [json.loads(r["body"])["type"] for r in a.requests] == ["candidate.shared", "candidate.unshared"]
    assert [json.loads(r["body"])["type"] for r in b.requests] == ["candidate.unshared"]


# ---------------------------------------------------------------------------------------------------------------
# The SSRF guard


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/hook", "http://localhost:8000/hook", "http://10.1.2.3/", "http://192.168.0.10/",
    "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[fe80::1]/",
    "http://224.0.0.1/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/", "http://100.64.0.1/",
    # IPv4 inside IPv6: 6to4 and NAT64 wrapping loopback, and a Teredo address
    "http://[2002:7f00:1::]/", "http://[64:ff9b::7f00:1]/", "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
    "http://[fec0::1]/",  # site-local
])
def test_non_public_addresses_are_refused(settings, url):
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = False
    with pytest.raises(webhooks.UnsafeDestination):
        webhooks.destination_check(url)


@pytest.mark.parametrize("url", ["ftp://example.com/", "file:///etc/passwd", "gopher://example.com/",
                                 "http://user:pw@example.com/", "http:///nohost"])
def test_other_schemes_and_credentials_are_refused(settings, url):
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True
    with pytest.raises(webhooks.UnsafeDestination):
        webhooks.destination_check(url)


def test_registering_a_private_url_is_refused_with_a_message(client, recruiter, org_a, settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = False
    client.force_login(recruiter)
    page = client.post(reverse("webhooks"), {"url": "http://169.254.169.254/", "events": ["application.created"]})
    assert page.status_code == 400 and "public addresses only" in page.content.decode()
    assert not WebhookEndpoint.objects.exists()
    api = token_client(org_a, recruiter)
    response = api.post("/api/v1/webhooks/", {"url": "http://127.0.0.1:6379/", "events": ["application.created"]},
                        format="json")
    assert response.status_code == 400 and "public addresses only" in response.json()["url"][0]


def test_only_a_token_that_may_write_reads_an_endpoints_signing_secret(org_a, recruiter, public_dns):
    # Whoever holds the secret can sign events the receiver believes: a read-only token (for a spreadsheet
    # script) must not hand it out.
    writer, reader = token_client(org_a, recruiter), token_client(org_a, recruiter, scope="read")
    created = writer.post("/api/v1/webhooks/", {"url": "https://hooks.example.com/in", "events": ["application.created"]},
                          format="json")
    assert created.status_code == 201 and created.json()["secret"].startswith("whsec_")
    endpoint = created.json()["id"]
    for url in ("/api/v1/webhooks/", f"/api/v1/webhooks/{endpoint}/"):
        body = reader.get(url).json()
        shown = body["results"][0] if "results" in body else body
        assert shown["id"] == endpoint and "secret" not in shown
        assert "whsec_" not in json.dumps(body)
    assert writer.get(f"/api/v1/webhooks/{endpoint}/").json()["secret"] == created.json()["secret"]


def test_a_delivery_still_being_tried_is_not_sent_a_second_time(org_a, recruiter, private_allowed):
    endpoint_for(org_a, recruiter, "http://127.0.0.1:9/h")
    (delivery,) = services.webhook_event_dispatch(organisations=[org_a], event="application.created", data={})
    assert delivery.state == DeliveryState.PENDING
    response = token_client(org_a, recruiter).post(f"/api/v1/webhook-deliveries/{delivery.pk}/redeliver/")
    assert response.status_code == 400 and "still being tried" in json.dumps(response.json())
    assert WebhookDelivery.objects.count() == 1


def test_a_url_that_turns_private_later_is_not_called(org_a, recruiter, settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True
    with Receiver([200]) as receiver:
        endpoint_for(org_a, recruiter, receiver.url)
        settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = False  # e.g. its DNS now answers a private address
        (delivery,) = services.webhook_event_dispatch(organisations=[org_a], event="application.created", data={})
        services.webhook_delivery_attempt(delivery_id=delivery.pk, attempt=0)
    assert receiver.requests == []
    delivery.refresh_from_db()
    assert delivery.last_status_code is None and "public addresses only" in delivery.last_error


def test_redirects_are_not_followed(org_a, recruiter, private_allowed):
    with Receiver([302]) as receiver:
        endpoint_for(org_a, recruiter, receiver.url)
        (delivery,) = services.webhook_event_dispatch(organisations=[org_a], event="application.created", data={})
        services.webhook_delivery_attempt(delivery_id=delivery.pk, attempt=0)
    assert len(receiver.requests) == 1
    delivery.refresh_from_db()
    assert delivery.last_status_code == 302 and delivery.state == DeliveryState.PENDING  # a failure, retried later


# ---------------------------------------------------------------------------------------------------------------
# The web pages


def test_a_recruiter_registers_an_endpoint_and_sees_its_secret(client, recruiter, org_a, public_dns):
    client.force_login(recruiter)
    response = client.post(reverse("webhooks"), {"url": "https://hooks.example.com/mlassess",
                                                 "events": ["application.created", "candidate.shared"]}, follow=True)
    endpoint = WebhookEndpoint.objects.get()
    page = response.content.decode()
    assert endpoint.secret in page and endpoint.events == ["application.created", "candidate.shared"]
    assert endpoint.organisation == org_a
    assert "https://hooks.example.com/mlassess" in client.get(reverse("webhooks")).content.decode()


def test_the_endpoint_form_needs_an_event(client, recruiter, org_a, public_dns):
    client.force_login(recruiter)
    page = client.post(reverse("webhooks"), {"url": "https://hooks.example.com/x"})
    assert page.status_code == 400 and "This field is required" in page.content.decode()
    assert 'value="https://hooks.example.com/x"' in page.content.decode()


def test_the_sweep_requeues_lost_and_stuck_deliveries(org_a, recruiter, private_allowed, monkeypatch,
                                                      django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.utils import timezone

    from api import tasks

    endpoint_for(org_a, recruiter, "http://127.0.0.1:9/h")
    lost, stuck, _fresh = (services.webhook_event_dispatch(organisations=[org_a], event="application.created", data={})[0]
                          for _ in range(3))
    long_ago = timezone.now() - timedelta(minutes=10)
    WebhookDelivery.objects.filter(pk=lost.pk).update(next_attempt_at=long_ago)
    WebhookDelivery.objects.filter(pk=stuck.pk).update(state=DeliveryState.SENDING, attempts=2, last_attempt_at=long_ago)
    queued = []
    monkeypatch.setattr(tasks.deliver_webhook, "delay", lambda *args: queued.append(args))
    with django_capture_on_commit_callbacks(execute=True):
        count = services.webhook_deliveries_sweep()
    assert count == 2 and sorted(queued) == sorted([(lost.pk, 0), (stuck.pk, 2)])  # not the fresh one
    stuck.refresh_from_db()
    assert stuck.state == DeliveryState.PENDING and stuck.attempts == 2  # the interrupted attempt counts
