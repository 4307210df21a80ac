package org.haochaping.rectification;

import java.time.OffsetDateTime;

/** An appeal against a bad rating was decided (申诉复核, plan 二(五)); upheld means the rating is now invalid. */
public record AppealDecided(String appealId, String evaluationId, String caseNo, String regionCode,
        String departmentCode, boolean upheld, String decidedBy, OffsetDateTime decidedAt) {
}
