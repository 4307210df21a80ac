package org.haochaping.system;

import java.time.Duration;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Re-delivers events whose listener failed or was interrupted, so every side effect happens eventually. Runs on
 * one instance at a time instead of republish-on-restart, which would deliver twice in a cluster.
 */
@Component
class EventResubmissionJob implements Job {

    private final IncompleteEventPublications incomplete;

    EventResubmissionJob(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    @Override
    public String name() {
        return "event-resubmission";
    }

    @Override
    public Duration interval() {
        return Duration.ofMinutes(1);
    }

    @Override
    public String run() {
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1));
        return "resubmitted incomplete event publications older than 1 minute";
    }
}
