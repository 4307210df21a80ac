package org.haochaping.analytics;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rollup tables, smallest first. Each keeps the day (daily tables) or month (monthly tables), region,
 * department and service body, plus the columns named here (the case tables the same without level, channel and
 * default flag). A figure reads the smallest one whose columns cover its filter, its grouping and what it counts:
 * the cube for the summary and the department, hall and region rankings, the staff cube for windows and staff, the
 * item cube for items, the channel cube (no levels) for ratings per channel, the fine rollup only when a figure
 * needs two of them together.
 */
enum RollupShape {
    CUBE("cube_", true, "level", "defaulted"),
    CHANNEL("channel_cube_", false, "channel"),
    STAFF("staff_cube_", true, "window_code", "staff_no", "level", "defaulted"),
    ITEM("item_cube_", true, "item_code", "level", "defaulted"),
    FINE("", true, "window_code", "staff_no", "item_code", "level", "channel", "defaulted");

    /** What a figure counts: ratings per level and default flag, ratings (any level), or completed cases. */
    enum Counting {
        LEVELS, RATINGS, CASES
    }

    static final List<String> GRAINS = List.of("daily", "monthly");

    /** Every rollup column in key order. */
    private static final List<String> ALL = List.of("stat_day", "region_code", "department_code", "service_body_code",
            "window_code", "staff_no", "item_code", "level", "channel", "defaulted");
    private static final Set<String> ALWAYS = Set.of("stat_day", "region_code", "department_code",
            "service_body_code");
    private static final List<String> SUBJECT_COLUMNS = List.of("window_code", "staff_no", "item_code", "channel");

    private final String infix;
    private final boolean hasCases;
    private final Set<String> columns;

    RollupShape(String infix, boolean hasCases, String... columns) {
        this.infix = infix;
        this.hasCases = hasCases;
        this.columns = Set.of(columns);
    }

    String ratings(String grain) {
        return "analytics_" + infix + grain;
    }

    String cases(String grain) {
        return "analytics_case_" + infix + grain;
    }

    boolean hasCases() {
        return hasCases;
    }

    /** The key columns of the rating tables, in key order. */
    List<String> ratingColumns() {
        return ALL.stream().filter(c -> ALWAYS.contains(c) || columns.contains(c)).toList();
    }

    /** The key columns of the case tables (no level, channel or default flag). */
    List<String> caseColumns() {
        return ratingColumns().stream().filter(c -> !c.equals("level") && !c.equals("defaulted")
                && !c.equals("channel")).toList();
    }

    /** The smallest shape holding what the filter narrows by, the grouping expression uses and the figure counts. */
    static RollupShape covering(StatsFilter filter, String groupExpr, Counting counting) {
        Set<String> needed = new LinkedHashSet<>();
        if (counting == Counting.LEVELS) {
            needed.add("level");
            needed.add("defaulted");
        }
        if (filter.windowCode() != null) {
            needed.add("window_code");
        }
        if (filter.staffNo() != null || filter.scope().staffNo() != null) {
            needed.add("staff_no");
        }
        if (filter.itemCode() != null) {
            needed.add("item_code");
        }
        if (groupExpr != null) {
            SUBJECT_COLUMNS.stream().filter(c -> Pattern.compile("\\b" + c + "\\b").matcher(groupExpr).find())
                    .forEach(needed::add);
        }
        for (RollupShape shape : values()) {
            if ((shape.hasCases || counting != Counting.CASES) && shape.columns.containsAll(needed)) {
                return shape;
            }
        }
        throw new IllegalStateException("no rollup holds " + needed);
    }

    /** The condition "every key column equals its parameter". */
    static String key(List<String> columns) {
        return columns.stream().map(c -> c + " = :" + param(c)).collect(Collectors.joining(" and "));
    }

    /** The insert of a key with zero counts. */
    static String insertZero(String table, List<String> columns, String counts) {
        return "insert into " + table + " (" + String.join(", ", columns) + ", " + counts + ") values ("
                + columns.stream().map(c -> ":" + param(c)).collect(Collectors.joining(", ")) + ", 0, 0)";
    }

    /** The parameter name of a key column in {@link Rollups}' parameter maps. */
    private static String param(String column) {
        return switch (column) {
            case "region_code" -> "region";
            case "department_code" -> "department";
            case "service_body_code" -> "body";
            case "window_code" -> "window";
            case "staff_no" -> "staff";
            case "item_code" -> "item";
            default -> column;
        };
    }
}
