package org.haochaping.exchange;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What other platforms reported, one row per record the first time it arrived: who sent each case (for a
 * lower-level platform: the case's owner), and each rating by case number and evaluation count — from below, or
 * from above for a case owned here — which makes a repeated report a harmless duplicate. Rectification results are
 * kept by {@link ReceivedRectifications}.
 */
@Repository
class Inbound {

    private final JdbcClient jdbc;

    Inbound(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The client that reported a case, when it came in through the exchange. */
    Optional<String> senderOf(String caseNo) {
        return jdbc.sql("select client_id from exchange_inbound where kind = 'CASE' and case_no = :c")
                .param("c", caseNo).query(String.class).optional();
    }

    /** The client a case's (first) rating came from, when it came in through the exchange. */
    Optional<String> ratingSender(String caseNo) {
        return jdbc.sql("select client_id from exchange_inbound where kind = 'RATING' and case_no = :c and assess_number = 1")
                .param("c", caseNo).query(String.class).optional();
    }

    /** Links a received rating to the rating stored for it. */
    void attach(String caseNo, int assessNumber, String evaluationId) {
        jdbc.sql("update exchange_inbound set evaluation_id = :e where kind = 'RATING' and case_no = :c and assess_number = :n")
                .param("e", evaluationId).param("c", caseNo).param("n", assessNumber).update();
    }

    boolean received(RecordKind kind, String caseNo, int assessNumber) {
        return jdbc.sql("""
                select count(*) from exchange_inbound where kind = :k and case_no = :c and assess_number = :n
                """).param("k", kind.name()).param("c", caseNo).param("n", assessNumber).query(Long.class).single() > 0;
    }

    void record(RecordKind kind, String caseNo, int assessNumber, String clientId, String dataSource,
            String evaluationId, OffsetDateTime now) {
        jdbc.sql("""
                insert into exchange_inbound (kind, case_no, assess_number, client_id, data_source, evaluation_id,
                    received_at, received_on)
                values (:k, :c, :n, :client, :source, :evaluation, :now, :day)
                """).param("k", kind.name()).param("c", caseNo).param("n", assessNumber).param("client", clientId)
                .param("source", dataSource).param("evaluation", evaluationId).param("now", now)
                .param("day", now.toLocalDate()).update();
    }

    /** Who sent anything that first arrived here between two days (inclusive), per day. */
    Map<LocalDate, Set<String>> sendersBetween(LocalDate from, LocalDate to) {
        Map<LocalDate, Set<String>> senders = new TreeMap<>();
        jdbc.sql("""
                select distinct received_on, client_id from exchange_inbound where received_on between :f and :t
                union
                select distinct received_on, client_id from exchange_rectification where received_on between :f and :t
                """).param("f", from).param("t", to)
                .query((rs, n) -> senders.computeIfAbsent(rs.getObject(1, LocalDate.class), d -> new TreeSet<>())
                        .add(rs.getString(2)))
                .list();
        return senders;
    }

    /** Records first received from a sender on a day, per kind (rectification results included). */
    Map<RecordKind, Long> counts(String clientId, LocalDate day) {
        Map<RecordKind, Long> counts = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            counts.put(kind, 0L);
        }
        jdbc.sql("""
                select kind, count(*) from exchange_inbound where client_id = :client and received_on = :day
                group by kind
                """).param("client", clientId).param("day", day)
                .query((rs, n) -> counts.put(RecordKind.valueOf(rs.getString(1)), rs.getLong(2))).list();
        counts.put(RecordKind.RECTIFICATION, jdbc.sql("""
                select count(*) from exchange_rectification where client_id = :client and received_on = :day
                """).param("client", clientId).param("day", day).query(Long.class).single());
        return counts;
    }
}
