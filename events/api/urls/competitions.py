from django.urls import path

from events.api.views import competitions as views
from events.api.views import withdrawals

EVENT = "events/<int:event_id>/"
ENTRY = EVENT + "entries/<int:entry_id>/"

urlpatterns = [
    path(
        EVENT + "competition/",
        views.CompetitionViewSet.as_view({"get": "retrieve", "put": "update"}),
        name="competition-detail",
    ),
    path(
        EVENT + "competition/close-judging/",
        views.CompetitionViewSet.as_view({"post": "close_judging"}),
        name="competition-close-judging",
    ),
    path(
        EVENT + "competition/reopen-judging/",
        views.CompetitionViewSet.as_view({"post": "reopen_judging"}),
        name="competition-reopen-judging",
    ),
    path(
        EVENT + "competition/publish/",
        views.CompetitionViewSet.as_view({"post": "publish"}),
        name="competition-publish",
    ),
    path(
        EVENT + "criteria/",
        views.CriterionViewSet.as_view({"get": "list", "post": "create"}),
        name="competition-criterion-list",
    ),
    path(
        EVENT + "criteria/<int:event_criterion_id>/",
        views.CriterionViewSet.as_view({"delete": "destroy"}),
        name="competition-criterion-detail",
    ),
    path(EVENT + "judges/", views.JudgeViewSet.as_view({"get": "list", "post": "create"}), name="judge-list"),
    path(
        EVENT + "judges/<int:judge_id>/",
        views.JudgeViewSet.as_view({"delete": "destroy"}),
        name="judge-detail",
    ),
    path(
        EVENT + "entries/", views.EntryViewSet.as_view({"get": "list", "post": "create"}), name="entry-list"
    ),
    path(
        EVENT + "leaderboard/",
        views.EntryViewSet.as_view({"get": "leaderboard"}),
        name="competition-leaderboard",
    ),
    path(EVENT + "scores/mine/", views.ScoreViewSet.as_view({"get": "list"}), name="score-mine"),
    path(
        EVENT + "entries/withdrawn/",
        withdrawals.EntryWithdrawalViewSet.as_view({"get": "list"}),
        name="entry-withdrawn-list",
    ),
    path(EVENT + "vote/", views.VoteViewSet.as_view({"get": "mine", "delete": "retract"}), name="vote-mine"),
    path(
        ENTRY, views.EntryViewSet.as_view({"get": "retrieve", "patch": "partial_update"}), name="entry-detail"
    ),
    path(
        ENTRY + "scores/",
        views.ScoreViewSet.as_view({"get": "entry_scores", "put": "submit"}),
        name="entry-scores",
    ),
    path(ENTRY + "vote/", views.VoteViewSet.as_view({"post": "cast"}), name="entry-vote"),
    path(
        ENTRY + "withdraw/",
        withdrawals.EntryWithdrawalViewSet.as_view({"post": "withdraw"}),
        name="entry-withdraw",
    ),
    path(
        ENTRY + "disqualify/",
        withdrawals.EntryWithdrawalViewSet.as_view({"post": "disqualify"}),
        name="entry-disqualify",
    ),
]
