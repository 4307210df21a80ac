package org.haochaping.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.haochaping.identity.DataScope;
import org.haochaping.system.Zones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The persisted outbox of records to send: up to the upstream ({@code target} null), or down to the lower-level
 * platform that owns a case ({@code target} its client id: a rating given here of a case it owns). A record is
 * queued once (unique by kind and key), claimed with a lease before it is sent, so a push that dies half-way is
 * simply sent again once the lease ends.
 */
@Repository
class PushJobs {

    /**
     * Where a job stands: waiting or being retried, delivered, refused until an operator steps in, or answered with
     * the one-rating rule's 409 (the other side already holds another rating of the case: a conflict).
     */
    enum Status {
        PENDING, SENT, DEAD, CONFLICT
    }

    record PushJob(String id, RecordKind kind, String recordKey, String caseNo, String evaluationId, String regionCode,
            String departmentCode, Status status, int attempts, int clientFailures, OffsetDateTime nextAttemptAt,
            OffsetDateTime lastAttemptAt, Integer lastStatus, String lastError, OffsetDateTime createdAt,
            OffsetDateTime sentAt, String target, String payload) {

        boolean upward() {
            return target == null;
        }
    }

    /** A record to queue: {@code target} null for the upstream; {@code payload} the facts of a rectification. */
    record NewJob(RecordKind kind, String recordKey, String caseNo, String evaluationId, String regionCode,
            String departmentCode, String target, String payload) {
    }

    /** How many jobs stand where, for the console. */
    record Summary(long pending, long waitingForCase, long dead, long sentToday, long conflicts) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    PushJobs(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Queues a record for the upstream once; answers false when it was queued before. */
    boolean enqueue(RecordKind kind, String recordKey, String caseNo, String evaluationId, String regionCode,
            String departmentCode, OffsetDateTime now) {
        return enqueue(new NewJob(kind, recordKey, caseNo, evaluationId, regionCode, departmentCode, null, null), now)
                .isPresent();
    }

    /** Queues a record once; answers its new id, or empty when it was queued before. */
    Optional<String> enqueue(NewJob job, OffsetDateTime now) {
        if (jdbc.sql("select count(*) from exchange_push_job where kind = :k and record_key = :r")
                .param("k", job.kind().name()).param("r", job.recordKey()).query(Long.class).single() > 0) {
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        try {
            // in a savepoint: two listeners may queue the same case at once (its completion and its rating), and
            // PostgreSQL aborts a transaction on a failed statement
            savepoint.executeWithoutResult(status -> jdbc.sql("""
                    insert into exchange_push_job (id, kind, record_key, case_no, evaluation_id, region_code,
                        department_code, status, next_attempt_at, created_at, target, payload)
                    values (:id, :kind, :key, :caseNo, :evaluationId, :region, :department, 'PENDING', :now, :now,
                        :target, :payload)
                    """).param("id", id).param("kind", job.kind().name()).param("key", job.recordKey())
                    .param("caseNo", job.caseNo()).param("evaluationId", job.evaluationId())
                    .param("region", job.regionCode()).param("department", job.departmentCode())
                    .param("target", job.target()).param("payload", job.payload()).param("now", now).update());
        } catch (DuplicateKeyException queuedAtTheSameMoment) {
            return Optional.empty();
        }
        return Optional.of(id);
    }

    /**
     * Upward jobs due now, oldest first, any of which may be sent at the same time as the others. A rating or
     * rectification waits until its case has been delivered, so the upstream always knows the case first; a
     * rectification result also waits while its case's rating or an earlier result is still on its way.
     */
    List<PushJob> due(OffsetDateTime now, int limit) {
        return jdbc.sql("""
                select j.* from exchange_push_job j
                where j.status = 'PENDING' and j.next_attempt_at <= :now and j.target is null
                  and (j.kind = 'CASE' or exists (select 1 from exchange_push_job c
                       where c.kind = 'CASE' and c.record_key = j.case_no and c.status = 'SENT' and c.target is null))
                  and (j.kind <> 'RECTIFICATION' or not exists (select 1 from exchange_push_job o
                       where o.case_no = j.case_no and o.target is null and o.status = 'PENDING' and o.id <> j.id
                         and (o.kind = 'RATING' or (o.kind = 'RECTIFICATION' and (o.created_at < j.created_at
                              or (o.created_at = j.created_at and o.id < j.id))))))
                order by j.created_at, j.id
                limit :limit
                """).param("now", now).param("limit", limit).query(PushJobs::map).list();
    }

    /** Downward jobs due now, oldest first, except those for the lower-level platforms in {@code skip}. */
    List<PushJob> dueDownward(OffsetDateTime now, int limit, Set<String> skip) {
        String except = skip.isEmpty() ? "" : " and j.target not in (:skip)";
        var sql = jdbc.sql("select j.* from exchange_push_job j where j.status = 'PENDING' and j.next_attempt_at <= :now"
                + " and j.target is not null" + except + " order by j.created_at, j.id limit :limit")
                .param("now", now).param("limit", limit);
        if (!skip.isEmpty()) {
            sql = sql.param("skip", List.copyOf(skip));
        }
        return sql.query(PushJobs::map).list();
    }

    /** The downward job of a rating, if it has one. */
    Optional<PushJob> downwardFor(String caseNo) {
        return jdbc.sql("""
                select * from exchange_push_job where case_no = :c and kind = 'RATING' and target is not null
                order by created_at desc, id limit 1
                """).param("c", caseNo).query(PushJobs::map).optional();
    }

    /** Takes a due job for one sender until {@code leaseUntil}; false when another runner took it first. */
    boolean claim(String id, OffsetDateTime now, OffsetDateTime leaseUntil) {
        return jdbc.sql("""
                update exchange_push_job set next_attempt_at = :lease
                where id = :id and status = 'PENDING' and next_attempt_at <= :now
                """).param("lease", leaseUntil).param("id", id).param("now", now).update() == 1;
    }

    /**
     * Records a delivery. The day it counts as sent on ({@code sent_on}, what reconciliation compares) is the day the
     * other side first stored it: a record sent again after a re-push keeps its day when the answer is a duplicate
     * (200), and moves to today when the other side stored it now (201: it had lost it).
     */
    void sent(String id, OffsetDateTime now, int codeTableVersion, int httpStatus) {
        jdbc.sql("""
                update exchange_push_job set status = 'SENT', attempts = attempts + 1, last_attempt_at = :now,
                    last_status = :http, last_error = null, sent_at = :now, code_table_version = :v,
                    sent_on = case when :http = 201 or sent_on is null then :day else sent_on end
                where id = :id
                """).param("now", now).param("http", httpStatus).param("day", now.toLocalDate())
                .param("v", codeTableVersion).param("id", id).update();
    }

    /** The other side already holds another rating of the case: the job ends here, the conflict is on record. */
    void conflict(String id, OffsetDateTime now, int httpStatus, String error) {
        jdbc.sql("""
                update exchange_push_job set status = 'CONFLICT', attempts = attempts + 1, last_attempt_at = :now,
                    last_status = :http, last_error = :error
                where id = :id
                """).param("now", now).param("http", httpStatus)
                .param("error", error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("id", id).update();
    }

    /** Records a failed attempt: retried at {@code nextAttempt}, or moved to the dead-letter list when {@code dead}. */
    void failed(String id, OffsetDateTime now, OffsetDateTime nextAttempt, Integer httpStatus, String error,
            boolean refusedByUpstream, boolean dead) {
        jdbc.sql("""
                update exchange_push_job set status = :status, attempts = attempts + 1,
                    client_failures = client_failures + :refused, last_attempt_at = :now, last_status = :http,
                    last_error = :error, next_attempt_at = :next
                where id = :id
                """).param("status", dead ? Status.DEAD.name() : Status.PENDING.name())
                .param("refused", refusedByUpstream ? 1 : 0).param("now", now).param("http", httpStatus)
                .param("error", error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("next", nextAttempt).param("id", id).update();
    }

    Optional<PushJob> find(String id) {
        return jdbc.sql("select * from exchange_push_job where id = :id").param("id", id).query(PushJobs::map)
                .optional();
    }

    /** The dead-letter list within a scope, newest failure first. */
    List<PushJob> dead(DataScope scope) {
        return jdbc.sql("select j.* from exchange_push_job j where j.status = 'DEAD' and " + scope.sql("j")
                + " order by j.last_attempt_at desc, j.id limit 500").params(scope.params()).query(PushJobs::map).list();
    }

    /** Puts a dead record back in the queue, due now, with its count of refusals cleared. */
    boolean retry(String id, OffsetDateTime now) {
        return jdbc.sql("""
                update exchange_push_job set status = 'PENDING', client_failures = 0, next_attempt_at = :now
                where id = :id and status = 'DEAD'
                """).param("now", now).param("id", id).update() == 1;
    }

    /**
     * Puts the upward records sent on a day (within a scope) back in the queue, due now, for an operator's re-push;
     * answers how many per kind. The receiver is idempotent: what it still holds answers as a duplicate.
     */
    Map<RecordKind, Long> requeueSentOn(LocalDate day, OffsetDateTime now, DataScope scope) {
        Map<RecordKind, Long> counts = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            counts.put(kind, (long) jdbc.sql("update exchange_push_job j set status = 'PENDING', client_failures = 0,"
                    + " next_attempt_at = :now where j.sent_on = :day and j.target is null and j.status = 'SENT'"
                    + " and j.kind = :kind and " + scope.sql("j")).param("now", now).param("day", day)
                    .param("kind", kind.name()).params(scope.params()).update());
        }
        return counts;
    }

    /** Records sent on a day, per kind, within a scope. */
    Map<RecordKind, Long> sentOn(LocalDate day, DataScope scope) {
        Map<RecordKind, Long> counts = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            counts.put(kind, 0L);
        }
        jdbc.sql("select j.kind, count(*) from exchange_push_job j where j.sent_on = :day and j.target is null and "
                + scope.sql("j") + " group by j.kind").param("day", day).params(scope.params())
                .query((rs, n) -> counts.put(RecordKind.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    /** The upward queue ({@code downward} false) or the downward one, within a scope. */
    Summary summary(LocalDate today, OffsetDateTime now, DataScope scope, boolean downward) {
        return jdbc.sql("""
                select
                  sum(case when j.status = 'PENDING' then 1 else 0 end),
                  sum(case when j.status = 'PENDING' and j.kind <> 'CASE' and j.target is null and not exists (
                      select 1 from exchange_push_job c where c.kind = 'CASE' and c.record_key = j.case_no
                      and c.status = 'SENT' and c.target is null) then 1 else 0 end),
                  sum(case when j.status = 'DEAD' then 1 else 0 end),
                  sum(case when j.sent_on = :today then 1 else 0 end),
                  sum(case when j.status = 'CONFLICT' then 1 else 0 end)
                from exchange_push_job j where j.target is\s""" + (downward ? "not null" : "null") + " and "
                + scope.sql("j"))
                .param("today", today).params(scope.params())
                .query((rs, n) -> new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5))).single();
    }

    Summary summary(LocalDate today, OffsetDateTime now, DataScope scope) {
        return summary(today, now, scope, false);
    }

    /** The jobs that ended in a conflict within a scope, newest first. */
    List<PushJob> conflicts(DataScope scope, int limit) {
        return jdbc.sql("select j.* from exchange_push_job j where j.status = 'CONFLICT' and " + scope.sql("j")
                + " order by j.last_attempt_at desc, j.id limit :limit").params(scope.params()).param("limit", limit)
                .query(PushJobs::map).list();
    }

    private static PushJob map(ResultSet rs, int row) throws SQLException {
        int lastStatus = rs.getInt("last_status");
        Integer last = rs.wasNull() ? null : lastStatus;
        return new PushJob(rs.getString("id"), RecordKind.valueOf(rs.getString("kind")), rs.getString("record_key"),
                rs.getString("case_no"), rs.getString("evaluation_id"), rs.getString("region_code"),
                rs.getString("department_code"), Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getInt("client_failures"), time(rs, "next_attempt_at"), time(rs, "last_attempt_at"), last,
                rs.getString("last_error"), time(rs, "created_at"), time(rs, "sent_at"), rs.getString("target"),
                rs.getString("payload"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return Zones.inShanghai(rs.getObject(column, OffsetDateTime.class));
    }
}
