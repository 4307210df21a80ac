package org.haochaping.evaluation;

import java.time.OffsetDateTime;

/**
 * A rating was stored (a person's or the system default). Listeners open work orders, score it, count it, push it.
 * {@code origin} is what the channel knew about the submitting client (never null; empty for events stored before it
 * was added).
 */
public record EvaluationSubmitted(String evaluationId, String caseNo, Level level, Channel channel,
        String regionCode, String departmentCode, String serviceBodyCode, String windowCode, String staffNo,
        String itemCode, OffsetDateTime submittedAt, boolean defaulted, boolean realName, RatingOrigin origin) {

    public EvaluationSubmitted {
        origin = origin == null ? RatingOrigin.UNKNOWN : origin;
    }
}
