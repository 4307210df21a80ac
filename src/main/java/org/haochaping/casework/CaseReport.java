package org.haochaping.casework;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A case as a business system reports it ({@code PUT /api/v1/cases/{caseNo}}). */
public record CaseReport(
        @NotBlank(message = "不能为空") @Size(max = 64, message = "最长 64 个字符") String itemCode,
        @NotBlank(message = "不能为空") @Size(max = 200, message = "最长 200 个字符") String itemName,
        @NotBlank(message = "不能为空") @Size(max = 32, message = "最长 32 个字符") String departmentCode,
        @Size(max = 32, message = "最长 32 个字符") String serviceBodyCode,
        @Size(max = 32, message = "最长 32 个字符") String windowCode,
        @Size(max = 32, message = "最长 32 个字符") String staffNo,
        @Size(max = 50, message = "最长 50 个字符") String staffName,
        @NotBlank(message = "不能为空") @Size(max = 12, message = "最长 12 个字符") String regionCode,
        @Valid PersonalIdentity applicant,
        HandlingForm handlingForm,
        CaseType caseType,
        @NotNull(message = "不能为空") CaseStatus status,
        OffsetDateTime acceptedAt,
        OffsetDateTime completedAt,
        OffsetDateTime generatedAt) {
}
