package org.haochaping.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.haochaping.system.Zones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records reads of personal data, logins, exports and changes of state, with who did them and when. Entries are
 * chained with SM3 per partition (the actor's region), so a changed or deleted entry breaks the chain; nothing
 * updates or deletes them (on PostgreSQL a trigger refuses it), and they are kept without expiry (≥ 6 months,
 * Cybersecurity Law).
 */
@Service
public class AuditLog {

    static final String GLOBAL = "GLOBAL";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public AuditLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    public void record(String action, String target, String detail) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String partition = auth != null && auth.getPrincipal() instanceof CurrentUser user && user.regionCode() != null
                ? user.regionCode() : GLOBAL;
        append(partition, currentActor(), action, target, detail);
    }

    public void recordAs(String actor, String action, String target, String detail) {
        append(GLOBAL, actor, action, target, detail);
    }

    private void append(String partition, String actor, String action, String target, String detail) {
        transaction.executeWithoutResult(status -> appendLocked(partition, actor, action, target, detail));
    }

    private void appendLocked(String partition, String actor, String action, String target, String detail) {
        String cut = detail == null ? null : truncate(detail);
        Head head = lockHead(partition);
        OffsetDateTime at = Zones.now(clock);
        long seq = head.seq() + 1;
        String hash = chainHash(head.hash(), partition, seq, at, actor, action, target, cut);
        jdbc.sql("""
                insert into identity_audit_log (at, actor, action, target, detail, partition_key, seq, prev_hash, hash)
                values (:at, :actor, :action, :target, :detail, :partition, :seq, :prev, :hash)
                """)
                .param("at", at).param("actor", actor).param("action", action).param("target", target)
                .param("detail", cut).param("partition", partition).param("seq", seq).param("prev", head.hash())
                .param("hash", hash).update();
        jdbc.sql("update identity_audit_head set seq = :seq, hash = :hash where partition_key = :p")
                .param("seq", seq).param("hash", hash).param("p", partition).update();
    }

    private record Head(long seq, String hash) {
    }

    /** Locks the partition's head row, creating it on first use, so appends to one chain queue up. */
    private Head lockHead(String partition) {
        for (int attempt = 0; attempt < 3; attempt++) {
            var head = jdbc.sql("select seq, hash from identity_audit_head where partition_key = :p for update")
                    .param("p", partition).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional();
            if (head.isPresent()) {
                return head.get();
            }
            try {
                jdbc.sql("insert into identity_audit_head (partition_key, seq, hash) values (:p, 0, '')")
                        .param("p", partition).update();
            } catch (DuplicateKeyException createdMeanwhile) {
                // another writer created it: lock it on the next round
            }
        }
        throw new IllegalStateException("audit chain head unavailable: " + partition);
    }

    static String chainHash(String previous, String partition, long seq, OffsetDateTime at, String actor,
            String action, String target, String detail) {
        String canonical = String.join("\u001f", previous, partition, Long.toString(seq), at.toInstant().toString(),
                actor, action, String.valueOf(target), String.valueOf(detail));
        byte[] data = canonical.getBytes(StandardCharsets.UTF_8);
        SM3Digest sm3 = new SM3Digest();
        sm3.update(data, 0, data.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return "system";
        }
        if (auth.getPrincipal() instanceof CurrentUser user) {
            return user.username();
        }
        if (auth.getPrincipal() instanceof ApiClientPrincipal client) {
            return "client:" + client.clientId();
        }
        return auth.getName();
    }

    private static String truncate(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
