package org.haochaping.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.haochaping.identity.DataScope;
import org.junit.jupiter.api.Test;

/** A date range reads whole months from the monthly rollup and only the days around them from the daily one. */
class RollupPartsTest {

    private static Rollups.Parts split(String from, String to) {
        return Rollups.split(StatsFilter.of(DataScope.everything(), from == null ? null : LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to)));
    }

    @Test
    void aYearIsTwelveMonthsAndNoDays() {
        Rollups.Parts parts = split("2026-01-01", "2026-12-31");
        assertThat(parts.months().from()).isEqualTo("2026-01-01");
        assertThat(parts.months().to()).isEqualTo("2026-12-01");
        assertThat(parts.days()).isEmpty();
    }

    @Test
    void partialMonthsAtBothEndsAreReadByDay() {
        Rollups.Parts parts = split("2026-10-29", "2026-12-05");
        assertThat(parts.months().from()).isEqualTo("2026-11-01");
        assertThat(parts.months().to()).isEqualTo("2026-11-01");
        assertThat(parts.days()).extracting(StatsFilter::from).containsExactly(LocalDate.parse("2026-10-29"),
                LocalDate.parse("2026-12-01"));
        assertThat(parts.days()).extracting(StatsFilter::to).containsExactly(LocalDate.parse("2026-10-31"),
                LocalDate.parse("2026-12-05"));
    }

    @Test
    void aRangeInsideOneMonthIsOnlyDays() {
        Rollups.Parts parts = split("2026-11-03", "2026-11-20");
        assertThat(parts.months()).isNull();
        assertThat(parts.days()).hasSize(1);
        assertThat(parts.days().get(0).from()).isEqualTo("2026-11-03");
    }

    @Test
    void openRangesAreWholeMonths() {
        assertThat(split(null, null).days()).isEmpty();
        assertThat(split(null, null).months().from()).isNull();
        Rollups.Parts since = split("2026-11-15", null);
        assertThat(since.months().from()).isEqualTo("2026-12-01");
        assertThat(since.days()).hasSize(1);
    }
}
