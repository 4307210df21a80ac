package org.haochaping.channels;

import java.util.Optional;

import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseView;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.CaseAlreadyRated;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.identity.ApiClientPrincipal;
import org.haochaping.system.DomainProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Window rating tablets (评价器, 第八条): the window's system presents a finished case, the tablet bound to that
 * window shows item name, case serial number, staff number and staff name with the options, and the rating is
 * recorded with channel {@code WINDOW_DEVICE}. A tablet only ever shows cases of its own window.
 */
@Service
class WindowDevices {

    /** A window tablet as the catalog registers it, with the names it shows. */
    record Tablet(String deviceCode, String name, String serviceBodyCode, String serviceBodyName, String regionCode,
            String windowCode, String windowName) {
    }

    private final CatalogManagement catalog;
    private final CaseManagement cases;
    private final EvaluationManagement evaluations;
    private final Invitations invitations;
    private final Presentations presentations;
    private final RatingService ratings;
    private final ChannelSettings settings;

    WindowDevices(CatalogManagement catalog, CaseManagement cases, EvaluationManagement evaluations,
            Invitations invitations, Presentations presentations, RatingService ratings, ChannelSettings settings) {
        this.catalog = catalog;
        this.cases = cases;
        this.evaluations = evaluations;
        this.invitations = invitations;
        this.presentations = presentations;
        this.ratings = ratings;
        this.settings = settings;
    }

    Optional<Tablet> tablet(String deviceCode) {
        return catalog.device(deviceCode)
                .filter(d -> "WINDOW_DEVICE".equals(d.kind()) && d.windowCode() != null)
                .map(d -> {
                    var body = catalog.serviceBody(d.serviceBodyCode());
                    String windowName = catalog.window(d.windowCode()).map(CatalogManagement.Window::name)
                            .orElse(d.windowCode());
                    return new Tablet(d.code(), d.name(), d.serviceBodyCode(),
                            body.map(CatalogManagement.ServiceBody::name).orElse(d.serviceBodyCode()),
                            body.map(CatalogManagement.ServiceBody::regionCode).orElse(null), d.windowCode(), windowName);
                });
    }

    /**
     * Asks the tablet to show the case now. Allowed to the tablet's own client and to business systems whose scope
     * covers the window; a case of another window is refused (409).
     */
    @Transactional
    Presentations.Presentation present(String deviceCode, String caseNo, ApiClientPrincipal client) {
        Tablet tablet = tablet(deviceCode).orElseThrow(() -> DomainProblem.notFound("评价器不存在：" + deviceCode));
        authorize(client, tablet);
        CaseView c = cases.find(caseNo).filter(found -> client.mayActFor(found.regionCode()))
                .orElseThrow(() -> DomainProblem.notFound("办件不存在：" + caseNo));
        if (!c.completed()) {
            throw DomainProblem.conflict("办件 " + caseNo + " 尚未办结，办结后才能评价。");
        }
        if (!tablet.windowCode().equals(c.windowCode())) {
            throw new DomainProblem(HttpStatus.CONFLICT, "不是本窗口的办件",
                    "办件 " + caseNo + " 不是在评价器 " + deviceCode + " 所在窗口（" + tablet.windowName() + "）办理的。");
        }
        if (evaluations.isRated(caseNo)) {
            throw new CaseAlreadyRated(caseNo);
        }
        invitations.revoke(caseNo, Channel.WINDOW_DEVICE);
        invitations.issue(caseNo, Channel.WINDOW_DEVICE, settings.presentationValidity(), deviceCode);
        return presentations.present(deviceCode, tablet.windowCode(), caseNo, client.clientId(),
                settings.presentationValidity());
    }

    /** The case the tablet shows now, if any; a case rated meanwhile on another channel is no longer shown. */
    Optional<Presentations.Presentation> showing(String deviceCode) {
        Optional<Presentations.Presentation> current = presentations.current(deviceCode);
        if (current.isPresent() && evaluations.isRated(current.get().caseNo())) {
            presentations.caseRated(current.get().caseNo());
            return Optional.empty();
        }
        return current;
    }

    /** Rates the presented case from the tablet (channel {@code WINDOW_DEVICE}). */
    @Transactional
    EvaluationView rate(String deviceCode, String presentationId, RatingInput input) {
        Presentations.Presentation p = presentations.current(deviceCode)
                .filter(current -> current.id().equals(presentationId))
                .orElseThrow(() -> new DomainProblem(HttpStatus.GONE, "本次评价已结束",
                        "该办件已不在评价器上显示（已评价、已超时或已有下一位办事人），请向窗口工作人员咨询。"));
        Invitations.Issued token = invitations.live(p.caseNo(), Channel.WINDOW_DEVICE)
                .orElseThrow(InvitationRefused::expired);
        EvaluationView stored = ratings.rateWithToken(token.token(), input);
        presentations.rated(p.id());
        return stored;
    }

    CaseView caseOf(Presentations.Presentation p) {
        return cases.find(p.caseNo()).orElseThrow(() -> DomainProblem.notFound("办件不存在：" + p.caseNo()));
    }

    private void authorize(ApiClientPrincipal client, Tablet tablet) {
        if (client == null) {
            throw DomainProblem.forbidden("只有评价器或业务系统（签名请求）可以推送办件。");
        }
        if (client.kind() == ApiClientPrincipal.Kind.DEVICE) {
            if (!tablet.deviceCode().equals(client.deviceCode())) {
                throw DomainProblem.forbidden("评价器客户端只能向本机推送办件。");
            }
            return;
        }
        if (client.kind() == ApiClientPrincipal.Kind.BUSINESS_SYSTEM) {
            if (tablet.regionCode() == null || !client.mayActFor(tablet.regionCode())) {
                throw DomainProblem.notFound("评价器不存在：" + tablet.deviceCode());
            }
            return;
        }
        throw DomainProblem.forbidden("只有评价器或业务系统可以推送办件。");
    }
}
