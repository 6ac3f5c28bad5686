from django.urls import path

from events.views import competitions as views
from events.views import withdrawals

EVENT = "c/<slug:slug>/events/<int:event_id>/"
ENTRY = EVENT + "entries/<int:entry_id>/"
MANAGE = EVENT + "competition/"

urlpatterns = [
    path(EVENT + "enter/", views.EntrySubmitView.as_view(), name="entry-submit"),
    path(ENTRY, views.EntryDetailView.as_view(), name="entry"),
    path(ENTRY + "edit/", views.EntryEditView.as_view(), name="entry-edit"),
    path(ENTRY + "vote/", views.EntryVoteView.as_view(), name="entry-vote"),
    path(ENTRY + "withdraw/", withdrawals.EntryWithdrawView.as_view(), name="entry-withdraw"),
    path(ENTRY + "disqualify/", withdrawals.EntryDisqualifyView.as_view(), name="entry-disqualify"),
    path(EVENT + "vote/retract/", views.VoteRetractView.as_view(), name="competition-vote-retract"),
    path(MANAGE, views.CompetitionManageView.as_view(), name="competition-manage"),
    path(MANAGE + "criteria/", views.CriterionAddView.as_view(), name="criterion-add"),
    path(
        MANAGE + "criteria/<int:event_criterion_id>/delete/",
        views.CriterionDeleteView.as_view(),
        name="criterion-delete",
    ),
    path(MANAGE + "judges/", views.JudgeAddView.as_view(), name="judge-add"),
    path(MANAGE + "judges/<int:judge_id>/remove/", views.JudgeRemoveView.as_view(), name="judge-remove"),
    path(MANAGE + "close-judging/", views.JudgingCloseView.as_view(), name="judging-close"),
    path(MANAGE + "reopen-judging/", views.JudgingReopenView.as_view(), name="judging-reopen"),
    path(MANAGE + "publish/", views.ResultsPublishView.as_view(), name="results-publish"),
]
