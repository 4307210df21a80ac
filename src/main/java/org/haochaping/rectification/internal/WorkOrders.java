package org.haochaping.rectification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.haochaping.evaluation.Level;
import org.haochaping.rectification.FeedbackChannel;
import org.haochaping.rectification.RectificationFigures;
import org.haochaping.rectification.RootCause;
import org.haochaping.rectification.Verdict;
import org.haochaping.rectification.WorkOrderOutcome;
import org.haochaping.rectification.WorkOrderStatus;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored work orders and their history. */
@Repository
public class WorkOrders {

    /** A bad rating about to become a work order. */
    public record Opening(String evaluationId, String caseNo, Level level, String regionCode, String departmentCode,
            String serviceBodyCode, String windowCode, String staffNo, String itemCode, boolean realName,
            OffsetDateTime ratedAt) {
    }

    /** One entry of a work order's history: who did what, when, and the state it left the order in. */
    public record HistoryEntry(OffsetDateTime at, String actor, String action, WorkOrderStatus statusAfter,
            String note) {
    }

    private final JdbcClient jdbc;

    WorkOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean existsFor(String evaluationId) {
        return jdbc.sql("select count(*) from rectification_work_order where evaluation_id = :e")
                .param("e", evaluationId).query(Long.class).single() > 0;
    }

    String open(Opening rating, OffsetDateTime now) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into rectification_work_order (id, evaluation_id, case_no, level, region_code, department_code,
                    service_body_code, window_code, staff_no, item_code, real_name, status, rated_at, opened_at)
                values (:id, :evaluationId, :caseNo, :level, :regionCode, :departmentCode, :serviceBodyCode,
                    :windowCode, :staffNo, :itemCode, :realName, 'PENDING_VERIFICATION', :ratedAt, :now)
                """)
                .param("id", id).param("evaluationId", rating.evaluationId()).param("caseNo", rating.caseNo())
                .param("level", rating.level().name()).param("regionCode", rating.regionCode())
                .param("departmentCode", rating.departmentCode()).param("serviceBodyCode", rating.serviceBodyCode())
                .param("windowCode", rating.windowCode()).param("staffNo", rating.staffNo())
                .param("itemCode", rating.itemCode()).param("realName", rating.realName())
                .param("ratedAt", rating.ratedAt()).param("now", now).update();
        history(id, now, "system", "OPENED", WorkOrderStatus.PENDING_VERIFICATION, "差评生成工单，待政务服务管理部门核实");
        return id;
    }

    public Optional<WorkOrder> find(String id) {
        return jdbc.sql("select * from rectification_work_order where id = :id").param("id", id)
                .query(this::map).optional();
    }

    public Optional<WorkOrder> findByEvaluation(String evaluationId) {
        return jdbc.sql("select * from rectification_work_order where evaluation_id = :e").param("e", evaluationId)
                .query(this::map).optional();
    }

    /** Work orders matching an SQL condition over alias {@code w}, newest first. */
    List<WorkOrder> page(String where, Map<String, Object> params, int page, int size) {
        return jdbc.sql("select w.* from rectification_work_order w where " + where
                        + " order by w.opened_at desc, w.id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(this::map).list();
    }

    long count(String where, Map<String, Object> params) {
        return jdbc.sql("select count(*) from rectification_work_order w where " + where).params(params)
                .query(Long.class).single();
    }

    /** Orders still being rectified whose deadline has passed and that are not flagged yet. */
    List<WorkOrder> dueForOverdueFlag(OffsetDateTime now, int limit) {
        return jdbc.sql("""
                select * from rectification_work_order
                where status in ('RECTIFYING', 'EXTENSION_REQUESTED') and deadline < :now and overdue_at is null
                order by deadline limit :limit
                """).param("now", now).param("limit", limit).query(this::map).list();
    }

    /**
     * Writes the order's state and the steps it took; refuses (409) when someone else changed it meanwhile.
     */
    List<WorkOrder.Step> save(WorkOrder o, OffsetDateTime now) {
        int updated = jdbc.sql("""
                update rectification_work_order set status = :status, outcome = :outcome, verdict = :verdict,
                    verification_note = :verificationNote, verified_by = :verifiedBy, verified_at = :verifiedAt,
                    confirmed_at = :confirmedAt, deadline = :deadline, root_cause = :rootCause, measures = :measures,
                    rectified_by = :rectifiedBy, rectified_at = :rectifiedAt, extension_reason = :extensionReason,
                    extension_deadline = :extensionDeadline, extensions_granted = :extensionsGranted,
                    feedback_channel = :feedbackChannel, feedback_message = :feedbackMessage,
                    feedback_by = :feedbackBy, feedback_at = :feedbackAt, callback_attempts = :callbackAttempts,
                    called_back_at = :calledBackAt, reopened_count = :reopenedCount, overdue_at = :overdueAt,
                    closed_at = :closedAt, version = version + 1
                where id = :id and version = :version
                """)
                .param("status", o.status.name()).param("outcome", name(o.outcome)).param("verdict", name(o.verdict))
                .param("verificationNote", o.verificationNote).param("verifiedBy", o.verifiedBy)
                .param("verifiedAt", o.verifiedAt).param("confirmedAt", o.confirmedAt)
                .param("deadline", o.deadlineEnd()).param("rootCause", name(o.rootCause))
                .param("measures", o.measures).param("rectifiedBy", o.rectifiedBy).param("rectifiedAt", o.rectifiedAt)
                .param("extensionReason", o.extensionReason).param("extensionDeadline", o.extensionDeadline)
                .param("extensionsGranted", o.extensionsGranted).param("feedbackChannel", name(o.feedbackChannel))
                .param("feedbackMessage", o.feedbackMessage).param("feedbackBy", o.feedbackBy)
                .param("feedbackAt", o.feedbackAt).param("callbackAttempts", o.callbackAttempts)
                .param("calledBackAt", o.calledBackAt).param("reopenedCount", o.reopenedCount)
                .param("overdueAt", o.overdueAt).param("closedAt", o.closedAt)
                .param("id", o.id()).param("version", o.version)
                .update();
        if (updated == 0) {
            throw DomainProblem.conflict("工单已被他人同时处理，请刷新后重试。");
        }
        o.version++;
        List<WorkOrder.Step> steps = o.drainSteps();
        for (WorkOrder.Step step : steps) {
            history(o.id(), now, step.actor(), step.action(), step.statusAfter(), step.note());
        }
        return steps;
    }

    void history(String workOrderId, OffsetDateTime at, String actor, String action, WorkOrderStatus after, String note) {
        jdbc.sql("""
                insert into rectification_history (work_order_id, at, actor, action, status_after, note)
                values (:id, :at, :actor, :action, :after, :note)
                """).param("id", workOrderId).param("at", at).param("actor", actor).param("action", action)
                .param("after", after.name()).param("note", note == null ? null : truncate(note, 2000)).update();
    }

    public List<HistoryEntry> historyOf(String workOrderId) {
        return jdbc.sql("""
                select at, actor, action, status_after, note from rectification_history
                where work_order_id = :id order by at, id
                """).param("id", workOrderId)
                .query((rs, n) -> new HistoryEntry(Zones.inShanghai(rs.getObject(1, OffsetDateTime.class)),
                        rs.getString(2), rs.getString(3), WorkOrderStatus.valueOf(rs.getString(4)), rs.getString(5)))
                .list();
    }

    /** The rectification figures; ratings found invalid (malicious, appeal upheld, fraud) leave them. */
    public RectificationFigures figures(String where, Map<String, Object> params) {
        return jdbc.sql("""
                select
                  count(case when w.confirmed_at is not null then 1 end) as confirmed,
                  count(case when w.confirmed_at is not null and w.rectified_at is not null then 1 end) as rectified,
                  count(case when w.confirmed_at is not null and w.rectified_at is not null
                             and w.rectified_at <= w.deadline then 1 end) as on_time,
                  count(case when w.real_name then 1 end) as real_name_bad,
                  count(case when w.real_name and w.called_back_at is not null then 1 end) as called_back
                from rectification_work_order w where (w.outcome is null or w.outcome <> 'INVALID') and """ + " " + where)
                .params(params)
                .query((rs, n) -> new RectificationFigures(rs.getLong("confirmed"), rs.getLong("rectified"),
                        rs.getLong("on_time"), rs.getLong("real_name_bad"), rs.getLong("called_back")))
                .single();
    }

    private WorkOrder map(ResultSet rs, int row) throws SQLException {
        WorkOrder o = new WorkOrder(new WorkOrder.Facts(rs.getString("id"), rs.getString("evaluation_id"),
                rs.getString("case_no"), Level.valueOf(rs.getString("level")), rs.getString("region_code"),
                rs.getString("department_code"), rs.getString("service_body_code"), rs.getString("window_code"),
                rs.getString("staff_no"), rs.getString("item_code"), rs.getBoolean("real_name"),
                time(rs, "rated_at"), time(rs, "opened_at")));
        o.status = WorkOrderStatus.valueOf(rs.getString("status"));
        o.outcome = enumOf(WorkOrderOutcome.class, rs.getString("outcome"));
        o.verdict = enumOf(Verdict.class, rs.getString("verdict"));
        o.verificationNote = rs.getString("verification_note");
        o.verifiedBy = rs.getString("verified_by");
        o.verifiedAt = time(rs, "verified_at");
        o.confirmedAt = time(rs, "confirmed_at");
        OffsetDateTime deadline = time(rs, "deadline");
        o.deadline = deadline == null ? null : deadline.toLocalDate();
        o.rootCause = enumOf(RootCause.class, rs.getString("root_cause"));
        o.measures = rs.getString("measures");
        o.rectifiedBy = rs.getString("rectified_by");
        o.rectifiedAt = time(rs, "rectified_at");
        o.extensionReason = rs.getString("extension_reason");
        o.extensionDeadline = rs.getObject("extension_deadline", java.time.LocalDate.class);
        o.extensionsGranted = rs.getInt("extensions_granted");
        o.feedbackChannel = enumOf(FeedbackChannel.class, rs.getString("feedback_channel"));
        o.feedbackMessage = rs.getString("feedback_message");
        o.feedbackBy = rs.getString("feedback_by");
        o.feedbackAt = time(rs, "feedback_at");
        o.callbackAttempts = rs.getInt("callback_attempts");
        o.calledBackAt = time(rs, "called_back_at");
        o.reopenedCount = rs.getInt("reopened_count");
        o.overdueAt = time(rs, "overdue_at");
        o.closedAt = time(rs, "closed_at");
        o.version = rs.getInt("version");
        return o;
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return Zones.inShanghai(rs.getObject(column, OffsetDateTime.class));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
