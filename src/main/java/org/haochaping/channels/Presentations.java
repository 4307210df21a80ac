package org.haochaping.channels;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The cases presented on window tablets. A tablet shows its newest open presentation until it is rated, replaced
 * by the next case or expires; kept in the database so that any instance serves any tablet.
 */
@Repository
class Presentations {

    record Presentation(String id, String deviceCode, String windowCode, String caseNo, OffsetDateTime presentedAt,
            OffsetDateTime expiresAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Presentations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Presents the case now; whatever the tablet showed before is replaced. */
    Presentation present(String deviceCode, String windowCode, String caseNo, String presentedBy,
            java.time.Duration validity) {
        OffsetDateTime now = Zones.now(clock);
        jdbc.sql("""
                update channels_presentation set ended_at = :now, ended_because = 'REPLACED'
                where device_code = :device and ended_at is null
                """).param("now", now).param("device", deviceCode).update();
        Presentation p = new Presentation(UUID.randomUUID().toString(), deviceCode, windowCode, caseNo, now,
                now.plus(validity));
        jdbc.sql("""
                insert into channels_presentation (id, device_code, window_code, case_no, presented_by, presented_at, expires_at)
                values (:id, :device, :window, :caseNo, :by, :at, :expires)
                """).param("id", p.id()).param("device", deviceCode).param("window", windowCode).param("caseNo", caseNo)
                .param("by", presentedBy).param("at", now).param("expires", p.expiresAt()).update();
        return p;
    }

    /** What the tablet should show now: its newest presentation that is neither ended nor expired. */
    Optional<Presentation> current(String deviceCode) {
        return jdbc.sql("""
                select * from channels_presentation
                where device_code = :device and ended_at is null and expires_at > :now
                order by presented_at desc limit 1
                """).param("device", deviceCode).param("now", Zones.now(clock)).query(Presentations::map).optional();
    }

    void rated(String id) {
        jdbc.sql("update channels_presentation set ended_at = :now, ended_because = 'RATED' where id = :id and ended_at is null")
                .param("now", Zones.now(clock)).param("id", id).update();
    }

    /** Ends every open presentation of a case that got its rating elsewhere. */
    void caseRated(String caseNo) {
        jdbc.sql("""
                update channels_presentation set ended_at = :now, ended_because = 'RATED'
                where case_no = :caseNo and ended_at is null
                """).param("now", Zones.now(clock)).param("caseNo", caseNo).update();
    }

    private static Presentation map(ResultSet rs, int row) throws SQLException {
        return new Presentation(rs.getString("id"), rs.getString("device_code"), rs.getString("window_code"),
                rs.getString("case_no"), Zones.inShanghai(rs.getObject("presented_at", OffsetDateTime.class)),
                Zones.inShanghai(rs.getObject("expires_at", OffsetDateTime.class)));
    }
}
