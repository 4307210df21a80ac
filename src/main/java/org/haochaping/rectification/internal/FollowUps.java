package org.haochaping.rectification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.Level;
import org.haochaping.rectification.FollowUpRated;
import org.haochaping.rectification.WorkOrderOutcome;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 追评: after the feedback, the evaluator may rate the response once more (assessNumber 2), with the one-time link of
 * the feedback message. One follow-up per rating, held by the database.
 */
@Service
public class FollowUps {

    static final int MAX_COMMENT = 500;

    /** A stored follow-up rating. */
    public record FollowUp(String evaluationId, String workOrderId, Level level, String comment, int assessNumber,
            OffsetDateTime submittedAt) {
    }

    private final JdbcClient jdbc;
    private final FeedbackTokens tokens;
    private final WorkOrders workOrders;
    private final WorkOrderService service;
    private final EvaluationManagement evaluations;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FollowUps(JdbcClient jdbc, FeedbackTokens tokens, WorkOrders workOrders, WorkOrderService service,
            EvaluationManagement evaluations, Notifications notifications, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.workOrders = workOrders;
        this.service = service;
        this.evaluations = evaluations;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    public Optional<FollowUp> find(String evaluationId) {
        return jdbc.sql("select * from rectification_follow_up where evaluation_id = :e").param("e", evaluationId)
                .query((rs, n) -> new FollowUp(rs.getString("evaluation_id"), rs.getString("work_order_id"),
                        Level.valueOf(rs.getString("level")), rs.getString("comment"), rs.getInt("assess_number"),
                        Zones.inShanghai(rs.getObject("submitted_at", OffsetDateTime.class))))
                .optional();
    }

    /** What the feedback page shows for a link: the order, the rating, and the follow-up if given. */
    public record FeedbackPage(FeedbackTokens.Ticket ticket, WorkOrder order, EvaluationView rating, Optional<FollowUp> followUp) {
    }

    public FeedbackPage page(String token) {
        FeedbackTokens.Ticket ticket = tokens.open(token);
        WorkOrder order = workOrders.find(ticket.workOrderId()).orElseThrow(FeedbackTokens::invalid);
        EvaluationView rating = evaluations.find(ticket.evaluationId()).orElseThrow(FeedbackTokens::invalid);
        return new FeedbackPage(ticket, order, rating, find(ticket.evaluationId()));
    }

    /** Stores the follow-up rating given with the link of the feedback message; the link is used up. */
    @Transactional
    public FollowUp submit(String evaluationId, String token, Level level, String comment) {
        if (token == null || token.isBlank()) {
            throw FieldProblem.of("token", "不能为空");
        }
        FeedbackTokens.Ticket ticket = tokens.open(token);
        if (!ticket.evaluationId().equals(evaluationId)) {
            throw FeedbackTokens.invalid();
        }
        if (level == null) {
            throw FieldProblem.of("level", "请选择满意度等级");
        }
        String cleaned = clean(comment);
        if (find(evaluationId).isPresent()) {
            throw new DomainProblem(HttpStatus.CONFLICT, "已经追评", "您已对本次处理结果追评过，每条差评只能追评一次。");
        }
        if (ticket.used()) {
            throw FeedbackTokens.used();
        }
        WorkOrder order = workOrders.find(ticket.workOrderId()).orElseThrow(FeedbackTokens::invalid);
        if (order.outcome() == WorkOrderOutcome.INVALID) {
            throw new DomainProblem(HttpStatus.GONE, "链接已失效", "该评价已被认定无效，不能追评。");
        }
        tokens.consume(ticket.tokenId());
        OffsetDateTime now = Zones.now(clock);
        try {
            jdbc.sql("""
                    insert into rectification_follow_up (evaluation_id, work_order_id, level, comment, assess_number, submitted_at)
                    values (:e, :o, :level, :comment, 2, :at)
                    """).param("e", evaluationId).param("o", order.id()).param("level", level.name())
                    .param("comment", cleaned).param("at", now).update();
        } catch (DataIntegrityViolationException twice) {
            throw new DomainProblem(HttpStatus.CONFLICT, "已经追评", "您已对本次处理结果追评过，每条差评只能追评一次。");
        }
        service.note(order, "evaluator", "FOLLOW_UP_RATED",
                "评价人追评：" + level.label() + (cleaned == null ? "" : "，" + cleaned));
        notifications.toSupervision(order.facts().regionCode(), order.facts().departmentCode(), order.id(), "FOLLOW_UP",
                "评价人对整改结果追评“" + level.label() + "”（办件 " + order.facts().caseNo() + "）");
        events.publishEvent(new FollowUpRated(evaluationId, order.id(), order.facts().caseNo(),
                order.facts().regionCode(), order.facts().departmentCode(), level, cleaned, now));
        return new FollowUp(evaluationId, order.id(), level, cleaned, 2, now);
    }

    private static String clean(String comment) {
        if (comment == null) {
            return null;
        }
        String cleaned = comment.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_COMMENT) {
            throw FieldProblem.of("comment", "追评内容最多 " + MAX_COMMENT + " 字");
        }
        return cleaned.isEmpty() ? null : cleaned;
    }
}
