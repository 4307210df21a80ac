package org.haochaping.exchange;

import java.time.Clock;

import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseView;
import org.haochaping.evaluation.EvaluationSubmitted;
import org.haochaping.system.Zones;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows the loop of each bad rating of a case that a lower-level platform owns: that platform opens the work order
 * and reports its results up; this instance keeps the rating and those results together for its views. Idempotent.
 */
@Component
class LoopListener {

    private final CaseManagement cases;
    private final PushJobs jobs;
    private final Loops loops;
    private final Clock clock;

    LoopListener(CaseManagement cases, PushJobs jobs, Loops loops, Clock clock) {
        this.cases = cases;
        this.jobs = jobs;
        this.loops = loops;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(EvaluationSubmitted rating) {
        if (rating.defaulted() || !rating.level().isBad()) {
            return;
        }
        CaseView c = cases.find(rating.caseNo()).orElse(null);
        if (c == null || c.ownedHere()) {
            return;
        }
        String owner = c.origin().clientId();
        // a rating given here (or above) goes down to the owner; one received from the owner does not
        boolean ratedHere = jobs.downwardFor(c.caseNo()).isPresent();
        loops.follow(new Loops.Loop(c.caseNo(), owner, c.origin().displayName(), rating.evaluationId(), rating.level(),
                rating.channel(), ratedHere, rating.submittedAt(), c.itemName(), c.regionCode(), c.departmentCode()),
                Zones.now(clock));
    }
}
