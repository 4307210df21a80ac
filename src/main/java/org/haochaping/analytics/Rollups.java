package org.haochaping.analytics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.haochaping.evaluation.Level;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read model of ratings and completed cases and their daily rollups. Every change recounts the one rollup row
 * it touches from the read model while holding that row's lock, so a delivery that runs twice, or two deliveries
 * at once, leave the same numbers as a single one (architecture.md: rollups updated incrementally).
 */
@Repository
class Rollups {

    /** The rollup key of a rating: the day of its submission and every subject it counts for. */
    record RatingKey(LocalDate day, String regionCode, String departmentCode, String serviceBodyCode,
            String windowCode, String staffNo, String itemCode, Level level, String channel, boolean defaulted) {
    }

    /** The rollup key of a completed case. */
    record CaseKey(LocalDate day, String regionCode, String departmentCode, String serviceBodyCode, String windowCode,
            String staffNo, String itemCode) {
    }

    /** Valid ratings of one subject (or of everything, subject "") at one level, defaulted or given by a person. */
    record Cell(String subject, Level level, boolean defaulted, long ratings) {
    }

    private static final String RATING_KEY = RollupShape.key(RollupShape.FINE.ratingColumns());
    private static final String CASE_KEY = RollupShape.key(RollupShape.FINE.caseColumns());

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    Rollups(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Brings a rating into the read model as it is now (counted or not) and recounts its rollup row. Reasons and
     * comment terms are stored once, when the rating first arrives.
     */
    @Transactional
    void recordRating(String evaluationId, String caseNo, RatingKey key, boolean counted, boolean hasComment,
            List<String> reasons, Supplier<Map<String, Integer>> terms) {
        long[] before = lock("analytics_daily", RATING_KEY, ratingParams(key), "ratings, excluded",
                RollupShape.insertZero("analytics_daily", RollupShape.FINE.ratingColumns(), "ratings, excluded"));
        int changed = jdbc.sql("update analytics_rating set counted = :counted where evaluation_id = :id")
                .param("counted", counted).param("id", evaluationId).update();
        if (changed == 0) {
            jdbc.sql("""
                    insert into analytics_rating (evaluation_id, case_no, stat_day, region_code, department_code,
                        service_body_code, window_code, staff_no, item_code, level, channel, defaulted, counted,
                        has_comment)
                    values (:id, :caseNo, :stat_day, :region, :department, :body, :window, :staff, :item, :level,
                        :channel, :defaulted, :counted, :hasComment)
                    """).params(ratingParams(key)).param("id", evaluationId).param("caseNo", caseNo)
                    .param("counted", counted)
                    .param("hasComment", hasComment).update();
            reasons.stream().distinct().forEach(reason -> jdbc.sql(
                    "insert into analytics_rating_reason (evaluation_id, reason_code) values (:id, :reason)")
                    .param("id", evaluationId).param("reason", reason).update());
            terms.get().forEach((term, occurrences) -> jdbc.sql(
                    "insert into analytics_comment_term (evaluation_id, term, occurrences) values (:id, :term, :n)")
                    .param("id", evaluationId).param("term", term).param("n", occurrences).update());
        }
        jdbc.sql("update analytics_daily set"
                + " ratings = (select count(*) from analytics_rating r where " + prefixed("r", RATING_KEY) + " and r.counted),"
                + " excluded = (select count(*) from analytics_rating r where " + prefixed("r", RATING_KEY) + " and not r.counted)"
                + " where " + RATING_KEY).params(ratingParams(key)).update();
        long[] after = current("analytics_daily", RATING_KEY, ratingParams(key), "ratings, excluded");
        if (after[0] != before[0] || after[1] != before[1]) {
            // the month's row and the coarser cube rows move by exactly what the day's row moved, under its lock
            Map<String, Object> day = ratingParams(key);
            Map<String, Object> month = ratingParams(key);
            month.put("stat_day", key.day().withDayOfMonth(1));
            String set = "ratings = ratings + " + (after[0] - before[0]) + ", excluded = excluded + " + (after[1] - before[1]);
            for (RollupShape shape : RollupShape.values()) {
                List<String> columns = shape.ratingColumns();
                if (shape != RollupShape.FINE) {
                    move(shape.ratings("daily"), columns, day, "ratings, excluded", set);
                }
                move(shape.ratings("monthly"), columns, month, "ratings, excluded", set);
            }
        }
    }

    /** Locks (creating it if need be) a row that follows a daily row, and moves it by the daily row's change. */
    private void move(String table, List<String> columns, Map<String, Object> params, String counts, String set) {
        String keySql = RollupShape.key(columns);
        lock(table, keySql, params, counts, RollupShape.insertZero(table, columns, counts));
        jdbc.sql("update " + table + " set " + set + " where " + keySql).params(params).update();
    }

    /**
     * Brings a completed case into the read model, with whether a person's rating of it counts (read from the
     * ratings), and recounts its rollup row. Called on completion and again whenever one of its ratings changes.
     */
    @Transactional
    void recordCase(String caseNo, CaseKey key) {
        long[] before = lock("analytics_case_daily", CASE_KEY, caseParams(key), "cases, person_rated",
                RollupShape.insertZero("analytics_case_daily", RollupShape.FINE.caseColumns(), "cases, person_rated"));
        boolean known = jdbc.sql("select count(*) from analytics_case where case_no = :c").param("c", caseNo)
                .query(Long.class).single() > 0;
        if (!known) {
            jdbc.sql("""
                    insert into analytics_case (case_no, stat_day, region_code, department_code, service_body_code,
                        window_code, staff_no, item_code, person_rated)
                    values (:caseNo, :stat_day, :region, :department, :body, :window, :staff, :item, false)
                    """).params(caseParams(key)).param("caseNo", caseNo).update();
        }
        jdbc.sql("""
                update analytics_case set person_rated = case when exists (select 1 from analytics_rating r
                    where r.case_no = :caseNo and r.counted and not r.defaulted) then true else false end
                where case_no = :caseNo
                """).param("caseNo", caseNo).update();
        jdbc.sql("update analytics_case_daily set cases = (select count(*) from analytics_case c where "
                + prefixed("c", CASE_KEY) + "), person_rated = (select count(*) from analytics_case c where "
                + prefixed("c", CASE_KEY) + " and c.person_rated) where " + CASE_KEY).params(caseParams(key)).update();
        long[] after = current("analytics_case_daily", CASE_KEY, caseParams(key), "cases, person_rated");
        if (after[0] != before[0] || after[1] != before[1]) {
            Map<String, Object> day = caseParams(key);
            Map<String, Object> month = caseParams(key);
            month.put("stat_day", key.day().withDayOfMonth(1));
            String set = "cases = cases + " + (after[0] - before[0]) + ", person_rated = person_rated + "
                    + (after[1] - before[1]);
            for (RollupShape shape : RollupShape.values()) {
                if (!shape.hasCases()) {
                    continue;
                }
                List<String> columns = shape.caseColumns();
                if (shape != RollupShape.FINE) {
                    move(shape.cases("daily"), columns, day, "cases, person_rated", set);
                }
                move(shape.cases("monthly"), columns, month, "cases, person_rated", set);
            }
        }
    }

    boolean knowsRating(String evaluationId) {
        return jdbc.sql("select count(*) from analytics_rating where evaluation_id = :id").param("id", evaluationId)
                .query(Long.class).single() > 0;
    }

    /**
     * Creates the rollup row if it is missing (another instance may be creating it too), locks it and answers its
     * two counts as they are.
     */
    private long[] lock(String table, String keySql, Map<String, Object> params, String columns, String insertZero) {
        String lockSql = "select " + columns + " from " + table + " where " + keySql + " for update";
        List<long[]> row = jdbc.sql(lockSql).params(params).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        if (!row.isEmpty()) {
            return row.get(0);
        }
        try {
            savepoint.executeWithoutResult(status -> jdbc.sql(insertZero).params(params).update());
        } catch (DataIntegrityViolationException createdMeanwhile) {
            // the row exists now: lock it below
        }
        return jdbc.sql(lockSql).params(params).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    private long[] current(String table, String keySql, Map<String, Object> params, String columns) {
        return jdbc.sql("select " + columns + " from " + table + " where " + keySql).params(params)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    private static String prefixed(String alias, String keySql) {
        return keySql.replaceAll("(\\b[a-z_]+) = :", alias + ".$1 = :");
    }

    private static Map<String, Object> ratingParams(RatingKey k) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("stat_day", k.day());
        p.put("region", k.regionCode());
        p.put("department", k.departmentCode());
        p.put("body", k.serviceBodyCode());
        p.put("window", k.windowCode());
        p.put("staff", k.staffNo());
        p.put("item", k.itemCode());
        p.put("level", k.level().name());
        p.put("channel", k.channel());
        p.put("defaulted", k.defaulted());
        return p;
    }

    private static Map<String, Object> caseParams(CaseKey k) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("stat_day", k.day());
        p.put("region", k.regionCode());
        p.put("department", k.departmentCode());
        p.put("body", k.serviceBodyCode());
        p.put("window", k.windowCode());
        p.put("staff", k.staffNo());
        p.put("item", k.itemCode());
        return p;
    }

    /** Recounts every rollup row from the read model (after a bulk load; the events keep them current otherwise). */
    @Transactional
    void rebuild() {
        jdbc.sql("delete from analytics_daily").update();
        jdbc.sql("""
                insert into analytics_daily (stat_day, region_code, department_code, service_body_code, window_code, staff_no,
                    item_code, level, channel, defaulted, ratings, excluded)
                select stat_day, region_code, department_code, service_body_code, window_code, staff_no, item_code, level,
                    channel, defaulted, sum(case when counted then 1 else 0 end), sum(case when counted then 0 else 1 end)
                from analytics_rating
                group by stat_day, region_code, department_code, service_body_code, window_code, staff_no, item_code, level,
                    channel, defaulted
                """).update();
        jdbc.sql("delete from analytics_case_daily").update();
        jdbc.sql("""
                insert into analytics_case_daily (stat_day, region_code, department_code, service_body_code, window_code,
                    staff_no, item_code, cases, person_rated)
                select stat_day, region_code, department_code, service_body_code, window_code, staff_no, item_code, count(*),
                    sum(case when person_rated then 1 else 0 end)
                from analytics_case
                group by stat_day, region_code, department_code, service_body_code, window_code, staff_no, item_code
                """).update();
        jdbc.sql("delete from analytics_monthly").update();
        jdbc.sql("""
                insert into analytics_monthly (stat_day, region_code, department_code, service_body_code, window_code,
                    staff_no, item_code, level, channel, defaulted, ratings, excluded)
                select cast(date_trunc('month', stat_day) as date), region_code, department_code, service_body_code,
                    window_code, staff_no, item_code, level, channel, defaulted, sum(ratings), sum(excluded)
                from analytics_daily
                group by cast(date_trunc('month', stat_day) as date), region_code, department_code, service_body_code,
                    window_code, staff_no, item_code, level, channel, defaulted
                """).update();
        jdbc.sql("delete from analytics_case_monthly").update();
        jdbc.sql("""
                insert into analytics_case_monthly (stat_day, region_code, department_code, service_body_code,
                    window_code, staff_no, item_code, cases, person_rated)
                select cast(date_trunc('month', stat_day) as date), region_code, department_code, service_body_code,
                    window_code, staff_no, item_code, sum(cases), sum(person_rated)
                from analytics_case_daily
                group by cast(date_trunc('month', stat_day) as date), region_code, department_code, service_body_code,
                    window_code, staff_no, item_code
                """).update();
        for (String grain : RollupShape.GRAINS) {
            for (RollupShape shape : RollupShape.values()) {
                if (shape == RollupShape.FINE) {
                    continue;
                }
                refill(shape.ratings(grain), shape.ratingColumns(), "ratings, excluded", "analytics_" + grain,
                        "sum(ratings), sum(excluded)");
                if (shape.hasCases()) {
                    refill(shape.cases(grain), shape.caseColumns(), "cases, person_rated", "analytics_case_" + grain,
                            "sum(cases), sum(person_rated)");
                }
            }
        }
    }

    /** Recounts a cube from the fine rollup of the same grain. */
    private void refill(String table, List<String> columns, String counts, String from, String sums) {
        String key = String.join(", ", columns);
        jdbc.sql("delete from " + table).update();
        jdbc.sql("insert into " + table + " (" + key + ", " + counts + ") select " + key + ", " + sums + " from " + from
                + " group by " + key).update();
    }

    /**
     * The parts of a date range: months read from a monthly table, plus days read from a daily table, less days read
     * from a daily table. A month the range covers only in part is read by its days in the range, or, when that is
     * shorter, as the whole month less its days outside the range (the days after today are empty, so the current
     * month of a range that ends today costs one month row and no day rows). An open end is a whole-month end.
     */
    record Parts(StatsFilter months, List<StatsFilter> days, List<StatsFilter> minus) {

        /** Every part with the table grain it reads and whether it adds (1) or comes off (-1). */
        List<Part> all() {
            List<Part> all = new java.util.ArrayList<>();
            if (months != null) {
                all.add(new Part("monthly", months, 1));
            }
            days.forEach(d -> all.add(new Part("daily", d, 1)));
            minus.forEach(d -> all.add(new Part("daily", d, -1)));
            return all;
        }
    }

    record Part(String grain, StatsFilter filter, int sign) {
    }

    static Parts split(StatsFilter f) {
        LocalDate from = f.from();
        LocalDate to = f.to();
        List<StatsFilter> days = new java.util.ArrayList<>();
        List<StatsFilter> minus = new java.util.ArrayList<>();
        if (from != null && to != null && from.withDayOfMonth(1).equals(to.withDayOfMonth(1))) {
            LocalDate first = from.withDayOfMonth(1);
            LocalDate last = from.withDayOfMonth(from.lengthOfMonth());
            long inside = to.toEpochDay() - from.toEpochDay() + 1;
            if (from.lengthOfMonth() - inside >= inside) {
                return new Parts(null, List.of(f), List.of());
            }
            if (from.isAfter(first)) {
                minus.add(f.between(first, from.minusDays(1)));
            }
            if (to.isBefore(last)) {
                minus.add(f.between(to.plusDays(1), last));
            }
            return new Parts(f.between(first, first), List.of(), minus);
        }
        LocalDate firstMonth = null;
        if (from != null) {
            LocalDate monthStart = from.withDayOfMonth(1);
            int outside = from.getDayOfMonth() - 1;
            int inside = from.lengthOfMonth() - outside;
            if (outside == 0) {
                firstMonth = monthStart;
            } else if (outside < inside) {
                firstMonth = monthStart;
                minus.add(f.between(monthStart, from.minusDays(1)));
            } else {
                firstMonth = monthStart.plusMonths(1);
                days.add(f.between(from, from.withDayOfMonth(from.lengthOfMonth())));
            }
        }
        LocalDate lastMonth = null;
        if (to != null) {
            LocalDate monthStart = to.withDayOfMonth(1);
            int inside = to.getDayOfMonth();
            int outside = to.lengthOfMonth() - inside;
            if (outside == 0) {
                lastMonth = monthStart;
            } else if (outside < inside) {
                lastMonth = monthStart;
                minus.add(f.between(to.plusDays(1), to.withDayOfMonth(to.lengthOfMonth())));
            } else {
                lastMonth = monthStart.minusMonths(1);
                days.add(f.between(monthStart, to));
            }
        }
        boolean noMonths = firstMonth != null && lastMonth != null && firstMonth.isAfter(lastMonth);
        return new Parts(noMonths ? null : f.between(firstMonth, lastMonth), days, minus);
    }

    // ---- reading

    /**
     * Valid ratings per level and default flag, grouped by an SQL expression over alias {@code d} (or not): months
     * from the monthly rollup, days from the daily one (see {@link #split}).
     */
    List<Cell> cells(StatsFilter filter, String groupExpr) {
        return cells(RollupShape.covering(filter, groupExpr, RollupShape.Counting.LEVELS), filter, groupExpr);
    }

    /** The same from the tables of one shape (which must hold the filter and grouping). */
    List<Cell> cells(RollupShape shape, StatsFilter filter, String groupExpr) {
        Map<String, Cell> merged = new LinkedHashMap<>();
        for (Part part : split(filter).all()) {
            cells(shape.ratings(part.grain()), part.filter(), groupExpr).forEach(c -> merged.merge(
                    c.subject() + "|" + c.level() + "|" + c.defaulted(),
                    new Cell(c.subject(), c.level(), c.defaulted(), part.sign() * c.ratings()),
                    (a, b) -> new Cell(a.subject(), a.level(), a.defaulted(), a.ratings() + b.ratings())));
        }
        return List.copyOf(merged.values());
    }

    /** Valid ratings per day (the daily rollups only), for series by day. */
    List<Cell> dailyCells(StatsFilter filter, String groupExpr) {
        return cells(RollupShape.covering(filter, groupExpr, RollupShape.Counting.LEVELS).ratings("daily"), filter,
                groupExpr);
    }

    private List<Cell> cells(String table, StatsFilter filter, String groupExpr) {
        String subject = groupExpr == null ? "''" : groupExpr;
        String group = groupExpr == null ? "" : groupExpr + ", ";
        return jdbc.sql("select " + subject + " as subject, d.level as level, d.defaulted as defaulted,"
                        + " sum(d.ratings) as ratings from " + table + " d where " + filter.sql("d")
                        + " group by " + group + "d.level, d.defaulted")
                .params(filter.params())
                .query((rs, n) -> new Cell(rs.getString("subject"), Level.valueOf(rs.getString("level")),
                        rs.getBoolean("defaulted"), rs.getLong("ratings")))
                .list();
    }

    /** Ratings left out of the figures (invalid or held in quarantine). */
    long excluded(StatsFilter filter) {
        return excluded(RollupShape.covering(filter, null, RollupShape.Counting.RATINGS), filter);
    }

    long excluded(RollupShape shape, StatsFilter filter) {
        long total = 0;
        for (Part part : split(filter).all()) {
            total += part.sign() * excluded(shape.ratings(part.grain()), part.filter());
        }
        return total;
    }

    private long excluded(String table, StatsFilter filter) {
        Long n = jdbc.sql("select sum(d.excluded) from " + table + " d where " + filter.sql("d"))
                .params(filter.params()).query(Long.class).optional().orElse(0L);
        return n == null ? 0 : n;
    }

    /** Ratings per channel. */
    Map<String, Long> byChannel(StatsFilter filter) {
        Map<String, Long> counts = new LinkedHashMap<>();
        RollupShape shape = RollupShape.covering(filter, "d.channel", RollupShape.Counting.RATINGS);
        for (Part part : split(filter).all()) {
            jdbc.sql("select d.channel, sum(d.ratings) from " + shape.ratings(part.grain()) + " d where "
                            + part.filter().sql("d") + " group by d.channel")
                    .params(part.filter().params())
                    .query((rs, n) -> counts.merge(rs.getString(1), part.sign() * rs.getLong(2), Long::sum)).list();
        }
        return counts;
    }

    /** Cases completed in a period and how many of them a person rated (a rating that counts). */
    record CaseCount(long cases, long personRated) {
        static final CaseCount NONE = new CaseCount(0, 0);
    }

    /** Completed cases by completion day, grouped by an SQL expression over alias {@code d} (or all under ""). */
    Map<String, CaseCount> cases(StatsFilter filter, String groupExpr) {
        return cases(RollupShape.covering(filter, groupExpr, RollupShape.Counting.CASES), filter, groupExpr);
    }

    Map<String, CaseCount> cases(RollupShape shape, StatsFilter filter, String groupExpr) {
        Map<String, CaseCount> counts = new LinkedHashMap<>();
        String subject = groupExpr == null ? "''" : groupExpr;
        String group = groupExpr == null ? "" : " group by " + groupExpr;
        for (Part part : split(filter).all()) {
            jdbc.sql("select " + subject + " as subject, sum(d.cases) as cases, sum(d.person_rated) as rated"
                            + " from " + shape.cases(part.grain()) + " d where " + part.filter().sql("d") + group)
                    .params(part.filter().params())
                    .query((rs, n) -> counts.merge(rs.getString("subject"),
                            new CaseCount(part.sign() * rs.getLong("cases"), part.sign() * rs.getLong("rated")),
                            (a, b) -> new CaseCount(a.cases() + b.cases(), a.personRated() + b.personRated())))
                    .list();
        }
        return counts;
    }

    /** How often each reason option was chosen with valid ratings, by level and code. */
    record ReasonCount(Level level, String code, long count) {
    }

    List<ReasonCount> reasons(StatsFilter filter) {
        return jdbc.sql("select a.level, r.reason_code, count(*) as n from analytics_rating_reason r"
                        + " join analytics_rating a on a.evaluation_id = r.evaluation_id where a.counted and "
                        + filter.sql("a") + " group by a.level, r.reason_code order by n desc")
                .params(filter.params())
                .query((rs, n) -> new ReasonCount(Level.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** A comment term with the number of valid ratings whose comment contains it. */
    record TermCount(String term, long ratings) {
    }

    List<TermCount> terms(StatsFilter filter, boolean badOnly, int limit) {
        return jdbc.sql("select t.term, count(*) as n from analytics_comment_term t"
                        + " join analytics_rating a on a.evaluation_id = t.evaluation_id where a.counted and "
                        + filter.sql("a") + (badOnly ? " and a.level in ('DISSATISFIED', 'VERY_DISSATISFIED')" : "")
                        + " group by t.term order by n desc, t.term limit :limit")
                .params(filter.params()).param("limit", limit)
                .query((rs, n) -> new TermCount(rs.getString(1), rs.getLong(2))).list();
    }

    /** Ratings with a comment containing the term, newest first. */
    List<String> ratingsWithTerm(StatsFilter filter, String term, int limit) {
        return jdbc.sql("select a.evaluation_id from analytics_comment_term t"
                        + " join analytics_rating a on a.evaluation_id = t.evaluation_id where a.counted and t.term = :term and "
                        + filter.sql("a") + " order by a.stat_day desc, a.evaluation_id limit :limit")
                .params(filter.params()).param("term", term).param("limit", limit).query(String.class).list();
    }

    /** Valid bad ratings, those with a comment first, newest first. */
    List<String> badRatings(StatsFilter filter, int limit) {
        return jdbc.sql("select a.evaluation_id from analytics_rating a where a.counted"
                        + " and a.level in ('DISSATISFIED', 'VERY_DISSATISFIED') and " + filter.sql("a")
                        + " order by case when a.has_comment then 0 else 1 end, a.stat_day desc, a.evaluation_id limit :limit")
                .params(filter.params()).param("limit", limit).query(String.class).list();
    }
}
