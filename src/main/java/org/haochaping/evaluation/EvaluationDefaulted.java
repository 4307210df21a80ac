package org.haochaping.evaluation;

import java.time.OffsetDateTime;

/** A completed case went unrated for 7 days and got 基本满意 as a system default (第九条). */
public record EvaluationDefaulted(String evaluationId, String caseNo, String regionCode, String departmentCode,
        String serviceBodyCode, String windowCode, String staffNo, String itemCode, OffsetDateTime submittedAt) {
}
