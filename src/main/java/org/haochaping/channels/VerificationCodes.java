package org.haochaping.channels;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import org.haochaping.identity.PersonalDataVault;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.Zones;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 6-digit SMS codes of the static window QR (the citizen scans, enters a mobile, proves it and rates). A code is
 * stored only as a keyed hash, lives five minutes and allows five tries; each mobile may ask for a code once a minute
 * and five times an hour. A verified code lets its holder see their unrated cases at that window for half an hour.
 */
@Service
class VerificationCodes {

    /** What became of a code that was entered. */
    enum Outcome {
        VERIFIED, WRONG, EXPIRED, LOCKED, UNKNOWN
    }

    record Attempt(Outcome outcome, int remaining) {
    }

    /** A verified mobile at a window, as long as the verification lasts. */
    record Verified(String windowCode, String mobileIndex, OffsetDateTime until) {
    }

    private final JdbcClient jdbc;
    private final ChannelKeys keys;
    private final PersonalDataVault vault;
    private final SmsGateway sms;
    private final ChannelSettings settings;
    private final Clock clock;

    VerificationCodes(JdbcClient jdbc, ChannelKeys keys, PersonalDataVault vault, SmsGateway sms,
            ChannelSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.vault = vault;
        this.sms = sms;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Sends a new code to the mobile and answers the id the code form carries. Refused with 429 when the mobile asked
     * too often; with 503 when the SMS could not be sent (nothing is kept then).
     */
    @Transactional
    String send(String windowCode, String windowName, String regionCode, String mobile) {
        String mobileIndex = vault.index(mobile);
        OffsetDateTime now = Zones.now(clock);
        long lastHour = jdbc.sql("""
                select count(*) from channels_verification_code where mobile_index = :m and created_at > :since
                """).param("m", mobileIndex).param("since", now.minusHours(1)).query(Long.class).single();
        if (lastHour >= settings.codesPerHour()) {
            throw tooMany("该手机号一小时内获取验证码次数过多，请稍后再试。");
        }
        long recent = jdbc.sql("""
                select count(*) from channels_verification_code where mobile_index = :m and created_at > :since
                """).param("m", mobileIndex).param("since", now.minus(settings.codeResendInterval()))
                .query(Long.class).single();
        if (recent > 0) {
            throw tooMany("验证码已发送，请 " + settings.codeResendInterval().toSeconds() + " 秒后再重新获取。");
        }
        String id = keys.randomSecret(16);
        String code = keys.sixDigits();
        jdbc.sql("""
                insert into channels_verification_code (id, window_code, mobile_index, code_hash, created_at, expires_at)
                values (:id, :window, :m, :hash, :now, :expires)
                """).param("id", id).param("window", windowCode).param("m", mobileIndex)
                .param("hash", keys.hash("sms-code", id + ":" + code)).param("now", now)
                .param("expires", now.plus(settings.codeValidity())).update();
        String text = "您的验证码为 " + code + "，" + settings.codeValidity().toMinutes() + " 分钟内有效，用于" + windowName
                + "的服务评价，请勿告知他人。";
        try {
            sms.send(new SmsMessage(mobile, SmsMessage.Purpose.VERIFICATION_CODE, text, Map.of("code", code), regionCode));
        } catch (SmsNotSent e) {
            throw new DomainProblem(HttpStatus.SERVICE_UNAVAILABLE, "短信发送失败", "验证码短信暂时无法发送，请稍后再试。");
        }
        return id;
    }

    /**
     * Checks an entered code. Each try is counted first, in its own transaction, so that five wrong tries lock the
     * code even when they arrive at once.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Attempt verify(String id, String windowCode, String code) {
        OffsetDateTime now = Zones.now(clock);
        var row = jdbc.sql("select * from channels_verification_code where id = :id and window_code = :w")
                .param("id", id).param("w", windowCode)
                .query((rs, n) -> Map.of("expires", rs.getObject("expires_at", OffsetDateTime.class),
                        "attempts", rs.getInt("attempts"), "verified", rs.getObject("verified_at") != null))
                .optional();
        if (row.isEmpty()) {
            return new Attempt(Outcome.UNKNOWN, 0);
        }
        if ((Boolean) row.get().get("verified")) {
            return new Attempt(Outcome.EXPIRED, 0);
        }
        if (!((OffsetDateTime) row.get().get("expires")).isAfter(now)) {
            return new Attempt(Outcome.EXPIRED, 0);
        }
        int max = settings.codeAttempts();
        int claimed = jdbc.sql("""
                update channels_verification_code set attempts = attempts + 1
                where id = :id and attempts < :max and verified_at is null
                """).param("id", id).param("max", max).update();
        if (claimed == 0) {
            return new Attempt(Outcome.LOCKED, 0);
        }
        int used = jdbc.sql("select attempts from channels_verification_code where id = :id").param("id", id)
                .query(Integer.class).single();
        if (code == null || !code.trim().matches("[0-9]{6}")
                || !java.security.MessageDigest.isEqual(keys.hash("sms-code", id + ":" + code.trim()).getBytes(),
                        codeHash(id).getBytes())) {
            return new Attempt(used >= max ? Outcome.LOCKED : Outcome.WRONG, max - used);
        }
        jdbc.sql("update channels_verification_code set verified_at = :now, verified_until = :until where id = :id")
                .param("now", now).param("until", now.plus(settings.verifiedFor())).param("id", id).update();
        return new Attempt(Outcome.VERIFIED, max - used);
    }

    /** The verified mobile behind an id, while the verification lasts. */
    Optional<Verified> verified(String id, String windowCode) {
        return jdbc.sql("""
                select window_code, mobile_index, verified_until from channels_verification_code
                where id = :id and window_code = :w and verified_at is not null and verified_until > :now
                """).param("id", id).param("w", windowCode).param("now", Zones.now(clock))
                .query((rs, n) -> new Verified(rs.getString(1), rs.getString(2),
                        Zones.inShanghai(rs.getObject(3, OffsetDateTime.class))))
                .optional();
    }

    private String codeHash(String id) {
        return jdbc.sql("select code_hash from channels_verification_code where id = :id").param("id", id)
                .query(String.class).single();
    }

    private static DomainProblem tooMany(String detail) {
        return new DomainProblem(HttpStatus.TOO_MANY_REQUESTS, "操作过于频繁", detail);
    }
}
