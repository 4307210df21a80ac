package org.haochaping.rectification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.haochaping.system.FieldProblem;
import org.junit.jupiter.api.Test;

/** 第十条 and domain §8: the rectification deadline, in natural or working days, with holidays and 调休. */
class DeadlinePolicyTest {

    /** National Day 2025 as the State Council announced it: 1–8 October off, Sunday 28 September and Saturday 11 October worked. */
    static final String NATIONAL_DAY_2025 = """
            date,type,name
            2025-09-28,WORKDAY,国庆节调休
            2025-10-01,HOLIDAY,国庆节
            2025-10-02,HOLIDAY,国庆节
            2025-10-03,HOLIDAY,国庆节
            2025-10-04,HOLIDAY,国庆节
            2025-10-05,HOLIDAY,国庆节
            2025-10-06,HOLIDAY,中秋节
            2025-10-07,HOLIDAY,国庆节
            2025-10-08,HOLIDAY,国庆节
            2025-10-11,WORKDAY,国庆节调休
            """;

    private final HolidayCalendar nationalDay = HolidayCalendar.parse(2025, NATIONAL_DAY_2025);

    @Test
    void fifteenNaturalDaysCountFromTheRatingByDefault() {
        DeadlinePolicy policy = new DeadlinePolicy(15, DeadlinePolicy.Counting.NATURAL, DeadlinePolicy.Start.RATING);
        LocalDate rated = LocalDate.of(2026, 11, 1);
        assertThat(policy.deadline(rated, LocalDate.of(2026, 11, 5), HolidayCalendar.empty()))
                .as("confirmation four days later does not move the deadline").isEqualTo(LocalDate.of(2026, 11, 16));
    }

    @Test
    void naturalDaysIgnoreWeekendsAndHolidays() {
        DeadlinePolicy policy = new DeadlinePolicy(15, DeadlinePolicy.Counting.NATURAL, DeadlinePolicy.Start.RATING);
        assertThat(policy.deadline(LocalDate.of(2025, 9, 26), LocalDate.of(2025, 9, 26), nationalDay))
                .isEqualTo(LocalDate.of(2025, 10, 11));
    }

    @Test
    void daysMayCountFromTheConfirmation() {
        DeadlinePolicy policy = new DeadlinePolicy(15, DeadlinePolicy.Counting.NATURAL,
                DeadlinePolicy.Start.CONFIRMATION);
        assertThat(policy.deadline(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3), HolidayCalendar.empty()))
                .isEqualTo(LocalDate.of(2026, 11, 18));
    }

    @Test
    void workingDaysSkipWeekends() {
        DeadlinePolicy policy = new DeadlinePolicy(5, DeadlinePolicy.Counting.WORKING, DeadlinePolicy.Start.RATING);
        // Friday 27 November 2026: Monday 30 November to Friday 4 December are the five working days
        assertThat(policy.deadline(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 27), HolidayCalendar.empty()))
                .isEqualTo(LocalDate.of(2026, 12, 4));
    }

    @Test
    void workingDaysSkipHolidaysAndCountMakeUpWorkingWeekends() {
        DeadlinePolicy policy = new DeadlinePolicy(5, DeadlinePolicy.Counting.WORKING, DeadlinePolicy.Start.RATING);
        LocalDate friday = LocalDate.of(2025, 9, 26);
        // Sun 28 Sep (调休) 1, Mon 29 2, Tue 30 3, 1–8 Oct off, Thu 9 Oct 4, Fri 10 Oct 5
        assertThat(policy.deadline(friday, friday, nationalDay)).isEqualTo(LocalDate.of(2025, 10, 10));
        // without the calendar the holiday week would count as working days
        assertThat(policy.deadline(friday, friday, HolidayCalendar.empty())).isEqualTo(LocalDate.of(2025, 10, 3));
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDay() {
        DeadlinePolicy policy = new DeadlinePolicy(1, DeadlinePolicy.Counting.WORKING, DeadlinePolicy.Start.RATING);
        // rated on Friday 10 October 2025: the next working day is the make-up Saturday 11 October
        assertThat(policy.deadline(LocalDate.of(2025, 10, 10), null, nationalDay)).isEqualTo(LocalDate.of(2025, 10, 11));
        assertThat(nationalDay.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
        assertThat(nationalDay.isWorkingDay(LocalDate.of(2025, 10, 12))).as("an ordinary Sunday").isFalse();
        assertThat(nationalDay.isWorkingDay(LocalDate.of(2025, 10, 1))).as("a weekday holiday").isFalse();
    }

    @Test
    void fifteenWorkingDaysOverTheNationalDayHolidays() {
        DeadlinePolicy policy = new DeadlinePolicy(15, DeadlinePolicy.Counting.WORKING, DeadlinePolicy.Start.RATING);
        // from Thu 25 Sep 2025: 26, 28(调休), 29, 30 = 4; 9, 10, 11(调休) = 7; 13–17 = 12; 20, 21, 22 = 15
        assertThat(policy.deadline(LocalDate.of(2025, 9, 25), null, nationalDay)).isEqualTo(LocalDate.of(2025, 10, 22));
    }

    @Test
    void reopenedRectificationGetsTheFullPeriodAgain() {
        DeadlinePolicy policy = new DeadlinePolicy(15, DeadlinePolicy.Counting.NATURAL, DeadlinePolicy.Start.RATING);
        assertThat(policy.reopened(LocalDate.of(2026, 12, 20), HolidayCalendar.empty()))
                .isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void theCalendarFileAcceptsHeaderChineseTypesAndBlankLines() {
        HolidayCalendar calendar = HolidayCalendar.parse(2026, "\uFEFFdate,type\n\n2026-01-01,休,元旦\n2026-01-04，班\n");
        assertThat(calendar.list()).hasSize(2);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).as("Sunday worked (调休)").isTrue();
        assertThat(calendar.list().get(0).name()).isEqualTo("元旦");
    }

    @Test
    void aFaultyCalendarFileNamesEveryBadLineAndIsRefused() {
        assertThatThrownBy(() -> HolidayCalendar.parse(2026,
                "2026-02-30,HOLIDAY\n2025-12-31,HOLIDAY\n2026-05-01,VACATION\n2026-05-01,HOLIDAY\n2026-05-01,HOLIDAY\n"))
                .isInstanceOfSatisfying(FieldProblem.class, p -> assertThat(p.errors())
                        .extracting(FieldProblem.FieldError::message)
                        .containsExactly("第 1 行日期无效，应为 yyyy-MM-dd：2026-02-30",
                                "第 2 行日期 2025-12-31 不属于 2026 年",
                                "第 3 行类型应为 HOLIDAY（节假日）或 WORKDAY（调休上班）：VACATION",
                                "第 5 行日期 2026-05-01 重复"));
        assertThatThrownBy(() -> HolidayCalendar.parse(2026, "date,type\n")).isInstanceOf(FieldProblem.class);
    }
}
