package org.haochaping.integrity;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.haochaping.identity.AuditLog;
import org.haochaping.system.Job;
import org.haochaping.system.Zones;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records each region's head hash at the end of each day (the daily anchor) in the ledger and in the audit log,
 * so that even a rewrite of a whole chain shows against the anchors already published. It also enters ratings
 * stored before the ledger existed. Idempotent: a day already anchored is left as it is.
 */
@Component
class LedgerAnchorJob implements Job {

    private final JdbcClient jdbc;
    private final RatingLedger ledger;
    private final AuditLog audit;
    private final IntegritySettings settings;
    private final Clock clock;

    LedgerAnchorJob(JdbcClient jdbc, RatingLedger ledger, AuditLog audit, IntegritySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "ledger-anchor";
    }

    @Override
    public Duration interval() {
        return Duration.ofHours(1);
    }

    @EventListener(ApplicationReadyEvent.class)
    void adoptOnStart() {
        ledger.adoptPending();
    }

    @Override
    public String run() {
        int adopted = ledger.adoptPending();
        LocalDate today = Zones.now(clock).toLocalDate();
        LocalDate from = today.minusDays(settings.ledger().anchorLookBackDays());
        int anchored = 0;
        for (RatingLedger.Head head : ledger.heads("")) {
            record Day(LocalDate day, long seq) {
            }
            var days = jdbc.sql("""
                    select recorded_on, max(seq) from integrity_ledger_entry
                    where region_code = :r and recorded_on >= :from and recorded_on < :today
                    group by recorded_on order by recorded_on
                    """).param("r", head.regionCode()).param("from", from).param("today", today)
                    .query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
            for (Day day : days) {
                if (anchor(head.regionCode(), day.day(), day.seq())) {
                    anchored++;
                }
            }
        }
        return anchored + " daily anchors recorded, " + adopted + " earlier ratings entered";
    }

    private boolean anchor(String region, LocalDate day, long seq) {
        if (jdbc.sql("select count(*) from integrity_ledger_anchor where region_code = :r and anchor_date = :d")
                .param("r", region).param("d", day).query(Long.class).single() > 0) {
            return false;
        }
        String hash = jdbc.sql("select hash from integrity_ledger_entry where region_code = :r and seq = :s")
                .param("r", region).param("s", seq).query(String.class).single();
        OffsetDateTime now = Zones.now(clock);
        try {
            jdbc.sql("""
                    insert into integrity_ledger_anchor (region_code, anchor_date, seq, hash, recorded_at)
                    values (:r, :d, :s, :h, :at)
                    """).param("r", region).param("d", day).param("s", seq).param("h", hash).param("at", now).update();
        } catch (DuplicateKeyException anchoredMeanwhile) {
            return false;
        }
        audit.recordAs("system", "LEDGER_ANCHOR", "ledger:" + region + ":" + day, "seq=" + seq + ", sm3=" + hash);
        return true;
    }
}
