package org.haochaping.evaluation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.haochaping.casework.PersonalIdentity;

/**
 * A rating to store. {@code evaluator} is the identity a trusted channel verified; when absent, the case's
 * applicant is the evaluator (real-name rating, 第七条). {@code submittedAt} is set only for ratings given earlier
 * elsewhere (imports, lower-level reports); otherwise the clock decides.
 */
public record SubmitEvaluation(String caseNo, Channel channel, Level level, Map<Dimension, Level> dimensions,
        List<String> reasons, String comment, PersonalIdentity evaluator, boolean consentContact,
        boolean consentShare, OffsetDateTime submittedAt) {

    public SubmitEvaluation {
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
