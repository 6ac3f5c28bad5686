"""Pages of competitions: entering (alone or as a team), an entry with the judge's scoring form, the
members' vote, and the operators' page (rules, criteria, judges, closing judging, publishing).

The competition's part of the event page is the `competition_section` template tag
(events.templatetags.events_extras)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView

from communities.mixins import PUBLIC, CommunityMixin, ServiceFormMixin
from communities.permissions import has_capability
from events.forms.competitions import (
    CompetitionForm,
    CriterionForm,
    EntryEditForm,
    EntryForm,
    JudgeForm,
    ScoreForm,
)
from events.selectors import competitions as selectors
from events.services.competitions import entries as entry_services
from events.services.competitions import judging as judging_services
from events.services.competitions import results as result_services
from events.services.competitions import rules as rule_services
from events.services.competitions import votes as vote_services
from members.models import Membership

MANAGE = "manage_events"


def event_page(community, event):
    return redirect("events:detail", slug=community.slug, event_id=event.pk)


def active_members(community):
    return (
        Membership.objects.for_community(community)
        .filter(status="active")
        .select_related("user")
        .order_by("sort_name", "pk")
    )


class CompetitionMixin(CommunityMixin):
    @cached_property
    def event(self):
        return selectors.competition_event_get(
            community=self.community, membership=self.membership, event_id=self.kwargs["event_id"]
        )

    @cached_property
    def competition(self):
        return selectors.competition_for(community=self.community, event=self.event)

    @cached_property
    def entry(self):
        return selectors.entry_get(
            community=self.community,
            event=self.event,
            entry_id=self.kwargs["entry_id"],
            membership=self.membership,
        )

    def back(self):
        return event_page(self.community, self.event)


class EntrySubmitView(CompetitionMixin, ServiceFormMixin, FormView):
    capability = "participate"
    template_name = "events/competitions/entry_form.html"
    form_class = EntryForm

    def get_form_kwargs(self):
        size = self.competition.max_team_size
        candidates = active_members(self.community).exclude(pk=self.membership.pk) if size > 1 else ()
        return {**super().get_form_kwargs(), "candidates": candidates, "max_team_size": size}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            event=self.event,
            competition=self.competition,
            deadline=self.competition.deadline(self.event),
            **kwargs,
        )

    def perform(self, form):
        entry = entry_services.entry_submit(
            actor=self.request.user, community=self.community, event=self.event, **form.cleaned_data
        )
        messages.success(self.request, _("Your entry is in. Good luck!"))
        return redirect("events:entry", slug=self.community.slug, event_id=self.event.pk, entry_id=entry.pk)


class EntryEditView(CompetitionMixin, ServiceFormMixin, FormView):
    capability = "participate"
    template_name = "events/competitions/entry_form.html"
    form_class = EntryEditForm

    def get_initial(self):
        return {"title": self.entry.title, "description": self.entry.description, "link": self.entry.link}

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, entry=self.entry, **kwargs)

    def perform(self, form):
        entry_services.entry_edit(
            actor=self.request.user, community=self.community, entry=self.entry, **form.cleaned_data
        )
        messages.success(self.request, _("Your entry is updated."))
        return redirect(
            "events:entry", slug=self.community.slug, event_id=self.event.pk, entry_id=self.entry.pk
        )


class EntryDetailView(CompetitionMixin, ServiceFormMixin, FormView):
    """An entry (GET); a judge's scoring form posts here (POST)."""

    capability = {"GET": PUBLIC, "POST": "participate"}
    template_name = "events/competitions/entry.html"
    form_class = ScoreForm

    @cached_property
    def judge(self):
        return selectors.judge_of(community=self.community, event=self.event, membership=self.membership)

    @cached_property
    def criteria(self):
        return list(selectors.criterion_list(community=self.community, event=self.event))

    def get_form_kwargs(self):
        current = {}
        if self.judge is not None:
            scores = selectors.score_list(
                community=self.community, event=self.event, judge=self.judge, entry=self.entry
            )
            current = {score.criterion_id: score for score in scores}
        return {**super().get_form_kwargs(), "criteria": self.criteria, "current": current}

    def get_context_data(self, **kwargs):
        entry, membership = self.entry, self.membership
        in_entry = selectors.is_in_entry(community=self.community, entry=entry, membership=membership)
        competition = self.competition
        results = selectors.may_see_results(competition=competition, membership=membership)
        live = not entry.is_withdrawn
        before_deadline = timezone.now() < competition.deadline(self.event)
        return super().get_context_data(
            event=self.event,
            entry=entry,
            competition=competition,
            in_entry=in_entry,
            may_edit=in_entry and live and before_deadline,
            may_withdraw=in_entry and live and before_deadline and not competition.results_published,
            may_disqualify=live and not competition.results_published and has_capability(membership, MANAGE),
            may_score=self.judge is not None
            and live
            and not in_entry
            and not competition.judging_closed
            and bool(self.criteria),
            conflict=self.judge is not None and in_entry,
            results_shown=results,
            show_names=has_capability(membership, "view_members"),
            **kwargs,
        )

    def perform(self, form):
        judging_services.scores_submit(
            actor=self.request.user,
            community=self.community,
            event=self.event,
            entry=self.entry,
            scores=form.scores(),
        )
        messages.success(self.request, _("Your scores are saved. You may revise them until judging closes."))
        return redirect(
            "events:entry", slug=self.community.slug, event_id=self.event.pk, entry_id=self.entry.pk
        )


class EntryVoteView(CompetitionMixin, View):
    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        vote_services.vote_cast(
            actor=request.user, community=self.community, event=self.event, entry=self.entry
        )
        messages.success(request, _("Your vote is counted."))
        return self.back()


class VoteRetractView(CompetitionMixin, View):
    """POST: take back my vote while the vote is open (then I may vote for another entry)."""

    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        vote_services.vote_retract(actor=request.user, community=self.community, event=self.event)
        messages.success(request, _("Your vote is taken back. You may vote again while the vote is open."))
        return self.back()


class CompetitionManageView(CompetitionMixin, ServiceFormMixin, FormView):
    """The operators' page: the rules (this form), criteria and judges (their own forms), judging's
    progress, closing judging, the results preview and publishing."""

    capability = MANAGE
    template_name = "events/competitions/manage.html"
    form_class = CompetitionForm

    def get_form_kwargs(self):
        competition = self.competition
        return {**super().get_form_kwargs(), "instance": competition}

    def get_context_data(self, **kwargs):
        judges = list(selectors.judge_list(community=self.community, event=self.event))
        judged = {judge.membership_id for judge in judges}
        return super().get_context_data(
            event=self.event,
            competition=self.competition,
            deadline=self.competition.deadline(self.event),
            criteria=selectors.criterion_list(community=self.community, event=self.event),
            judges=judges,
            criterion_form=CriterionForm(),
            judge_form=JudgeForm(
                candidates=[m for m in active_members(self.community) if m.pk not in judged]
            ),
            entry_count=selectors.entry_list(community=self.community, event=self.event).count(),
            withdrawn=selectors.withdrawn_entry_list(community=self.community, event=self.event),
            leaderboard=selectors.leaderboard(
                community=self.community,
                event=self.event,
                competition=self.competition,
                membership=self.membership,
            ),
            **kwargs,
        )

    def perform(self, form):
        rule_services.competition_update(
            actor=self.request.user, community=self.community, event=self.event, **form.cleaned_data
        )
        messages.success(self.request, _("The competition's rules are saved."))
        return redirect("events:competition-manage", slug=self.community.slug, event_id=self.event.pk)


class ManageActionMixin(CompetitionMixin):
    capability = {"POST": MANAGE}

    def manage_page(self):
        return redirect("events:competition-manage", slug=self.community.slug, event_id=self.event.pk)


class CriterionAddView(ManageActionMixin, View):
    def post(self, request, *args, **kwargs):
        form = CriterionForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return self.manage_page()
        rule_services.criterion_create(
            actor=request.user, community=self.community, event=self.event, **form.cleaned_data
        )
        messages.success(request, _("The criterion is added."))
        return self.manage_page()


class CriterionDeleteView(ManageActionMixin, View):
    def post(self, request, *args, **kwargs):
        criterion = selectors.criterion_get(
            community=self.community, event=self.event, criterion_id=self.kwargs["event_criterion_id"]
        )
        rule_services.criterion_delete(
            actor=request.user, community=self.community, event=self.event, criterion=criterion
        )
        messages.success(request, _("The criterion and its scores are removed."))
        return self.manage_page()


class JudgeAddView(ManageActionMixin, View):
    def post(self, request, *args, **kwargs):
        form = JudgeForm(request.POST, candidates=active_members(self.community))
        if not form.is_valid():
            messages.error(
                request, _("Choose an active member of this community who is not a judge here yet.")
            )
            return self.manage_page()
        rule_services.judge_add(
            actor=request.user,
            community=self.community,
            event=self.event,
            membership_id=form.cleaned_data["membership_id"],
        )
        messages.success(request, _("The judge is appointed and told."))
        return self.manage_page()


class JudgeRemoveView(ManageActionMixin, View):
    def post(self, request, *args, **kwargs):
        judge = selectors.judge_get(
            community=self.community, event=self.event, judge_id=self.kwargs["judge_id"]
        )
        rule_services.judge_remove(
            actor=request.user, community=self.community, event=self.event, judge=judge
        )
        messages.success(request, _("The judge and their scores are removed."))
        return self.manage_page()


class JudgingCloseView(ManageActionMixin, View):
    def post(self, request, *args, **kwargs):
        judging_services.judging_close(actor=request.user, community=self.community, event=self.event)
        messages.success(request, _("Judging is closed: check the leaderboard, then publish it."))
        return self.manage_page()


class ResultsPublishView(ManageActionMixin, View):
    def post(self, request, *args, **kwargs):
        result_services.results_publish(actor=request.user, community=self.community, event=self.event)
        messages.success(request, _("The results are published and the winners told."))
        return self.back()


class JudgingReopenView(ManageActionMixin, View):
    def post(self, request, *args, **kwargs):
        judging_services.judging_reopen(actor=request.user, community=self.community, event=self.event)
        messages.success(
            request, _("Judging is open again; the judges are told they may revise their scores.")
        )
        return self.manage_page()
