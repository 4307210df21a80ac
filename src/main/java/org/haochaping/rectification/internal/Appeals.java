package org.haochaping.rectification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.InvalidationReason;
import org.haochaping.evaluation.Level;
import org.haochaping.identity.AuditLog;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.DataScope;
import org.haochaping.identity.Role;
import org.haochaping.rectification.AppealDecided;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 申诉复核 (plan 二(五)): the rated staff member or department appeals a bad rating with reasons and evidence; only
 * the supervision office, which is outside the rated department, decides. Upheld, the rating becomes invalid — a new
 * recorded fact, never an edit — and its work order closes.
 */
@Service
public class Appeals {

    static final int MAX_TEXT = 2000;

    private final JdbcClient jdbc;
    private final EvaluationManagement evaluations;
    private final WorkOrders workOrders;
    private final WorkOrderService workOrderService;
    private final Notifications notifications;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Appeals(JdbcClient jdbc, EvaluationManagement evaluations, WorkOrders workOrders, WorkOrderService workOrderService,
            Notifications notifications, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.evaluations = evaluations;
        this.workOrders = workOrders;
        this.workOrderService = workOrderService;
        this.notifications = notifications;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Files an appeal against the user's own bad rating (staff) or their department's (handler). */
    @Transactional
    public Appeal submit(String evaluationId, String reason, String evidence, CurrentUser user) {
        Access.requireStaff(user);
        EvaluationView rating = evaluations.find(evaluationId)
                .orElseThrow(() -> DomainProblem.notFound("评价不存在：" + evaluationId));
        boolean own = (user.role() == Role.STAFF && user.staffNo() != null && user.staffNo().equals(rating.staffNo()))
                || (user.role() == Role.HANDLER && user.departmentCode() != null
                        && user.departmentCode().equals(rating.departmentCode()));
        if (!own) {
            boolean sees = user.readsRatings() && user.scope().covers(rating.regionCode(), rating.departmentCode(),
                    rating.serviceBodyCode(), rating.staffNo());
            if (sees) {
                throw DomainProblem.forbidden("只有被评价的工作人员或被评价部门可以对差评提出申诉。");
            }
            throw DomainProblem.notFound("评价不存在：" + evaluationId);
        }
        if (reason == null || reason.isBlank()) {
            throw FieldProblem.of("reason", "请填写申诉理由");
        }
        if (reason.length() > MAX_TEXT) {
            throw FieldProblem.of("reason", "最长 " + MAX_TEXT + " 字");
        }
        if (evidence != null && evidence.length() > MAX_TEXT) {
            throw FieldProblem.of("evidence", "最长 " + MAX_TEXT + " 字");
        }
        if (!rating.level().isBad()) {
            throw DomainProblem.conflict("只能对差评（不满意、非常不满意）提出申诉。");
        }
        if (!rating.valid()) {
            throw DomainProblem.conflict("该评价已被认定无效，无需申诉。");
        }
        if (find(evaluationId).isPresent()) {
            throw new DomainProblem(HttpStatus.CONFLICT, "已提出申诉", "该评价已提出过申诉，每条差评只能申诉一次。");
        }
        Optional<WorkOrder> order = workOrders.findByEvaluation(evaluationId);
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = Zones.now(clock);
        try {
            jdbc.sql("""
                    insert into rectification_appeal (id, evaluation_id, work_order_id, case_no, level, item_code,
                        region_code, department_code, service_body_code, staff_no, rated_at, appellant, appellant_role,
                        reason, evidence, status, submitted_at)
                    values (:id, :e, :o, :caseNo, :level, :item, :region, :department, :body, :staff, :ratedAt, :who,
                        :role, :reason, :evidence, 'PENDING', :now)
                    """).param("id", id).param("e", evaluationId).param("o", order.map(WorkOrder::id).orElse(null))
                    .param("caseNo", rating.caseNo()).param("level", rating.level().name())
                    .param("item", rating.itemCode()).param("region", rating.regionCode())
                    .param("department", rating.departmentCode()).param("body", rating.serviceBodyCode())
                    .param("staff", rating.staffNo()).param("ratedAt", rating.submittedAt())
                    .param("who", user.username()).param("role", user.role().name()).param("reason", reason.strip())
                    .param("evidence", evidence == null || evidence.isBlank() ? null : evidence.strip())
                    .param("now", now).update();
        } catch (DuplicateKeyException twice) {
            throw new DomainProblem(HttpStatus.CONFLICT, "已提出申诉", "该评价已提出过申诉，每条差评只能申诉一次。");
        }
        order.ifPresent(o -> workOrderService.note(o, user.username(), "APPEALED",
                user.role().label() + "提出申诉：" + reason.strip()));
        notifications.toSupervision(rating.regionCode(), rating.departmentCode(), order.map(WorkOrder::id).orElse(null),
                "APPEAL_SUBMITTED", user.role().label() + "对一条" + rating.level().label() + "评价提出申诉，待复核");
        audit.recordAs(user.username(), "APPEAL_SUBMITTED", "evaluation:" + evaluationId, "appeal " + id);
        return find(evaluationId).orElseThrow();
    }

    /** Decides a pending appeal: the supervision office only, never someone of the rated department. */
    @Transactional
    public Appeal decide(String appealId, Boolean upheld, String note, CurrentUser user) {
        Access.requireStaff(user);
        Appeal appeal = get(appealId, user);
        if (user.role() != Role.SUPERVISOR || appeal.departmentCode().equals(user.departmentCode())
                || appeal.appellant().equals(user.username())) {
            throw DomainProblem.forbidden("申诉须由被评价部门以外的政务服务管理部门复核。");
        }
        if (upheld == null) {
            throw FieldProblem.of("upheld", "请选择申诉是否成立");
        }
        if (note == null || note.isBlank()) {
            throw FieldProblem.of("note", "请填写复核意见");
        }
        if (note.length() > MAX_TEXT) {
            throw FieldProblem.of("note", "最长 " + MAX_TEXT + " 字");
        }
        OffsetDateTime now = Zones.now(clock);
        AppealStatus status = upheld ? AppealStatus.UPHELD : AppealStatus.REJECTED;
        int updated = jdbc.sql("""
                update rectification_appeal set status = :status, decided_by = :by, decided_at = :now, decision_note = :note
                where id = :id and status = 'PENDING'
                """).param("status", status.name()).param("by", user.username()).param("now", now)
                .param("note", note.strip()).param("id", appealId).update();
        if (updated == 0) {
            throw new DomainProblem(HttpStatus.CONFLICT, "申诉已复核", "该申诉已经复核，结论为：" + appeal.status().label() + "。");
        }
        if (upheld) {
            evaluations.invalidate(appeal.evaluationId(), InvalidationReason.APPEAL_UPHELD, note.strip(), user.username());
            workOrderService.closeBecauseInvalid(appeal.evaluationId(), "申诉成立，评价无效：" + note.strip(),
                    user.username());
        } else {
            workOrders.findByEvaluation(appeal.evaluationId()).ifPresent(o -> workOrderService.note(o,
                    user.username(), "APPEAL_REJECTED", "申诉不成立：" + note.strip()));
        }
        notifications.toDepartment(appeal.regionCode(), appeal.departmentCode(), appeal.workOrderId(), "APPEAL_DECIDED",
                "申诉复核结果：" + status.label() + "（" + note.strip() + "）");
        audit.recordAs(user.username(), "APPEAL_" + status.name(), "evaluation:" + appeal.evaluationId(),
                "appeal " + appealId + "：" + note.strip());
        events.publishEvent(new AppealDecided(appealId, appeal.evaluationId(), appeal.caseNo(), appeal.regionCode(),
                appeal.departmentCode(), upheld, user.username(), now));
        return find(appeal.evaluationId()).orElseThrow();
    }

    /** An appeal the user may see (else 404). */
    public Appeal get(String appealId, CurrentUser user) {
        DataScope scope = Access.appealScope(user);
        return jdbc.sql("select * from rectification_appeal where id = :id").param("id", appealId).query(this::map)
                .optional()
                .filter(a -> scope.covers(a.regionCode(), a.departmentCode(), a.serviceBodyCode(), a.staffNo()))
                .orElseThrow(() -> DomainProblem.notFound("申诉不存在：" + appealId));
    }

    public Optional<Appeal> find(String evaluationId) {
        return jdbc.sql("select * from rectification_appeal where evaluation_id = :e").param("e", evaluationId)
                .query(this::map).optional();
    }

    /** The appeals the user may see, newest first, optionally of one status. */
    public Page<Appeal> list(AppealStatus status, int page, int size, CurrentUser user) {
        DataScope scope = Access.appealScope(user);
        String where = scope.sql("a") + (status == null ? "" : " and a.status = :status");
        Map<String, Object> params = new HashMap<>(scope.params());
        if (status != null) {
            params.put("status", status.name());
        }
        List<Appeal> items = jdbc.sql("select a.* from rectification_appeal a where " + where
                        + " order by a.submitted_at desc, a.id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size).query(this::map).list();
        long total = jdbc.sql("select count(*) from rectification_appeal a where " + where).params(params)
                .query(Long.class).single();
        return new Page<>(items, page, size, total);
    }

    /** A bad rating the user could still appeal (their own, valid, not appealed yet), from its work order. */
    public record Appealable(String evaluationId, String workOrderId, Level level, String itemCode,
            OffsetDateTime ratedAt, String staffNo) {
    }

    public List<Appealable> appealable(CurrentUser user) {
        if (user == null || (user.role() != Role.STAFF && user.role() != Role.HANDLER)) {
            return List.of();
        }
        DataScope scope = user.scope();
        return jdbc.sql("select w.* from rectification_work_order w where " + scope.sql("w")
                        + " and (w.outcome is null or w.outcome <> 'INVALID')"
                        + " and not exists (select 1 from rectification_appeal a where a.evaluation_id = w.evaluation_id)"
                        + " order by w.rated_at desc limit 50")
                .params(scope.params())
                .query((rs, n) -> new Appealable(rs.getString("evaluation_id"), rs.getString("id"),
                        Level.valueOf(rs.getString("level")), rs.getString("item_code"),
                        Zones.inShanghai(rs.getObject("rated_at", OffsetDateTime.class)), rs.getString("staff_no")))
                .list();
    }

    private Appeal map(ResultSet rs, int row) throws SQLException {
        return new Appeal(rs.getString("id"), rs.getString("evaluation_id"), rs.getString("work_order_id"),
                rs.getString("case_no"), Level.valueOf(rs.getString("level")), rs.getString("item_code"),
                rs.getString("region_code"), rs.getString("department_code"), rs.getString("service_body_code"),
                rs.getString("staff_no"), time(rs, "rated_at"), rs.getString("appellant"),
                rs.getString("appellant_role"), rs.getString("reason"), rs.getString("evidence"),
                AppealStatus.valueOf(rs.getString("status")), time(rs, "submitted_at"), rs.getString("decided_by"),
                time(rs, "decided_at"), rs.getString("decision_note"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return Zones.inShanghai(rs.getObject(column, OffsetDateTime.class));
    }
}
