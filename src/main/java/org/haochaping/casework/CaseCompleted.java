package org.haochaping.casework;

import java.time.OffsetDateTime;

/**
 * A case was reported completed: from now on it can be rated, and the 7-day default clock runs from generatedAt.
 * {@code origin} is the client id of the platform that owns the case when another platform reported it here (null
 * for this instance's own cases): then only the owner handles it (no default, no invitation here).
 */
public record CaseCompleted(String caseNo, String regionCode, String departmentCode, String serviceBodyCode,
        String windowCode, String staffNo, OffsetDateTime completedAt, OffsetDateTime generatedAt, String origin) {

    /** Whether this instance handles the case (see {@link CaseView#ownedHere()}). */
    public boolean ownedHere() {
        return origin == null;
    }
}
