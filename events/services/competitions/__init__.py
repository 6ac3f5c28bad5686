"""Writes of competitions, one module per sub-domain (decisions 0028 and 0030):

- `rules`: the operators' settings, weighted criteria and judges;
- `entries`: entering alone or as a team, editing, withdrawing (by the entrants) and disqualifying
  (by the operators);
- `judging`: the judges' blind scores, closing and reopening judging;
- `results`: publishing the leaderboard with its awards;
- `votes`: the members' vote, cast and retracted.

`common` holds what they share (the competition row's lock, the event's page address).
"""
