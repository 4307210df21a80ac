package org.haochaping.rectification.internal;

import java.time.LocalDate;

/**
 * 第十条: a confirmed bad rating is rectified within 15 natural days. The number of days, whether they are natural or
 * working days (weekends and the State Council's holidays off, make-up working days 调休 on) and whether they run
 * from the rating (the stricter reading, domain §8) or from its confirmation are configuration. The deadline is the
 * last day on which the rectification is still in time.
 */
public record DeadlinePolicy(int days, Counting counting, Start start) {

    /** Natural days (自然日) or working days (工作日). */
    public enum Counting {
        NATURAL("自然日"),
        WORKING("工作日");

        private final String label;

        Counting(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the days are counted from. */
    public enum Start {
        RATING("自差评提交之日起"),
        CONFIRMATION("自核实确认之日起");

        private final String label;

        Start(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The deadline of a bad rating given on {@code ratedOn} and confirmed on {@code confirmedOn}. */
    public LocalDate deadline(LocalDate ratedOn, LocalDate confirmedOn, HolidayCalendar calendar) {
        return countFrom(start == Start.RATING ? ratedOn : confirmedOn, calendar);
    }

    /**
     * The deadline of a rectification that starts again on {@code reopenedOn} (the evaluator was still dissatisfied
     * on the call-back): the full period, counted from the reopening.
     */
    public LocalDate reopened(LocalDate reopenedOn, HolidayCalendar calendar) {
        return countFrom(reopenedOn, calendar);
    }

    /** The day {@code days} natural or working days after {@code first} (the starting day itself not counted). */
    public LocalDate countFrom(LocalDate first, HolidayCalendar calendar) {
        if (counting == Counting.NATURAL) {
            return first.plusDays(days);
        }
        LocalDate day = first;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The last year whose calendar a deadline counted from {@code first} may need. */
    public int lastYearNeeded(LocalDate first) {
        int span = counting == Counting.NATURAL ? days : days * 2 + 30;
        return first.plusDays(span).getYear();
    }

    /** How the rule reads, for the console ("15 个自然日，自差评提交之日起"). */
    public String description() {
        return start.label() + " " + days + " 个" + counting.label();
    }
}
