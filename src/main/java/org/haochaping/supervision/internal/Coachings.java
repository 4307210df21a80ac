package org.haochaping.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.DataScope;
import org.haochaping.supervision.CoachingStatus;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff long at the bottom (第十五条): the office records the education or coaching given and a review date; at the
 * review the staff member has improved, or the department is ordered to reassign them (限期调换) by a deadline and
 * reports it done. Kept per staff member as their history.
 */
@Service
public class Coachings {

    static final String TYPE = "COACHING";

    /** One round of coaching of a staff member, and what came of it. */
    public record Coaching(String id, String staffNo, String staffName, String regionCode, String departmentCode,
            String keyEntryId, CoachingStatus status, String coaching, LocalDate coachedOn, LocalDate reviewOn,
            String reviewNote, String reviewedBy, OffsetDateTime reviewedAt, LocalDate reassignmentDeadline,
            String reassignmentNote, String reassignedBy, OffsetDateTime reassignedAt, String recordedBy,
            OffsetDateTime recordedAt, boolean overdue) {

        public String statusLabel() {
            return status.label();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Trail trail;
    private final Alerts alerts;
    private final CatalogManagement catalog;

    Coachings(JdbcClient jdbc, Clock clock, Trail trail, Alerts alerts, CatalogManagement catalog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.trail = trail;
        this.alerts = alerts;
        this.catalog = catalog;
    }

    private LocalDate today() {
        return Zones.now(clock).toLocalDate();
    }

    @Transactional
    public Coaching record(String staffNo, String keyEntryId, String coaching, LocalDate coachedOn, LocalDate reviewOn,
            CurrentUser by) {
        SupervisionAccess.requireSupervisor(by, "登记教育帮扶");
        CatalogManagement.Staff staff = staffNo == null ? null : catalog.staff(staffNo.strip()).orElse(null);
        String region = staff == null ? null
                : catalog.department(staff.departmentCode()).map(CatalogManagement.Department::regionCode).orElse(null);
        if (staff == null || region == null || !by.scope().covers(region, staff.departmentCode(), null, null)) {
            throw FieldProblem.of("staffNo", "没有这名工作人员，或不在您的管辖范围内");
        }
        List<FieldProblem.FieldError> errors = new ArrayList<>();
        if (coaching == null || coaching.isBlank()) {
            errors.add(new FieldProblem.FieldError("coaching", "请填写教育帮扶的内容"));
        }
        if (coachedOn == null || coachedOn.isAfter(today())) {
            errors.add(new FieldProblem.FieldError("coachedOn", "请填写帮扶日期（不晚于今天）"));
        }
        if (reviewOn == null || !reviewOn.isAfter(today())) {
            errors.add(new FieldProblem.FieldError("reviewOn", "请填写复核日期（晚于今天）"));
        }
        if (!errors.isEmpty()) {
            throw new FieldProblem(errors);
        }
        String entry = keyEntryId == null || keyEntryId.isBlank() ? null : keyEntryId.strip();
        if (entry != null && jdbc.sql("select count(*) from supervision_key_entry where id = :id and subject_kind = 'STAFF'"
                + " and subject_code = :staff").param("id", entry).param("staff", staff.staffNo()).query(Long.class).single() == 0) {
            throw FieldProblem.of("keyEntryId", "该重点监督记录不属于这名工作人员");
        }
        String body = staff.windowCode() == null ? null
                : catalog.window(staff.windowCode()).map(CatalogManagement.Window::serviceBodyCode).orElse(null);
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into supervision_coaching (id, staff_no, staff_name, region_code, department_code, service_body_code,
                    key_entry_id, status, coaching, coached_on, review_on, recorded_by, recorded_at)
                values (:id, :staff, :name, :region, :department, :body, :entry, 'COACHING', :coaching, :coachedOn,
                    :reviewOn, :by, :at)
                """).param("id", id).param("staff", staff.staffNo()).param("name", staff.name()).param("region", region)
                .param("department", staff.departmentCode()).param("body", body).param("entry", entry)
                .param("coaching", Trail.cut(coaching, 2000)).param("coachedOn", coachedOn).param("reviewOn", reviewOn)
                .param("by", by.username()).param("at", Zones.now(clock)).update();
        trail.step(TYPE, id, by, "COACHED", CoachingStatus.COACHING.name(), "复核日期 " + reviewOn + "：" + coaching);
        return get(id, by);
    }

    /**
     * The review: improved closes the round; not improved orders the department to reassign the staff member by the
     * deadline (限期调换).
     */
    @Transactional
    public Coaching review(String id, Boolean improved, String note, LocalDate reassignmentDeadline, CurrentUser by) {
        SupervisionAccess.requireSupervisor(by, "复核帮扶效果");
        Coaching c = get(id, by);
        StepRefused.require("帮扶记录", "复核", c.status(), CoachingStatus::label, CoachingStatus.COACHING);
        List<FieldProblem.FieldError> errors = new ArrayList<>();
        if (improved == null) {
            errors.add(new FieldProblem.FieldError("improved", "请选择复核结论"));
        }
        if (note == null || note.isBlank()) {
            errors.add(new FieldProblem.FieldError("note", "请填写复核意见"));
        }
        if (Boolean.FALSE.equals(improved) && (reassignmentDeadline == null || !reassignmentDeadline.isAfter(today()))) {
            errors.add(new FieldProblem.FieldError("reassignmentDeadline", "未改进的须限期调换：请填写晚于今天的调换期限"));
        }
        if (!errors.isEmpty()) {
            throw new FieldProblem(errors);
        }
        if (improved) {
            move(c, CoachingStatus.IMPROVED, "review_note = :note, reviewed_by = :by, reviewed_at = :at",
                    Map.of("note", Trail.cut(note, 2000), "by", by.username(), "at", Zones.now(clock)));
            trail.step(TYPE, id, by, "IMPROVED", CoachingStatus.IMPROVED.name(), note);
        } else {
            move(c, CoachingStatus.REASSIGNMENT_ORDERED, "review_note = :note, reviewed_by = :by, reviewed_at = :at,"
                            + " reassignment_deadline = :deadline",
                    Map.of("note", Trail.cut(note, 2000), "by", by.username(), "at", Zones.now(clock),
                            "deadline", reassignmentDeadline));
            trail.step(TYPE, id, by, "REASSIGNMENT_ORDERED", CoachingStatus.REASSIGNMENT_ORDERED.name(),
                    "调换期限 " + reassignmentDeadline + "：" + note);
            alerts.raise(c.regionCode(), c.departmentCode(), null, c.staffNo(), TYPE, id,
                    "工作人员 " + c.staffName() + "（" + c.staffNo() + "）帮扶后未改进，请于 " + reassignmentDeadline
                            + " 前调离窗口岗位。");
        }
        return get(id, by);
    }

    /** The department reports the reassignment done. */
    @Transactional
    public Coaching completeReassignment(String id, String note, CurrentUser by) {
        SupervisionAccess.requireHandler(by, "报告调换完成");
        Coaching c = get(id, by);
        StepRefused.require("帮扶记录", "报告调换完成", c.status(), CoachingStatus::label,
                CoachingStatus.REASSIGNMENT_ORDERED);
        if (note == null || note.isBlank()) {
            throw FieldProblem.of("note", "请说明调换情况（调往的岗位等）");
        }
        move(c, CoachingStatus.REASSIGNED, "reassignment_note = :note, reassigned_by = :by, reassigned_at = :at",
                Map.of("note", Trail.cut(note, 2000), "by", by.username(), "at", Zones.now(clock)));
        trail.step(TYPE, id, by, "REASSIGNED", CoachingStatus.REASSIGNED.name(), note);
        return get(id, by);
    }

    /** Reassignments past their deadline escalate once per deadline. */
    @Transactional
    public int escalateOverdue() {
        List<Coaching> late = jdbc.sql("select * from supervision_coaching c where c.status = 'REASSIGNMENT_ORDERED'"
                        + " and c.reassignment_deadline < :today"
                        + " and (c.overdue_for is null or c.overdue_for <> c.reassignment_deadline)")
                .param("today", today()).query(this::coaching).list();
        for (Coaching c : late) {
            int changed = jdbc.sql("update supervision_coaching set overdue_for = reassignment_deadline, version = version + 1"
                    + " where id = :id and status = 'REASSIGNMENT_ORDERED'").param("id", c.id()).update();
            if (changed == 0) {
                continue;
            }
            String what = "限期调换逾期未完成（期限 " + c.reassignmentDeadline() + "）";
            trail.step(TYPE, c.id(), null, "OVERDUE", c.status().name(), what);
            alerts.raise(c.regionCode(), c.departmentCode(), null, c.staffNo(), TYPE, c.id(),
                    "督办：工作人员 " + c.staffName() + "（" + c.staffNo() + "）" + what + "。");
        }
        return late.size();
    }

    public List<Coaching> list(CoachingStatus status, String staffNo, CurrentUser user) {
        DataScope scope = SupervisionAccess.readScope(user);
        StringBuilder where = new StringBuilder(scope.sql("c"));
        Map<String, Object> params = new HashMap<>(scope.params());
        if (status != null) {
            where.append(" and c.status = :status");
            params.put("status", status.name());
        }
        if (staffNo != null && !staffNo.isBlank()) {
            where.append(" and c.staff_no = :staff");
            params.put("staff", staffNo.strip());
        }
        return jdbc.sql("select * from supervision_coaching c where " + where + " order by c.recorded_at desc limit 500")
                .params(params).query(this::coaching).list();
    }

    public Coaching get(String id, CurrentUser user) {
        DataScope scope = SupervisionAccess.readScope(user);
        return jdbc.sql("select * from supervision_coaching c where c.id = :id and " + scope.sql("c"))
                .params(scope.params()).param("id", id).query(this::coaching).optional()
                .orElseThrow(() -> DomainProblem.notFound("没有这条帮扶记录。"));
    }

    private void move(Coaching c, CoachingStatus to, String set, Map<String, Object> values) {
        int changed = jdbc.sql("update supervision_coaching set status = :to, version = version + 1, " + set
                        + " where id = :id and status = :from")
                .params(values).param("to", to.name()).param("id", c.id()).param("from", c.status().name()).update();
        if (changed == 0) {
            throw DomainProblem.conflict("该记录刚被他人处理，请刷新后重试。");
        }
    }

    private Coaching coaching(ResultSet rs, int n) throws SQLException {
        CoachingStatus status = CoachingStatus.valueOf(rs.getString("status"));
        LocalDate deadline = rs.getObject("reassignment_deadline", LocalDate.class);
        return new Coaching(rs.getString("id"), rs.getString("staff_no"), rs.getString("staff_name"),
                rs.getString("region_code"), rs.getString("department_code"), rs.getString("key_entry_id"), status,
                rs.getString("coaching"), rs.getObject("coached_on", LocalDate.class),
                rs.getObject("review_on", LocalDate.class), rs.getString("review_note"), rs.getString("reviewed_by"),
                KeyEntries.time(rs, "reviewed_at"), deadline, rs.getString("reassignment_note"),
                rs.getString("reassigned_by"), KeyEntries.time(rs, "reassigned_at"), rs.getString("recorded_by"),
                KeyEntries.time(rs, "recorded_at"),
                status == CoachingStatus.REASSIGNMENT_ORDERED && deadline != null && deadline.isBefore(today()));
    }
}
