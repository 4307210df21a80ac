package org.haochaping.rectification.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.haochaping.system.FieldProblem;

/**
 * The working-day calendar: Saturdays and Sundays are rest days, Monday to Friday working days, except the days the
 * State Council's annual notice lists as holidays (HOLIDAY) or as make-up working days (WORKDAY, 调休).
 */
public record HolidayCalendar(Map<LocalDate, Day> days) {

    /** Whether a listed day is a holiday or a make-up working day. */
    public enum DayType {
        HOLIDAY("节假日"),
        WORKDAY("调休上班");

        private final String label;

        DayType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A listed day, with its optional name (春节, 国庆节...). */
    public record Day(LocalDate date, DayType type, String name) {

        /** 周一 … 周日. */
        public String weekday() {
            return "周" + "一二三四五六日".charAt(date.getDayOfWeek().getValue() - 1);
        }
    }

    public static final int MAX_LINES = 400;

    public HolidayCalendar {
        days = Collections.unmodifiableMap(new TreeMap<>(days));
    }

    public static HolidayCalendar empty() {
        return new HolidayCalendar(Map.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        Day listed = days.get(date);
        if (listed != null) {
            return listed.type() == DayType.WORKDAY;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    public List<Day> list() {
        return List.copyOf(days.values());
    }

    /**
     * Reads a year's file: lines {@code date,type[,name]} with dates {@code yyyy-MM-dd} of that year and types
     * {@code HOLIDAY} or {@code WORKDAY}; a header line and blank lines are skipped. Every faulty line is reported
     * (as a 400 naming the line), and then nothing is taken.
     */
    public static HolidayCalendar parse(int year, String text) {
        List<FieldProblem.FieldError> errors = new ArrayList<>();
        Map<LocalDate, Day> days = new TreeMap<>();
        String[] lines = text == null ? new String[0] : text.replace("\uFEFF", "").split("\\r?\\n|\\r");
        if (lines.length > MAX_LINES) {
            throw FieldProblem.of("file", "文件过长：每年最多 " + MAX_LINES + " 行");
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = "第 " + (i + 1) + " 行";
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("date"))) {
                continue;
            }
            String[] cells = line.split("\\s*[,，]\\s*", -1);
            if (cells.length < 2 || cells.length > 3) {
                errors.add(new FieldProblem.FieldError("file", where + "格式应为：日期,类型[,名称]"));
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(cells[0].strip());
            } catch (DateTimeParseException e) {
                errors.add(new FieldProblem.FieldError("file", where + "日期无效，应为 yyyy-MM-dd：" + cells[0]));
                continue;
            }
            if (date.getYear() != year) {
                errors.add(new FieldProblem.FieldError("file", where + "日期 " + date + " 不属于 " + year + " 年"));
                continue;
            }
            DayType type = typeOf(cells[1].strip());
            if (type == null) {
                errors.add(new FieldProblem.FieldError("file", where + "类型应为 HOLIDAY（节假日）或 WORKDAY（调休上班）：" + cells[1]));
                continue;
            }
            String name = cells.length == 3 && !cells[2].isBlank() ? cells[2].strip() : null;
            if (name != null && name.length() > 50) {
                errors.add(new FieldProblem.FieldError("file", where + "名称最长 50 字"));
                continue;
            }
            if (days.put(date, new Day(date, type, name)) != null) {
                errors.add(new FieldProblem.FieldError("file", where + "日期 " + date + " 重复"));
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldProblem(errors);
        }
        if (days.isEmpty()) {
            throw FieldProblem.of("file", "文件中没有任何日期");
        }
        return new HolidayCalendar(days);
    }

    private static DayType typeOf(String cell) {
        switch (cell.toUpperCase(Locale.ROOT)) {
            case "HOLIDAY":
            case "休":
            case "节假日":
                return DayType.HOLIDAY;
            case "WORKDAY":
            case "班":
            case "调休上班":
            case "上班":
                return DayType.WORKDAY;
            default:
                return null;
        }
    }
}
