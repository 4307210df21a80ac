package org.haochaping.evaluation;

import java.time.OffsetDateTime;

/** A rating was put in quarantine for review ({@code held}), or released from it; while held it counts nowhere. */
public record EvaluationQuarantineChanged(String evaluationId, String caseNo, boolean held, String note,
        OffsetDateTime at) {
}
