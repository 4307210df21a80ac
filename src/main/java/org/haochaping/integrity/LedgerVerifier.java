package org.haochaping.integrity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes every region's chain from its first entry and compares it with the stored hashes, the head, the daily
 * anchors and the ratings as stored now. It finds an edited or deleted ledger entry, a rating whose stored level,
 * comment, validity (or any other field of {@link CanonicalRating}) was changed behind the system's back, a deleted
 * rating and a rating written around the system (with no ledger entry).
 */
@Component
class LedgerVerifier {

    static final int PAGE = 1000;
    static final int MAX_BREAKS = 50;

    /** Where the ledger is broken: a region's entry (sequence) and/or a rating, and what is wrong there. */
    record Break(String regionCode, Long sequence, String evaluationId, String problem) {
    }

    record Result(boolean intact, long checked, long ratingsChecked, int regions, Break firstBrokenAt,
            List<Break> breaks, OffsetDateTime verifiedAt) {
    }

    private final JdbcClient jdbc;
    private final RatingLedger ledger;
    private final EvaluationManagement evaluations;
    private final Clock clock;

    LedgerVerifier(JdbcClient jdbc, RatingLedger ledger, EvaluationManagement evaluations, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.evaluations = evaluations;
        this.clock = clock;
    }

    /** Verifies the chains of every region in {@code regionPrefix} ("" for all) and the ratings stored there. */
    Result verify(String regionPrefix) {
        List<Break> breaks = new ArrayList<>();
        List<RatingLedger.Head> heads = ledger.heads(regionPrefix);
        long checked = 0;
        for (RatingLedger.Head head : heads) {
            checked += verifyChain(head, breaks);
        }
        verifyAnchors(regionPrefix, breaks);
        long ratings = verifyRatingsAgainstLedger(regionPrefix, breaks);
        verifyEveryRatingIsRecorded(regionPrefix, breaks);
        breaks.sort(Comparator.comparing(Break::regionCode, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Break::sequence, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Break> shown = breaks.size() > MAX_BREAKS ? List.copyOf(breaks.subList(0, MAX_BREAKS)) : List.copyOf(breaks);
        return new Result(breaks.isEmpty(), checked, ratings, heads.size(), breaks.isEmpty() ? null : breaks.get(0),
                shown, Zones.now(clock));
    }

    private long verifyChain(RatingLedger.Head head, List<Break> breaks) {
        String region = head.regionCode();
        long expected = 1;
        String previous = Sm3.GENESIS;
        long checked = 0;
        List<RatingLedger.Entry> page;
        do {
            page = jdbc.sql("""
                    select region_code, seq, evaluation_id, kind, fact, state_digest, recorded_at, prev_hash, hash
                    from integrity_ledger_entry where region_code = :r and seq >= :from and seq <= :head
                    order by seq limit :limit
                    """).param("r", region).param("from", expected).param("head", head.seq()).param("limit", PAGE)
                    .query((rs, n) -> new RatingLedger.Entry(rs.getString(1), rs.getLong(2), rs.getString(3),
                            RatingLedger.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                            Zones.inShanghai(rs.getObject(7, OffsetDateTime.class)), rs.getString(8), rs.getString(9)))
                    .list();
            for (RatingLedger.Entry entry : page) {
                if (entry.seq() != expected) {
                    breaks.add(new Break(region, expected, null, expected == entry.seq() - 1
                            ? "第 " + expected + " 条记录缺失（已被删除）"
                            : "第 " + expected + " 至 " + (entry.seq() - 1) + " 条记录缺失（已被删除）"));
                } else if (!entry.prevHash().equals(previous)) {
                    breaks.add(new Break(region, entry.seq(), entry.evaluationId(), "与前一条记录的哈希不相连（前一条记录被改写）"));
                }
                if (!Sm3.chain(entry.prevHash(), entry.content()).equals(entry.hash())) {
                    breaks.add(new Break(region, entry.seq(), entry.evaluationId(), "记录内容与其哈希不符（记录被改动）"));
                }
                previous = entry.hash();
                expected = entry.seq() + 1;
                checked++;
            }
        } while (page.size() == PAGE);
        if (head.seq() != expected - 1) {
            breaks.add(new Break(region, Math.min(head.seq(), expected - 1) + 1, null, "链头记为第 " + head.seq()
                    + " 条，链上最后一条为第 " + (expected - 1) + " 条（链尾记录被删除或链头被改动）"));
        } else if (!head.hash().equals(previous)) {
            breaks.add(new Break(region, head.seq(), null, "链头哈希与最后一条记录不符"));
        }
        return checked;
    }

    private void verifyAnchors(String regionPrefix, List<Break> breaks) {
        jdbc.sql("""
                select a.region_code, a.anchor_date, a.seq, a.hash, e.hash as entry_hash
                from integrity_ledger_anchor a
                left join integrity_ledger_entry e on e.region_code = a.region_code and e.seq = a.seq
                where a.region_code like :p order by a.region_code, a.anchor_date
                """).param("p", regionPrefix + "%").query((RowCallbackHandler) rs -> {
                    if (!rs.getString("hash").equals(rs.getString("entry_hash"))) {
                        breaks.add(new Break(rs.getString("region_code"), rs.getLong("seq"), null,
                                "与 " + rs.getObject("anchor_date", LocalDate.class) + " 的每日存证锚点不符"));
                    }
                });
    }

    /** Each rating on the ledger must still be stored, exactly as its latest ledger entry describes it. */
    private long verifyRatingsAgainstLedger(String regionPrefix, List<Break> breaks) {
        record Latest(String evaluationId, String regionCode, long seq, String stateDigest) {
        }
        long checked = 0;
        String after = "";
        List<Latest> page;
        do {
            page = jdbc.sql("""
                    select l.evaluation_id, l.region_code, l.seq, l.state_digest
                    from integrity_ledger_entry l
                    join (select evaluation_id, region_code, max(seq) as last_seq from integrity_ledger_entry
                          where region_code like :p and evaluation_id > :after
                          group by evaluation_id, region_code order by evaluation_id limit :limit) m
                      on l.evaluation_id = m.evaluation_id and l.region_code = m.region_code and l.seq = m.last_seq
                    order by l.evaluation_id
                    """).param("p", regionPrefix + "%").param("after", after).param("limit", PAGE)
                    .query((rs, n) -> new Latest(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                    .list();
            Map<String, EvaluationView> stored = evaluations.findAll(page.stream().map(Latest::evaluationId).toList())
                    .stream().collect(Collectors.toMap(EvaluationView::id, Function.identity()));
            for (Latest latest : page) {
                EvaluationView rating = stored.get(latest.evaluationId());
                if (rating == null || !CanonicalRating.digest(rating).equals(latest.stateDigest())) {
                    // a fact may have been committed (rating and entry together) between the two reads: read again
                    mismatch(latest.evaluationId()).ifPresent(breaks::add);
                }
                checked++;
                after = latest.evaluationId();
            }
        } while (page.size() == PAGE);
        return checked;
    }

    private Optional<Break> mismatch(String evaluationId) {
        record Last(String regionCode, long seq, String stateDigest) {
        }
        Last last = jdbc.sql("""
                select region_code, seq, state_digest from integrity_ledger_entry where evaluation_id = :id
                order by seq desc limit 1
                """).param("id", evaluationId)
                .query((rs, n) -> new Last(rs.getString(1), rs.getLong(2), rs.getString(3))).single();
        Optional<EvaluationView> rating = evaluations.find(evaluationId);
        if (rating.isEmpty()) {
            return Optional.of(new Break(last.regionCode(), last.seq(), evaluationId, "链上登记的评价已被删除"));
        }
        if (!CanonicalRating.digest(rating.get()).equals(last.stateDigest())) {
            return Optional.of(new Break(last.regionCode(), last.seq(), evaluationId,
                    "评价的存储内容与链上记录不符（等级、内容、有效性或隔离状态被直接改动）"));
        }
        return Optional.empty();
    }

    /** A stored rating with no ledger entry was written around the system. */
    private void verifyEveryRatingIsRecorded(String regionPrefix, List<Break> breaks) {
        String after = "";
        List<String> ids;
        do {
            ids = evaluations.ids(regionPrefix, after, PAGE);
            if (ids.isEmpty()) {
                break;
            }
            Set<String> recorded = new HashSet<>(jdbc.sql(
                    "select distinct evaluation_id from integrity_ledger_entry where evaluation_id in (:ids)")
                    .param("ids", ids).query(String.class).list());
            List<String> missing = ids.stream().filter(id -> !recorded.contains(id) && !ledger.adoptionPending(id)).toList();
            if (!missing.isEmpty()) {
                evaluations.findAll(missing).forEach(r -> breaks.add(new Break(r.regionCode(), null, r.id(),
                        "评价未登记在链上（绕过系统直接写入）")));
            }
            after = ids.get(ids.size() - 1);
        } while (ids.size() == PAGE);
    }
}
