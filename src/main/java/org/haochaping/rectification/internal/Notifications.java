package org.haochaping.rectification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.DataScope;
import org.haochaping.identity.Role;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Console notices about work orders: to the responsible department (its handlers) or to the supervision office of
 * the order's region (every supervisor whose region covers it). Each reader marks them read for themself.
 */
@Service
public class Notifications {

    /** A notice as its reader sees it. */
    public record Notice(long id, OffsetDateTime at, String kind, String message, String workOrderId, boolean read) {

        public String kindLabel() {
            return switch (kind) {
                case "OVERDUE" -> "逾期";
                case "CONFIRMED" -> "整改任务";
                case "EXTENSION_REQUESTED" -> "延期申请";
                case "EXTENSION_DECIDED" -> "延期审批";
                case "REOPENED" -> "重新整改";
                case "APPEAL_SUBMITTED" -> "申诉";
                case "APPEAL_DECIDED" -> "申诉结果";
                case "FOLLOW_UP" -> "追评";
                default -> "通知";
            };
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void toDepartment(String regionCode, String departmentCode, String workOrderId, String kind, String message) {
        insert("DEPARTMENT", regionCode, departmentCode, workOrderId, kind, message);
    }

    void toSupervision(String regionCode, String departmentCode, String workOrderId, String kind, String message) {
        insert("SUPERVISION", regionCode, departmentCode, workOrderId, kind, message);
    }

    private void insert(String audience, String regionCode, String departmentCode, String workOrderId, String kind,
            String message) {
        jdbc.sql("""
                insert into rectification_notification (at, audience, region_code, department_code, work_order_id, kind, message)
                values (:at, :audience, :region, :department, :order, :kind, :message)
                """).param("at", Zones.now(clock)).param("audience", audience).param("region", regionCode)
                .param("department", departmentCode).param("order", workOrderId).param("kind", kind)
                .param("message", WorkOrders.truncate(message, 500)).update();
    }

    /** Whether this user receives notices at all (supervision office and department handlers). */
    public static boolean receives(CurrentUser user) {
        return user != null && (user.role() == Role.SUPERVISOR || user.role() == Role.HANDLER);
    }

    public List<Notice> inbox(CurrentUser user, int limit) {
        if (!receives(user)) {
            return List.of();
        }
        Map<String, Object> params = params(user);
        return jdbc.sql("select n.*, (select count(*) from rectification_notification_read r where r.notification_id = n.id"
                        + " and r.username = :me) as seen from rectification_notification n where " + where(user)
                        + " order by n.at desc, n.id desc limit :limit")
                .params(params).param("limit", limit)
                .query((rs, n) -> new Notice(rs.getLong("id"), Zones.inShanghai(rs.getObject("at", OffsetDateTime.class)),
                        rs.getString("kind"), rs.getString("message"), rs.getString("work_order_id"),
                        rs.getLong("seen") > 0))
                .list();
    }

    public long unread(CurrentUser user) {
        if (!receives(user)) {
            return 0;
        }
        return jdbc.sql("select count(*) from rectification_notification n where " + where(user)
                        + " and not exists (select 1 from rectification_notification_read r where r.notification_id = n.id"
                        + " and r.username = :me)")
                .params(params(user)).query(Long.class).single();
    }

    /** Marks every notice this user can see as read by them. */
    @Transactional
    public int markAllRead(CurrentUser user) {
        if (!receives(user)) {
            return 0;
        }
        return jdbc.sql("insert into rectification_notification_read (notification_id, username, read_at) "
                        + "select n.id, :me, :now from rectification_notification n where " + where(user)
                        + " and not exists (select 1 from rectification_notification_read r where r.notification_id = n.id"
                        + " and r.username = :me)")
                .params(params(user)).param("now", Zones.now(clock)).update();
    }

    private static String where(CurrentUser user) {
        return "n.audience = :audience and " + user.scope().sql("n");
    }

    private static Map<String, Object> params(CurrentUser user) {
        DataScope scope = user.scope();
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("audience", user.role() == Role.SUPERVISOR ? "SUPERVISION" : "DEPARTMENT");
        params.put("me", user.username());
        return params;
    }
}
