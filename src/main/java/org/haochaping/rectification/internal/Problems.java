package org.haochaping.rectification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.AuditLog;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.DataScope;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 问题台账 (第十二条): the supervision office groups bad ratings into the common problems behind them, each with an
 * owner and a deadline, and drives both the bad-review orders and the problems to zero (双归零).
 */
@Service
public class Problems {

    /** Whether a common problem is still open. */
    public enum Status {
        OPEN("整改中"),
        SOLVED("已解决");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A common problem with how many work orders it groups. */
    public record Problem(String id, String title, String description, String regionCode, String departmentCode,
            String owner, LocalDate deadline, Status status, String createdBy, OffsetDateTime createdAt,
            String solution, String solvedBy, OffsetDateTime solvedAt, long orders, long openOrders) {

        public boolean overdue(LocalDate today) {
            return status == Status.OPEN && deadline.isBefore(today);
        }
    }

    /** 双归零 for one department: open bad-review orders (overdue among them) and open common problems. */
    public record DoubleZeroRow(String departmentCode, String departmentName, long openOrders, long overdueOrders,
            long openProblems, boolean zero) {

        DoubleZeroRow(String departmentCode, String departmentName, long openOrders, long overdueOrders,
                long openProblems) {
            this(departmentCode, departmentName, openOrders, overdueOrders, openProblems,
                    openOrders == 0 && openProblems == 0);
        }
    }

    /** 双归零 over the user's scope. */
    public record DoubleZero(long openOrders, long overdueOrders, long openProblems, boolean zero,
            List<DoubleZeroRow> rows) {

        DoubleZero(long openOrders, long overdueOrders, long openProblems, List<DoubleZeroRow> rows) {
            this(openOrders, overdueOrders, openProblems, openOrders == 0 && openProblems == 0, rows);
        }
    }

    private final JdbcClient jdbc;
    private final CatalogManagement catalog;
    private final WorkOrders workOrders;
    private final WorkOrderService workOrderService;
    private final AuditLog audit;
    private final Clock clock;

    Problems(JdbcClient jdbc, CatalogManagement catalog, WorkOrders workOrders, WorkOrderService workOrderService,
            AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.workOrders = workOrders;
        this.workOrderService = workOrderService;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens a common problem for a department within the supervisor's region. */
    @Transactional
    public Problem create(String title, String description, String departmentCode, String owner, LocalDate deadline,
            List<String> workOrderIds, CurrentUser user) {
        Access.requireSupervisor(user, "登记共性问题");
        List<FieldProblem.FieldError> errors = new ArrayList<>();
        if (title == null || title.isBlank() || title.length() > 200) {
            errors.add(new FieldProblem.FieldError("title", "请填写问题名称（200 字以内）"));
        }
        if (description != null && description.length() > 2000) {
            errors.add(new FieldProblem.FieldError("description", "最长 2000 字"));
        }
        if (owner == null || owner.isBlank() || owner.length() > 100) {
            errors.add(new FieldProblem.FieldError("owner", "请填写责任人（100 字以内）"));
        }
        if (deadline == null) {
            errors.add(new FieldProblem.FieldError("deadline", "请填写整改期限"));
        }
        CatalogManagement.Department department = departmentCode == null ? null
                : catalog.department(departmentCode).orElse(null);
        if (department == null || !user.scope().covers(department.regionCode(), department.code(), null, null)) {
            errors.add(new FieldProblem.FieldError("departmentCode", "请选择本辖区内的责任部门"));
        }
        if (!errors.isEmpty()) {
            throw new FieldProblem(errors);
        }
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = Zones.now(clock);
        jdbc.sql("""
                insert into rectification_problem (id, title, description, region_code, department_code, owner, deadline,
                    status, created_by, created_at)
                values (:id, :title, :description, :region, :department, :owner, :deadline, 'OPEN', :by, :now)
                """).param("id", id).param("title", title.strip())
                .param("description", description == null || description.isBlank() ? null : description.strip())
                .param("region", department.regionCode()).param("department", department.code())
                .param("owner", owner.strip()).param("deadline", deadline).param("by", user.username())
                .param("now", now).update();
        audit.recordAs(user.username(), "PROBLEM_CREATED", "problem:" + id, title.strip());
        if (workOrderIds != null && !workOrderIds.isEmpty()) {
            attach(id, workOrderIds, user);
        }
        return get(id, user);
    }

    /** Groups work orders (bad ratings) under the problem; orders outside the user's scope do not exist. */
    @Transactional
    public Problem attach(String problemId, List<String> workOrderIds, CurrentUser user) {
        Access.requireSupervisor(user, "将差评纳入问题台账");
        Problem problem = get(problemId, user);
        if (problem.status() == Status.SOLVED) {
            throw new DomainProblem(HttpStatus.CONFLICT, "问题已销号", "该共性问题已经解决销号，不能再纳入差评工单。");
        }
        if (workOrderIds == null || workOrderIds.isEmpty()) {
            throw FieldProblem.of("workOrderIds", "请选择要纳入的差评工单");
        }
        OffsetDateTime now = Zones.now(clock);
        for (String orderId : workOrderIds) {
            WorkOrder order = workOrderService.load(orderId, user);
            try {
                jdbc.sql("""
                        insert into rectification_problem_order (problem_id, work_order_id, added_by, added_at)
                        values (:p, :o, :by, :now)
                        """).param("p", problemId).param("o", order.id()).param("by", user.username()).param("now", now)
                        .update();
            } catch (DuplicateKeyException already) {
                continue;
            }
            workOrderService.note(order, user.username(), "PROBLEM_LINKED", "纳入问题台账：" + problem.title());
        }
        audit.recordAs(user.username(), "PROBLEM_ORDERS_LINKED", "problem:" + problemId, String.join(",", workOrderIds));
        return get(problemId, user);
    }

    /** Marks the problem solved, with what was done about it. */
    @Transactional
    public Problem solve(String problemId, String solution, CurrentUser user) {
        Access.requireSupervisor(user, "销号共性问题");
        get(problemId, user);
        if (solution == null || solution.isBlank() || solution.length() > 2000) {
            throw FieldProblem.of("solution", "请填写整改情况（2000 字以内）");
        }
        int updated = jdbc.sql("""
                update rectification_problem set status = 'SOLVED', solution = :s, solved_by = :by, solved_at = :now
                where id = :id and status = 'OPEN'
                """).param("s", solution.strip()).param("by", user.username()).param("now", Zones.now(clock))
                .param("id", problemId).update();
        if (updated == 0) {
            throw new DomainProblem(HttpStatus.CONFLICT, "问题已销号", "该共性问题已经解决销号。");
        }
        audit.recordAs(user.username(), "PROBLEM_SOLVED", "problem:" + problemId, solution.strip());
        return get(problemId, user);
    }

    public Problem get(String id, CurrentUser user) {
        DataScope scope = Access.readScope(user);
        return jdbc.sql(select() + " where p.id = :id").param("id", id).query(this::map).optional()
                .filter(p -> scope.covers(p.regionCode(), p.departmentCode(), null, null))
                .orElseThrow(() -> DomainProblem.notFound("共性问题不存在：" + id));
    }

    public List<Problem> list(Status status, CurrentUser user) {
        DataScope scope = Access.readScope(user);
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = scope.sql("p");
        if (status != null) {
            where += " and p.status = :status";
            params.put("status", status.name());
        }
        return jdbc.sql(select() + " where " + where + " order by p.status, p.deadline, p.created_at desc limit 200")
                .params(params).query(this::map).list();
    }

    /** The work orders grouped under a problem, as ids (within the user's scope). */
    public List<String> orderIds(String problemId) {
        return jdbc.sql("select work_order_id from rectification_problem_order where problem_id = :p order by added_at")
                .param("p", problemId).query(String.class).list();
    }

    /** 双归零 over the user's scope, overall and per department. */
    public DoubleZero doubleZero(CurrentUser user) {
        DataScope scope = Access.readScope(user);
        Map<String, long[]> byDepartment = new LinkedHashMap<>();
        jdbc.sql("select w.department_code, count(*) as open_orders,"
                        + " count(case when w.overdue_at is not null and w.status in ('RECTIFYING', 'EXTENSION_REQUESTED')"
                        + " then 1 end) as overdue from rectification_work_order w where " + scope.sql("w")
                        + " and w.status <> 'CLOSED' group by w.department_code")
                .params(scope.params())
                .query(rs -> {
                    long[] counts = byDepartment.computeIfAbsent(rs.getString(1), k -> new long[3]);
                    counts[0] = rs.getLong(2);
                    counts[1] = rs.getLong(3);
                });
        jdbc.sql("select p.department_code, count(*) from rectification_problem p where " + scope.sql("p")
                        + " and p.status = 'OPEN' group by p.department_code")
                .params(scope.params())
                .query(rs -> {
                    byDepartment.computeIfAbsent(rs.getString(1), k -> new long[3])[2] = rs.getLong(2);
                });
        List<DoubleZeroRow> rows = new ArrayList<>();
        long orders = 0;
        long overdue = 0;
        long problems = 0;
        for (CatalogManagement.Department d : catalog.departments()) {
            if (!scope.covers(d.regionCode(), d.code(), null, null)) {
                continue;
            }
            long[] counts = byDepartment.getOrDefault(d.code(), new long[3]);
            rows.add(new DoubleZeroRow(d.code(), d.name(), counts[0], counts[1], counts[2]));
            orders += counts[0];
            overdue += counts[1];
            problems += counts[2];
        }
        return new DoubleZero(orders, overdue, problems, rows);
    }

    private static String select() {
        return """
                select p.*,
                  (select count(*) from rectification_problem_order po where po.problem_id = p.id) as orders,
                  (select count(*) from rectification_problem_order po join rectification_work_order w
                     on w.id = po.work_order_id where po.problem_id = p.id and w.status <> 'CLOSED') as open_orders
                from rectification_problem p""";
    }

    private Problem map(ResultSet rs, int row) throws SQLException {
        return new Problem(rs.getString("id"), rs.getString("title"), rs.getString("description"),
                rs.getString("region_code"), rs.getString("department_code"), rs.getString("owner"),
                rs.getObject("deadline", LocalDate.class), Status.valueOf(rs.getString("status")),
                rs.getString("created_by"), Zones.inShanghai(rs.getObject("created_at", OffsetDateTime.class)),
                rs.getString("solution"), rs.getString("solved_by"),
                Zones.inShanghai(rs.getObject("solved_at", OffsetDateTime.class)), rs.getLong("orders"),
                rs.getLong("open_orders"));
    }
}
