package org.haochaping.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseOrigin;
import org.haochaping.system.Job;
import org.haochaping.system.Zones;
import org.springframework.stereotype.Component;

/**
 * The sweep of 第九条: gives every due, still unrated case its 基本满意 default, batch by batch. A case owned by
 * another platform is never defaulted here (its owner does it and reports it): its waiting entry is dropped.
 */
@Component
class DefaultEvaluationJob implements Job {

    private final ExpectedRatings expected;
    private final EvaluationManagement evaluations;
    private final CaseManagement cases;
    private final EvaluationSettings settings;
    private final Clock clock;

    DefaultEvaluationJob(ExpectedRatings expected, EvaluationManagement evaluations, CaseManagement cases,
            EvaluationSettings settings, Clock clock) {
        this.expected = expected;
        this.evaluations = evaluations;
        this.cases = cases;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "default-evaluations";
    }

    @Override
    public Duration interval() {
        return Duration.ofMinutes(10);
    }

    @Override
    public String run() {
        int defaulted = 0;
        int alreadyRated = 0;
        int ownedElsewhere = 0;
        List<ExpectedRatings.Due> due;
        do {
            due = expected.due(Zones.now(clock), settings.defaultBatch());
            Map<String, CaseOrigin> owners = cases.ownersOf(due.stream().map(ExpectedRatings.Due::caseNo).toList());
            for (ExpectedRatings.Due d : due) {
                if (owners.containsKey(d.caseNo())) {
                    expected.fulfilled(d.caseNo());
                    ownedElsewhere++;
                    continue;
                }
                boolean stored;
                try {
                    stored = evaluations.storeDefault(d.caseNo(), d.dueAt());
                } catch (CaseAlreadyRated ratedMeanwhile) {
                    expected.fulfilled(d.caseNo());
                    stored = false;
                }
                if (stored) {
                    defaulted++;
                } else {
                    alreadyRated++;
                }
            }
        } while (due.size() == settings.defaultBatch());
        return defaulted + " cases defaulted to 基本满意, " + alreadyRated + " already rated"
                + (ownedElsewhere > 0 ? ", " + ownedElsewhere + " left to the platforms that own them" : "");
    }
}
