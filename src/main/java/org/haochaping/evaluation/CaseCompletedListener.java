package org.haochaping.evaluation;

import org.haochaping.casework.CaseCompleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Starts the 7-day default clock (第九条) for each completed case that has no rating yet. A case another platform
 * owns gets no clock here: its owner runs the default and reports it (domain §8, one handler).
 */
@Component
class CaseCompletedListener {

    private final ExpectedRatings expected;
    private final Evaluations evaluations;
    private final DefaultRatingPolicy policy;

    CaseCompletedListener(ExpectedRatings expected, Evaluations evaluations, DefaultRatingPolicy policy) {
        this.expected = expected;
        this.evaluations = evaluations;
        this.policy = policy;
    }

    @ApplicationModuleListener
    void on(CaseCompleted completed) {
        if (completed.ownedHere() && !evaluations.existsForCase(completed.caseNo())) {
            expected.expect(completed.caseNo(), completed.regionCode(), policy.dueAt(completed.generatedAt()));
        }
    }
}
