from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.decorators import candidate_required, role_required
from accounts.forms import SharingForm
from accounts.views import sharing_choice_apply
from profiles import selectors, services
from profiles.forms import AccountDeleteForm, HistoryFilterForm
from profiles.mastery import RULE_TEXT
from recruiting.selectors import organisations_applied_to

HISTORY_PAGE_SIZE = 20
VIEWS_PAGE_SIZE = 20


def _chart_data(shared: selectors.SharedProfile) -> dict:
    """What the page's charts draw (static/js/profile-charts.js), and no more: the tables carry the rest."""

    def mastery(m: selectors.MasteryData) -> dict:
        return {"level": m.level, "score": m.score, "coverage": m.coverage, "graded_questions": m.graded_questions}

    return {
        "stages": [
            {"title": s.title, "mastery": mastery(s.mastery),
             "topics": [{"slug": t.slug, "title": t.title, "mastery": mastery(t.mastery)} for t in s.topics]}
            for s in shared.stages
        ],
        "by_difficulty": [{"label": d.label, "solved": d.solved, "tried": d.tried, "total": d.total}
                          for d in shared.by_difficulty],
        "activity": [{"week_start": w.week_start.isoformat(), "results": w.results} for w in shared.activity],
    }


@candidate_required
def profile(request):
    mine = services.candidate_profile_ensure(candidate=request.user)
    page = selectors.candidate_page(profile=mine)
    return render(request, "profiles/profile.html", {
        "page": page, "shared": page.shared, "chart_data": _chart_data(page.shared), "rule": RULE_TEXT,
    })


@candidate_required
def history(request):
    bank = selectors.bank_summary()
    form = HistoryFilterForm(request.GET, bank=bank)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = selectors.history_entries(
        candidate=request.user, stage=filters.get("stage"), topic=filters.get("topic"), result=filters.get("result") or None
    )
    page = Paginator(entries, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "profiles/history.html", {
        "form": form, "page": page, "results": selectors.RESULT_CHOICES,
        "stages": [(s, bank.topics_of(s.pk)) for s in bank.stages],
    })


@candidate_required
def sharing(request):
    """What recruiters see: exactly the shared view, the sharing switch, and who viewed the profile."""
    mine = services.candidate_profile_ensure(candidate=request.user)
    shared = selectors.shared_profile(profile=mine)
    views = Paginator(selectors.profile_view_list(candidate=request.user), VIEWS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "profiles/sharing.html", {
        "shared": shared, "chart_data": _chart_data(shared), "rule": RULE_TEXT, "views": views,
        "form": SharingForm(initial={"share_profile": request.user.share_profile}),
        "applied_to": organisations_applied_to(candidate=request.user),
    })


@require_POST
@candidate_required
def sharing_update(request):
    sharing_choice_apply(request, SharingForm(request.POST))
    return redirect("profile-sharing")


@candidate_required
def export(request):
    data = selectors.candidate_data_export(candidate=request.user)
    response = JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="mlassess-{request.user.username}.json"'
    return response


@candidate_required
def account_delete(request):
    form = AccountDeleteForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.candidate_account_delete(candidate=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            logout(request)
            messages.success(request, "Your account and everything stored about you have been deleted.")
            return redirect("home")
    return render(request, "profiles/account_delete.html", {"form": form})


def shared_profile(request, public_id):
    """A recruiter views a candidate's shared profile; every view is logged for the candidate. The candidate who
    owns it, opening the address their sharing page gives, sees it there ("what recruiters see")."""
    if request.user.is_authenticated and request.user.is_candidate and selectors.owns_profile(
            candidate=request.user, public_id=public_id):
        return redirect("profile-sharing")
    return _shared_profile_for_recruiter(request, public_id)


@role_required("recruiter")
def _shared_profile_for_recruiter(request, public_id):
    found = selectors.profile_access_for_recruiter(viewer=request.user, public_id=public_id)
    services.profile_view_record(candidate=found.candidate, viewer=request.user)
    shared = selectors.shared_profile(profile=found)
    return render(request, "profiles/shared_profile.html", {"shared": shared, "chart_data": _chart_data(shared), "rule": RULE_TEXT})
