package org.haochaping.casework;

import java.time.OffsetDateTime;

/** A service case as other modules read it; the applicant stays sealed. */
public record CaseView(String caseNo, String itemCode, String itemName, String departmentCode,
        String serviceBodyCode, String windowCode, String staffNo, String staffName, String regionCode,
        CaseStatus status, HandlingForm handlingForm, CaseType caseType, OffsetDateTime acceptedAt,
        OffsetDateTime completedAt, OffsetDateTime generatedAt, SealedIdentity applicant) {

    public boolean completed() {
        return status == CaseStatus.COMPLETED;
    }
}
