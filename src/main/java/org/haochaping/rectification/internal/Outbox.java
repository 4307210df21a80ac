package org.haochaping.rectification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.haochaping.rectification.FeedbackChannel;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the evaluator is told about their bad rating (第十条), kept with its channel. Online and app messages are
 * posted to the evaluator's feedback page at once; SMS messages wait here (PENDING) for the SMS gateway to send them.
 */
@Service
public class Outbox {

    /** A message to the evaluator. */
    public record Message(String id, String kind, FeedbackChannel channel, String body, String tokenId,
            String status, String createdBy, OffsetDateTime createdAt) {

        public String statusLabel() {
            return switch (status) {
                case "PENDING" -> "待短信网关发送";
                case "POSTED" -> "已发布到用户中心";
                case "RECORDED" -> "已电话告知";
                case "SENT" -> "已发送";
                case "FAILED" -> "发送失败";
                default -> status;
            };
        }

        public String kindLabel() {
            return "EXPLANATION".equals(kind) ? "核实说明" : "整改反馈";
        }

        public boolean hasLink() {
            return tokenId != null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(WorkOrder order, String kind, FeedbackChannel channel, String body, String tokenId, String actor) {
        String status = switch (channel) {
            case SMS -> "PENDING";
            case PHONE -> "RECORDED";
            default -> "POSTED";
        };
        jdbc.sql("""
                insert into rectification_outbox (id, work_order_id, evaluation_id, kind, channel, body, token_id,
                    status, created_by, created_at)
                values (:id, :order, :evaluation, :kind, :channel, :body, :token, :status, :by, :at)
                """).param("id", UUID.randomUUID().toString()).param("order", order.id())
                .param("evaluation", order.facts().evaluationId()).param("kind", kind).param("channel", channel.name())
                .param("body", WorkOrders.truncate(body, 2500)).param("token", tokenId).param("status", status)
                .param("by", actor).param("at", Zones.now(clock)).update();
    }

    public List<Message> forOrder(String workOrderId) {
        return jdbc.sql("select * from rectification_outbox where work_order_id = :id order by created_at, id")
                .param("id", workOrderId)
                .query((rs, n) -> new Message(rs.getString("id"), rs.getString("kind"),
                        FeedbackChannel.valueOf(rs.getString("channel")), rs.getString("body"), rs.getString("token_id"),
                        rs.getString("status"), rs.getString("created_by"),
                        Zones.inShanghai(rs.getObject("created_at", OffsetDateTime.class))))
                .list();
    }
}
