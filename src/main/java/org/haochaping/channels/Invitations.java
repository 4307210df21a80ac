package org.haochaping.channels;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.haochaping.evaluation.CaseAlreadyRated;
import org.haochaping.evaluation.Channel;
import org.haochaping.system.SignedIds;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One-time rating tokens (第八条): a random id followed by its HMAC-SM3 signature, so a token cannot be guessed
 * or altered; single use, expiring, and replaced by a reprint. Only the id is stored; the token string can be
 * rebuilt only with the key.
 */
@Service
class Invitations {

    /** An opened token: its case and channel, and the device it was issued for (a terminal, a tablet), if any. */
    record Ticket(String tokenId, String caseNo, Channel channel, OffsetDateTime expiresAt, String deviceCode) {
    }

    record Issued(String token, OffsetDateTime expiresAt) {
    }

    private final JdbcClient jdbc;
    private final ChannelSettings settings;
    private final TokenGuessingGuard guard;
    private final ClientAddresses addresses;
    private final Clock clock;
    private final SignedIds ids;

    Invitations(JdbcClient jdbc, ChannelSettings settings, TokenGuessingGuard guard, ClientAddresses addresses,
            Clock clock) {
        this.guard = guard;
        this.addresses = addresses;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.ids = new SignedIds(settings.tokenKey());
    }

    Issued issue(String caseNo, Channel channel) {
        return issue(caseNo, channel, settings.tokenValidity(), null);
    }

    /** A token that lives shorter than a receipt's, issued for one device (a terminal's screen, a window tablet). */
    Issued issue(String caseNo, Channel channel, java.time.Duration validity, String deviceCode) {
        String tokenId = ids.newId();
        OffsetDateTime now = Zones.now(clock);
        OffsetDateTime expires = now.plus(validity);
        jdbc.sql("""
                insert into channels_invitation (token_id, case_no, channel, issued_at, expires_at, device_code)
                values (:id, :caseNo, :channel, :now, :expires, :device)
                """).param("id", tokenId).param("caseNo", caseNo).param("channel", channel.name())
                .param("now", now).param("expires", expires).param("device", deviceCode).update();
        return new Issued(ids.token(tokenId), expires);
    }

    /** The newest live token of a case on a channel, rebuilt from its id. */
    Optional<Issued> live(String caseNo, Channel channel) {
        return jdbc.sql("""
                select token_id, expires_at from channels_invitation
                where case_no = :caseNo and channel = :channel and used_at is null and revoked_at is null and expires_at > :now
                order by issued_at desc limit 1
                """).param("caseNo", caseNo).param("channel", channel.name()).param("now", Zones.now(clock))
                .query((rs, n) -> new Issued(ids.token(rs.getString(1)),
                        Zones.inShanghai(rs.getObject(2, OffsetDateTime.class))))
                .optional();
    }

    /** Stops every live token of the case on the channel (a reprint replaces the earlier receipt). */
    void revoke(String caseNo, Channel channel) {
        jdbc.sql("""
                update channels_invitation set revoked_at = :now, revoked_because = 'REPLACED'
                where case_no = :caseNo and channel = :channel and used_at is null and revoked_at is null
                """).param("now", Zones.now(clock)).param("caseNo", caseNo).param("channel", channel.name()).update();
    }

    /** Stops every live token of a case, on every channel (the case has its rating). */
    void revokeAll(String caseNo) {
        jdbc.sql("""
                update channels_invitation set revoked_at = :now, revoked_because = 'RATED'
                where case_no = :caseNo and used_at is null and revoked_at is null
                """).param("now", Zones.now(clock)).param("caseNo", caseNo).update();
    }

    /** Checks a token: forged or unknown, used, replaced and expired tokens are refused. */
    Ticket open(String token) {
        ClientAddresses.Client client = addresses.current();
        String source = client == null ? null : client.address();
        guard.before(source);
        String tokenId = ids.idOf(token).orElseThrow(() -> invalid(source));
        return jdbc.sql("select * from channels_invitation where token_id = :id").param("id", tokenId)
                .query(this::check).optional().orElseThrow(() -> invalid(source));
    }

    private InvitationRefused invalid(String source) {
        guard.miss(source);
        return InvitationRefused.invalid();
    }

    /** Marks the token used, once; a second use (also a concurrent one) is refused. */
    void consume(String tokenId) {
        int updated = jdbc.sql("update channels_invitation set used_at = :now where token_id = :id and used_at is null")
                .param("now", Zones.now(clock)).param("id", tokenId).update();
        if (updated == 0) {
            throw InvitationRefused.used();
        }
    }

    private Ticket check(ResultSet rs, int row) throws SQLException {
        if (rs.getObject("used_at", OffsetDateTime.class) != null) {
            throw InvitationRefused.used();
        }
        if (rs.getObject("revoked_at", OffsetDateTime.class) != null) {
            if ("RATED".equals(rs.getString("revoked_because"))) {
                throw new CaseAlreadyRated(rs.getString("case_no"));
            }
            throw InvitationRefused.replaced();
        }
        OffsetDateTime expires = Zones.inShanghai(rs.getObject("expires_at", OffsetDateTime.class));
        if (!expires.isAfter(Zones.now(clock))) {
            throw InvitationRefused.expired();
        }
        return new Ticket(rs.getString("token_id"), rs.getString("case_no"), Channel.valueOf(rs.getString("channel")),
                expires, rs.getString("device_code"));
    }
}
