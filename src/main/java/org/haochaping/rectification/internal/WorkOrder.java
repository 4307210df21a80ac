package org.haochaping.rectification.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.haochaping.evaluation.Level;
import org.haochaping.rectification.FeedbackChannel;
import org.haochaping.rectification.RootCause;
import org.haochaping.rectification.Verdict;
import org.haochaping.rectification.WorkOrderOutcome;
import org.haochaping.rectification.WorkOrderStatus;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;

/**
 * A bad rating to be verified (第九条), rectified within its deadline (第十条), answered to the evaluator and called
 * back (第十一条). Every step is a method that checks the current state and records who took it, when and why;
 * the states follow domain §8: PENDING_VERIFICATION → RECTIFYING (⇄ EXTENSION_REQUESTED) → RECTIFIED →
 * FEEDBACK_GIVEN → CLOSED, a still dissatisfied evaluator sending the order back to RECTIFYING.
 */
public class WorkOrder {

    /** What the order is about; fixed when it is opened. */
    public record Facts(String id, String evaluationId, String caseNo, Level level, String regionCode,
            String departmentCode, String serviceBodyCode, String windowCode, String staffNo, String itemCode,
            boolean realName, OffsetDateTime ratedAt, OffsetDateTime openedAt) {
    }

    /** A step taken, to be written to the history and the audit log. */
    public record Step(String actor, String action, WorkOrderStatus statusAfter, String note) {
    }

    private final Facts facts;
    WorkOrderStatus status;
    WorkOrderOutcome outcome;
    Verdict verdict;
    String verificationNote;
    String verifiedBy;
    OffsetDateTime verifiedAt;
    OffsetDateTime confirmedAt;
    LocalDate deadline;
    RootCause rootCause;
    String measures;
    String rectifiedBy;
    OffsetDateTime rectifiedAt;
    String extensionReason;
    LocalDate extensionDeadline;
    int extensionsGranted;
    FeedbackChannel feedbackChannel;
    String feedbackMessage;
    String feedbackBy;
    OffsetDateTime feedbackAt;
    int callbackAttempts;
    OffsetDateTime calledBackAt;
    int reopenedCount;
    OffsetDateTime overdueAt;
    OffsetDateTime closedAt;
    int version;
    private final List<Step> steps = new ArrayList<>();

    WorkOrder(Facts facts) {
        this.facts = facts;
    }

    // ---- 核实 (第九条)

    /** The complaint is real: rectification starts, due by {@code deadline}. */
    void confirm(String note, LocalDate deadline, String actor, OffsetDateTime now) {
        requireOpen("核实");
        require("核实", WorkOrderStatus.PENDING_VERIFICATION);
        verified(Verdict.CONFIRMED, note, actor, now);
        this.confirmedAt = now;
        this.deadline = deadline;
        this.status = WorkOrderStatus.RECTIFYING;
        step(actor, "VERIFIED_CONFIRMED", "核实属实，整改期限 " + deadline + (blank(note) ? "" : "。" + note));
    }

    /** The complaint is unfounded: explained to the evaluator, the rating stays valid. */
    void declareUnfounded(String note, String actor, OffsetDateTime now) {
        requireOpen("核实");
        require("核实", WorkOrderStatus.PENDING_VERIFICATION);
        if (blank(note)) {
            throw FieldProblem.of("note", "核实不属实时须填写向评价人说明的情况");
        }
        verified(Verdict.UNFOUNDED, note, actor, now);
        close(WorkOrderOutcome.UNFOUNDED, actor, "VERIFIED_UNFOUNDED", "核实不属实：" + note, now);
    }

    /** The rating is malicious (第九条): it becomes invalid and the order closes. */
    void declareMalicious(String note, String actor, OffsetDateTime now) {
        requireOpen("核实");
        require("核实", WorkOrderStatus.PENDING_VERIFICATION);
        if (blank(note)) {
            throw FieldProblem.of("note", "认定恶意差评须写明依据");
        }
        verified(Verdict.MALICIOUS, note, actor, now);
        close(WorkOrderOutcome.INVALID, actor, "VERIFIED_MALICIOUS", "认定为恶意差评，评价无效：" + note, now);
    }

    // ---- 整改 (第十条)

    /** The department finished: measures and a root cause are required. */
    void rectify(String measures, RootCause cause, String actor, OffsetDateTime now) {
        requireOpen("提交整改结果");
        require("提交整改结果", WorkOrderStatus.RECTIFYING, WorkOrderStatus.EXTENSION_REQUESTED);
        if (blank(measures)) {
            throw FieldProblem.of("measures", "请填写整改措施");
        }
        if (cause == null) {
            throw FieldProblem.of("rootCause", "请选择问题原因");
        }
        if (status == WorkOrderStatus.EXTENSION_REQUESTED) {
            extensionReason = null;
            extensionDeadline = null;
        }
        this.measures = measures;
        this.rootCause = cause;
        this.rectifiedBy = actor;
        this.rectifiedAt = now;
        this.status = WorkOrderStatus.RECTIFIED;
        step(actor, "RECTIFIED", "问题原因：" + cause.label() + "；整改措施：" + measures
                + (onTime() ? "" : "（已超过整改期限）"));
    }

    /** The department cannot make it in time: it asks for a later deadline, with a reason. */
    void requestExtension(String reason, LocalDate newDeadline, int maxExtensionDays, LocalDate today, String actor,
            OffsetDateTime now) {
        requireOpen("申请延期");
        require("申请延期", WorkOrderStatus.RECTIFYING);
        if (blank(reason)) {
            throw FieldProblem.of("reason", "请说明延期理由");
        }
        if (newDeadline == null) {
            throw FieldProblem.of("newDeadline", "请填写新的整改期限");
        }
        if (!newDeadline.isAfter(deadline) || !newDeadline.isAfter(today)) {
            throw FieldProblem.of("newDeadline", "新的整改期限须晚于原期限 " + deadline + " 和今天");
        }
        LocalDate latest = (deadline.isAfter(today) ? deadline : today).plusDays(maxExtensionDays);
        if (newDeadline.isAfter(latest)) {
            throw FieldProblem.of("newDeadline", "一次延期最多 " + maxExtensionDays + " 天（不晚于 " + latest + "）");
        }
        this.extensionReason = reason;
        this.extensionDeadline = newDeadline;
        this.status = WorkOrderStatus.EXTENSION_REQUESTED;
        step(actor, "EXTENSION_REQUESTED", "申请延期至 " + newDeadline + "：" + reason);
    }

    /** The supervision office decides: approved, the new deadline applies; either way rectification goes on. */
    void decideExtension(boolean approved, String note, String actor, OffsetDateTime now) {
        requireOpen("审批延期");
        require("审批延期", WorkOrderStatus.EXTENSION_REQUESTED);
        String text;
        if (approved) {
            text = "同意延期，整改期限由 " + deadline + " 改为 " + extensionDeadline;
            this.deadline = extensionDeadline;
            this.extensionsGranted++;
            this.overdueAt = null;
        } else {
            text = "不同意延期，整改期限仍为 " + deadline;
        }
        this.extensionReason = null;
        this.extensionDeadline = null;
        this.status = WorkOrderStatus.RECTIFYING;
        step(actor, approved ? "EXTENSION_APPROVED" : "EXTENSION_REJECTED", text + (blank(note) ? "" : "。" + note));
    }

    // ---- 反馈 (第十条)

    /** The result goes back to the evaluator on a channel. */
    void giveFeedback(FeedbackChannel channel, String message, String actor, OffsetDateTime now) {
        requireOpen("反馈");
        require("反馈", WorkOrderStatus.RECTIFIED);
        if (channel == null) {
            throw FieldProblem.of("channel", "请选择反馈渠道");
        }
        if (blank(message)) {
            throw FieldProblem.of("message", "请填写反馈内容");
        }
        this.feedbackChannel = channel;
        this.feedbackMessage = message;
        this.feedbackBy = actor;
        this.feedbackAt = now;
        this.status = WorkOrderStatus.FEEDBACK_GIVEN;
        step(actor, "FEEDBACK_GIVEN", "通过" + channel.label() + "向评价人反馈：" + message);
        if (!facts.realName()) {
            close(WorkOrderOutcome.RESOLVED, "system", "CLOSED", "非实名差评，无法回访，反馈后办结", now);
        }
    }

    // ---- 回访 (第十一条)

    /**
     * A call-back: satisfied closes the order as resolved; still dissatisfied sends it back to rectification with a
     * fresh deadline; not reached counts as an attempt, and after {@code maxAttempts} the call-back step ends.
     */
    void recordCallBack(boolean reached, Boolean satisfied, String note, int maxAttempts, LocalDate reopenDeadline,
            String actor, OffsetDateTime now) {
        requireOpen("回访");
        require("回访", WorkOrderStatus.FEEDBACK_GIVEN);
        if (!facts.realName()) {
            throw new WorkOrderStepRefused("非实名差评无法回访", "该差评未留实名信息，无法回访。");
        }
        String remark = blank(note) ? "" : "：" + note;
        if (!reached) {
            callbackAttempts++;
            if (callbackAttempts >= maxAttempts) {
                step(actor, "CALLBACK_UNREACHED", "第 " + callbackAttempts + " 次回访未联系上评价人" + remark);
                close(WorkOrderOutcome.RESOLVED, actor, "CLOSED",
                        "已回访 " + callbackAttempts + " 次均未联系上评价人，按已反馈办结", now);
            } else {
                step(actor, "CALLBACK_UNREACHED", "第 " + callbackAttempts + " 次回访未联系上评价人" + remark);
            }
            return;
        }
        if (satisfied == null) {
            throw FieldProblem.of("satisfied", "联系上评价人时须记录其是否满意");
        }
        callbackAttempts++;
        calledBackAt = now;
        if (satisfied) {
            step(actor, "CALLED_BACK_SATISFIED", "回访评价人，对整改结果满意" + remark);
            close(WorkOrderOutcome.RESOLVED, actor, "CLOSED", "回访满意，工单办结", now);
        } else {
            reopenedCount++;
            rectifiedAt = null;
            overdueAt = null;
            deadline = reopenDeadline;
            status = WorkOrderStatus.RECTIFYING;
            step(actor, "REOPENED", "回访评价人仍不满意，重新整改，期限 " + reopenDeadline + remark);
        }
    }

    // ---- 无效 (第九条, plan 二(五))

    /** The rating became invalid (appeal upheld, fraud): the order closes. Answers false if it was closed already. */
    boolean closeAsInvalid(String why, String actor, OffsetDateTime now) {
        if (status == WorkOrderStatus.CLOSED) {
            return false;
        }
        close(WorkOrderOutcome.INVALID, actor, "CLOSED_INVALID", why, now);
        return true;
    }

    // ---- 逾期

    /** Flags the order overdue once its deadline has passed unfinished; answers whether it was newly flagged. */
    boolean flagOverdue(OffsetDateTime now) {
        if (overdueAt != null || !rectificationRunning() || deadline == null || !now.isAfter(deadlineEnd())) {
            return false;
        }
        overdueAt = now;
        step("system", "OVERDUE", "已超过整改期限 " + deadline + "，尚未完成整改");
        return true;
    }

    /** Past its deadline and still not rectified (shown in the overdue list until done). */
    public boolean overdue() {
        return overdueAt != null && rectificationRunning();
    }

    public boolean rectificationRunning() {
        return status == WorkOrderStatus.RECTIFYING || status == WorkOrderStatus.EXTENSION_REQUESTED;
    }

    /** Whether the rectification was (or still can be) finished by the deadline. */
    public boolean onTime() {
        return deadline == null || rectifiedAt == null || !rectifiedAt.isAfter(deadlineEnd());
    }

    /** The last moment of the deadline day (Asia/Shanghai), as stored in {@code deadline}. */
    public OffsetDateTime deadlineEnd() {
        return deadline == null ? null : endOf(deadline);
    }

    static OffsetDateTime endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(Zones.SHANGHAI).toOffsetDateTime().minusSeconds(1);
    }

    // ---- plumbing

    private void verified(Verdict verdict, String note, String actor, OffsetDateTime now) {
        this.verdict = verdict;
        this.verificationNote = blank(note) ? null : note;
        this.verifiedBy = actor;
        this.verifiedAt = now;
    }

    private void close(WorkOrderOutcome outcome, String actor, String action, String note, OffsetDateTime now) {
        this.outcome = outcome;
        this.closedAt = now;
        this.status = WorkOrderStatus.CLOSED;
        step(actor, action, note);
    }

    private void requireOpen(String step) {
        if (status == WorkOrderStatus.CLOSED) {
            throw new WorkOrderAlreadyClosed(step, outcome);
        }
    }

    private void require(String step, WorkOrderStatus... allowed) {
        for (WorkOrderStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw WorkOrderStepRefused.notIn(step, status, allowed);
    }

    private void step(String actor, String action, String note) {
        steps.add(new Step(actor, action, status, note));
    }

    /** Records a step that changes no state (an appeal, a revealed contact, a follow-up rating). */
    void note(String actor, String action, String note) {
        step(actor, action, note);
    }

    List<Step> drainSteps() {
        List<Step> taken = List.copyOf(steps);
        steps.clear();
        return taken;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ---- reading

    public Facts facts() {
        return facts;
    }

    public String id() {
        return facts.id();
    }

    public WorkOrderStatus status() {
        return status;
    }

    public WorkOrderOutcome outcome() {
        return outcome;
    }

    public Verdict verdict() {
        return verdict;
    }

    public String verificationNote() {
        return verificationNote;
    }

    public String verifiedBy() {
        return verifiedBy;
    }

    public OffsetDateTime verifiedAt() {
        return verifiedAt;
    }

    public OffsetDateTime confirmedAt() {
        return confirmedAt;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public RootCause rootCause() {
        return rootCause;
    }

    public String measures() {
        return measures;
    }

    public String rectifiedBy() {
        return rectifiedBy;
    }

    public OffsetDateTime rectifiedAt() {
        return rectifiedAt;
    }

    public String extensionReason() {
        return extensionReason;
    }

    public LocalDate extensionDeadline() {
        return extensionDeadline;
    }

    public int extensionsGranted() {
        return extensionsGranted;
    }

    public FeedbackChannel feedbackChannel() {
        return feedbackChannel;
    }

    public String feedbackMessage() {
        return feedbackMessage;
    }

    public String feedbackBy() {
        return feedbackBy;
    }

    public OffsetDateTime feedbackAt() {
        return feedbackAt;
    }

    public int callbackAttempts() {
        return callbackAttempts;
    }

    public OffsetDateTime calledBackAt() {
        return calledBackAt;
    }

    public int reopenedCount() {
        return reopenedCount;
    }

    public OffsetDateTime overdueAt() {
        return overdueAt;
    }

    public OffsetDateTime closedAt() {
        return closedAt;
    }
}
