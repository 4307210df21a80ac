package org.haochaping.evaluation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.haochaping.casework.SealedIdentity;

/** A stored rating with its case facts; the evaluator stays sealed. */
public record EvaluationView(String id, String caseNo, Level level, Map<Dimension, Level> dimensions,
        List<String> reasons, String comment, Channel channel, OffsetDateTime submittedAt, boolean valid,
        boolean quarantined, boolean defaulted, String itemCode, String itemName, String departmentCode, String serviceBodyCode,
        String windowCode, String staffNo, String regionCode, SealedIdentity evaluator, boolean consentContact,
        boolean consentShare) {
}
