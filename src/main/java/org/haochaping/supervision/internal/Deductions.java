package org.haochaping.supervision.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.DataScope;
import org.haochaping.rectification.RectificationManagement;
import org.haochaping.rectification.Verdict;
import org.haochaping.rectification.WorkOrderFacts;
import org.haochaping.rectification.WorkOrderOutcome;
import org.haochaping.supervision.Deduction;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 考核扣分 (plan 二(五), 第十四条): for a bad rating the office confirmed as a failure of duty (履职不到位, verdict
 * 属实), it records a deduction against the department and/or the staff member, linked to the work order, counted
 * in the year of the rating; it may also cost the year's award eligibility. One deduction per work order; a wrong
 * one is revoked, never deleted.
 */
@Service
public class Deductions {

    static final String TYPE = "DEDUCTION";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Trail trail;
    private final RectificationManagement rectification;
    private final SupervisionSettings settings;

    Deductions(JdbcClient jdbc, Clock clock, Trail trail, RectificationManagement rectification,
            SupervisionSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.trail = trail;
        this.rectification = rectification;
        this.settings = settings;
    }

    @Transactional
    public Deduction record(String workOrderId, Boolean againstDepartment, Boolean againstStaff, BigDecimal points,
            String reason, Boolean losesEligibility, CurrentUser by) {
        SupervisionAccess.requireSupervisor(by, "记录考核扣分");
        WorkOrderFacts order = workOrderId == null ? null : rectification.workOrderFacts(workOrderId.strip())
                .filter(o -> by.scope().covers(o.regionCode(), o.departmentCode(), o.serviceBodyCode(), o.staffNo()))
                .orElse(null);
        if (order == null) {
            throw FieldProblem.of("workOrderId", "没有这张差评工单，或不在您的管辖范围内");
        }
        if (order.verdict() != Verdict.CONFIRMED || order.outcome() == WorkOrderOutcome.INVALID) {
            throw DomainProblem.conflict("只有经核实属实（履职不到位）且仍然有效的差评才能扣分；该工单"
                    + (order.verdict() == null ? "尚未核实" : "核实结论为「" + order.verdict().label() + "」")
                    + (order.outcome() == WorkOrderOutcome.INVALID ? "，评价已无效" : "") + "。");
        }
        boolean department = Boolean.TRUE.equals(againstDepartment);
        boolean staff = Boolean.TRUE.equals(againstStaff);
        List<FieldProblem.FieldError> errors = new ArrayList<>();
        if (!department && !staff) {
            errors.add(new FieldProblem.FieldError("againstDepartment", "请选择扣分对象（部门和/或工作人员）"));
        }
        if (staff && order.staffNo() == null) {
            errors.add(new FieldProblem.FieldError("againstStaff", "该差评没有对应的工作人员，只能对部门扣分"));
        }
        if (points == null || points.signum() <= 0 || points.compareTo(settings.maxDeduction()) > 0
                || points.scale() > 2) {
            errors.add(new FieldProblem.FieldError("points",
                    "扣分须大于 0、不超过 " + settings.maxDeduction().toPlainString() + " 分，最多两位小数"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldProblem.FieldError("reason", "请填写扣分理由"));
        }
        if (!errors.isEmpty()) {
            throw new FieldProblem(errors);
        }
        String id = UUID.randomUUID().toString();
        int year = order.ratedAt().getYear();
        try {
            jdbc.sql("""
                    insert into supervision_deduction (id, appraisal_year, work_order_id, case_no, region_code,
                        department_code, service_body_code, staff_no, against_department, against_staff, points, reason,
                        loses_eligibility, status, recorded_by, recorded_at)
                    values (:id, :year, :order, :caseNo, :region, :department, :body, :staff, :againstDepartment,
                        :againstStaff, :points, :reason, :loses, 'ACTIVE', :by, :at)
                    """).param("id", id).param("year", year).param("order", order.id()).param("caseNo", order.caseNo())
                    .param("region", order.regionCode()).param("department", order.departmentCode())
                    .param("body", order.serviceBodyCode()).param("staff", order.staffNo())
                    .param("againstDepartment", department).param("againstStaff", staff).param("points", points)
                    .param("reason", Trail.cut(reason, 1000)).param("loses", Boolean.TRUE.equals(losesEligibility))
                    .param("by", by.username()).param("at", Zones.now(clock)).update();
        } catch (DuplicateKeyException already) {
            throw DomainProblem.conflict("该差评工单已记录过扣分，不能重复扣分；如有错误请先撤销原扣分记录。");
        }
        trail.step(TYPE, id, by, "DEDUCTED", "ACTIVE", points.toPlainString() + " 分（工单 " + order.caseNo() + "）"
                + (Boolean.TRUE.equals(losesEligibility) ? "，取消年度评优资格" : "") + "：" + reason);
        return get(id, by);
    }

    @Transactional
    public Deduction revoke(String id, String note, CurrentUser by) {
        SupervisionAccess.requireSupervisor(by, "撤销考核扣分");
        Deduction d = get(id, by);
        if (!d.active()) {
            throw new StepRefused("扣分记录状态不允许撤销", "该扣分记录已于 " + d.revokedAt().toLocalDate() + " 撤销，不能再次撤销。");
        }
        if (note == null || note.isBlank()) {
            throw FieldProblem.of("note", "请说明撤销的理由");
        }
        int changed = jdbc.sql("update supervision_deduction set status = 'REVOKED', revoked_by = :by, revoked_at = :at,"
                        + " revoke_note = :note where id = :id and status = 'ACTIVE'")
                .param("by", by.username()).param("at", Zones.now(clock)).param("note", Trail.cut(note, 1000))
                .param("id", id).update();
        if (changed == 0) {
            throw DomainProblem.conflict("该记录刚被他人处理，请刷新后重试。");
        }
        trail.step(TYPE, id, by, "REVOKED", "REVOKED", note);
        return get(id, by);
    }

    public Deduction get(String id, CurrentUser user) {
        DataScope scope = SupervisionAccess.readScope(user);
        return jdbc.sql("select * from supervision_deduction d where d.id = :id and " + scope.sql("d"))
                .params(scope.params()).param("id", id).query(Deductions::deduction).optional()
                .orElseThrow(() -> DomainProblem.notFound("没有这条扣分记录。"));
    }

    public List<Deduction> list(Integer year, CurrentUser user) {
        return within(year, SupervisionAccess.readScope(user), false);
    }

    /** The deductions of a year within a scope (active ones only if asked), newest first. */
    public List<Deduction> within(Integer year, DataScope scope, boolean activeOnly) {
        StringBuilder where = new StringBuilder(scope.sql("d"));
        Map<String, Object> params = new HashMap<>(scope.params());
        if (year != null) {
            where.append(" and d.appraisal_year = :year");
            params.put("year", year);
        }
        if (activeOnly) {
            where.append(" and d.status = 'ACTIVE'");
        }
        return jdbc.sql("select * from supervision_deduction d where " + where + " order by d.recorded_at desc, d.id")
                .params(params).query(Deductions::deduction).list();
    }

    public List<Deduction> ofStaff(String staffNo, CurrentUser user) {
        DataScope scope = SupervisionAccess.readScope(user);
        return jdbc.sql("select * from supervision_deduction d where " + scope.sql("d")
                        + " and d.staff_no = :staff and d.against_staff = true order by d.recorded_at desc")
                .params(scope.params()).param("staff", staffNo).query(Deductions::deduction).list();
    }

    static Deduction deduction(ResultSet rs, int n) throws SQLException {
        return new Deduction(rs.getString("id"), rs.getInt("appraisal_year"), rs.getString("work_order_id"),
                rs.getString("case_no"), rs.getString("region_code"), rs.getString("department_code"),
                rs.getString("staff_no"), rs.getBoolean("against_department"), rs.getBoolean("against_staff"),
                rs.getBigDecimal("points").setScale(2), rs.getString("reason"), rs.getBoolean("loses_eligibility"),
                "ACTIVE".equals(rs.getString("status")), rs.getString("recorded_by"), KeyEntries.time(rs, "recorded_at"),
                rs.getString("revoked_by"), KeyEntries.time(rs, "revoked_at"), rs.getString("revoke_note"));
    }
}
