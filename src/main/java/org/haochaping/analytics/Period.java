package org.haochaping.analytics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.haochaping.system.FieldProblem;

/**
 * A statistics period as written in the API: a month {@code 2026-11}, a quarter {@code 2026-Q4} or a year
 * {@code 2026}; its dates are inclusive calendar dates in Asia/Shanghai (domain §8, "Which ratings count").
 */
public record Period(String code, Kind kind, LocalDate from, LocalDate to) {

    public enum Kind {
        MONTH("月度"), QUARTER("季度"), YEAR("年度");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final String[] QUARTER_NAMES = {"一", "二", "三", "四"};

    /** Reads {@code 2026-11}, {@code 2026-Q4} or {@code 2026}; anything else is a 400 naming the field. */
    public static Period parse(String code) {
        String c = code == null ? "" : code.trim().toUpperCase();
        Matcher m = MONTH.matcher(c);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return month(YearMonth.of(year(m.group(1)), month));
            }
        }
        m = QUARTER.matcher(c);
        if (m.matches()) {
            return quarter(year(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = YEAR.matcher(c);
        if (m.matches()) {
            return year(year(m.group(1)));
        }
        throw FieldProblem.of("period", "统计周期格式应为 2026-11（月）、2026-Q4（季度）或 2026（年）");
    }

    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        if (year < 2000 || year > 2999) {
            throw FieldProblem.of("period", "年份超出范围");
        }
        return year;
    }

    public static Period month(YearMonth month) {
        return new Period(month.toString(), Kind.MONTH, month.atDay(1), month.atEndOfMonth());
    }

    public static Period quarter(int year, int quarter) {
        LocalDate from = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new Period(year + "-Q" + quarter, Kind.QUARTER, from, from.plusMonths(3).minusDays(1));
    }

    public static Period year(int year) {
        return new Period(String.valueOf(year), Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The period of this kind that contains the day. */
    public static Period containing(Kind kind, LocalDate day) {
        return switch (kind) {
            case MONTH -> month(YearMonth.from(day));
            case QUARTER -> quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
            case YEAR -> year(day.getYear());
        };
    }

    public Period previous() {
        return containing(kind, from.minusDays(1));
    }

    public Period next() {
        return containing(kind, to.plusDays(1));
    }

    /** This period and the {@code count - 1} before it, oldest first. */
    public List<Period> history(int count) {
        List<Period> periods = new ArrayList<>();
        Period p = this;
        for (int i = 0; i < count; i++) {
            periods.add(0, p);
            p = p.previous();
        }
        return periods;
    }

    public String label() {
        return switch (kind) {
            case MONTH -> from.getYear() + " 年 " + from.getMonthValue() + " 月";
            case QUARTER -> from.getYear() + " 年第" + QUARTER_NAMES[(from.getMonthValue() - 1) / 3] + "季度";
            case YEAR -> from.getYear() + " 年";
        };
    }

    /** Whether the period has ended before the given day. */
    public boolean endedBefore(LocalDate day) {
        return to.isBefore(day);
    }
}
