"""Events about an organisation's recruiting data, for webhooks (the API app connects its receivers).

`organisation_event` is sent after the transaction that caused it commits, with keyword arguments:
- organisation: the Organisation the event is for, or None meaning "every verified organisation" (used by
  candidate.shared / candidate.unshared, which concern whoever may see the candidate);
- event: one of EVENTS;
- data: a JSON-serialisable dict (see recruiting.services for each event's payload).
"""

import django.dispatch

organisation_event = django.dispatch.Signal()

APPLICATION_CREATED = "application.created"
APPLICATION_WITHDRAWN = "application.withdrawn"
APPLICATION_STATUS_CHANGED = "application.status_changed"
CANDIDATE_SHARED = "candidate.shared"
CANDIDATE_UNSHARED = "candidate.unshared"
EVENTS = [APPLICATION_CREATED, APPLICATION_WITHDRAWN, APPLICATION_STATUS_CHANGED, CANDIDATE_SHARED, CANDIDATE_UNSHARED]
