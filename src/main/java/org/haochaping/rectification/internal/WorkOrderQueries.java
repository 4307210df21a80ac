package org.haochaping.rectification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.DataScope;
import org.haochaping.identity.PersonalDataVault;
import org.haochaping.identity.Role;
import org.haochaping.rectification.WorkOrderStatus;
import org.haochaping.system.Zones;
import org.springframework.stereotype.Service;

/**
 * Work orders and appeals as staff read them, limited to their scope (outside it an order does not exist), with
 * the steps the viewer may take next.
 */
@Service
public class WorkOrderQueries {

    private final WorkOrders workOrders;
    private final WorkOrderService service;
    private final EvaluationManagement evaluations;
    private final CatalogManagement catalog;
    private final PersonalDataVault vault;
    private final FollowUps followUps;
    private final Outbox outbox;
    private final Appeals appeals;
    private final Clock clock;

    WorkOrderQueries(WorkOrders workOrders, WorkOrderService service, EvaluationManagement evaluations,
            CatalogManagement catalog, PersonalDataVault vault, FollowUps followUps, Outbox outbox, Appeals appeals,
            Clock clock) {
        this.workOrders = workOrders;
        this.service = service;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.vault = vault;
        this.followUps = followUps;
        this.outbox = outbox;
        this.appeals = appeals;
        this.clock = clock;
    }

    public Page<WorkOrderJson> list(WorkOrderFilter filter, CurrentUser user) {
        Access.requireStaff(user);
        DataScope scope = Access.readScope(user);
        String where = scope.sql("w") + " and " + filter.sql();
        Map<String, Object> params = new HashMap<>(scope.params());
        params.putAll(filter.params());
        Names names = new Names();
        List<WorkOrderJson> items = workOrders.page(where, params, filter.pageOrZero(), filter.sizeOrDefault()).stream()
                .map(o -> present(o, user, false, names)).toList();
        return new Page<>(items, filter.pageOrZero(), filter.sizeOrDefault(), workOrders.count(where, params));
    }

    public WorkOrderJson detail(String id, CurrentUser user) {
        return present(service.load(id, user), user, true, new Names());
    }

    public WorkOrderJson present(WorkOrder order, CurrentUser user) {
        return present(order, user, true, new Names());
    }

    /** How many orders in the user's scope are in each state, and how many are overdue (for the console's tabs). */
    public Map<String, Long> counts(CurrentUser user) {
        DataScope scope = Access.readScope(user);
        Map<String, Long> counts = new HashMap<>();
        for (WorkOrderStatus status : WorkOrderStatus.values()) {
            Map<String, Object> params = new HashMap<>(scope.params());
            params.put("s", status.name());
            counts.put(status.name(), workOrders.count(scope.sql("w") + " and w.status = :s", params));
        }
        counts.put("OVERDUE", workOrders.count(scope.sql("w") + " and " + WorkOrderFilter.OVERDUE, scope.params()));
        counts.put("ALL", workOrders.count(scope.sql("w"), scope.params()));
        return counts;
    }

    /** Orders of a department the user sees, newest first, to group under a common problem. */
    public List<WorkOrderJson> ofDepartment(String departmentCode, CurrentUser user, int limit) {
        DataScope scope = Access.readScope(user);
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("d", departmentCode);
        Names names = new Names();
        return workOrders.page(scope.sql("w") + " and w.department_code = :d", params, 0, limit).stream()
                .map(o -> present(o, user, false, names)).toList();
    }

    public List<WorkOrderJson> byIds(List<String> ids, CurrentUser user) {
        Names names = new Names();
        List<WorkOrderJson> found = new ArrayList<>();
        DataScope scope = Access.readScope(user);
        for (String id : ids) {
            workOrders.find(id).filter(o -> scope.covers(o.facts().regionCode(), o.facts().departmentCode(),
                    o.facts().serviceBodyCode(), o.facts().staffNo()))
                    .ifPresent(o -> found.add(present(o, user, false, names)));
        }
        return found;
    }

    public Page<AppealJson> appeals(AppealStatus status, int page, CurrentUser user) {
        Access.requireStaff(user);
        Page<Appeal> found = appeals.list(status, Math.max(0, page), 50, user);
        Names names = new Names();
        return new Page<>(found.items().stream().map(a -> present(a, user, names)).toList(), found.page(),
                found.size(), found.total());
    }

    public AppealJson present(Appeal a, CurrentUser user) {
        return present(a, user, new Names());
    }

    private AppealJson present(Appeal a, CurrentUser user, Names names) {
        boolean ratedStaff = user.role() == Role.STAFF;
        boolean decidable = a.status() == AppealStatus.PENDING && Access.isSupervisor(user)
                && !a.departmentCode().equals(user.departmentCode()) && !a.appellant().equals(user.username());
        return new AppealJson(a.id(), a.evaluationId(), a.workOrderId(), ratedStaff ? null : a.caseNo(), a.level(),
                a.level().label(), a.itemCode(), names.item(a.itemCode()), a.departmentCode(),
                names.department(a.departmentCode()), a.staffNo(), ratedStaff ? null : a.ratedAt(),
                a.ratedAt().toLocalDate(), a.appellant(), roleLabel(a.appellantRole()), a.reason(), a.evidence(),
                a.status(), a.status().label(), a.submittedAt(), a.decidedBy(), a.decidedAt(), a.decisionNote(),
                decidable);
    }

    private WorkOrderJson present(WorkOrder o, CurrentUser user, boolean detail, Names names) {
        WorkOrder.Facts f = o.facts();
        LocalDate today = Zones.now(clock).toLocalDate();
        Long daysLeft = o.rectificationRunning() && o.deadline() != null ? ChronoUnit.DAYS.between(today, o.deadline())
                : null;
        Optional<EvaluationView> rating = detail ? evaluations.find(f.evaluationId()) : Optional.empty();
        Optional<Appeal> appeal = detail ? appeals.find(f.evaluationId()) : Optional.empty();
        boolean supervisor = Access.isSupervisor(user);
        return new WorkOrderJson(f.id(), f.evaluationId(), f.caseNo(), f.level(), f.level().label(), f.itemCode(),
                names.item(f.itemCode()), f.regionCode(), f.departmentCode(), names.department(f.departmentCode()),
                f.serviceBodyCode(), f.windowCode(), f.staffNo(), f.realName(), o.status(), o.status().label(),
                o.outcome(), o.outcome() == null ? null : o.outcome().label(), f.ratedAt(), f.openedAt(), o.deadline(),
                o.overdue(), daysLeft,
                o.verdict() == null ? null : new WorkOrderJson.Verification(o.verdict(), o.verdict().label(),
                        o.verificationNote(), o.verifiedBy(), o.verifiedAt()),
                o.extensionDeadline() == null ? null
                        : new WorkOrderJson.ExtensionRequest(o.extensionReason(), o.extensionDeadline()),
                o.extensionsGranted(),
                o.rootCause() == null ? null : new WorkOrderJson.Rectification(o.rootCause(), o.rootCause().label(),
                        o.measures(), o.rectifiedBy(), o.rectifiedAt(), o.onTime()),
                o.feedbackChannel() == null ? null : new WorkOrderJson.Feedback(o.feedbackChannel(),
                        o.feedbackChannel().label(), o.feedbackMessage(), o.feedbackBy(), o.feedbackAt()),
                detail ? followUps.find(f.evaluationId()).map(u -> new WorkOrderJson.FollowUpJson(u.level(),
                        u.level().label(), u.comment(), u.assessNumber(), u.submittedAt())).orElse(null) : null,
                o.callbackAttempts(), o.calledBackAt(), o.reopenedCount(), o.closedAt(),
                rating.map(e -> new WorkOrderJson.Rating(e.channel(), e.channel().label(), e.comment(),
                        reasonLabels(e.reasons(), names), e.dimensions().isEmpty() ? null
                                : new EnumMap<>(e.dimensions()), e.valid())).orElse(null),
                supervisor && detail ? rating.map(EvaluationView::evaluator).map(v -> v.masked(vault)).orElse(null)
                        : null,
                detail ? workOrders.historyOf(f.id()).stream().map(h -> new WorkOrderJson.HistoryJson(h.at(),
                        WorkOrderJson.actorLabel(h.actor()), h.action(), WorkOrderJson.actionLabel(h.action()),
                        h.statusAfter(), h.statusAfter().label(), h.note())).toList() : null,
                detail ? outbox.forOrder(f.id()).stream().map(m -> new WorkOrderJson.MessageJson(m.kind(),
                        m.kindLabel(), m.channel(), m.channel().label(), supervisor ? service.fullText(m)
                                : m.body() + (m.hasLink() ? "（追评链接仅评价人可见）" : ""),
                        m.status(), m.statusLabel(), m.createdAt(), m.createdBy())).toList() : null,
                appeal.map(a -> present(a, user, names)).orElse(null),
                actions(o, user, rating.orElse(null), appeal.isPresent(), detail));
    }

    /** The steps the viewer may take next (the console shows a form for each). */
    private static List<String> actions(WorkOrder o, CurrentUser user, EvaluationView rating, boolean appealed,
            boolean detail) {
        List<String> actions = new ArrayList<>();
        WorkOrderStatus s = o.status();
        if (Access.isSupervisor(user)) {
            if (s == WorkOrderStatus.PENDING_VERIFICATION) {
                actions.add("VERIFY");
            }
            if (s == WorkOrderStatus.EXTENSION_REQUESTED) {
                actions.add("DECIDE_EXTENSION");
            }
            if (s == WorkOrderStatus.RECTIFIED) {
                actions.add("FEEDBACK");
            }
            if (s == WorkOrderStatus.FEEDBACK_GIVEN && o.facts().realName()) {
                actions.add("CALLBACK");
            }
            if (o.facts().realName() && s != WorkOrderStatus.CLOSED) {
                actions.add("REVEAL_CONTACT");
            }
            actions.add("SUPERVISION_RECORD");
        }
        if (Access.isHandler(user)) {
            if (o.rectificationRunning()) {
                actions.add("RECTIFY");
            }
            if (s == WorkOrderStatus.RECTIFYING) {
                actions.add("REQUEST_EXTENSION");
            }
            if (s == WorkOrderStatus.RECTIFIED) {
                actions.add("FEEDBACK");
            }
            if (detail && !appealed && s != WorkOrderStatus.CLOSED && rating != null && rating.valid()) {
                actions.add("APPEAL");
            }
        }
        return actions;
    }

    private List<String> reasonLabels(List<String> codes, Names names) {
        return codes.stream().map(c -> names.reasons().getOrDefault(c, c)).toList();
    }

    private static String roleLabel(String role) {
        try {
            return Role.valueOf(role).label();
        } catch (IllegalArgumentException e) {
            return role;
        }
    }

    /** Catalog names looked up once per answer. */
    private final class Names {
        private final Map<String, String> items = new HashMap<>();
        private final Map<String, String> departments = new HashMap<>();
        private Map<String, String> reasons;

        String item(String code) {
            return items.computeIfAbsent(code, c -> catalog.item(c).map(CatalogManagement.ServiceItem::name).orElse(c));
        }

        String department(String code) {
            return departments.computeIfAbsent(code,
                    c -> catalog.department(c).map(CatalogManagement.Department::name).orElse(c));
        }

        Map<String, String> reasons() {
            if (reasons == null) {
                reasons = catalog.activeReasons().stream().collect(Collectors.toMap(CatalogManagement.ReasonOption::code,
                        CatalogManagement.ReasonOption::label, (a, b) -> a));
            }
            return reasons;
        }
    }
}
