package org.haochaping.exchange;

import java.time.Clock;

import org.haochaping.evaluation.EvaluationDefaulted;
import org.haochaping.evaluation.EvaluationSubmitted;
import org.haochaping.system.Zones;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Queues each new rating, a person's or the system default, for the upward push together with the case it belongs
 * to (plan 二(三): case, rating and user data go up together). Queuing twice changes nothing.
 */
@Component
class PushListener {

    private final PushJobs jobs;
    private final ExchangeSettings settings;
    private final Clock clock;

    PushListener(PushJobs jobs, ExchangeSettings settings, Clock clock) {
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(EvaluationSubmitted rating) {
        queue(rating.evaluationId(), rating.caseNo(), rating.regionCode(), rating.departmentCode());
    }

    @ApplicationModuleListener
    void on(EvaluationDefaulted rating) {
        queue(rating.evaluationId(), rating.caseNo(), rating.regionCode(), rating.departmentCode());
    }

    private void queue(String evaluationId, String caseNo, String regionCode, String departmentCode) {
        if (!settings.upstream().configured()) {
            return;
        }
        var now = Zones.now(clock);
        jobs.enqueue(RecordKind.CASE, caseNo, caseNo, null, regionCode, departmentCode, now);
        jobs.enqueue(RecordKind.RATING, ratingKey(caseNo, 1), caseNo, evaluationId, regionCode, departmentCode, now);
    }

    /** A rating's key: its case and its evaluation count (assessNumber), as the receiver knows it. */
    static String ratingKey(String caseNo, int assessNumber) {
        return caseNo + "#" + assessNumber;
    }
}
