package org.haochaping.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.haochaping.system.FieldProblem;
import org.junit.jupiter.api.Test;

/** Periods are written 2026-11, 2026-Q4 and 2026 and cover inclusive calendar dates. */
class PeriodTest {

    @Test
    void monthQuarterAndYearCoverTheirDays() {
        assertThat(Period.parse("2026-11")).satisfies(p -> {
            assertThat(p.from()).isEqualTo(LocalDate.of(2026, 11, 1));
            assertThat(p.to()).isEqualTo(LocalDate.of(2026, 11, 30));
            assertThat(p.label()).isEqualTo("2026 年 11 月");
        });
        assertThat(Period.parse("2026-q4")).satisfies(p -> {
            assertThat(p.code()).isEqualTo("2026-Q4");
            assertThat(p.from()).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(p.to()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(p.label()).isEqualTo("2026 年第四季度");
        });
        assertThat(Period.parse("2024")).satisfies(p -> {
            assertThat(p.from()).isEqualTo(LocalDate.of(2024, 1, 1));
            assertThat(p.to()).isEqualTo(LocalDate.of(2024, 12, 31));
        });
        assertThat(Period.parse("2024-02").to()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void previousPeriodsStepBackAcrossYears() {
        assertThat(Period.parse("2026-01").previous().code()).isEqualTo("2025-12");
        assertThat(Period.parse("2026-Q1").previous().code()).isEqualTo("2025-Q4");
        assertThat(Period.parse("2026").previous().code()).isEqualTo("2025");
        assertThat(Period.parse("2026-02").history(3)).extracting(Period::code)
                .containsExactly("2025-12", "2026-01", "2026-02");
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        for (String bad : new String[] {null, "", "2026-13", "2026-Q5", "26-11", "2026/11", "1999", "2026-11-01"}) {
            assertThatThrownBy(() -> Period.parse(bad)).isInstanceOf(FieldProblem.class)
                    .satisfies(e -> assertThat(((FieldProblem) e).errors().get(0).field()).isEqualTo("period"));
        }
    }
}
