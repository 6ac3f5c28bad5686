"""Errors of competitions: entries, criteria, judges, scores, the members' vote and the results."""

from django.utils.translation import gettext_lazy as _

from communities.errors import Conflict, DomainError, NotFound


class CompetitionNotFound(NotFound):
    code = "competition_not_found"
    message = _("No such competition in this community.")


class EntryNotFound(NotFound):
    code = "entry_not_found"
    message = _("No such entry in this competition.")


class CriterionNotFound(NotFound):
    code = "event_criterion_not_found"
    message = _("No such criterion in this competition.")


class JudgeNotFound(NotFound):
    code = "judge_not_found"
    message = _("No such judge in this competition.")


class CompetitionInvalid(DomainError):
    code = "competition_invalid"
    message = _("Check the competition's settings.")


class EntriesClosed(Conflict):
    code = "entries_closed"
    message = _("Entries to this competition are closed.")


class AlreadyEntered(Conflict):
    code = "already_entered"
    message = _("You are already in an entry of this competition.")


class TeamInvalid(DomainError):
    code = "team_invalid"
    message = _("Choose active members of this community who are in no other entry, within the team size.")


class EntryInvalid(DomainError):
    code = "entry_invalid"
    message = _("Check the entry's fields.")


class NotInEntry(DomainError):
    """A 400, not a 403: the caller may write (the route's capability), only not to this entry."""

    code = "not_in_entry"
    message = _("Only the entry's members may change it.")


class NotAJudge(DomainError):
    """A 400, not a 403: judging is a row, not a role; the route is open to members."""

    code = "not_a_judge"
    message = _("Only this competition's judges may score its entries.")


class ConflictOfInterest(DomainError):
    code = "conflict_of_interest"
    message = _("You cannot score an entry you or your team submitted.")


class ScoresInvalid(DomainError):
    code = "scores_invalid"
    message = _("Score every criterion once, with a whole number from 0 to 10.")


class NoCriteria(Conflict):
    code = "no_criteria"
    message = _("This competition has no judging criteria yet.")


class JudgingClosed(Conflict):
    code = "judging_closed"
    message = _("Judging of this competition is closed.")


class JudgingOpen(Conflict):
    code = "judging_open"
    message = _("Close judging before publishing the results.")


class ResultsPublished(Conflict):
    code = "results_published"
    message = _("The results are already published.")


# Published results are final (decision 0030): the same code, with why the action is refused.
REOPEN_AFTER_RESULTS = _("The results are published: judging can no longer be reopened.")
WITHDRAW_AFTER_RESULTS = _("The results are published: entries can no longer be withdrawn.")


class JudgeInvalid(DomainError):
    code = "judge_invalid"
    message = _("Choose an active member of this community who is not a judge here yet.")


class VotingClosed(Conflict):
    code = "voting_closed"
    message = _("The members' vote of this competition is not open.")


class AlreadyVoted(Conflict):
    code = "already_voted"
    message = _("You have already voted in this competition.")


class OwnEntryVote(DomainError):
    code = "own_entry_vote"
    message = _("You cannot vote for your own entry.")


class JudgingNotClosed(Conflict):
    code = "judging_not_closed"
    message = _("Judging of this competition is open: there is nothing to reopen.")


class EntryWithdrawn(Conflict):
    code = "entry_withdrawn"
    message = _("This entry is withdrawn.")


class WithdrawalInvalid(DomainError):
    code = "withdrawal_invalid"
    message = _("Give the entrants a reason (at most 500 characters).")


class NoVote(Conflict):
    code = "no_vote"
    message = _("You have not voted in this competition.")
