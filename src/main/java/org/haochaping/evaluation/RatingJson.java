package org.haochaping.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.haochaping.casework.SealedIdentity;

/**
 * A rating as a staff member sees it. The evaluator is masked and present only for the supervision office; the
 * rated staff member gets no case number and no time of day (domain §8). {@code handledBy} names the platform that
 * owns and handles the case when it is not this instance (由…办理).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RatingJson(String id, String caseNo, Level level, String levelLabel, Map<Dimension, Level> dimensions,
        List<String> reasons, String comment, Channel channel, OffsetDateTime submittedAt, LocalDate submittedOn,
        boolean valid, boolean quarantined, boolean defaulted, String itemCode, String itemName, String departmentCode,
        String departmentName, String serviceBodyCode, String serviceBodyName, String windowCode, String staffNo, String regionCode,
        SealedIdentity.MaskedIdentity evaluator, String handledBy) {
}
