package org.haochaping.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.haochaping.identity.DataScope;
import org.junit.jupiter.api.Test;

/**
 * A date range reads whole months from the monthly rollup and the days around them from the daily one, or a month
 * less its few days outside the range.
 */
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
    void aShortRangeInsideOneMonthIsOnlyDays() {
        Rollups.Parts parts = split("2026-11-03", "2026-11-12");
        assertThat(parts.months()).isNull();
        assertThat(parts.minus()).isEmpty();
        assertThat(parts.days()).hasSize(1);
        assertThat(parts.days().get(0).from()).isEqualTo("2026-11-03");
    }

    @Test
    void mostOfAMonthIsTheMonthLessTheDaysOutside() {
        Rollups.Parts parts = split("2026-11-03", "2026-11-27");
        assertThat(parts.months().from()).isEqualTo("2026-11-01");
        assertThat(parts.months().to()).isEqualTo("2026-11-01");
        assertThat(parts.days()).isEmpty();
        assertThat(parts.minus()).extracting(StatsFilter::from).containsExactly(LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-28"));
        assertThat(parts.minus()).extracting(StatsFilter::to).containsExactly(LocalDate.parse("2026-11-02"),
                LocalDate.parse("2026-11-30"));
    }

    @Test
    void thirtyDaysToTodayReadTheCurrentMonthAndAFewDaysBefore() {
        Rollups.Parts parts = split("2026-10-29", "2026-11-27");
        assertThat(parts.months().from()).isEqualTo("2026-11-01");
        assertThat(parts.months().to()).isEqualTo("2026-11-01");
        assertThat(parts.days()).singleElement().extracting(StatsFilter::from).isEqualTo(LocalDate.parse("2026-10-29"));
        assertThat(parts.minus()).singleElement().extracting(StatsFilter::from)
                .isEqualTo(LocalDate.parse("2026-11-28"));
        Rollups.Parts year = split("2025-11-28", "2026-11-27");
        assertThat(year.months().from()).isEqualTo("2025-12-01");
        assertThat(year.months().to()).isEqualTo("2026-11-01");
        assertThat(year.days()).singleElement().extracting(StatsFilter::to).isEqualTo(LocalDate.parse("2025-11-30"));
        assertThat(year.minus()).singleElement().extracting(StatsFilter::to).isEqualTo(LocalDate.parse("2026-11-30"));
    }

    @Test
    void openRangesAreWholeMonths() {
        assertThat(split(null, null).days()).isEmpty();
        assertThat(split(null, null).minus()).isEmpty();
        assertThat(split(null, null).months().from()).isNull();
        Rollups.Parts since = split("2026-11-20", null);
        assertThat(since.months().from()).isEqualTo("2026-12-01");
        assertThat(since.days()).hasSize(1);
        Rollups.Parts sinceEarly = split("2026-11-05", null);
        assertThat(sinceEarly.months().from()).isEqualTo("2026-11-01");
        assertThat(sinceEarly.minus()).singleElement().extracting(StatsFilter::to)
                .isEqualTo(LocalDate.parse("2026-11-04"));
    }
}
