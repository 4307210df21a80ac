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
import org.haochaping.rectification.ProblemFacts;
import org.haochaping.rectification.RectificationManagement;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 办事指南修订 (第十二条): from a common problem of the problem ledger the office asks the department that owns the
 * service item to revise its service guide by a date; the department reports the revision; the office confirms it
 * done or sends it back. Each item keeps its revision history.
 */
@Service
public class GuideRevisions {

    static final String TYPE = "GUIDE_REVISION";

    /** The states of a revision request. */
    public enum Status {
        REQUESTED("待修订"), SUBMITTED("待确认"), DONE("已完成");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A revision request and what came of it. */
    public record Revision(String id, String problemId, String itemCode, String itemName, String regionCode,
            String departmentCode, String request, LocalDate dueOn, Status status, String requestedBy,
            OffsetDateTime requestedAt, String revision, String submittedBy, OffsetDateTime submittedAt,
            String acceptedBy, OffsetDateTime acceptedAt, boolean overdue) {

        public String statusLabel() {
            return status.label();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Trail trail;
    private final RectificationManagement rectification;
    private final CatalogManagement catalog;

    GuideRevisions(JdbcClient jdbc, Clock clock, Trail trail, RectificationManagement rectification,
            CatalogManagement catalog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.trail = trail;
        this.rectification = rectification;
        this.catalog = catalog;
    }

    private LocalDate today() {
        return Zones.now(clock).toLocalDate();
    }

    @Transactional
    public Revision request(String problemId, String itemCode, String request, LocalDate dueOn, CurrentUser by) {
        SupervisionAccess.requireSupervisor(by, "提出办事指南修订要求");
        ProblemFacts problem = problemId == null ? null : rectification.problemFacts(problemId.strip())
                .filter(p -> by.scope().covers(p.regionCode(), p.departmentCode(), null, null)).orElse(null);
        List<FieldProblem.FieldError> errors = new ArrayList<>();
        if (problem == null) {
            errors.add(new FieldProblem.FieldError("problemId", "没有这个共性问题，或不在您的管辖范围内"));
        }
        String code = itemCode == null || itemCode.isBlank()
                ? (problem == null || problem.itemCodes().isEmpty() ? null : problem.itemCodes().get(0)) : itemCode.strip();
        CatalogManagement.ServiceItem item = code == null ? null : catalog.item(code).orElse(null);
        if (item == null) {
            errors.add(new FieldProblem.FieldError("itemCode", "请选择要修订办事指南的事项"));
        }
        if (request == null || request.isBlank()) {
            errors.add(new FieldProblem.FieldError("request", "请填写修订要求"));
        }
        if (dueOn == null || !dueOn.isAfter(today())) {
            errors.add(new FieldProblem.FieldError("dueOn", "请填写晚于今天的完成期限"));
        }
        if (!errors.isEmpty()) {
            throw new FieldProblem(errors);
        }
        String region = catalog.department(item.departmentCode()).map(CatalogManagement.Department::regionCode)
                .orElse(problem.regionCode());
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into supervision_guide_revision (id, problem_id, item_code, item_name, region_code, department_code,
                    request, due_on, status, requested_by, requested_at)
                values (:id, :problem, :item, :name, :region, :department, :request, :due, 'REQUESTED', :by, :at)
                """).param("id", id).param("problem", problem.id()).param("item", item.code())
                .param("name", Trail.cut(item.name(), 200)).param("region", region)
                .param("department", item.departmentCode()).param("request", Trail.cut(request, 2000))
                .param("due", dueOn).param("by", by.username()).param("at", Zones.now(clock)).update();
        trail.step(TYPE, id, by, "REVISION_REQUESTED", Status.REQUESTED.name(),
                "共性问题「" + problem.title() + "」；期限 " + dueOn + "：" + request);
        return get(id, by);
    }

    /** The owning department reports what it changed in the guide. */
    @Transactional
    public Revision submit(String id, String revision, CurrentUser by) {
        SupervisionAccess.requireHandler(by, "报送办事指南修订情况");
        Revision r = get(id, by);
        StepRefused.require("修订要求", "报送修订情况", r.status(), Status::label, Status.REQUESTED);
        if (revision == null || revision.isBlank()) {
            throw FieldProblem.of("revision", "请填写修订了哪些内容");
        }
        move(r, Status.SUBMITTED, "revision = :revision, submitted_by = :by, submitted_at = :at",
                Map.of("revision", Trail.cut(revision, 2000), "by", by.username(), "at", Zones.now(clock)));
        trail.step(TYPE, id, by, "REVISION_SUBMITTED", Status.SUBMITTED.name(), revision);
        return get(id, by);
    }

    /** The office confirms the revision done, or (accepted = false) sends it back. */
    @Transactional
    public Revision decide(String id, Boolean accepted, String note, CurrentUser by) {
        SupervisionAccess.requireSupervisor(by, "确认办事指南修订");
        Revision r = get(id, by);
        StepRefused.require("修订要求", "确认或退回", r.status(), Status::label, Status.SUBMITTED);
        if (accepted == null) {
            throw FieldProblem.of("accepted", "请选择确认完成或退回");
        }
        if (accepted) {
            move(r, Status.DONE, "accepted_by = :by, accepted_at = :at",
                    Map.of("by", by.username(), "at", Zones.now(clock)));
            trail.step(TYPE, id, by, "REVISION_DONE", Status.DONE.name(), note);
        } else {
            if (note == null || note.isBlank()) {
                throw FieldProblem.of("note", "请说明退回的理由");
            }
            move(r, Status.REQUESTED, "revision = null, submitted_by = null, submitted_at = null", Map.of());
            trail.step(TYPE, id, by, "REVISION_RETURNED", Status.REQUESTED.name(), note);
        }
        return get(id, by);
    }

    public Revision get(String id, CurrentUser user) {
        DataScope scope = SupervisionAccess.readScope(user);
        return jdbc.sql("select * from supervision_guide_revision g where g.id = :id and " + scope.sql("g"))
                .params(scope.params()).param("id", id).query(this::revision).optional()
                .orElseThrow(() -> DomainProblem.notFound("没有这条修订要求。"));
    }

    public List<Revision> list(Status status, String itemCode, String problemId, CurrentUser user) {
        DataScope scope = SupervisionAccess.readScope(user);
        StringBuilder where = new StringBuilder(scope.sql("g"));
        Map<String, Object> params = new HashMap<>(scope.params());
        if (status != null) {
            where.append(" and g.status = :status");
            params.put("status", status.name());
        }
        if (itemCode != null && !itemCode.isBlank()) {
            where.append(" and g.item_code = :item");
            params.put("item", itemCode.strip());
        }
        if (problemId != null && !problemId.isBlank()) {
            where.append(" and g.problem_id = :problem");
            params.put("problem", problemId.strip());
        }
        return jdbc.sql("select * from supervision_guide_revision g where " + where
                        + " order by g.requested_at desc limit 500").params(params).query(this::revision).list();
    }

    private void move(Revision r, Status to, String set, Map<String, Object> values) {
        int changed = jdbc.sql("update supervision_guide_revision set status = :to, version = version + 1, " + set
                        + " where id = :id and status = :from")
                .params(values).param("to", to.name()).param("id", r.id()).param("from", r.status().name()).update();
        if (changed == 0) {
            throw DomainProblem.conflict("该记录刚被他人处理，请刷新后重试。");
        }
    }

    private Revision revision(ResultSet rs, int n) throws SQLException {
        Status status = Status.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        return new Revision(rs.getString("id"), rs.getString("problem_id"), rs.getString("item_code"),
                rs.getString("item_name"), rs.getString("region_code"), rs.getString("department_code"),
                rs.getString("request"), due, status, rs.getString("requested_by"), KeyEntries.time(rs, "requested_at"),
                rs.getString("revision"), rs.getString("submitted_by"), KeyEntries.time(rs, "submitted_at"),
                rs.getString("accepted_by"), KeyEntries.time(rs, "accepted_at"),
                status != Status.DONE && due.isBefore(today()));
    }
}
