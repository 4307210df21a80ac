package org.haochaping.supervision.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;

import org.haochaping.system.Job;
import org.haochaping.system.Zones;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The recurring work of supervision: overdue escalation, and each month's key-supervision proposals. */
@Configuration
class SupervisionJobs {

    /**
     * 第十五条 with 第十条's discipline: improvement measures not submitted or not accepted by their date, and
     * reassignments not done by their deadline, escalate to the office and the department (once per date).
     */
    @Bean
    Job supervisionOverdueJob(KeyEntries entries, Coachings coachings, SupervisionSettings settings) {
        return new Job() {
            @Override
            public String name() {
                return "supervision-overdue";
            }

            @Override
            public Duration interval() {
                return settings.overdueCheckInterval();
            }

            @Override
            public String run() {
                return entries.escalateOverdue() + " key supervision entries and " + coachings.escalateOverdue()
                        + " reassignments escalated";
            }
        };
    }

    /** Proposes last month's bottom departments and staff (once per month and subject: re-runs change nothing). */
    @Bean
    Job keySupervisionProposalJob(KeyEntries entries, Clock clock) {
        return new Job() {
            @Override
            public String name() {
                return "key-supervision-proposals";
            }

            @Override
            public Duration interval() {
                return Duration.ofDays(1);
            }

            @Override
            public String run() {
                String period = YearMonth.from(Zones.now(clock)).minusMonths(1).toString();
                return entries.proposeAll(period) + " entries on the key supervision list of " + period;
            }
        };
    }
}
