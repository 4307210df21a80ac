package org.haochaping.evaluation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.haochaping.casework.PersonalIdentity;

/**
 * A rating to store. {@code evaluator} is the identity a trusted channel verified; when absent, the case's
 * applicant is the evaluator (real-name rating, 第七条). {@code submittedAt} is set only for ratings given earlier
 * elsewhere (imports, lower-level reports); otherwise the clock decides. {@code origin} is what the channel knows
 * about the submitting client (for the integrity signals only); imports and reports have none.
 */
public record SubmitEvaluation(String caseNo, Channel channel, Level level, Map<Dimension, Level> dimensions,
        List<String> reasons, String comment, PersonalIdentity evaluator, boolean consentContact,
        boolean consentShare, OffsetDateTime submittedAt, RatingOrigin origin) {

    public SubmitEvaluation {
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        origin = origin == null ? RatingOrigin.UNKNOWN : origin;
    }

    /** A rating without a known origin (imports, reports, defaults, call-backs). */
    public SubmitEvaluation(String caseNo, Channel channel, Level level, Map<Dimension, Level> dimensions,
            List<String> reasons, String comment, PersonalIdentity evaluator, boolean consentContact,
            boolean consentShare, OffsetDateTime submittedAt) {
        this(caseNo, channel, level, dimensions, reasons, comment, evaluator, consentContact, consentShare,
                submittedAt, RatingOrigin.UNKNOWN);
    }
}
