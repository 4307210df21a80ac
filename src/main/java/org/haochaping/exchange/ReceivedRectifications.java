package org.haochaping.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.haochaping.rectification.RootCause;
import org.haochaping.rectification.WorkOrderOutcome;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rectification results received from the platforms that own the cases (第十条): one row per result — a
 * rectification finished, or the work order closed — keyed by case, kind and time, so a repeated report is a
 * harmless duplicate.
 */
@Repository
class ReceivedRectifications {

    /** One result as received. */
    record Result(String caseNo, String status, OffsetDateTime happenedAt, String clientId, RootCause rootCause,
            String measures, Boolean onTime, WorkOrderOutcome outcome, OffsetDateTime receivedAt) {

        public boolean rectified() {
            return RectificationRecord.RECTIFIED.equals(status);
        }

        public String statusLabel() {
            return rectified() ? "已整改" : "已办结";
        }
    }

    /** A rectification and the closing of its order may happen in the same second: the rectification came first. */
    private static final String RECTIFIED_FIRST = "case when status = 'RECTIFIED' then 0 else 1 end";

    private final JdbcClient jdbc;

    ReceivedRectifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String caseNo, String status, OffsetDateTime happenedAt) {
        return jdbc.sql("""
                select count(*) from exchange_rectification where case_no = :c and status = :s and happened_at = :t
                """).param("c", caseNo).param("s", status).param("t", happenedAt).query(Long.class).single() > 0;
    }

    void insert(String caseNo, String status, OffsetDateTime happenedAt, int assessNumber, String clientId,
            RootCause rootCause, String measures, Boolean onTime, WorkOrderOutcome outcome, String regionCode,
            String departmentCode, String dataSource, OffsetDateTime now) {
        jdbc.sql("""
                insert into exchange_rectification (case_no, status, happened_at, assess_number, client_id, root_cause,
                    measures, on_time, outcome, region_code, department_code, data_source, received_at, received_on)
                values (:c, :s, :t, :n, :client, :cause, :measures, :onTime, :outcome, :region, :department, :source,
                    :now, :day)
                """).param("c", caseNo).param("s", status).param("t", happenedAt).param("n", assessNumber)
                .param("client", clientId).param("cause", rootCause == null ? null : rootCause.name())
                .param("measures", measures).param("onTime", onTime)
                .param("outcome", outcome == null ? null : outcome.name()).param("region", regionCode)
                .param("department", departmentCode).param("source", dataSource).param("now", now)
                .param("day", now.toLocalDate()).update();
    }

    /** The results of a case, oldest first. */
    List<Result> forCase(String caseNo) {
        return jdbc.sql("select * from exchange_rectification where case_no = :c order by happened_at, "
                + RECTIFIED_FIRST)
                .param("c", caseNo).query(ReceivedRectifications::map).list();
    }

    /** The results of these cases, oldest first. */
    List<Result> forCases(Collection<String> caseNos) {
        if (caseNos.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from exchange_rectification where case_no in (:c) order by happened_at, "
                + RECTIFIED_FIRST)
                .param("c", List.copyOf(caseNos)).query(ReceivedRectifications::map).list();
    }

    private static Result map(ResultSet rs, int row) throws SQLException {
        String cause = rs.getString("root_cause");
        String outcome = rs.getString("outcome");
        boolean onTime = rs.getBoolean("on_time");
        Boolean onTimeOrNull = rs.wasNull() ? null : onTime;
        return new Result(rs.getString("case_no"), rs.getString("status"),
                Zones.inShanghai(rs.getObject("happened_at", OffsetDateTime.class)), rs.getString("client_id"),
                cause == null ? null : RootCause.valueOf(cause), rs.getString("measures"), onTimeOrNull,
                outcome == null ? null : WorkOrderOutcome.valueOf(outcome),
                Zones.inShanghai(rs.getObject("received_at", OffsetDateTime.class)));
    }
}
