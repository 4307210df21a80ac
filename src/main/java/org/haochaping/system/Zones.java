package org.haochaping.system;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The system's time zone and the one way to read "now" as a zoned timestamp. */
public final class Zones {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Zones() {
    }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).atZoneSameInstant(SHANGHAI).toOffsetDateTime().truncatedTo(ChronoUnit.MICROS);
    }

    public static OffsetDateTime inShanghai(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(SHANGHAI).toOffsetDateTime();
    }
}
