package org.haochaping.casework;

import java.time.OffsetDateTime;

/** A case was reported completed: from now on it can be rated, and the 7-day default clock runs from generatedAt. */
public record CaseCompleted(String caseNo, String regionCode, String departmentCode, String serviceBodyCode,
        String windowCode, String staffNo, OffsetDateTime completedAt, OffsetDateTime generatedAt) {
}
