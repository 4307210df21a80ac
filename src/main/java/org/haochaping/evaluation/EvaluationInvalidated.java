package org.haochaping.evaluation;

import java.time.OffsetDateTime;

/** A rating was declared invalid: it stays stored, marked, and out of every statistic from now on. */
public record EvaluationInvalidated(String evaluationId, String caseNo, InvalidationReason reason, String note,
        String decidedBy, OffsetDateTime decidedAt, String regionCode, String departmentCode) {
}
