package org.haochaping.casework;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.PersonalDataVault;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Receives cases from business systems and answers what other modules need to know about a case. */
@Service
public class CaseManagement {

    /** 办件编号: an..50 (GB/T 39046). */
    static final Pattern CASE_NO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-]{0,49}");

    public record ReportOutcome(CaseView stored, boolean created, boolean changed) {
    }

    private final Cases cases;
    private final CatalogManagement catalog;
    private final PersonalDataVault vault;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseManagement(Cases cases, CatalogManagement catalog, PersonalDataVault vault, ApplicationEventPublisher events,
            Clock clock) {
        this.cases = cases;
        this.catalog = catalog;
        this.vault = vault;
        this.events = events;
        this.clock = clock;
    }

    public Optional<CaseView> find(String caseNo) {
        return cases.find(caseNo);
    }

    /**
     * The cases completed at a window since a moment whose applicant has the given mobile, found by the keyed SM3
     * index of the mobile (never by decrypting), newest first — for the static window QR, where a person proves their
     * mobile and rates their recent cases.
     */
    public List<CaseView> recentCompletedAt(String windowCode, String mobileIndex, OffsetDateTime since, int limit) {
        if (windowCode == null || mobileIndex == null) {
            return List.of();
        }
        return cases.completedAtWindow(windowCode, mobileIndex, since, limit);
    }

    /**
     * The owners of those of the given cases that another platform owns (case number to owner); the cases this
     * instance owns are not in the map.
     */
    public Map<String, CaseOrigin> ownersOf(Collection<String> caseNos) {
        List<String> distinct = caseNos.stream().filter(Objects::nonNull).distinct().toList();
        return distinct.isEmpty() ? Map.of() : cases.owners(distinct);
    }

    public static boolean validCaseNo(String caseNo) {
        return caseNo != null && CASE_NO.matcher(caseNo).matches();
    }

    /**
     * Stores a reported case; sending the same case again changes nothing. A completed case cannot be reported as
     * unfinished again. Publishes {@link CaseCompleted} when the case first completes.
     */
    @Transactional
    public ReportOutcome report(String caseNo, CaseReport report, String reportedBy) {
        return report(caseNo, report, reportedBy, null);
    }

    /**
     * Stores a case another platform reported and owns ({@code origin}; null: this instance owns it), as
     * {@link #report(String, CaseReport, String)} does. The owner is fixed when the case is first stored: only the
     * owner handles the case (domain §8, one handler), so the events of a case owned elsewhere say so.
     */
    @Transactional
    public ReportOutcome report(String caseNo, CaseReport report, String reportedBy, CaseOrigin origin) {
        if (!validCaseNo(caseNo)) {
            throw FieldProblem.of("caseNo", "办件编号须为 1 到 50 位字母、数字、- 或 _");
        }
        checkReferences(report);
        OffsetDateTime now = Zones.now(clock);
        Optional<CaseView> existing = cases.find(caseNo);
        // the owner is fixed when the case is first stored
        CaseView incoming = toView(caseNo, report, now, existing.isPresent() ? existing.get().origin() : origin);
        if (existing.isPresent()) {
            CaseView old = existing.get();
            if (sameFacts(old, incoming)) {
                return new ReportOutcome(old, false, false);
            }
            if (old.completed() && !incoming.completed()) {
                throw DomainProblem.conflict("办件 " + caseNo + " 已办结，不能再改为未办结状态。");
            }
            if (old.completed()) {
                // the completion facts of a completed case are fixed: they start the default clock and the invitation
                incoming = withCompletion(incoming, old.completedAt(), old.generatedAt());
            }
        }
        cases.upsert(incoming, reportedBy, now, existing.isEmpty());
        if (incoming.completed() && existing.map(c -> !c.completed()).orElse(true)) {
            events.publishEvent(new CaseCompleted(caseNo, incoming.regionCode(), incoming.departmentCode(),
                    incoming.serviceBodyCode(), incoming.windowCode(), incoming.staffNo(), incoming.completedAt(),
                    incoming.generatedAt(), incoming.origin() == null ? null : incoming.origin().clientId()));
        }
        return new ReportOutcome(incoming, existing.isEmpty(), true);
    }

    private void checkReferences(CaseReport report) {
        if (catalog.region(report.regionCode()).isEmpty()) {
            throw FieldProblem.of("regionCode", "未知的行政区划代码");
        }
        if (catalog.department(report.departmentCode()).isEmpty()) {
            throw FieldProblem.of("departmentCode", "未知的部门编码");
        }
        if (report.serviceBodyCode() != null && catalog.serviceBody(report.serviceBodyCode()).isEmpty()) {
            throw FieldProblem.of("serviceBodyCode", "未知的政务服务机构编码");
        }
        if (report.windowCode() != null) {
            var window = catalog.window(report.windowCode())
                    .orElseThrow(() -> FieldProblem.of("windowCode", "未知的窗口编码"));
            if (report.serviceBodyCode() != null && !window.serviceBodyCode().equals(report.serviceBodyCode())) {
                throw FieldProblem.of("windowCode", "窗口不属于所报的政务服务机构");
            }
        }
        if (report.status() == CaseStatus.COMPLETED && report.completedAt() != null && report.acceptedAt() != null
                && report.completedAt().isBefore(report.acceptedAt())) {
            throw FieldProblem.of("completedAt", "办结时间不能早于受理时间");
        }
    }

    private CaseView toView(String caseNo, CaseReport r, OffsetDateTime now, CaseOrigin origin) {
        String body = r.serviceBodyCode();
        if (body == null && r.windowCode() != null) {
            body = catalog.window(r.windowCode()).map(CatalogManagement.Window::serviceBodyCode).orElse(null);
        }
        OffsetDateTime completedAt = r.status() == CaseStatus.COMPLETED ? orNow(r.completedAt(), now) : null;
        OffsetDateTime generatedAt = r.status() == CaseStatus.COMPLETED ? orNow(r.generatedAt() != null ? r.generatedAt() : completedAt, now) : at(r.generatedAt());
        return new CaseView(caseNo, r.itemCode().trim(), r.itemName().trim(), r.departmentCode(), body, r.windowCode(),
                r.staffNo(), r.staffName(), r.regionCode(), r.status(), r.handlingForm(), r.caseType(),
                at(r.acceptedAt()), completedAt, generatedAt, SealedIdentity.seal(r.applicant(), vault), origin);
    }

    private static CaseView withCompletion(CaseView c, OffsetDateTime completedAt, OffsetDateTime generatedAt) {
        return new CaseView(c.caseNo(), c.itemCode(), c.itemName(), c.departmentCode(), c.serviceBodyCode(),
                c.windowCode(), c.staffNo(), c.staffName(), c.regionCode(), c.status(), c.handlingForm(), c.caseType(),
                c.acceptedAt(), completedAt, generatedAt, c.applicant(), c.origin());
    }

    private boolean sameFacts(CaseView a, CaseView b) {
        return a.itemCode().equals(b.itemCode()) && a.itemName().equals(b.itemName())
                && a.departmentCode().equals(b.departmentCode()) && Objects.equals(a.serviceBodyCode(), b.serviceBodyCode())
                && Objects.equals(a.windowCode(), b.windowCode()) && Objects.equals(a.staffNo(), b.staffNo())
                && Objects.equals(a.staffName(), b.staffName()) && a.regionCode().equals(b.regionCode())
                && a.status() == b.status() && a.handlingForm() == b.handlingForm() && a.caseType() == b.caseType()
                && sameTime(a.acceptedAt(), b.acceptedAt())
                && (a.completed() || sameTime(a.generatedAt(), b.generatedAt()))
                && sameApplicant(a.applicant(), b.applicant());
    }

    private boolean sameApplicant(SealedIdentity a, SealedIdentity b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.type() == b.type() && Objects.equals(a.idType(), b.idType()) && Objects.equals(a.idIndex(), b.idIndex())
                && Objects.equals(a.mobileIndex(), b.mobileIndex())
                && Objects.equals(vault.unseal(a.name()), vault.unseal(b.name()));
    }

    private static boolean sameTime(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.toInstant().equals(b.toInstant());
    }

    private static OffsetDateTime orNow(OffsetDateTime time, OffsetDateTime now) {
        return time == null ? now : at(time);
    }

    private static OffsetDateTime at(OffsetDateTime time) {
        return time == null ? null : Zones.inShanghai(time).truncatedTo(ChronoUnit.MICROS);
    }
}
