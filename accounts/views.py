from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts import selectors, services
from accounts.decorators import candidate_required, role_required
from accounts.forms import SharingForm
from accounts.models import Role
from questions.selectors import question_list


@login_required
def account_settings(request):
    user = request.user
    return render(
        request,
        "accounts/settings.html",
        {
            "form": SharingForm(initial={"share_profile": user.share_profile}),
            "email_verified": selectors.email_verified(user=user),
            "two_factor_enabled": selectors.two_factor_enabled(user=user),
            "two_factor_required": selectors.two_factor_required(user=user),
        },
    )


def sharing_choice_apply(request, form: SharingForm) -> None:
    """Apply a candidate's sharing form and say what it did, for both pages that offer the choice (settings and
    profile): the refusal's reason, or who can see the profile now."""
    if not form.is_valid():
        messages.error(request, "Choose whether to share your profile.")
        return
    try:
        services.profile_sharing_set(user=request.user, share=form.cleaned_data["share_profile"])
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return
    state = "can now" if request.user.share_profile else "can no longer"
    messages.success(request, f"Recruiters {state} see your profile.")
    if not request.user.share_profile:
        from recruiting.selectors import organisations_applied_to

        applied = organisations_applied_to(candidate=request.user)
        if applied:
            messages.info(request, f"{', '.join(o.name for o in applied)} still see it through your applications "
                                   "until you withdraw them.")


@candidate_required
@require_POST
def sharing_update(request):
    sharing_choice_apply(request, SharingForm(request.POST))
    return redirect("account-settings")


@login_required
@require_POST
def log_out_everywhere(request):
    services.sessions_end_everywhere(request=request)
    messages.success(request, "You are logged out everywhere: on this browser and on every other one.")
    return redirect("account_login")


@role_required(Role.RECRUITER)
def recruiter_home(request):
    from recruiting.views import dashboard  # the recruiter's home is the recruiting dashboard

    return dashboard(request)


@role_required(Role.AUTHOR)
def author_home(request):
    return render(request, "accounts/author_home.html", {"question_count": question_list().count()})
