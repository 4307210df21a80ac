package org.haochaping.channels;

import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseView;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.CaseAlreadyRated;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.identity.ApiClientPrincipal;
import org.haochaping.system.DomainProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-service terminals (第八条): after finishing on a terminal, the rating page opens by itself and shows the
 * item, the case serial number and the terminal's number. The link is short-lived because the next person may
 * stand at the same screen; the rating records channel {@code TERMINAL}.
 */
@Service
class Terminals {

    private final CatalogManagement catalog;
    private final CaseManagement cases;
    private final EvaluationManagement evaluations;
    private final Invitations invitations;
    private final Links links;
    private final ChannelSettings settings;

    Terminals(CatalogManagement catalog, CaseManagement cases, EvaluationManagement evaluations,
            Invitations invitations, Links links, ChannelSettings settings) {
        this.catalog = catalog;
        this.cases = cases;
        this.evaluations = evaluations;
        this.invitations = invitations;
        this.links = links;
        this.settings = settings;
    }

    @Transactional
    DeviceApiController.TerminalInvitation invite(String terminalCode, String caseNo, ApiClientPrincipal client) {
        if (!terminalCode.equals(client.deviceCode())) {
            throw DomainProblem.forbidden("自助终端客户端只能为本机申请评价页面。");
        }
        CatalogManagement.Device terminal = catalog.device(terminalCode).filter(d -> "TERMINAL".equals(d.kind()))
                .orElseThrow(() -> DomainProblem.notFound("自助终端不存在：" + terminalCode));
        CaseView c = cases.find(caseNo).filter(found -> client.mayActFor(found.regionCode()))
                .orElseThrow(() -> DomainProblem.notFound("办件不存在：" + caseNo));
        if (!c.completed()) {
            throw DomainProblem.conflict("办件 " + caseNo + " 尚未办结，办结后才能评价。");
        }
        if (!terminal.serviceBodyCode().equals(c.serviceBodyCode())) {
            throw new DomainProblem(HttpStatus.CONFLICT, "不是本大厅的办件",
                    "办件 " + caseNo + " 不是在自助终端 " + terminalCode + " 所在的政务服务机构办理的。");
        }
        if (evaluations.isRated(caseNo)) {
            throw new CaseAlreadyRated(caseNo);
        }
        Invitations.Issued issued = invitations.issue(caseNo, Channel.TERMINAL, settings.terminalTokenValidity(),
                terminalCode);
        return new DeviceApiController.TerminalInvitation(links.ratingPage(issued.token()), caseNo, terminalCode,
                issued.expiresAt());
    }
}
