"""Concurrent duplicates answered like sequential ones, in one place.

A service that checks and then inserts under a unique rule (joining, applying, reporting, accepting an
invitation) can lose a race: two requests both find no row, both insert, and the database refuses the
second with an IntegrityError, which would be a 500. `sequential_on_race` runs the service in a
savepoint and, when the database refuses an insert, runs it once more: by then the winner's row is
committed and visible (the unique index made the loser wait for it), so the rerun takes the path the
sequential case takes and answers the same way (409 already_member, application_pending,
already_reported...). A second IntegrityError is a real bug and propagates.
"""

import functools

from django.db import IntegrityError, transaction


def sequential_on_race(service):
    @functools.wraps(service)
    def run(*args, **kwargs):
        try:
            with transaction.atomic():
                return service(*args, **kwargs)
        except IntegrityError:
            return service(*args, **kwargs)

    return run
