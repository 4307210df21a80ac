package org.haochaping.rectification;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.haochaping.evaluation.EvaluationSubmitted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored work orders and their history. */
@Repository
class WorkOrders {

    private final JdbcClient jdbc;

    WorkOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean existsFor(String evaluationId) {
        return jdbc.sql("select count(*) from rectification_work_order where evaluation_id = :e")
                .param("e", evaluationId).query(Long.class).single() > 0;
    }

    String open(EvaluationSubmitted rating, OffsetDateTime now) {
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
                .param("ratedAt", rating.submittedAt()).param("now", now).update();
        history(id, now, "system", "OPENED", WorkOrderStatus.PENDING_VERIFICATION, null);
        return id;
    }

    void history(String workOrderId, OffsetDateTime at, String actor, String action, WorkOrderStatus after, String note) {
        jdbc.sql("""
                insert into rectification_history (work_order_id, at, actor, action, status_after, note)
                values (:id, :at, :actor, :action, :after, :note)
                """).param("id", workOrderId).param("at", at).param("actor", actor).param("action", action)
                .param("after", after.name()).param("note", note).update();
    }

    RectificationFigures figures(String where, Map<String, Object> params) {
        return jdbc.sql("""
                select
                  count(case when w.confirmed_at is not null then 1 end) as confirmed,
                  count(case when w.confirmed_at is not null and w.rectified_at is not null then 1 end) as rectified,
                  count(case when w.confirmed_at is not null and w.rectified_at is not null
                             and w.rectified_at <= w.deadline then 1 end) as on_time,
                  count(case when w.real_name then 1 end) as real_name_bad,
                  count(case when w.real_name and w.called_back_at is not null then 1 end) as called_back
                from rectification_work_order w where """ + " " + where)
                .params(params)
                .query((rs, n) -> new RectificationFigures(rs.getLong("confirmed"), rs.getLong("rectified"),
                        rs.getLong("on_time"), rs.getLong("real_name_bad"), rs.getLong("called_back")))
                .single();
    }
}
