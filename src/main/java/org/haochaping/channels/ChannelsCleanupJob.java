package org.haochaping.channels;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.haochaping.system.Job;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removes what the channels no longer need: SMS codes a day after they were sent (they live minutes), window
 * tablet presentations and device sessions a month after they ended. Ratings and invitations are never touched.
 */
@Component
class ChannelsCleanupJob implements Job {

    private final JdbcClient jdbc;
    private final Clock clock;

    ChannelsCleanupJob(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "channels-cleanup";
    }

    @Override
    public Duration interval() {
        return Duration.ofHours(6);
    }

    @Override
    public String run() {
        OffsetDateTime now = Zones.now(clock);
        int codes = jdbc.sql("delete from channels_verification_code where created_at < :before")
                .param("before", now.minusDays(1)).update();
        int presentations = jdbc.sql("delete from channels_presentation where expires_at < :before")
                .param("before", now.minusDays(30)).update();
        int sessions = jdbc.sql("delete from channels_device_session where expires_at < :before")
                .param("before", now.minusDays(30)).update();
        return codes + " SMS codes, " + presentations + " tablet presentations, " + sessions
                + " device sessions removed";
    }
}
