package org.haochaping.analytics;

import org.haochaping.casework.CaseCompleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Counts completed cases, the denominator of 主动评价率 and of each subject's rating rate. */
@Component
class CaseListener {

    private final RatingFacts facts;

    CaseListener(RatingFacts facts) {
        this.facts = facts;
    }

    @ApplicationModuleListener
    void on(CaseCompleted completed) {
        facts.refreshCase(completed.caseNo());
    }
}
