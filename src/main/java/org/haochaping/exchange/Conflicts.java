package org.haochaping.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.Level;
import org.haochaping.identity.DataScope;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ratings of one case given on two levels before either reached the other (第六条: one rating per case). The case's
 * owner holds the first rating that reached it; the other got the one-rating rule's 409. Each side records what it
 * saw — {@code SENT}: a rating sent from here was refused; {@code RECEIVED}: a rating that arrived here was refused —
 * and reconciliation shows them per day.
 */
@Repository
class Conflicts {

    enum Side {
        SENT("本平台送出的评价被对方拒收"), RECEIVED("对方送来的评价被本平台拒收");

        private final String label;

        Side(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One side of a rating: level, channel and time; any of them may be unknown. */
    record Rating(Level level, Channel channel, OffsetDateTime at) {

        public String text() {
            return level == null ? "—" : level.label() + (channel == null ? "" : "（" + channel.label() + "）")
                    + (at == null ? "" : " " + ExchangeRecord.format(at));
        }
    }

    record Conflict(String id, String caseNo, Side side, String peer, String evaluationId, Rating ours, Rating theirs,
            String regionCode, String departmentCode, OffsetDateTime detectedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;

    Conflicts(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records a conflict in a transaction of its own, so that it stays on record when the rating that caused it is
     * refused and its transaction rolled back. A conflict seen again (a repeated delivery) is recorded once.
     */
    void record(String caseNo, Side side, String peer, String evaluationId, Rating ours, Rating theirs,
            String regionCode, String departmentCode, OffsetDateTime now) {
        separately.executeWithoutResult(status -> {
            boolean seen = jdbc.sql("""
                    select count(*) from exchange_conflict where case_no = :c and side = :side and peer = :peer
                      and coalesce(their_level, '') = :theirLevel and coalesce(our_level, '') = :ourLevel
                    """).param("c", caseNo).param("side", side.name()).param("peer", peer)
                    .param("theirLevel", theirs.level() == null ? "" : theirs.level().name())
                    .param("ourLevel", ours.level() == null ? "" : ours.level().name()).query(Long.class).single() > 0;
            if (seen) {
                return;
            }
            jdbc.sql("""
                    insert into exchange_conflict (id, case_no, side, peer, evaluation_id, our_level, our_channel,
                        our_time, their_level, their_channel, their_time, region_code, department_code, detected_at,
                        detected_on)
                    values (:id, :c, :side, :peer, :evaluation, :ourLevel, :ourChannel, :ourTime, :theirLevel,
                        :theirChannel, :theirTime, :region, :department, :now, :day)
                    """).param("id", UUID.randomUUID().toString()).param("c", caseNo).param("side", side.name())
                    .param("peer", peer).param("evaluation", evaluationId)
                    .param("ourLevel", name(ours.level())).param("ourChannel", name(ours.channel()))
                    .param("ourTime", ours.at()).param("theirLevel", name(theirs.level()))
                    .param("theirChannel", name(theirs.channel())).param("theirTime", theirs.at())
                    .param("region", regionCode).param("department", departmentCode).param("now", now)
                    .param("day", now.toLocalDate()).update();
        });
    }

    long countOn(LocalDate day) {
        return jdbc.sql("select count(*) from exchange_conflict where detected_on = :day").param("day", day)
                .query(Long.class).single();
    }

    List<Conflict> on(LocalDate day, DataScope scope) {
        return jdbc.sql("select k.* from exchange_conflict k where k.detected_on = :day and " + scope.sql("k")
                + " order by k.detected_at desc, k.id").param("day", day).params(scope.params())
                .query(Conflicts::map).list();
    }

    List<Conflict> recent(DataScope scope, int limit) {
        return jdbc.sql("select k.* from exchange_conflict k where " + scope.sql("k")
                + " order by k.detected_at desc, k.id limit :limit").params(scope.params()).param("limit", limit)
                .query(Conflicts::map).list();
    }

    List<Conflict> forCase(String caseNo) {
        return jdbc.sql("select k.* from exchange_conflict k where k.case_no = :c order by k.detected_at, k.id")
                .param("c", caseNo).query(Conflicts::map).list();
    }

    private static Conflict map(ResultSet rs, int row) throws SQLException {
        return new Conflict(rs.getString("id"), rs.getString("case_no"), Side.valueOf(rs.getString("side")),
                rs.getString("peer"), rs.getString("evaluation_id"),
                new Rating(level(rs.getString("our_level")), channel(rs.getString("our_channel")),
                        time(rs, "our_time")),
                new Rating(level(rs.getString("their_level")), channel(rs.getString("their_channel")),
                        time(rs, "their_time")),
                rs.getString("region_code"), rs.getString("department_code"), time(rs, "detected_at"));
    }

    private static Level level(String name) {
        return name == null ? null : Level.valueOf(name);
    }

    private static Channel channel(String name) {
        return name == null ? null : Channel.valueOf(name);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return Zones.inShanghai(rs.getObject(column, OffsetDateTime.class));
    }
}
