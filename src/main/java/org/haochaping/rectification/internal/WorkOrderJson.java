package org.haochaping.rectification.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.haochaping.casework.SealedIdentity;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.Dimension;
import org.haochaping.evaluation.Level;
import org.haochaping.rectification.FeedbackChannel;
import org.haochaping.rectification.RootCause;
import org.haochaping.rectification.Verdict;
import org.haochaping.rectification.WorkOrderOutcome;
import org.haochaping.rectification.WorkOrderStatus;

/**
 * A work order as a staff member sees it (api.md "A work order"). The list leaves out the rating's content, the
 * history and the messages; the evaluator (masked) is present only for the supervision office.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkOrderJson(String id, String evaluationId, String caseNo, Level level, String levelLabel,
        String itemCode, String itemName, String regionCode, String departmentCode, String departmentName,
        String serviceBodyCode, String windowCode, String staffNo, boolean realName, WorkOrderStatus status,
        String statusLabel, WorkOrderOutcome outcome, String outcomeLabel, OffsetDateTime ratedAt,
        OffsetDateTime openedAt, LocalDate deadline, boolean overdue, Long daysLeft, Verification verification,
        ExtensionRequest extension, int extensionsGranted, Rectification rectification, Feedback feedback,
        FollowUpJson followUp, int callbackAttempts, OffsetDateTime calledBackAt, int reopenedCount,
        OffsetDateTime closedAt, Rating rating, SealedIdentity.MaskedIdentity evaluator, List<HistoryJson> history,
        List<MessageJson> messages, AppealJson appeal, List<String> actions) {

    public record Verification(Verdict verdict, String verdictLabel, String note, String by, OffsetDateTime at) {
    }

    public record ExtensionRequest(String reason, LocalDate newDeadline) {
    }

    public record Rectification(RootCause rootCause, String rootCauseLabel, String measures, String by,
            OffsetDateTime at, boolean onTime) {
    }

    public record Feedback(FeedbackChannel channel, String channelLabel, String message, String by,
            OffsetDateTime at) {
    }

    public record FollowUpJson(Level level, String levelLabel, String comment, int assessNumber,
            OffsetDateTime submittedAt) {
    }

    /** The rating's content (the department sees it: it must investigate). */
    public record Rating(Channel channel, String channelLabel, String comment, List<String> reasons,
            Map<Dimension, Level> dimensions, boolean valid) {
    }

    public record HistoryJson(OffsetDateTime at, String actor, String action, String actionLabel,
            WorkOrderStatus statusAfter, String statusLabel, String note) {
    }

    /** A message to the evaluator; its follow-up link is shown to the supervision office only. */
    public record MessageJson(String kind, String kindLabel, FeedbackChannel channel, String channelLabel, String text,
            String status, String statusLabel, OffsetDateTime createdAt, String createdBy) {
    }

    public boolean can(String action) {
        return actions != null && actions.contains(action);
    }

    static String actionLabel(String action) {
        return switch (action) {
            case "OPENED" -> "生成工单";
            case "VERIFIED_CONFIRMED" -> "核实属实";
            case "VERIFIED_UNFOUNDED" -> "核实不属实";
            case "VERIFIED_MALICIOUS" -> "认定恶意差评";
            case "RECTIFIED" -> "提交整改结果";
            case "EXTENSION_REQUESTED" -> "申请延期";
            case "EXTENSION_APPROVED" -> "同意延期";
            case "EXTENSION_REJECTED" -> "不同意延期";
            case "FEEDBACK_GIVEN" -> "反馈评价人";
            case "CALLBACK_UNREACHED" -> "回访未联系上";
            case "CALLED_BACK_SATISFIED" -> "回访满意";
            case "REOPENED" -> "回访不满意，重新整改";
            case "CLOSED" -> "办结";
            case "CLOSED_INVALID" -> "评价无效，办结";
            case "RATING_INVALIDATED" -> "评价被认定无效";
            case "OVERDUE" -> "逾期";
            case "CONTACT_REVEALED" -> "查看评价人联系方式";
            case "APPEALED" -> "提出申诉";
            case "APPEAL_REJECTED" -> "申诉不成立";
            case "FOLLOW_UP_RATED" -> "评价人追评";
            case "SUPERVISION_RECORDED" -> "监督记录";
            case "PROBLEM_LINKED" -> "纳入问题台账";
            default -> action;
        };
    }

    static String actorLabel(String actor) {
        return switch (actor) {
            case "system" -> "系统";
            case "evaluator" -> "评价人";
            default -> actor;
        };
    }
}
