package org.haochaping.integrity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.InvalidationReason;
import org.haochaping.evaluation.Level;
import org.haochaping.identity.AuditLog;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.DataScope;
import org.haochaping.identity.RegionCodes;
import org.haochaping.identity.Role;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue of held ratings and its decisions (release, or invalid as fraud confirmed), and the ledger
 * check, for the supervision office within its region. Every decision and every check is audited.
 */
@Service
public class IntegrityManagement {

    static final int MAX_NOTE = 500;

    public record SignalView(String code, String label, int weight, String detail) {
    }

    public record HeldRating(String evaluationId, String caseNo, Level level, String levelLabel, String comment,
            Channel channel, OffsetDateTime submittedAt, boolean valid, String itemName, String regionCode,
            String departmentCode, String serviceBodyCode, String windowCode, String staffNo, int score,
            String status, OffsetDateTime heldAt, List<SignalView> signals) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public record Decision(String evaluationId, String outcome, String note, String decidedBy, OffsetDateTime decidedAt) {
    }

    public record BrokenAt(String regionCode, Long sequence, String evaluationId, String problem) {
    }

    public record Verification(boolean intact, long checked, long ratingsChecked, int regions, BrokenAt firstBrokenAt,
            List<BrokenAt> breaks, OffsetDateTime verifiedAt) {
    }

    public record PastVerification(OffsetDateTime verifiedAt, String scope, boolean intact, long checked,
            String firstBroken, String verifiedBy) {
    }

    /** Per hall or department: ratings scored, with any signal, held now, invalidated; and a count per signal. */
    public record DashboardRow(String code, String name, long scored, long flagged, long held, long invalidated,
            List<Long> perSignal) {
    }

    /** Per day: the same counts; {@code percentOfMax} scales the day's bar. */
    public record DayRow(LocalDate day, long scored, long flagged, long held, long invalidated, int percentOfMax) {
    }

    public record Dashboard(LocalDate from, LocalDate to, List<String> signalCodes, List<String> signalLabels,
            List<DashboardRow> halls, List<DashboardRow> departments, List<DayRow> days) {
    }

    public record ChainHead(String regionCode, String regionName, long entries, String headHash, LocalDate lastAnchorDate,
            String lastAnchorHash) {
    }

    private final Assessments assessments;
    private final EvaluationManagement evaluations;
    private final LedgerVerifier verifier;
    private final SignalDashboard dashboard;
    private final CatalogManagement catalog;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    IntegrityManagement(Assessments assessments, EvaluationManagement evaluations, LedgerVerifier verifier,
            SignalDashboard dashboard, CatalogManagement catalog, AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.dashboard = dashboard;
        this.catalog = catalog;
        this.assessments = assessments;
        this.evaluations = evaluations;
        this.verifier = verifier;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The held ratings of the supervisor's region with their signals, longest held first. */
    public Page<HeldRating> quarantine(CurrentUser user, Integer page, Integer size) {
        DataScope scope = supervisor(user).scope();
        int p = page == null || page < 0 ? 0 : page;
        int s = size == null || size < 1 ? 50 : Math.min(size, 200);
        List<HeldRating> items = assessments.held(scope.sql("r"), scope.params(), p, s).stream()
                .map(this::held).flatMap(Optional::stream).toList();
        return new Page<>(items, p, s, assessments.countHeld(scope.sql("r"), scope.params()));
    }

    /**
     * Decides a held rating: released back into the statistics, or declared invalid as fraud confirmed (kept,
     * marked, excluded). The note is required either way.
     */
    @Transactional
    public Decision decide(String evaluationId, Boolean release, String note, CurrentUser user) {
        supervisor(user);
        if (release == null) {
            throw FieldProblem.of("release", "请说明放行（true）还是认定无效（false）");
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw FieldProblem.of("note", "请填写复核意见");
        }
        if (text.codePointCount(0, text.length()) > MAX_NOTE) {
            throw FieldProblem.of("note", "复核意见最多 " + MAX_NOTE + " 字");
        }
        Assessments.Assessment assessment = assessments.find(evaluationId)
                .filter(a -> user.scope().covers(a.regionCode(), a.departmentCode(), a.serviceBodyCode(), a.staffNo()))
                .orElseThrow(() -> DomainProblem.notFound("隔离审查中没有该评价：" + evaluationId));
        OffsetDateTime now = Zones.now(clock);
        Assessments.Status outcome = release ? Assessments.Status.RELEASED : Assessments.Status.INVALIDATED;
        if (!assessments.decide(evaluationId, outcome, user.username(), text, now)) {
            throw DomainProblem.conflict("该评价已不在隔离审查中（状态：" + assessment.status() + "），无需重复处理。");
        }
        if (release) {
            evaluations.quarantine(evaluationId, false, "复核放行：" + text);
        } else {
            evaluations.invalidate(evaluationId, InvalidationReason.FRAUD_CONFIRMED, text, user.username());
            evaluations.quarantine(evaluationId, false, "复核认定虚假评价，已作无效处理");
        }
        audit.record(release ? "INTEGRITY_RELEASE" : "INTEGRITY_INVALIDATE", "evaluation:" + evaluationId,
                "风险评分 " + assessment.score() + "；复核意见：" + text);
        return new Decision(evaluationId, outcome.name(), text, user.username(), now);
    }

    /**
     * Verifies the rating ledger of the user's regions (the supervision office: its region; the auditor and the
     * administrator: all), optionally narrowed to one region; records and audits the check.
     */
    public Verification verify(CurrentUser user, String regionCode) {
        String prefix = ledgerScope(user);
        if (regionCode != null && !regionCode.isBlank()) {
            String narrowed = RegionCodes.prefixOf(regionCode.trim());
            if (!narrowed.startsWith(prefix)) {
                throw DomainProblem.notFound("无此行政区划的评价存证：" + regionCode);
            }
            prefix = narrowed;
        }
        return record(verifier.verify(prefix), prefix, user.username());
    }

    Verification verifyAll(String by) {
        return record(verifier.verify(""), "", by);
    }

    /** The chains the user may check, with their length, head and latest daily anchor. */
    public List<ChainHead> chains(CurrentUser user) {
        return jdbc.sql("""
                select h.region_code, h.head_seq, h.head_hash, a.anchor_date, a.hash
                from integrity_ledger_head h
                left join integrity_ledger_anchor a on a.region_code = h.region_code and a.anchor_date =
                    (select max(anchor_date) from integrity_ledger_anchor x where x.region_code = h.region_code)
                where h.region_code like :p order by h.region_code
                """).param("p", ledgerScope(user) + "%")
                .query((rs, n) -> new ChainHead(rs.getString(1), null, rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5)))
                .list().stream()
                .map(c -> new ChainHead(c.regionCode(), catalog.region(c.regionCode())
                        .map(CatalogManagement.Region::name).orElse(c.regionCode()), c.entries(), c.headHash(),
                        c.lastAnchorDate(), c.lastAnchorHash()))
                .toList();
    }

    public List<PastVerification> pastVerifications(CurrentUser user) {
        return jdbc.sql("""
                select verified_at, scope, intact, checked, first_broken, verified_by from integrity_verification
                where scope like :p order by verified_at desc, id desc limit 20
                """).param("p", ledgerScope(user) + "%")
                .query((rs, n) -> new PastVerification(Zones.inShanghai(rs.getObject(1, OffsetDateTime.class)),
                        rs.getString(2), rs.getBoolean(3), rs.getLong(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    private Verification record(LedgerVerifier.Result result, String prefix, String by) {
        List<BrokenAt> breaks = result.breaks().stream().map(IntegrityManagement::brokenAt).toList();
        Verification verification = new Verification(result.intact(), result.checked(), result.ratingsChecked(),
                result.regions(), result.firstBrokenAt() == null ? null : brokenAt(result.firstBrokenAt()), breaks,
                result.verifiedAt());
        String first = verification.firstBrokenAt() == null ? null : describe(verification.firstBrokenAt());
        jdbc.sql("""
                insert into integrity_verification (verified_at, scope, intact, checked, first_broken, verified_by)
                values (:at, :scope, :intact, :checked, :first, :by)
                """).param("at", result.verifiedAt()).param("scope", prefix).param("intact", result.intact())
                .param("checked", result.checked()).param("first", first).param("by", by).update();
        audit.recordAs(by, result.intact() ? "LEDGER_VERIFIED" : "LEDGER_BROKEN", "ledger:" + (prefix.isEmpty() ? "*" : prefix),
                "checked=" + result.checked() + (first == null ? "" : "; " + first));
        return verification;
    }

    static String describe(BrokenAt b) {
        String text = "区划 " + b.regionCode() + (b.sequence() == null ? "" : " 第 " + b.sequence() + " 条")
                + (b.evaluationId() == null ? "" : " 评价 " + b.evaluationId()) + "：" + b.problem();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    private static BrokenAt brokenAt(LedgerVerifier.Break b) {
        return new BrokenAt(b.regionCode(), b.sequence(), b.evaluationId(), b.problem());
    }

    private Optional<HeldRating> held(String evaluationId) {
        Optional<Assessments.Assessment> assessment = assessments.find(evaluationId);
        Optional<EvaluationView> rating = evaluations.find(evaluationId);
        if (assessment.isEmpty() || rating.isEmpty()) {
            return Optional.empty();
        }
        Assessments.Assessment a = assessment.get();
        EvaluationView e = rating.get();
        List<SignalView> signals = assessments.signals(evaluationId).stream()
                .map(s -> new SignalView(s.signal().name(), s.signal().label(), s.weight(), s.detail())).toList();
        return Optional.of(new HeldRating(e.id(), e.caseNo(), e.level(), e.level().label(), e.comment(), e.channel(),
                e.submittedAt(), e.valid(), e.itemName(), e.regionCode(), e.departmentCode(), e.serviceBodyCode(),
                e.windowCode(), e.staffNo(), a.score(), a.status().name(), a.heldAt(), signals));
    }

    /** The review queue belongs to the supervision office. */
    static CurrentUser supervisor(CurrentUser user) {
        if (user == null || user.role() != Role.SUPERVISOR) {
            throw DomainProblem.forbidden("隔离审查仅限政务服务管理部门（监督管理）办理。");
        }
        return user;
    }

    /** The region prefix whose chains the user may check: the supervisor's region, everything for auditor/admin. */
    static String ledgerScope(CurrentUser user) {
        if (user == null) {
            throw DomainProblem.forbidden("评价存证校验仅限员工使用。");
        }
        if (user.role() == Role.SUPERVISOR) {
            return RegionCodes.prefixOf(user.regionCode());
        }
        if (user.role() == Role.AUDITOR || user.role() == Role.ADMIN) {
            return "";
        }
        throw DomainProblem.forbidden("评价存证校验仅限政务服务管理部门、审计人员和系统管理员。");
    }

    /** Signals over time per hall and department, for the supervision office, the city office and hall managers. */
    public Dashboard dashboard(CurrentUser user, LocalDate from, LocalDate to) {
        if (user == null || !(user.role() == Role.SUPERVISOR || user.role() == Role.CITY_OFFICE
                || user.role() == Role.HALL_MANAGER)) {
            throw DomainProblem.forbidden("诚信监测仅限政务服务管理部门、市政府办公室和大厅管理员查看。");
        }
        LocalDate end = to != null ? to : Zones.now(clock).toLocalDate();
        LocalDate start = from != null ? from : end.minusDays(29);
        if (start.isAfter(end)) {
            throw FieldProblem.of("from", "开始日期不能晚于结束日期");
        }
        if (start.isBefore(end.minusDays(366))) {
            throw FieldProblem.of("from", "统计区间最长一年");
        }
        return dashboard.build(user.scope(), start, end);
    }
}
