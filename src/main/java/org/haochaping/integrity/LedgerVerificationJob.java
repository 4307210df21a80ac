package org.haochaping.integrity;

import java.time.Duration;

import org.haochaping.system.Job;
import org.springframework.stereotype.Component;

/** Verifies every region's chain once a day; the result goes to the verification history and the audit log. */
@Component
class LedgerVerificationJob implements Job {

    private final IntegrityManagement integrity;

    LedgerVerificationJob(IntegrityManagement integrity) {
        this.integrity = integrity;
    }

    @Override
    public String name() {
        return "ledger-verification";
    }

    @Override
    public Duration interval() {
        return Duration.ofDays(1);
    }

    @Override
    public String run() {
        IntegrityManagement.Verification result = integrity.verifyAll("system");
        return result.intact() ? "ledger intact, " + result.checked() + " entries checked"
                : "LEDGER BROKEN at " + result.firstBrokenAt();
    }
}
