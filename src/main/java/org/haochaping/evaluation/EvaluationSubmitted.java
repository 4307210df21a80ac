package org.haochaping.evaluation;

import java.time.OffsetDateTime;

/** A rating was stored (a person's or the system default). Listeners open work orders, score it, count it, push it. */
public record EvaluationSubmitted(String evaluationId, String caseNo, Level level, Channel channel,
        String regionCode, String departmentCode, String serviceBodyCode, String windowCode, String staffNo,
        String itemCode, OffsetDateTime submittedAt, boolean defaulted, boolean realName) {
}
