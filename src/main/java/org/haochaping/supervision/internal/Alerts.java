package org.haochaping.supervision.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.haochaping.identity.CurrentUser;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Escalations shown in the console (督办提醒): overdue improvement measures and reassignments, to the supervision
 * office of the region and to the department concerned.
 */
@Component
public class Alerts {

    /** An escalation as shown on the supervision page. */
    public record Alert(long id, OffsetDateTime at, String departmentCode, String subjectType, String subjectId,
            String message) {

        public String link() {
            return "COACHING".equals(subjectType) ? "/console/supervision/coaching/" + subjectId
                    : "/console/supervision/entries/" + subjectId;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Alerts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void raise(String regionCode, String departmentCode, String serviceBodyCode, String staffNo, String type,
            String id, String message) {
        jdbc.sql("""
                insert into supervision_alert (at, region_code, department_code, service_body_code, staff_no,
                    subject_type, subject_id, message)
                values (:at, :region, :department, :body, :staff, :type, :id, :message)
                """).param("at", Zones.now(clock)).param("region", regionCode).param("department", departmentCode)
                .param("body", serviceBodyCode).param("staff", staffNo).param("type", type).param("id", id)
                .param("message", Trail.cut(message, 500)).update();
    }

    public List<Alert> recent(CurrentUser user, int limit) {
        var scope = SupervisionAccess.readScope(user);
        return jdbc.sql("select * from supervision_alert a where " + scope.sql("a") + " order by a.at desc, a.id desc limit :limit")
                .params(scope.params()).param("limit", limit)
                .query((rs, n) -> new Alert(rs.getLong("id"), Zones.inShanghai(rs.getObject("at", OffsetDateTime.class)),
                        rs.getString("department_code"), rs.getString("subject_type"), rs.getString("subject_id"),
                        rs.getString("message")))
                .list();
    }
}
