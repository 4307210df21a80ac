package org.haochaping.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.identity.AuditLog;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.DataScope;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 问题线索移送 (第十五条): what a rating says about suspected breaches of discipline or law goes to the discipline
 * inspection body (纪检监察) as a restricted record. Only the supervision office (in its region) and auditors read it,
 * every read is written to the audit log, and the rated staff and department never see it (404, as if it did not
 * exist).
 */
@Service
public class Referrals {

    static final String TYPE = "REFERRAL";

    /** A referral as the office and auditors see it. */
    public record Referral(String id, String evaluationId, String workOrderId, String caseNo, String regionCode,
            String departmentCode, String staffNo, String inspectionBody, String suspicion, String status,
            String referredBy, OffsetDateTime referredAt, String conclusion, String concludedBy,
            OffsetDateTime concludedAt) {

        public String statusLabel() {
            return "CONCLUDED".equals(status) ? "已办结" : "已移送";
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Trail trail;
    private final AuditLog audit;
    private final EvaluationManagement evaluations;

    Referrals(JdbcClient jdbc, Clock clock, Trail trail, AuditLog audit, EvaluationManagement evaluations) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.trail = trail;
        this.audit = audit;
        this.evaluations = evaluations;
    }

    @Transactional
    public Referral refer(String evaluationId, String workOrderId, String inspectionBody, String suspicion,
            CurrentUser by) {
        SupervisionAccess.requireSupervisor(by, "移送问题线索");
        EvaluationView rating = evaluationId == null ? null : evaluations.find(evaluationId.strip())
                .filter(e -> by.scope().covers(e.regionCode(), e.departmentCode(), e.serviceBodyCode(), e.staffNo()))
                .orElse(null);
        List<FieldProblem.FieldError> errors = new ArrayList<>();
        if (rating == null) {
            errors.add(new FieldProblem.FieldError("evaluationId", "没有这条评价，或不在您的管辖范围内"));
        }
        if (inspectionBody == null || inspectionBody.isBlank()) {
            errors.add(new FieldProblem.FieldError("inspectionBody", "请填写接收线索的纪检监察机关"));
        }
        if (suspicion == null || suspicion.isBlank()) {
            errors.add(new FieldProblem.FieldError("suspicion", "请填写涉嫌违纪违法的线索内容"));
        }
        if (!errors.isEmpty()) {
            throw new FieldProblem(errors);
        }
        String id = UUID.randomUUID().toString();
        try {
            jdbc.sql("""
                    insert into supervision_referral (id, evaluation_id, work_order_id, case_no, region_code,
                        department_code, service_body_code, staff_no, inspection_body, suspicion, status, referred_by,
                        referred_at)
                    values (:id, :evaluation, :order, :caseNo, :region, :department, :body, :staff, :inspection,
                        :suspicion, 'REFERRED', :by, :at)
                    """).param("id", id).param("evaluation", rating.id())
                    .param("order", workOrderId == null || workOrderId.isBlank() ? null : Trail.cut(workOrderId.strip(), 36))
                    .param("caseNo", rating.caseNo()).param("region", rating.regionCode())
                    .param("department", rating.departmentCode()).param("body", rating.serviceBodyCode())
                    .param("staff", rating.staffNo()).param("inspection", Trail.cut(inspectionBody, 100))
                    .param("suspicion", Trail.cut(suspicion, 2000)).param("by", by.username())
                    .param("at", Zones.now(clock)).update();
        } catch (DuplicateKeyException already) {
            throw DomainProblem.conflict("这条评价的线索已经移送，不能重复移送。");
        }
        // the audit detail names the receiving body only: the suspicion itself stays in the restricted record
        trail.step(TYPE, id, by, "REFERRED", "REFERRED", "移送至 " + inspectionBody);
        return read(id, by);
    }

    @Transactional
    public Referral conclude(String id, String conclusion, CurrentUser by) {
        SupervisionAccess.requireSupervisor(by, "登记线索处理结果");
        Referral r = find(id, by);
        if ("CONCLUDED".equals(r.status())) {
            throw new StepRefused("线索状态不允许登记结果", "只有处于「已移送」状态的线索才能登记处理结果，当前为「已办结」。");
        }
        if (conclusion == null || conclusion.isBlank()) {
            throw FieldProblem.of("conclusion", "请填写纪检监察机关的处理结果");
        }
        jdbc.sql("update supervision_referral set status = 'CONCLUDED', conclusion = :c, concluded_by = :by,"
                        + " concluded_at = :at where id = :id and status = 'REFERRED'")
                .param("c", Trail.cut(conclusion, 2000)).param("by", by.username()).param("at", Zones.now(clock))
                .param("id", id).update();
        trail.step(TYPE, id, by, "CONCLUDED", "CONCLUDED", "已登记处理结果");
        return read(id, by);
    }

    /** One referral, read by the office or an auditor: the read is audited. Anyone else: 404. */
    public Referral read(String id, CurrentUser user) {
        Referral r = find(id, user);
        audit.record("REFERRAL_VIEW", TYPE + ":" + id, "查阅移送线索（办件 " + r.caseNo() + "）");
        return r;
    }

    /** The referrals the office or an auditor may read; the listing is audited too. */
    public List<Referral> list(CurrentUser user) {
        DataScope scope = SupervisionAccess.referralScope(user);
        if (scope.nothing()) {
            return List.of();
        }
        List<Referral> list = jdbc.sql("select * from supervision_referral r where " + scope.sql("r")
                        + " order by r.referred_at desc limit 500")
                .params(scope.params()).query(Referrals::referral).list();
        audit.record("REFERRAL_LIST", TYPE, "查阅移送线索列表（" + list.size() + " 条）");
        return list;
    }

    private Referral find(String id, CurrentUser user) {
        DataScope scope = SupervisionAccess.referralScope(user);
        return jdbc.sql("select * from supervision_referral r where r.id = :id and " + scope.sql("r"))
                .params(scope.params()).param("id", id).query(Referrals::referral).optional()
                .orElseThrow(() -> DomainProblem.notFound("没有这条记录。"));
    }

    private static Referral referral(ResultSet rs, int n) throws SQLException {
        return new Referral(rs.getString("id"), rs.getString("evaluation_id"), rs.getString("work_order_id"),
                rs.getString("case_no"), rs.getString("region_code"), rs.getString("department_code"),
                rs.getString("staff_no"), rs.getString("inspection_body"), rs.getString("suspicion"),
                rs.getString("status"), rs.getString("referred_by"), KeyEntries.time(rs, "referred_at"),
                rs.getString("conclusion"), rs.getString("concluded_by"), KeyEntries.time(rs, "concluded_at"));
    }
}
