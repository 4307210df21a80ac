package org.haochaping.casework;

import java.time.OffsetDateTime;

/**
 * A service case as other modules read it; the applicant stays sealed. {@code origin} names the platform that owns
 * a case reported here by another platform; it is null for the cases this instance owns and handles.
 */
public record CaseView(String caseNo, String itemCode, String itemName, String departmentCode,
        String serviceBodyCode, String windowCode, String staffNo, String staffName, String regionCode,
        CaseStatus status, HandlingForm handlingForm, CaseType caseType, OffsetDateTime acceptedAt,
        OffsetDateTime completedAt, OffsetDateTime generatedAt, SealedIdentity applicant, CaseOrigin origin) {

    public boolean completed() {
        return status == CaseStatus.COMPLETED;
    }

    /**
     * Whether this instance handles the case (work orders, the 7-day default, invitations), or only keeps it for
     * the platform that owns it.
     */
    public boolean ownedHere() {
        return origin == null;
    }
}
