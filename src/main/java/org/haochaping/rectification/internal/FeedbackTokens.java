package org.haochaping.rectification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;

import org.haochaping.system.DomainProblem;
import org.haochaping.system.SignedIds;
import org.haochaping.system.Zones;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One-time links to the evaluator's feedback page ({@code /f/{token}}): a random id followed by its HMAC-SM3
 * signature, so a link cannot be guessed or altered; single use (the follow-up rating uses it up) and expiring.
 * Only the id is stored.
 */
@Service
public class FeedbackTokens {

    /** What a valid link opens. */
    public record Ticket(String tokenId, String workOrderId, String evaluationId, OffsetDateTime expiresAt,
            boolean used) {
    }

    private final JdbcClient jdbc;
    private final RectificationSettings settings;
    private final Clock clock;
    private final SignedIds ids;

    FeedbackTokens(JdbcClient jdbc, RectificationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.ids = new SignedIds(settings.tokenKey());
    }

    /** Issues a new link for the order's evaluator; answers the token's id (the token is rebuilt with the key). */
    String issue(String workOrderId, String evaluationId) {
        String tokenId = ids.newId();
        OffsetDateTime now = Zones.now(clock);
        jdbc.sql("""
                insert into rectification_feedback_token (token_id, work_order_id, evaluation_id, issued_at, expires_at)
                values (:id, :order, :evaluation, :now, :expires)
                """).param("id", tokenId).param("order", workOrderId).param("evaluation", evaluationId)
                .param("now", now).param("expires", now.plus(settings.followUpValidity())).update();
        return tokenId;
    }

    /** The path of the feedback page a token id opens ({@code /f/<id><signature>}). */
    public String pathFor(String tokenId) {
        return "/f/" + ids.token(tokenId);
    }

    /** Checks a link: forged or unknown (404) and expired (410) links are refused; a used one is reported as used. */
    public Ticket open(String token) {
        String tokenId = ids.idOf(token).orElseThrow(FeedbackTokens::invalid);
        Ticket ticket = jdbc.sql("select * from rectification_feedback_token where token_id = :id").param("id", tokenId)
                .query(this::map).optional().orElseThrow(FeedbackTokens::invalid);
        if (!ticket.used() && !ticket.expiresAt().isAfter(Zones.now(clock))) {
            throw new DomainProblem(HttpStatus.GONE, "追评链接已过期", "该追评链接已过有效期。");
        }
        return ticket;
    }

    /** Uses the link up, once; a second use (also a concurrent one) is refused. */
    void consume(String tokenId) {
        int updated = jdbc.sql("update rectification_feedback_token set used_at = :now where token_id = :id and used_at is null")
                .param("now", Zones.now(clock)).param("id", tokenId).update();
        if (updated == 0) {
            throw used();
        }
    }

    static DomainProblem invalid() {
        return new DomainProblem(HttpStatus.NOT_FOUND, "链接无效", "该链接无效，请核对短信或消息中的链接。");
    }

    static DomainProblem used() {
        return new DomainProblem(HttpStatus.GONE, "追评链接已使用", "该链接已用于追评，每条差评只能追评一次。");
    }

    private Ticket map(ResultSet rs, int row) throws SQLException {
        return new Ticket(rs.getString("token_id"), rs.getString("work_order_id"), rs.getString("evaluation_id"),
                Zones.inShanghai(rs.getObject("expires_at", OffsetDateTime.class)),
                rs.getObject("used_at", OffsetDateTime.class) != null);
    }
}
