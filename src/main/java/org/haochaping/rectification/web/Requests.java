package org.haochaping.rectification.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.haochaping.evaluation.Level;
import org.haochaping.rectification.FeedbackChannel;
import org.haochaping.rectification.RootCause;
import org.haochaping.rectification.SupervisionKind;
import org.haochaping.rectification.Verdict;

/** The JSON bodies of the bad-review loop's API (api.md, "Staff API"). */
final class Requests {

    private Requests() {
    }

    record Verification(Verdict verdict, @Size(max = 1000, message = "最长 1000 字") String note) {
    }

    record Rectification(@Size(max = 2000, message = "最长 2000 字") String measures, RootCause rootCause) {
    }

    record Extension(@Size(max = 1000, message = "最长 1000 字") String reason, LocalDate newDeadline) {
    }

    record ExtensionDecision(Boolean approved, @Size(max = 1000, message = "最长 1000 字") String note) {
    }

    record Feedback(FeedbackChannel channel, @Size(max = 1000, message = "最长 1000 字") String message) {
    }

    record CallBack(Boolean reached, Boolean satisfied, @Size(max = 1000, message = "最长 1000 字") String note) {
    }

    record Reveal(@Size(max = 200, message = "最长 200 字") String purpose) {
    }

    record Appeal(@Size(max = 2000, message = "最长 2000 字") String reason,
            @Size(max = 2000, message = "最长 2000 字") String evidence) {
    }

    record AppealDecision(Boolean upheld, @Size(max = 2000, message = "最长 2000 字") String note) {
    }

    record FollowUp(@Size(max = 64, message = "最长 64 个字符") String token, Level level,
            @Size(max = 2000, message = "最长 500 字") String comment) {
    }

    record Problem(@Size(max = 200, message = "最长 200 字") String title,
            @Size(max = 2000, message = "最长 2000 字") String description,
            @Size(max = 32, message = "最长 32 个字符") String departmentCode,
            @Size(max = 100, message = "最长 100 字") String owner, LocalDate deadline,
            @Size(max = 200, message = "一次最多 200 条") List<@Size(max = 36, message = "无效的工单编号") String> workOrderIds) {
    }

    record WorkOrderIds(
            @Size(max = 200, message = "一次最多 200 条") List<@Size(max = 36, message = "无效的工单编号") String> workOrderIds) {
    }

    record Solution(@Size(max = 2000, message = "最长 2000 字") String solution) {
    }

    record SupervisionRecord(SupervisionKind kind, @Size(max = 32, message = "最长 32 个字符") String departmentCode,
            @Size(max = 32, message = "最长 32 个字符") String staffNo,
            @Size(max = 36, message = "无效的工单编号") String workOrderId, LocalDate happenedOn,
            @Size(max = 2000, message = "最长 2000 字") String summary) {
    }
}
