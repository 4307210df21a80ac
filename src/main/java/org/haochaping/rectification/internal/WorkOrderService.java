package org.haochaping.rectification.internal;

import org.haochaping.system.PublicUrls;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.haochaping.casework.SealedIdentity;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.InvalidationReason;
import org.haochaping.identity.AuditLog;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.PersonalDataVault;
import org.haochaping.identity.PersonalField;
import org.haochaping.rectification.FeedbackChannel;
import org.haochaping.rectification.RootCause;
import org.haochaping.rectification.Verdict;
import org.haochaping.rectification.WorkOrderClosed;
import org.haochaping.rectification.WorkOrderOutcome;
import org.haochaping.rectification.WorkOrderRectified;
import org.haochaping.rectification.WorkOrderStatus;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the bad-review loop as staff take them: each loads the order within the user's scope (else 404),
 * checks the user's role (else 403), lets the order check its state (else 409), then records the step in the
 * order's history and the audit log, notifies whom it concerns and tells the evaluator.
 */
@Service
public class WorkOrderService {

    /** The evaluator's contact details, revealed for a call-back. */
    public record Contact(String name, String mobile) {
    }

    private final WorkOrders workOrders;
    private final HolidayCalendars calendars;
    private final RectificationSettings settings;
    private final EvaluationManagement evaluations;
    private final CatalogManagement catalog;
    private final PersonalDataVault vault;
    private final AuditLog audit;
    private final Notifications notifications;
    private final FeedbackTokens tokens;
    private final Outbox outbox;
    private final PublicUrls links;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkOrderService(WorkOrders workOrders, HolidayCalendars calendars, RectificationSettings settings,
            EvaluationManagement evaluations, CatalogManagement catalog, PersonalDataVault vault, AuditLog audit,
            Notifications notifications, FeedbackTokens tokens, Outbox outbox, PublicUrls links,
            ApplicationEventPublisher events, Clock clock) {
        this.workOrders = workOrders;
        this.calendars = calendars;
        this.settings = settings;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.vault = vault;
        this.audit = audit;
        this.notifications = notifications;
        this.tokens = tokens;
        this.outbox = outbox;
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    /** The order if the user may see it; otherwise it does not exist for them (404). */
    public WorkOrder load(String id, CurrentUser user) {
        Access.requireStaff(user);
        return workOrders.find(id)
                .filter(o -> Access.readScope(user).covers(o.facts().regionCode(), o.facts().departmentCode(),
                        o.facts().serviceBodyCode(), o.facts().staffNo()))
                .orElseThrow(() -> DomainProblem.notFound("工单不存在：" + id));
    }

    /** 核实 (第九条), by the supervision office. */
    @Transactional
    public WorkOrder verify(String id, Verdict verdict, String note, CurrentUser user) {
        WorkOrder order = load(id, user);
        Access.requireSupervisor(user, "核实差评");
        if (verdict == null) {
            throw FieldProblem.of("verdict", "请选择核实结论：CONFIRMED、UNFOUNDED 或 MALICIOUS");
        }
        OffsetDateTime now = Zones.now(clock);
        switch (verdict) {
            case CONFIRMED -> order.confirm(note, deadline(order.facts().ratedAt().toLocalDate(), now.toLocalDate()),
                    user.username(), now);
            case UNFOUNDED -> order.declareUnfounded(note, user.username(), now);
            case MALICIOUS -> order.declareMalicious(note, user.username(), now);
        }
        save(order, user.username(), now);
        switch (verdict) {
            case CONFIRMED -> notifications.toDepartment(order.facts().regionCode(), order.facts().departmentCode(),
                    order.id(), "CONFIRMED", "差评经核实属实，请于 " + order.deadline() + " 前完成整改（办件 "
                            + order.facts().caseNo() + "）");
            case UNFOUNDED -> tellEvaluator(order, "EXPLANATION", null,
                    "经核实，您反映的问题不属实。说明：" + note, false, user.username());
            case MALICIOUS -> evaluations.invalidate(order.facts().evaluationId(), InvalidationReason.MALICIOUS, note,
                    user.username());
        }
        return order;
    }

    /** 整改 (第十条): the department reports its measures and the root cause. */
    @Transactional
    public WorkOrder rectify(String id, String measures, RootCause cause, CurrentUser user) {
        WorkOrder order = load(id, user);
        Access.requireHandler(user, "提交整改结果");
        OffsetDateTime now = Zones.now(clock);
        order.rectify(measures, cause, user.username(), now);
        save(order, user.username(), now);
        events.publishEvent(new WorkOrderRectified(order.id(), order.facts().evaluationId(), order.facts().caseNo(),
                order.facts().regionCode(), order.facts().departmentCode(), cause, measures, now, order.onTime()));
        return order;
    }

    /** 延期: the department asks for a later deadline, with a reason. */
    @Transactional
    public WorkOrder requestExtension(String id, String reason, LocalDate newDeadline, CurrentUser user) {
        WorkOrder order = load(id, user);
        Access.requireHandler(user, "申请延期");
        OffsetDateTime now = Zones.now(clock);
        order.requestExtension(reason, newDeadline, settings.maxExtensionDays(), now.toLocalDate(), user.username(), now);
        save(order, user.username(), now);
        notifications.toSupervision(order.facts().regionCode(), order.facts().departmentCode(), order.id(),
                "EXTENSION_REQUESTED", departmentName(order) + "申请将整改期限延至 " + newDeadline + "，待审批");
        return order;
    }

    /** The supervision office decides an extension request. */
    @Transactional
    public WorkOrder decideExtension(String id, Boolean approved, String note, CurrentUser user) {
        WorkOrder order = load(id, user);
        Access.requireSupervisor(user, "审批延期申请");
        if (approved == null) {
            throw FieldProblem.of("approved", "请选择是否同意延期");
        }
        OffsetDateTime now = Zones.now(clock);
        order.decideExtension(approved, note, user.username(), now);
        save(order, user.username(), now);
        notifications.toDepartment(order.facts().regionCode(), order.facts().departmentCode(), order.id(),
                "EXTENSION_DECIDED", (approved ? "延期申请已同意，新的整改期限为 " : "延期申请未获同意，整改期限仍为 ")
                        + order.deadline());
        return order;
    }

    /** 反馈 (第十条): the result goes to the evaluator, with a one-time link for one follow-up rating. */
    @Transactional
    public WorkOrder giveFeedback(String id, FeedbackChannel channel, String message, CurrentUser user) {
        WorkOrder order = load(id, user);
        if (!Access.isHandler(user) && !Access.isSupervisor(user)) {
            throw DomainProblem.forbidden("只有责任部门或政务服务管理部门可以向评价人反馈。");
        }
        if (channel == FeedbackChannel.SMS && evaluatorMobile(order) == null) {
            throw FieldProblem.of("channel", "评价人未留手机号码，不能通过短信反馈");
        }
        OffsetDateTime now = Zones.now(clock);
        order.giveFeedback(channel, message, user.username(), now);
        save(order, user.username(), now);
        tellEvaluator(order, "FEEDBACK", channel, message, true, user.username());
        return order;
    }

    /**
     * 回访 (第十一条), by the supervision office: satisfied closes the order, still dissatisfied reopens it with a
     * fresh deadline, not reached is an attempt.
     */
    @Transactional
    public WorkOrder callBack(String id, Boolean reached, Boolean satisfied, String note, CurrentUser user) {
        WorkOrder order = load(id, user);
        Access.requireSupervisor(user, "回访评价人");
        if (reached == null) {
            throw FieldProblem.of("reached", "请记录是否联系上评价人");
        }
        OffsetDateTime now = Zones.now(clock);
        LocalDate today = now.toLocalDate();
        LocalDate reopenDeadline = settings.deadlinePolicy().reopened(today, calendarFrom(today));
        order.recordCallBack(reached, satisfied, note, settings.callbackAttempts(), reopenDeadline, user.username(), now);
        save(order, user.username(), now);
        if (order.status() == WorkOrderStatus.RECTIFYING) {
            notifications.toDepartment(order.facts().regionCode(), order.facts().departmentCode(), order.id(),
                    "REOPENED", "回访评价人仍不满意，工单退回重新整改，期限 " + order.deadline() + "（办件 "
                            + order.facts().caseNo() + "）");
        }
        return order;
    }

    /**
     * Shows the supervision office the evaluator's full name and mobile for a call-back: an explicit action with a
     * stated purpose, written to the audit log (domain §8).
     */
    @Transactional
    public Contact revealContact(String id, String purpose, CurrentUser user) {
        WorkOrder order = load(id, user);
        Access.requireSupervisor(user, "查看评价人联系方式");
        if (purpose == null || purpose.isBlank()) {
            throw FieldProblem.of("purpose", "请说明查看目的（如：回访）");
        }
        SealedIdentity evaluator = evaluations.find(order.facts().evaluationId()).map(EvaluationView::evaluator)
                .orElse(null);
        if (evaluator == null || evaluator.mobile() == null) {
            throw DomainProblem.conflict("该差评没有可联系的评价人手机号码。");
        }
        audit.recordAs(user.username(), "REVEAL_EVALUATOR_CONTACT", "evaluation:" + order.facts().evaluationId(),
                "目的：" + purpose + "；号码 " + vault.masked(evaluator.mobile(), PersonalField.MOBILE));
        OffsetDateTime now = Zones.now(clock);
        order.note(user.username(), "CONTACT_REVEALED", "为" + purpose + "查看了评价人联系方式（已记入审计日志）");
        save(order, user.username(), now);
        return new Contact(vault.unseal(evaluator.name()), vault.unseal(evaluator.mobile()));
    }

    /** The evaluator's masked mobile, for the call-back form. */
    public String maskedMobile(WorkOrder order) {
        String sealed = evaluatorMobile(order);
        return sealed == null ? null : vault.masked(sealed, PersonalField.MOBILE);
    }

    /** Closes the order of a rating that became invalid elsewhere (appeal upheld, fraud); idempotent. */
    @Transactional
    public void closeBecauseInvalid(String evaluationId, String why, String actor) {
        workOrders.findByEvaluation(evaluationId).ifPresent(order -> {
            OffsetDateTime now = Zones.now(clock);
            if (order.closeAsInvalid(why, actor, now)) {
                save(order, actor, now);
            } else if (order.outcome() != WorkOrderOutcome.INVALID) {
                note(order, actor, "RATING_INVALIDATED", why);
            }
        });
    }

    /** Records a step that changes no state (an appeal filed, a follow-up rating given) in the order's history. */
    void note(WorkOrder order, String actor, String action, String text) {
        OffsetDateTime now = Zones.now(clock);
        order.note(actor, action, text);
        save(order, actor, now);
    }

    /** 逾期: flags every order whose deadline has passed unfinished, and tells its department and supervisors. */
    @Transactional
    public int flagOverdue() {
        OffsetDateTime now = Zones.now(clock);
        int flagged = 0;
        List<WorkOrder> due;
        do {
            due = workOrders.dueForOverdueFlag(now, 200);
            for (WorkOrder order : due) {
                if (!order.flagOverdue(now)) {
                    continue;
                }
                save(order, "system", now);
                String text = "工单已逾期：整改期限 " + order.deadline() + " 已过，尚未完成整改（" + departmentName(order)
                        + "，办件 " + order.facts().caseNo() + "）";
                notifications.toDepartment(order.facts().regionCode(), order.facts().departmentCode(), order.id(),
                        "OVERDUE", text);
                notifications.toSupervision(order.facts().regionCode(), order.facts().departmentCode(), order.id(),
                        "OVERDUE", text);
                flagged++;
            }
        } while (due.size() == 200);
        return flagged;
    }

    public LocalDate deadline(LocalDate ratedOn, LocalDate confirmedOn) {
        DeadlinePolicy policy = settings.deadlinePolicy();
        LocalDate first = policy.start() == DeadlinePolicy.Start.RATING ? ratedOn : confirmedOn;
        return policy.deadline(ratedOn, confirmedOn, calendarFrom(first));
    }

    private HolidayCalendar calendarFrom(LocalDate first) {
        DeadlinePolicy policy = settings.deadlinePolicy();
        if (policy.counting() == DeadlinePolicy.Counting.NATURAL) {
            return HolidayCalendar.empty();
        }
        return calendars.between(first.getYear(), policy.lastYearNeeded(first));
    }

    private void save(WorkOrder order, String actor, OffsetDateTime now) {
        for (WorkOrder.Step step : workOrders.save(order, now)) {
            audit.recordAs(step.actor(), "WORK_ORDER_" + step.action(), "work-order:" + order.id(),
                    "状态 " + step.statusAfter().name() + (step.note() == null ? "" : "；" + step.note()));
        }
        if (order.status() == WorkOrderStatus.CLOSED && order.closedAt() != null && order.closedAt().equals(now)) {
            events.publishEvent(new WorkOrderClosed(order.id(), order.facts().evaluationId(), order.facts().caseNo(),
                    order.facts().regionCode(), order.facts().departmentCode(), order.outcome(), now));
        }
    }

    private void tellEvaluator(WorkOrder order, String kind, FeedbackChannel channel, String message, boolean withLink,
            String actor) {
        FeedbackChannel on = channel != null ? channel
                : evaluatorMobile(order) != null ? FeedbackChannel.SMS : FeedbackChannel.ONLINE;
        String item = evaluations.find(order.facts().evaluationId()).map(EvaluationView::itemName)
                .orElse(order.facts().itemCode());
        String body = "【政务服务好差评】您对“" + item + "”（办件 " + order.facts().caseNo() + "）的评价已处理。" + message;
        String tokenId = null;
        if (withLink) {
            tokenId = tokens.issue(order.id(), order.facts().evaluationId());
            body += " 查看处理情况并追评：";
        }
        outbox.record(order, kind, on, body, tokenId, actor);
    }

    /** The full text of a message as the evaluator receives it, with its follow-up link. */
    public String fullText(Outbox.Message message) {
        return message.hasLink() ? message.body() + links.base() + tokens.pathFor(message.tokenId()) : message.body();
    }

    private String evaluatorMobile(WorkOrder order) {
        return evaluations.find(order.facts().evaluationId()).map(EvaluationView::evaluator)
                .map(SealedIdentity::mobile).orElse(null);
    }

    private String departmentName(WorkOrder order) {
        return catalog.department(order.facts().departmentCode()).map(CatalogManagement.Department::name)
                .orElse(order.facts().departmentCode());
    }
}
