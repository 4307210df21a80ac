package org.haochaping.rectification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.DataScope;
import org.haochaping.identity.RegionCodes;
import org.haochaping.rectification.internal.Appeals;
import org.haochaping.rectification.internal.Facts;
import org.haochaping.rectification.internal.Problems;
import org.haochaping.rectification.internal.SupervisionRecords;
import org.haochaping.rectification.internal.WorkOrder;
import org.haochaping.rectification.internal.WorkOrderOpening;
import org.haochaping.rectification.internal.WorkOrderService;
import org.haochaping.rectification.internal.WorkOrders;
import org.haochaping.system.Zones;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask of the bad-review loop: its figures, and the steps of a work order taken on behalf of
 * a staff member (the same rules as in the console and the API: scope, role, state).
 */
@Service
public class RectificationManagement {

    private final WorkOrders workOrders;
    private final WorkOrderOpening opening;
    private final WorkOrderService service;
    private final Appeals appeals;
    private final Problems problems;
    private final SupervisionRecords supervision;
    private final Facts facts;

    RectificationManagement(WorkOrders workOrders, WorkOrderOpening opening, WorkOrderService service, Appeals appeals,
            Problems problems, SupervisionRecords supervision, Facts facts) {
        this.facts = facts;
        this.workOrders = workOrders;
        this.opening = opening;
        this.service = service;
        this.appeals = appeals;
        this.problems = problems;
        this.supervision = supervision;
    }

    /**
     * The rectification figures of work orders whose bad rating was given between {@code from} and {@code to}
     * (inclusive dates, Asia/Shanghai; null for open-ended), within the scope and the optional region and
     * department. Ratings found invalid (malicious, appeal upheld, fraud) are left out.
     */
    public RectificationFigures figures(DataScope scope, LocalDate from, LocalDate to, String regionCode,
            String departmentCode) {
        StringBuilder where = new StringBuilder(scope.sql("w"));
        Map<String, Object> params = new HashMap<>(scope.params());
        if (from != null) {
            where.append(" and w.rated_at >= :from");
            params.put("from", from.atStartOfDay(Zones.SHANGHAI).toOffsetDateTime());
        }
        if (to != null) {
            where.append(" and w.rated_at < :to");
            params.put("to", to.plusDays(1).atStartOfDay(Zones.SHANGHAI).toOffsetDateTime());
        }
        if (regionCode != null && !regionCode.isBlank()) {
            where.append(" and w.region_code like :region");
            params.put("region", RegionCodes.prefixOf(regionCode) + "%");
        }
        if (departmentCode != null && !departmentCode.isBlank()) {
            where.append(" and w.department_code = :department");
            params.put("department", departmentCode);
        }
        return workOrders.figures(where.toString(), params);
    }

    /** The work order of a bad rating, opened now if the listener has not done it yet; empty for other ratings. */
    public Optional<String> openWorkOrder(String evaluationId) {
        return opening.openFor(evaluationId);
    }

    public Optional<WorkOrderStatus> statusOf(String workOrderId) {
        return workOrders.find(workOrderId).map(WorkOrder::status);
    }

    public WorkOrderStatus verify(String workOrderId, Verdict verdict, String note, CurrentUser by) {
        return service.verify(workOrderId, verdict, note, by).status();
    }

    public WorkOrderStatus rectify(String workOrderId, String measures, RootCause cause, CurrentUser by) {
        return service.rectify(workOrderId, measures, cause, by).status();
    }

    public WorkOrderStatus requestExtension(String workOrderId, String reason, LocalDate newDeadline, CurrentUser by) {
        return service.requestExtension(workOrderId, reason, newDeadline, by).status();
    }

    public WorkOrderStatus decideExtension(String workOrderId, boolean approved, String note, CurrentUser by) {
        return service.decideExtension(workOrderId, approved, note, by).status();
    }

    public WorkOrderStatus giveFeedback(String workOrderId, FeedbackChannel channel, String message, CurrentUser by) {
        return service.giveFeedback(workOrderId, channel, message, by).status();
    }

    public WorkOrderStatus callBack(String workOrderId, boolean reached, Boolean satisfied, String note,
            CurrentUser by) {
        return service.callBack(workOrderId, reached, satisfied, note, by).status();
    }

    /** Flags the orders past their deadline (the {@code overdue-work-orders} job); answers how many. */
    public int flagOverdueWorkOrders() {
        return service.flagOverdue();
    }

    /** Files an appeal against a bad rating (申诉); answers the appeal's id. */
    public String appeal(String evaluationId, String reason, String evidence, CurrentUser by) {
        return appeals.submit(evaluationId, reason, evidence, by).id();
    }

    public void decideAppeal(String appealId, boolean upheld, String note, CurrentUser by) {
        appeals.decide(appealId, upheld, note, by);
    }

    /** Opens a common problem in the problem ledger (第十二条) grouping the given work orders; answers its id. */
    public String openProblem(String title, String description, String departmentCode, String owner,
            LocalDate deadline, List<String> workOrderIds, CurrentUser by) {
        return problems.create(title, description, departmentCode, owner, deadline, workOrderIds, by).id();
    }

    /** Records an act of supervision (第十一条), against a work order or a department and staff member. */
    public void recordSupervision(SupervisionKind kind, String departmentCode, String staffNo, String workOrderId,
            LocalDate happenedOn, String summary, CurrentUser by) {
        supervision.record(kind, departmentCode, staffNo, workOrderId, happenedOn, summary, by);
    }

    /** The facts of one work order (no evaluator), whatever its state; empty if unknown. */
    public Optional<WorkOrderFacts> workOrderFacts(String workOrderId) {
        return facts.workOrder(workOrderId);
    }

    /** Work orders of bad ratings given between the dates (inclusive, Asia/Shanghai) within the scope. */
    public List<WorkOrderFacts> workOrderFacts(DataScope scope, LocalDate from, LocalDate to, int limit) {
        return facts.workOrders(scope, from.atStartOfDay(Zones.SHANGHAI).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(Zones.SHANGHAI).toOffsetDateTime(), limit);
    }

    /** The facts of one common problem of the problem ledger; empty if unknown. */
    public Optional<ProblemFacts> problemFacts(String problemId) {
        return facts.problem(problemId);
    }

    /** The common problems within the scope (open ones only if asked), open first. */
    public List<ProblemFacts> problemFacts(DataScope scope, boolean openOnly) {
        return facts.problems(scope, openOnly);
    }
}
