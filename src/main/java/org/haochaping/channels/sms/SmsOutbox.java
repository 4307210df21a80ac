package org.haochaping.channels.sms;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.haochaping.channels.SmsMessage;
import org.haochaping.identity.DataScope;
import org.haochaping.identity.PersonalDataVault;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The messages the logging gateway kept, mobile sealed, newest first. */
@Repository
class SmsOutbox {

    record Kept(long id, String sealedMobile, SmsMessage.Purpose purpose, String text, String regionCode,
            OffsetDateTime sentAt) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataVault vault;
    private final Clock clock;

    SmsOutbox(JdbcClient jdbc, PersonalDataVault vault, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
    }

    long keep(SmsMessage message) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into channels_sms_outbox (mobile, mobile_index, purpose, text, region_code, sent_at)
                values (:mobile, :index, :purpose, :text, :region, :now)
                """).param("mobile", vault.seal(message.mobile())).param("index", vault.index(message.mobile()))
                .param("purpose", message.purpose().name()).param("text", message.text())
                .param("region", message.regionCode()).param("now", Zones.now(clock))
                .update(key, "id");
        return key.getKey() == null ? 0 : key.getKey().longValue();
    }

    /**
     * The newest messages inside a region scope (supervisors, administrators); a message about no known region is
     * seen only by unrestricted scopes.
     */
    List<Kept> newest(DataScope scope, int limit) {
        return jdbc.sql("select * from channels_sms_outbox o where " + scope.sql("o")
                + " order by o.sent_at desc, o.id desc limit :limit")
                .params(scope.params()).param("limit", limit)
                .query((rs, n) -> new Kept(rs.getLong("id"), rs.getString("mobile"),
                        SmsMessage.Purpose.valueOf(rs.getString("purpose")), rs.getString("text"),
                        rs.getString("region_code"), Zones.inShanghai(rs.getObject("sent_at", OffsetDateTime.class))))
                .list();
    }
}
