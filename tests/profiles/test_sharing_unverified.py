import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_unverified_candidate_turning_sharing_on_from_the_profile_gets_a_message(client):
    from accounts.models import User
    user = User.objects.create_user(username="unv", email="unv@example.com", password="pw-long-enough-1", role="candidate")
    client.force_login(user)
    response = client.post(reverse("profile-sharing-update"), {"share_profile": "on"}, follow=True)
    assert response.status_code == 200
    assert "Verify your e-mail address" in response.content.decode()
    user.refresh_from_db()
    assert not user.share_profile
