package org.haochaping.integrity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.system.Zones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends facts about ratings to the hash chain of the rating's region: entry n's hash is SM3(hash of entry n-1 ||
 * canonical content of entry n), the content binding region, sequence, kind, rating, time, the fact and the digest
 * of the rating's stored state after the fact. Each append locks only its region's head row, so writers in other
 * regions never wait, and writers in one region take strictly consecutive sequence numbers.
 */
@Component
class RatingLedger {

    enum Kind {
        SUBMITTED, DEFAULTED, ADOPTED, INVALIDATED, QUARANTINED, RELEASED;

        boolean opensRecord() {
            return this == SUBMITTED || this == DEFAULTED || this == ADOPTED;
        }
    }

    record Entry(String regionCode, long seq, String evaluationId, Kind kind, String fact, String stateDigest,
            OffsetDateTime recordedAt, String prevHash, String hash) {

        /** The canonical content that is hashed. */
        String content() {
            return "ledger/v1\nregion=" + regionCode + "\nseq=" + seq + "\nkind=" + kind.name() + "\nevaluation="
                    + evaluationId + "\nat=" + CanonicalRating.instant(recordedAt) + "\nfact="
                    + CanonicalRating.escape(fact) + "\nstate=" + stateDigest + "\n";
        }
    }

    record Head(String regionCode, long seq, String hash) {
    }

    private final JdbcClient jdbc;
    private final EvaluationManagement evaluations;
    private final TransactionTemplate savepoint;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RatingLedger(JdbcClient jdbc, EvaluationManagement evaluations, PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.evaluations = evaluations;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Appends a fact about a rating, in the caller's transaction: the rating and its ledger entry commit together or
     * not at all. The first record of a rating is written once, however often it is asked for.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void append(EvaluationView rating, Kind kind, String fact) {
        Head head = lockHead(rating.regionCode());
        if (kind.opensRecord() && isRecorded(rating.id())) {
            return; // checked under the region's lock: two instances adopting at once enter a rating once
        }
        OffsetDateTime at = Zones.now(clock);
        Entry entry = new Entry(head.regionCode(), head.seq() + 1, rating.id(), kind, fact == null ? "" : fact,
                CanonicalRating.digest(rating), at, head.hash(), null);
        String hash = Sm3.chain(head.hash(), entry.content());
        jdbc.sql("""
                insert into integrity_ledger_entry (region_code, seq, evaluation_id, kind, fact, state_digest,
                    recorded_at, recorded_on, prev_hash, hash)
                values (:region, :seq, :id, :kind, :fact, :state, :at, :on, :prev, :hash)
                """).param("region", entry.regionCode()).param("seq", entry.seq()).param("id", entry.evaluationId())
                .param("kind", kind.name()).param("fact", entry.fact()).param("state", entry.stateDigest())
                .param("at", at).param("on", at.toLocalDate()).param("prev", head.hash()).param("hash", hash).update();
        jdbc.sql("update integrity_ledger_head set head_seq = :seq, head_hash = :hash where region_code = :region")
                .param("seq", entry.seq()).param("hash", hash).param("region", entry.regionCode()).update();
    }

    boolean isRecorded(String evaluationId) {
        return jdbc.sql("select count(*) from integrity_ledger_entry where evaluation_id = :id").param("id", evaluationId)
                .query(Long.class).single() > 0;
    }

    /** Locks the region's head row until the transaction ends, creating the region's chain on its first fact. */
    private Head lockHead(String regionCode) {
        Optional<Head> head = selectForUpdate(regionCode);
        if (head.isEmpty()) {
            try {
                // a savepoint, so that losing the race to create the head does not spoil the caller's transaction
                savepoint.executeWithoutResult(status -> jdbc.sql(
                        "insert into integrity_ledger_head (region_code, head_seq, head_hash) values (:r, 0, :genesis)")
                        .param("r", regionCode).param("genesis", Sm3.GENESIS).update());
            } catch (DuplicateKeyException createdByAnotherWriter) {
                // fine: the other writer's head row is locked next
            }
            head = selectForUpdate(regionCode);
        }
        return head.orElseThrow();
    }

    private Optional<Head> selectForUpdate(String regionCode) {
        return jdbc.sql("select region_code, head_seq, head_hash from integrity_ledger_head where region_code = :r for update")
                .param("r", regionCode)
                .query((rs, n) -> new Head(rs.getString(1), rs.getLong(2), rs.getString(3))).optional();
    }

    List<Head> heads(String regionPrefix) {
        return jdbc.sql("select region_code, head_seq, head_hash from integrity_ledger_head where region_code like :p "
                        + "order by region_code")
                .param("p", regionPrefix + "%")
                .query((rs, n) -> new Head(rs.getString(1), rs.getLong(2), rs.getString(3))).list();
    }

    /**
     * Enters the ratings stored before the ledger existed, once each (ADOPTED). Answers how many were entered.
     */
    int adoptPending() {
        int adopted = 0;
        List<String> pending;
        do {
            pending = jdbc.sql("select evaluation_id from integrity_ledger_adoption order by evaluation_id limit 200")
                    .query(String.class).list();
            for (String id : pending) {
                Boolean entered = transaction.execute(status -> {
                    Optional<EvaluationView> rating = evaluations.find(id);
                    rating.ifPresent(r -> append(r, Kind.ADOPTED, "stored before the ledger began"));
                    jdbc.sql("delete from integrity_ledger_adoption where evaluation_id = :id").param("id", id).update();
                    return rating.isPresent();
                });
                if (Boolean.TRUE.equals(entered)) {
                    adopted++;
                }
            }
        } while (pending.size() == 200);
        return adopted;
    }

    boolean adoptionPending(String evaluationId) {
        return jdbc.sql("select count(*) from integrity_ledger_adoption where evaluation_id = :id").param("id", evaluationId)
                .query(Long.class).single() > 0;
    }
}
