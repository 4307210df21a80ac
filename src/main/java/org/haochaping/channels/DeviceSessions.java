package org.haochaping.channels;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A window tablet's long-lived session: set up once with the device key, then carried by a cookie. Only a keyed
 * hash of the cookie is stored, so every instance recognises the tablet and a database dump cannot impersonate it.
 */
@Repository
class DeviceSessions {

    static final String COOKIE = "HCP_DEVICE";

    private final JdbcClient jdbc;
    private final ChannelKeys keys;
    private final ChannelSettings settings;
    private final Clock clock;

    DeviceSessions(JdbcClient jdbc, ChannelKeys keys, ChannelSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /** Opens a session for the device and answers the cookie value. */
    String open(String deviceCode) {
        String secret = keys.randomSecret(32);
        OffsetDateTime now = Zones.now(clock);
        jdbc.sql("""
                insert into channels_device_session (session_hash, device_code, created_at, expires_at)
                values (:hash, :device, :now, :expires)
                """).param("hash", keys.hash("device-session", secret)).param("device", deviceCode)
                .param("now", now).param("expires", now.plus(settings.deviceSessionValidity())).update();
        return secret;
    }

    boolean valid(String deviceCode, String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 100) {
            return false;
        }
        return jdbc.sql("""
                select count(*) from channels_device_session
                where session_hash = :hash and device_code = :device and revoked_at is null and expires_at > :now
                """).param("hash", keys.hash("device-session", cookie)).param("device", deviceCode)
                .param("now", Zones.now(clock)).query(Long.class).single() > 0;
    }
}
