package org.haochaping.exchange;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.haochaping.identity.DataScope;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The daily comparison of what this instance pushed with what the upstream says it received (对账), per kind of
 * record, as last checked by the {@code reconciliation} job, with the rating conflicts of the day.
 */
@Repository
class Reconciliations {

    /** One kind on one day: pushed now, and at the last check what was pushed and what the upstream counted. */
    record Line(RecordKind kind, String label, long pushed, Long pushedAtCheck, Long upstreamReceived,
            Long difference) {

        public boolean matches() {
            return difference == null || difference == 0;
        }
    }

    /** A day: per kind, and the rating conflicts seen that day (第六条: a case rated on two levels). */
    record Day(LocalDate date, List<Line> lines, OffsetDateTime checkedAt, long conflicts) {

        public boolean checked() {
            return checkedAt != null;
        }

        public boolean matches() {
            return lines.stream().allMatch(Line::matches);
        }
    }

    private record Stored(long pushed, long upstreamReceived, OffsetDateTime checkedAt) {
    }

    private final JdbcClient jdbc;
    private final PushJobs jobs;
    private final Conflicts conflicts;

    Reconciliations(JdbcClient jdbc, PushJobs jobs, Conflicts conflicts) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.conflicts = conflicts;
    }

    /** Replaces a day's comparison with a new check. */
    void store(LocalDate day, Map<RecordKind, Long> pushed, Map<RecordKind, Long> received, OffsetDateTime now) {
        jdbc.sql("delete from exchange_reconciliation where reconciled_on = :day").param("day", day).update();
        for (RecordKind kind : RecordKind.values()) {
            jdbc.sql("""
                    insert into exchange_reconciliation (reconciled_on, kind, pushed, upstream_received, checked_at)
                    values (:day, :kind, :pushed, :received, :now)
                    """).param("day", day).param("kind", kind.name()).param("pushed", pushed.getOrDefault(kind, 0L))
                    .param("received", received.getOrDefault(kind, 0L)).param("now", now).update();
        }
    }

    Day day(LocalDate day) {
        Map<RecordKind, Stored> stored = new EnumMap<>(RecordKind.class);
        jdbc.sql("select kind, pushed, upstream_received, checked_at from exchange_reconciliation where reconciled_on = :day")
                .param("day", day)
                .query((rs, n) -> stored.put(RecordKind.valueOf(rs.getString(1)), new Stored(rs.getLong(2),
                        rs.getLong(3), Zones.inShanghai(rs.getObject(4, OffsetDateTime.class)))))
                .list();
        Map<RecordKind, Long> pushedNow = jobs.sentOn(day, DataScope.everything());
        List<Line> lines = new ArrayList<>();
        OffsetDateTime checkedAt = null;
        for (RecordKind kind : RecordKind.values()) {
            Stored s = stored.get(kind);
            if (s != null) {
                checkedAt = s.checkedAt();
            }
            lines.add(new Line(kind, kind.label(), pushedNow.getOrDefault(kind, 0L), s == null ? null : s.pushed(),
                    s == null ? null : s.upstreamReceived(), s == null ? null : s.upstreamReceived() - s.pushed()));
        }
        return new Day(day, lines, checkedAt, conflicts.countOn(day));
    }

    /** The last {@code days} days, today first. */
    List<Day> recent(LocalDate today, int days) {
        List<Day> result = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            result.add(day(today.minusDays(i)));
        }
        return result;
    }
}
