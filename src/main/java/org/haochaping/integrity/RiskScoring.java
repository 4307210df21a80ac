package org.haochaping.integrity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseView;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.RatingOrigin;
import org.haochaping.system.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scores a rating: stores its features, raises the signals of {@link FraudSignals} (on the rating and on the
 * earlier members of each group it completes), and holds every rating whose score reaches the quarantine score:
 * kept, out of rankings until the supervision office reviews it. Settling each rating is its own short
 * transaction, so scorers working at the same time never hold locks in different orders.
 */
@Service
class RiskScoring {

    private final Assessments assessments;
    private final FraudSignals signals;
    private final EvaluationManagement evaluations;
    private final CaseManagement cases;
    private final IntegritySettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RiskScoring(Assessments assessments, FraudSignals signals, EvaluationManagement evaluations, CaseManagement cases,
            IntegritySettings settings, PlatformTransactionManager transactions, Clock clock) {
        this.assessments = assessments;
        this.signals = signals;
        this.evaluations = evaluations;
        this.cases = cases;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Idempotent: a rating scored before is only settled again (a delivery may come twice). {@code origin} is what the
     * channel knew of the submitting client.
     */
    void score(String evaluationId, RatingOrigin origin) {
        Set<String> changed = transaction.execute(status -> {
            if (assessments.exists(evaluationId)) {
                return Set.of(evaluationId);
            }
            EvaluationView rating = evaluations.find(evaluationId).orElse(null);
            if (rating == null || rating.defaulted()) {
                return Set.<String>of();
            }
            CaseView c = cases.find(rating.caseNo()).orElse(null);
            RatingFeatures features = RatingFeatures.of(rating, c, origin, settings);
            OffsetDateTime now = Zones.now(clock);
            assessments.insert(features, now);
            Set<String> touched = new TreeSet<>();
            touched.add(evaluationId);
            for (FraudSignals.Raised raised : signals.raise(features)) {
                int weight = settings.weightOf(raised.signal());
                for (String member : new TreeSet<>(raised.members())) {
                    if (assessments.addSignal(member, raised.signal(), weight, raised.detail(), now)) {
                        touched.add(member);
                    }
                }
                assessments.addSignal(evaluationId, raised.signal(), weight, raised.detail(), now);
            }
            return touched;
        });
        if (changed != null) {
            changed.forEach(this::settle);
        }
    }

    /** Recomputes the score and, at or above the quarantine score, holds a rating not yet reviewed. */
    private void settle(String evaluationId) {
        transaction.executeWithoutResult(status -> {
            int score = assessments.recomputeScore(evaluationId);
            if (settings.quarantine() && score >= settings.quarantineScore()
                    && assessments.hold(evaluationId, Zones.now(clock))) {
                String why = assessments.signals(evaluationId).stream().map(s -> s.signal().label())
                        .collect(Collectors.joining("、"));
                evaluations.quarantine(evaluationId, true, "风险评分 " + score + "（" + why + "），待诚信复核");
            }
        });
    }
}
