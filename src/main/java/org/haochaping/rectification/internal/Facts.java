package org.haochaping.rectification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haochaping.evaluation.Level;
import org.haochaping.identity.DataScope;
import org.haochaping.rectification.ProblemFacts;
import org.haochaping.rectification.RootCause;
import org.haochaping.rectification.Verdict;
import org.haochaping.rectification.WorkOrderFacts;
import org.haochaping.rectification.WorkOrderOutcome;
import org.haochaping.rectification.WorkOrderStatus;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read-only facts of work orders and common problems for other modules (supervision, notices). */
@Component
public class Facts {

    private final JdbcClient jdbc;
    private final Clock clock;

    Facts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<WorkOrderFacts> workOrder(String id) {
        return jdbc.sql("select * from rectification_work_order w where w.id = :id").param("id", id)
                .query(this::order).optional();
    }

    /** Work orders whose bad rating was given in [from, to), within the scope, oldest first, at most {@code limit}. */
    public List<WorkOrderFacts> workOrders(DataScope scope, OffsetDateTime from, OffsetDateTime to, int limit) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("from", from);
        params.put("to", to);
        params.put("limit", limit);
        return jdbc.sql("select * from rectification_work_order w where " + scope.sql("w")
                        + " and w.rated_at >= :from and w.rated_at < :to order by w.rated_at, w.id limit :limit")
                .params(params).query(this::order).list();
    }

    public Optional<ProblemFacts> problem(String id) {
        return jdbc.sql("select * from rectification_problem p where p.id = :id").param("id", id)
                .query((rs, n) -> problem(rs)).optional();
    }

    /** Common problems within the scope, open ones first. */
    public List<ProblemFacts> problems(DataScope scope, boolean openOnly) {
        return jdbc.sql("select * from rectification_problem p where " + scope.sql("p")
                        + (openOnly ? " and p.status = 'OPEN'" : "") + " order by p.status, p.deadline, p.id")
                .params(scope.params()).query((rs, n) -> problem(rs)).list();
    }

    private ProblemFacts problem(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        List<String> items = jdbc.sql("""
                select w.item_code from rectification_problem_order o
                join rectification_work_order w on w.id = o.work_order_id
                where o.problem_id = :id group by w.item_code order by count(*) desc, w.item_code
                """).param("id", id).query(String.class).list();
        long orders = jdbc.sql("select count(*) from rectification_problem_order where problem_id = :id")
                .param("id", id).query(Long.class).single();
        return new ProblemFacts(id, rs.getString("title"), rs.getString("description"), rs.getString("region_code"),
                rs.getString("department_code"), rs.getObject("deadline", java.time.LocalDate.class),
                "SOLVED".equals(rs.getString("status")), rs.getString("solution"), items, orders);
    }

    private WorkOrderFacts order(ResultSet rs, int n) throws SQLException {
        OffsetDateTime deadline = rs.getObject("deadline", OffsetDateTime.class);
        WorkOrderStatus status = WorkOrderStatus.valueOf(rs.getString("status"));
        OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
        boolean overdue = rs.getObject("overdue_at", OffsetDateTime.class) != null
                || (deadline != null && status != WorkOrderStatus.CLOSED && deadline.isBefore(Zones.now(clock)));
        return new WorkOrderFacts(rs.getString("id"), rs.getString("evaluation_id"), rs.getString("case_no"),
                Level.valueOf(rs.getString("level")), rs.getString("region_code"), rs.getString("department_code"),
                rs.getString("service_body_code"), rs.getString("staff_no"), rs.getString("item_code"), status,
                option(WorkOrderOutcome.class, rs.getString("outcome")), option(Verdict.class, rs.getString("verdict")),
                option(RootCause.class, rs.getString("root_cause")), rs.getString("measures"),
                Zones.inShanghai(rs.getObject("rated_at", OffsetDateTime.class)),
                closed == null ? null : Zones.inShanghai(closed), overdue);
    }

    private static <E extends Enum<E>> E option(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
