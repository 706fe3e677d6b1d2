"""Issue 14 in a real browser: verification and reset by e-mail (read from the test outbox), a recruiter turning
on TOTP and logging in with a code, and wrong passwords throttled with a message."""

import re

from django.core import mail
from playwright.sync_api import expect

from accounts.models import Role
from accounts.selectors import totp_code
from tests.browser.conftest import log_in, make_user, shot
from tests.conftest import PASSWORD

NEW_PASSWORD = "a-brand-new-password-9"


def path_of_link_in_mail(to: str) -> str:
    message = mail.outbox[-1]
    assert message.to == [to]
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_sign_up_verify_log_out_reset_the_password_and_log_in_with_it(page, live_server):
    page.goto(f"{live_server.url}/accounts/signup/")
    page.get_by_label("Email").fill("grace@example.com")
    page.get_by_label("Username").fill("grace")
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page).to_have_url(f"{live_server.url}/roadmap/")  # practising starts at once

    page.goto(f"{live_server.url}/accounts/settings/")
    expect(page.get_by_text("not verified yet")).to_be_visible()
    shot(page, "settings-unverified")
    page.goto(live_server.url + path_of_link_in_mail("grace@example.com"))
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(f"{live_server.url}/accounts/settings/")
    expect(page.get_by_text("verified", exact=True)).to_be_visible()
    page.get_by_label("Let recruiters see my progress profile").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Recruiters can now see your profile.")).to_be_visible()
    shot(page, "settings-verified")

    page.get_by_role("button", name="Log out").first.click()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    page.get_by_label("Email").fill("grace@example.com")
    page.get_by_role("button", name="Reset My Password").click()
    page.goto(live_server.url + path_of_link_in_mail("grace@example.com"))
    page.get_by_label(re.compile(r"^New Password:?$")).fill(NEW_PASSWORD)
    page.get_by_label("New Password (again)").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change Password").click()
    expect(page).to_have_url(f"{live_server.url}/roadmap/")  # the reset link logs its user in
    shot(page, "after-password-reset")

    page.get_by_role("button", name="Log out").first.click()
    log_in(page, live_server, "grace", PASSWORD)
    expect(page).to_have_url(re.compile(r"/accounts/login/"))  # the old password no longer works
    log_in(page, live_server, "grace", NEW_PASSWORD)
    expect(page).to_have_url(f"{live_server.url}/roadmap/")


def test_a_recruiter_turns_on_totp_then_logs_in_with_a_code(page, live_server):
    make_user("rita", Role.RECRUITER, with_totp=False)
    log_in(page, live_server, "rita")
    # Before anything else, the recruiter sets up an authenticator app (after giving the password again).
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/"))
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(f"{live_server.url}/accounts/2fa/totp/activate/")
    shot(page, "recruiter-totp-activate")
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(totp_code(secret=secret))
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_role("heading", name="Recovery Codes")).to_be_visible()
    shot(page, "recruiter-recovery-codes")
    page.goto(f"{live_server.url}/recruiter/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Recruiter home")

    page.get_by_role("button", name="Log out").first.click()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username or e-mail").fill("rita")
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{live_server.url}/accounts/2fa/authenticate/")
    shot(page, "recruiter-totp-code")
    page.get_by_label("Code").fill(totp_code(secret=secret, steps_ahead=1))  # the first code was used up
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{live_server.url}/recruiter/")


def test_repeated_wrong_passwords_are_throttled_with_a_message(page, live_server):
    make_user("cand")
    for _ in range(5):
        log_in(page, live_server, "cand", "not-the-password")
        expect(page.get_by_text("not correct")).to_be_visible()
    log_in(page, live_server, "cand")
    expect(page.get_by_text("Too many failed logins")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    shot(page, "login-throttled")
