from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from accounts import services
from accounts.decorators import candidate_required, role_required
from accounts.forms import SharingForm, SignUpForm
from accounts.models import Role
from accounts.selectors import home_url
from questions.selectors import question_list


def sign_up(request):
    if request.user.is_authenticated:
        return redirect(home_url(user=request.user))
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = services.candidate_sign_up(
            username=form.cleaned_data["username"],
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
            share_profile=form.cleaned_data["share_profile"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome to MLAssess. Start with the first stage of the roadmap.")
        return redirect("roadmap")
    return render(request, "accounts/sign_up.html", {"form": form})


class LoginView(auth_views.LoginView):
    """Log in, then go where `next` says or else to the home of the user's role."""

    template_name = "accounts/login.html"

    def get_default_redirect_url(self):
        return home_url(user=self.request.user)


class LogoutView(auth_views.LogoutView):
    """Logging out is a POST (a link cannot log anyone out); a GET shows a page with the button."""

    http_method_names = ["get", "post", "options"]

    def get(self, request, *args, **kwargs):
        return render(request, "accounts/logout.html")


@login_required
def account_settings(request):
    form = SharingForm(initial={"share_profile": request.user.share_profile})
    return render(request, "accounts/settings.html", {"form": form})


@candidate_required
def sharing_update(request):
    form = SharingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.profile_sharing_set(user=request.user, share=form.cleaned_data["share_profile"])
        state = "can now" if request.user.share_profile else "can no longer"
        messages.success(request, f"Recruiters {state} see your profile.")
    return redirect("account-settings")


@role_required(Role.REVIEWER)
def reviewer_home(request):
    return render(request, "accounts/reviewer_home.html")


@role_required(Role.RECRUITER)
def recruiter_home(request):
    return render(request, "accounts/recruiter_home.html")


@role_required(Role.AUTHOR)
def author_home(request):
    return render(request, "accounts/author_home.html", {"question_count": question_list().count()})
