package org.haochaping.rectification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.AuditLog;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.DataScope;
import org.haochaping.rectification.SupervisionKind;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 监督记录 (第十一条): spot checks, archive reviews, site visits, interviews (约谈) of responsible persons and call-backs,
 * recorded by the supervision office against a department or staff member, and against a work order when they
 * concern one.
 */
@Service
public class SupervisionRecords {

    /** A recorded act of supervision. */
    public record Record(String id, SupervisionKind kind, String workOrderId, String regionCode, String departmentCode,
            String staffNo, LocalDate happenedOn, String summary, String recordedBy, OffsetDateTime recordedAt) {
    }

    private final JdbcClient jdbc;
    private final CatalogManagement catalog;
    private final WorkOrderService workOrderService;
    private final AuditLog audit;
    private final Clock clock;

    SupervisionRecords(JdbcClient jdbc, CatalogManagement catalog, WorkOrderService workOrderService, AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.workOrderService = workOrderService;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records an act of supervision. With a work order, the department and staff member are the order's; otherwise
     * the department must lie in the supervisor's region.
     */
    @Transactional
    public Record record(SupervisionKind kind, String departmentCode, String staffNo, String workOrderId, LocalDate happenedOn,
            String summary, CurrentUser user) {
        Access.requireSupervisor(user, "登记监督记录");
        if (kind == null) {
            throw FieldProblem.of("kind", "请选择监督方式");
        }
        if (summary == null || summary.isBlank() || summary.length() > 2000) {
            throw FieldProblem.of("summary", "请填写监督情况（2000 字以内）");
        }
        OffsetDateTime now = Zones.now(clock);
        LocalDate on = happenedOn == null ? now.toLocalDate() : happenedOn;
        if (on.isAfter(now.toLocalDate())) {
            throw FieldProblem.of("happenedOn", "日期不能晚于今天");
        }
        String region;
        String department;
        String staff;
        WorkOrder order = null;
        if (workOrderId != null && !workOrderId.isBlank()) {
            order = workOrderService.load(workOrderId, user);
            region = order.facts().regionCode();
            department = order.facts().departmentCode();
            staff = order.facts().staffNo();
        } else {
            CatalogManagement.Department d = departmentCode == null ? null
                    : catalog.department(departmentCode).orElse(null);
            if (d == null || !user.scope().covers(d.regionCode(), d.code(), null, null)) {
                throw FieldProblem.of("departmentCode", "请选择本辖区内的部门");
            }
            if (staffNo != null && !staffNo.isBlank()
                    && catalog.staff(staffNo.strip()).filter(s -> d.code().equals(s.departmentCode())).isEmpty()) {
                throw FieldProblem.of("staffNo", "该部门没有工号为 " + staffNo.strip() + " 的工作人员");
            }
            region = d.regionCode();
            department = d.code();
            staff = staffNo == null || staffNo.isBlank() ? null : staffNo.strip();
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into rectification_supervision_record (id, kind, work_order_id, region_code, department_code,
                    staff_no, happened_on, summary, recorded_by, recorded_at)
                values (:id, :kind, :order, :region, :department, :staff, :on, :summary, :by, :now)
                """).param("id", id).param("kind", kind.name()).param("order", order == null ? null : order.id())
                .param("region", region).param("department", department).param("staff", staff).param("on", on)
                .param("summary", summary.strip()).param("by", user.username()).param("now", now).update();
        if (order != null) {
            workOrderService.note(order, user.username(), "SUPERVISION_RECORDED", kind.label() + "：" + summary.strip());
        }
        audit.recordAs(user.username(), "SUPERVISION_RECORDED", "supervision-record:" + id, kind.name());
        return new Record(id, kind, order == null ? null : order.id(), region, department, staff, on, summary.strip(),
                user.username(), now);
    }

    /** Records within the user's scope, newest first; of one work order when given. */
    public List<Record> list(String workOrderId, CurrentUser user) {
        DataScope scope = Access.readScope(user);
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = scope.sql("s");
        if (workOrderId != null) {
            where += " and s.work_order_id = :order";
            params.put("order", workOrderId);
        }
        return jdbc.sql("select s.* from rectification_supervision_record s where " + where
                        + " order by s.happened_on desc, s.recorded_at desc limit 200")
                .params(params)
                .query((rs, n) -> new Record(rs.getString("id"), SupervisionKind.valueOf(rs.getString("kind")),
                        rs.getString("work_order_id"), rs.getString("region_code"), rs.getString("department_code"),
                        rs.getString("staff_no"), rs.getObject("happened_on", LocalDate.class), rs.getString("summary"),
                        rs.getString("recorded_by"), Zones.inShanghai(rs.getObject("recorded_at", OffsetDateTime.class))))
                .list();
    }
}
