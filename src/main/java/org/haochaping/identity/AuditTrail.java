package org.haochaping.identity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reading the audit log (auditors only) and verifying its hash chains. */
@Service
class AuditTrail {

    record Entry(long id, OffsetDateTime at, String actor, String action, String target, String detail,
            String partitionKey, long seq) {
    }

    record Page(List<Entry> items, int page, int size, long total) {
    }

    record Verification(boolean intact, long checked, String firstBrokenAt) {
    }

    private record Link(OffsetDateTime at, String actor, String action, String target, String detail, long seq,
            String prevHash, String hash) {
    }

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page search(LocalDate from, LocalDate to, String actor, String action, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (from != null) {
            where.append(" and at >= :from");
            params.put("from", from.atStartOfDay(Zones.SHANGHAI).toOffsetDateTime());
        }
        if (to != null) {
            where.append(" and at < :to");
            params.put("to", to.plusDays(1).atStartOfDay(Zones.SHANGHAI).toOffsetDateTime());
        }
        if (actor != null && !actor.isBlank()) {
            where.append(" and actor = :actor");
            params.put("actor", actor.trim());
        }
        if (action != null && !action.isBlank()) {
            where.append(" and action = :action");
            params.put("action", action.trim());
        }
        List<Entry> items = jdbc.sql("select * from identity_audit_log where " + where
                        + " order by at desc, id desc limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new Entry(rs.getLong("id"), Zones.inShanghai(rs.getObject("at", OffsetDateTime.class)),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("detail"),
                        rs.getString("partition_key"), rs.getLong("seq")))
                .list();
        long total = jdbc.sql("select count(*) from identity_audit_log where " + where).params(params)
                .query(Long.class).single();
        return new Page(items, page, size, total);
    }

    /** Recomputes every chain: a changed entry, a deleted one (a gap) or a moved head shows as broken. */
    Verification verify() {
        long checked = 0;
        List<String> broken = new ArrayList<>();
        for (String partition : jdbc.sql("select partition_key from identity_audit_head order by partition_key")
                .query(String.class).list()) {
            String previous = "";
            long expectedSeq = 1;
            List<Link> links = jdbc.sql("""
                    select at, actor, action, target, detail, seq, prev_hash, hash from identity_audit_log
                    where partition_key = :p and seq > 0 order by seq
                    """).param("p", partition)
                    .query((rs, n) -> new Link(rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                            rs.getString("action"), rs.getString("target"), rs.getString("detail"), rs.getLong("seq"),
                            rs.getString("prev_hash"), rs.getString("hash")))
                    .list();
            for (Link link : links) {
                checked++;
                String recomputed = AuditLog.chainHash(previous, partition, link.seq(), link.at(), link.actor(),
                        link.action(), link.target(), link.detail());
                if (link.seq() != expectedSeq || !previous.equals(link.prevHash()) || !recomputed.equals(link.hash())) {
                    broken.add(partition + "#" + link.seq());
                    break;
                }
                previous = recomputed;
                expectedSeq++;
            }
            if (broken.isEmpty()) {
                var head = jdbc.sql("select seq, hash from identity_audit_head where partition_key = :p").param("p", partition)
                        .query().singleRow();
                if (((Number) head.get("seq")).longValue() != expectedSeq - 1 || !previous.equals(head.get("hash"))) {
                    broken.add(partition + "#head");
                }
            }
            if (!broken.isEmpty()) {
                break;
            }
        }
        return new Verification(broken.isEmpty(), checked, broken.isEmpty() ? null : broken.get(0));
    }
}
