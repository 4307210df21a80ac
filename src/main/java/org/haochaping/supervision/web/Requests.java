package org.haochaping.supervision.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/** The JSON bodies of the supervision and appraisal API. */
final class Requests {

    private Requests() {
    }

    record Proposal(@Size(max = 10, message = "无效的统计周期") String period) {
    }

    record Note(@Size(max = 2000, message = "最长 2000 字") String note) {
    }

    record Measures(@Size(max = 2000, message = "最长 2000 字") String measures, LocalDate deadline) {
    }

    record Acceptance(Boolean accepted, @Size(max = 2000, message = "最长 2000 字") String note) {
    }

    record Coaching(@Size(max = 32, message = "最长 32 个字符") String staffNo,
            @Size(max = 36, message = "无效的记录编号") String keyEntryId,
            @Size(max = 2000, message = "最长 2000 字") String coaching, LocalDate coachedOn, LocalDate reviewOn) {
    }

    record Review(Boolean improved, @Size(max = 2000, message = "最长 2000 字") String note,
            LocalDate reassignmentDeadline) {
    }

    record Deduction(@Size(max = 36, message = "无效的工单编号") String workOrderId, Boolean againstDepartment,
            Boolean againstStaff, BigDecimal points, @Size(max = 1000, message = "最长 1000 字") String reason,
            Boolean losesEligibility) {
    }

    record Referral(@Size(max = 36, message = "无效的评价编号") String evaluationId,
            @Size(max = 36, message = "无效的工单编号") String workOrderId,
            @Size(max = 100, message = "最长 100 字") String inspectionBody,
            @Size(max = 2000, message = "最长 2000 字") String suspicion) {
    }

    record Conclusion(@Size(max = 2000, message = "最长 2000 字") String conclusion) {
    }

    record RevisionRequest(@Size(max = 36, message = "无效的问题编号") String problemId,
            @Size(max = 64, message = "无效的事项编码") String itemCode,
            @Size(max = 2000, message = "最长 2000 字") String request, LocalDate dueOn) {
    }

    record Revision(@Size(max = 2000, message = "最长 2000 字") String revision) {
    }

    record Decision(Boolean accepted, @Size(max = 2000, message = "最长 2000 字") String note) {
    }

    record NoticeDraft(@Size(max = 200, message = "最长 200 字") String title,
            @Size(max = 20000, message = "最长 20000 字") String body) {
    }
}
