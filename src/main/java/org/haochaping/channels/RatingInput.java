package org.haochaping.channels;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.haochaping.casework.PersonalIdentity;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.Dimension;
import org.haochaping.evaluation.Level;

/**
 * A rating as an evaluator or a trusted platform submits it ({@code POST /api/v1/evaluations}): with the
 * invitation {@code token}, or — trusted platforms only — with {@code caseNo}, {@code channel} and the
 * {@code evaluator} the platform verified.
 */
record RatingInput(
        @Size(max = 64, message = "最长 64 个字符") String token,
        @Size(max = 50, message = "最长 50 个字符") String caseNo,
        Channel channel,
        Level level,
        Map<Dimension, Level> dimensions,
        @Size(max = 10, message = "最多选择 10 项") List<@Size(max = 32, message = "最长 32 个字符") String> reasons,
        @Size(max = 2000, message = "最长 500 字") String comment,
        @Valid PersonalIdentity evaluator,
        Boolean consentContact,
        Boolean consentShare) {

    boolean contact() {
        return Boolean.TRUE.equals(consentContact);
    }

    boolean share() {
        return Boolean.TRUE.equals(consentShare);
    }
}
