package org.haochaping.exchange;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The receiving side of reconciliation (对账，接收方): what each sender says it sent here on a day — its
 * reconciliation job posts its counts when it asks for ours — against what actually first arrived here from it that
 * day, per kind. A sender that never says (another vendor's system) shows what arrived, unclaimed.
 */
@Repository
class SenderClaims {

    /** One kind: what the sender claimed (null: never said), what arrived here now, and the difference. */
    record Line(RecordKind kind, String label, Long claimed, long received, Long difference) {

        public boolean matches() {
            return difference == null || difference == 0;
        }
    }

    /** One sender on one day: whether it said what it sent, and whether that matches what arrived. */
    record SenderDay(LocalDate date, String sender, String senderName, List<Line> lines, OffsetDateTime claimedAt,
            boolean claimed, boolean matches) {

        static SenderDay of(LocalDate date, String sender, String senderName, List<Line> lines,
                OffsetDateTime claimedAt) {
            return new SenderDay(date, sender, senderName, lines, claimedAt, claimedAt != null,
                    lines.stream().allMatch(Line::matches));
        }
    }

    private record Claim(long claimed, OffsetDateTime claimedAt) {
    }

    private final JdbcClient jdbc;
    private final Inbound inbound;
    private final Owners owners;

    SenderClaims(JdbcClient jdbc, Inbound inbound, Owners owners) {
        this.jdbc = jdbc;
        this.inbound = inbound;
        this.owners = owners;
    }

    /** Records what a sender says it sent on a day, with what had arrived from it at that moment. */
    void store(String clientId, LocalDate day, Map<RecordKind, Long> claimed, Map<RecordKind, Long> received,
            OffsetDateTime now) {
        jdbc.sql("delete from exchange_sender_claim where client_id = :c and claimed_on = :day")
                .param("c", clientId).param("day", day).update();
        for (RecordKind kind : RecordKind.values()) {
            jdbc.sql("""
                    insert into exchange_sender_claim (client_id, claimed_on, kind, claimed, received, claimed_at)
                    values (:c, :day, :kind, :claimed, :received, :now)
                    """).param("c", clientId).param("day", day).param("kind", kind.name())
                    .param("claimed", claimed.getOrDefault(kind, 0L)).param("received", received.getOrDefault(kind, 0L))
                    .param("now", now).update();
        }
    }

    /** The senders of a day: those that claimed and those whose records arrived, by client id. */
    List<SenderDay> on(LocalDate day) {
        return between(day, day);
    }

    /** The senders of the last {@code days} days, today first. */
    List<SenderDay> recent(LocalDate today, int days) {
        List<SenderDay> result = new ArrayList<>(between(today.minusDays(days - 1L), today));
        result.sort((a, b) -> b.date().compareTo(a.date()));
        return result;
    }

    private List<SenderDay> between(LocalDate from, LocalDate to) {
        Map<LocalDate, Map<String, Map<RecordKind, Claim>>> claims = new TreeMap<>();
        jdbc.sql("""
                select claimed_on, client_id, kind, claimed, claimed_at from exchange_sender_claim
                where claimed_on between :f and :t
                """).param("f", from).param("t", to)
                .query((rs, n) -> claims.computeIfAbsent(rs.getObject(1, LocalDate.class), d -> new TreeMap<>())
                        .computeIfAbsent(rs.getString(2), c -> new EnumMap<>(RecordKind.class))
                        .put(RecordKind.valueOf(rs.getString(3)), new Claim(rs.getLong(4),
                                Zones.inShanghai(rs.getObject(5, OffsetDateTime.class)))))
                .list();
        Map<LocalDate, Set<String>> senders = new TreeMap<>(inbound.sendersBetween(from, to));
        claims.forEach((day, byClient) -> senders.computeIfAbsent(day, d -> new TreeSet<>()).addAll(byClient.keySet()));
        List<SenderDay> result = new ArrayList<>();
        senders.forEach((day, clients) -> {
            for (String client : clients) {
                Map<RecordKind, Claim> claimed = claims.getOrDefault(day, Map.of()).getOrDefault(client, Map.of());
                Map<RecordKind, Long> received = inbound.counts(client, day);
                List<Line> lines = new ArrayList<>();
                OffsetDateTime claimedAt = null;
                for (RecordKind kind : RecordKind.values()) {
                    Claim c = claimed.get(kind);
                    long got = received.getOrDefault(kind, 0L);
                    if (c != null) {
                        claimedAt = c.claimedAt();
                    }
                    lines.add(new Line(kind, kind.label(), c == null ? null : c.claimed(), got,
                            c == null ? null : got - c.claimed()));
                }
                result.add(SenderDay.of(day, client, owners.name(client), lines, claimedAt));
            }
        });
        return result;
    }
}
