package org.haochaping.casework;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Supplies the rating invitation printed on a completed case's receipt. Implemented by the channels module, which
 * mints the one-time tokens; casework only hands the result back to the business system.
 */
public interface InvitationProvider {

    /** The case's live receipt invitation, minted if it has none; empty when the case cannot be rated (any more). */
    Optional<Invitation> currentFor(String caseNo);

    /** A fresh invitation that replaces the earlier one, for a receipt reprint. */
    Invitation reissue(String caseNo);

    record Invitation(String url, String qrPngUrl, OffsetDateTime expiresAt) {
    }
}
