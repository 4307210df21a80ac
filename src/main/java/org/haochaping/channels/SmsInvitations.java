package org.haochaping.channels;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.haochaping.system.Zones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SMS invitation of each completed case with an applicant mobile: PENDING until due, then SENT once; CANCELLED
 * when the case was rated first; EXPIRED when it could not be sent before the case was no longer open for rating.
 */
@Repository
class SmsInvitations {

    record Due(String caseNo, OffsetDateTime giveUpAt, int attempts) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    SmsInvitations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Idempotent: a repeated completion event finds the invitation already there. */
    void expect(String caseNo, String mobileIndex, OffsetDateTime dueAt, OffsetDateTime giveUpAt) {
        if (jdbc.sql("select count(*) from channels_sms_invitation where case_no = :c").param("c", caseNo)
                .query(Long.class).single() > 0) {
            return;
        }
        try {
            jdbc.sql("""
                    insert into channels_sms_invitation (case_no, mobile_index, status, due_at, give_up_at, created_at)
                    values (:c, :m, 'PENDING', :due, :giveUp, :now)
                    """).param("c", caseNo).param("m", mobileIndex).param("due", dueAt).param("giveUp", giveUpAt)
                    .param("now", Zones.now(clock)).update();
        } catch (DuplicateKeyException concurrentDelivery) {
            // the same event delivered twice at once: the other delivery stored it
        }
    }

    List<Due> due(OffsetDateTime now, int limit) {
        return jdbc.sql("""
                select case_no, give_up_at, attempts from channels_sms_invitation
                where status = 'PENDING' and due_at <= :now and (claimed_until is null or claimed_until < :now)
                order by due_at limit :limit
                """).param("now", now).param("limit", limit)
                .query((rs, n) -> new Due(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getInt(3)))
                .list();
    }

    /** Claims a due invitation for a while, so that two runs never send it both. */
    boolean claim(String caseNo, OffsetDateTime now, OffsetDateTime until) {
        return jdbc.sql("""
                update channels_sms_invitation set claimed_until = :until
                where case_no = :c and status = 'PENDING' and (claimed_until is null or claimed_until < :now)
                """).param("until", until).param("c", caseNo).param("now", now).update() == 1;
    }

    void sent(String caseNo, OffsetDateTime now) {
        jdbc.sql("""
                update channels_sms_invitation set status = 'SENT', sent_at = :now, attempts = attempts + 1,
                    claimed_until = null, last_error = null
                where case_no = :c and status = 'PENDING'
                """).param("now", now).param("c", caseNo).update();
    }

    /** The gateway refused or could not be reached: try again later. */
    void failed(String caseNo, String error, OffsetDateTime retryAt) {
        jdbc.sql("""
                update channels_sms_invitation set attempts = attempts + 1, due_at = :retry, claimed_until = null,
                    last_error = :error
                where case_no = :c and status = 'PENDING'
                """).param("retry", retryAt).param("error", error.length() > 300 ? error.substring(0, 300) : error)
                .param("c", caseNo).update();
    }

    void expired(String caseNo) {
        jdbc.sql("update channels_sms_invitation set status = 'EXPIRED', claimed_until = null where case_no = :c and status = 'PENDING'")
                .param("c", caseNo).update();
    }

    /** The case was rated first: its invitation is not sent. */
    void cancel(String caseNo) {
        jdbc.sql("update channels_sms_invitation set status = 'CANCELLED', claimed_until = null where case_no = :c and status = 'PENDING'")
                .param("c", caseNo).update();
    }

    /** The cases invited by SMS to this mobile before a moment, newest invitation first. */
    List<String> invitedBefore(String mobileIndex, OffsetDateTime moment) {
        return jdbc.sql("""
                select case_no from channels_sms_invitation
                where mobile_index = :m and status = 'SENT' and sent_at <= :moment
                order by sent_at desc, case_no desc limit 20
                """).param("m", mobileIndex).param("moment", moment).query(String.class).list();
    }

    Optional<String> status(String caseNo) {
        return jdbc.sql("select status from channels_sms_invitation where case_no = :c").param("c", caseNo)
                .query(String.class).optional();
    }
}
