package org.haochaping.casework;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;

import org.haochaping.identity.ApiClientPrincipal;
import org.haochaping.identity.PersonalDataVault;
import org.haochaping.system.DomainProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Business systems report cases here, signed; the answer carries the receipt's rating invitation. */
@RestController
class CaseController {

    /** The case as answered to a business system: applicant masked, invitation once completed. */
    record CaseResponse(String caseNo, String itemCode, String itemName, String departmentCode,
            String serviceBodyCode, String windowCode, String staffNo, String staffName, String regionCode,
            CaseStatus status, HandlingForm handlingForm, CaseType caseType, OffsetDateTime acceptedAt,
            OffsetDateTime completedAt, OffsetDateTime generatedAt, SealedIdentity.MaskedIdentity applicant,
            InvitationProvider.Invitation invitation) {
    }

    private final CaseManagement cases;
    private final InvitationProvider invitations;
    private final PersonalDataVault vault;

    CaseController(CaseManagement cases, InvitationProvider invitations, PersonalDataVault vault) {
        this.cases = cases;
        this.invitations = invitations;
        this.vault = vault;
    }

    @PutMapping("/api/v1/cases/{caseNo}")
    ResponseEntity<CaseResponse> report(@PathVariable String caseNo, @Valid @RequestBody CaseReport report,
            @AuthenticationPrincipal ApiClientPrincipal client) {
        requireReporter(client);
        if (!client.mayActFor(report.regionCode())) {
            throw DomainProblem.forbidden("该客户端无权报送行政区划 " + report.regionCode() + " 的办件。");
        }
        CaseManagement.ReportOutcome outcome = cases.report(caseNo, report, client.clientId());
        CaseView c = outcome.stored();
        InvitationProvider.Invitation invitation = c.completed() ? invitations.currentFor(caseNo).orElse(null) : null;
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(response(c, invitation));
    }

    @GetMapping("/api/v1/cases/{caseNo}/invitation")
    InvitationProvider.Invitation invitation(@PathVariable String caseNo,
            @AuthenticationPrincipal ApiClientPrincipal client) {
        requireReporter(client);
        CaseView c = cases.find(caseNo).filter(found -> client.mayActFor(found.regionCode()))
                .orElseThrow(() -> DomainProblem.notFound("办件不存在：" + caseNo));
        if (!c.completed()) {
            throw DomainProblem.conflict("办件尚未办结，不能评价。");
        }
        return invitations.reissue(caseNo);
    }

    private CaseResponse response(CaseView c, InvitationProvider.Invitation invitation) {
        return new CaseResponse(c.caseNo(), c.itemCode(), c.itemName(), c.departmentCode(), c.serviceBodyCode(),
                c.windowCode(), c.staffNo(), c.staffName(), c.regionCode(), c.status(), c.handlingForm(), c.caseType(),
                c.acceptedAt(), c.completedAt(), c.generatedAt(),
                c.applicant() == null ? null : c.applicant().masked(vault), invitation);
    }

    private static void requireReporter(ApiClientPrincipal client) {
        if (client == null || !(client.kind() == ApiClientPrincipal.Kind.BUSINESS_SYSTEM
                || client.kind() == ApiClientPrincipal.Kind.PLATFORM
                || client.kind() == ApiClientPrincipal.Kind.LOWER_PLATFORM)) {
            throw DomainProblem.forbidden("只有经签名认证的业务系统可以报送办件。");
        }
    }
}
