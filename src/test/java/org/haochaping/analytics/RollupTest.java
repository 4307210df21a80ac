package org.haochaping.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationQuarantineChanged;
import org.haochaping.evaluation.EvaluationSubmitted;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.InvalidationReason;
import org.haochaping.support.Await;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The rollups follow the ratings as they arrive, default, become invalid and go in and out of quarantine, and
 * always equal a direct count over the ratings; a delivery that runs twice changes nothing.
 */
class RollupTest extends IntegrationTest {

    @Autowired
    EvaluationManagement evaluations;

    @Autowired
    RatingListener listener;

    private Map<String, Long> rollup(String department) {
        return rollup("analytics_daily", department);
    }

    private Map<String, Long> rollup(String table, String department) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select level, defaulted, sum(ratings), sum(excluded) from " + table + " where department_code = :d"
                        + " group by level, defaulted")
                .param("d", department)
                .query((rs, n) -> {
                    counts.put(rs.getString(1) + (rs.getBoolean(2) ? "/default" : ""), rs.getLong(3));
                    counts.merge("excluded", rs.getLong(4), Long::sum);
                    return null;
                }).list();
        counts.values().removeIf(v -> false);
        counts.entrySet().removeIf(e -> e.getValue() == 0 && !e.getKey().equals("excluded"));
        counts.putIfAbsent("excluded", 0L);
        return counts;
    }

    private Map<String, Long> direct(String department) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select level, defaulted, count(*) from evaluation_evaluation where department_code = :d"
                        + " and valid and not quarantined group by level, defaulted")
                .param("d", department)
                .query((rs, n) -> counts.put(rs.getString(1) + (rs.getBoolean(2) ? "/default" : ""), rs.getLong(3)))
                .list();
        counts.put("excluded", jdbc.sql("select count(*) from evaluation_evaluation where department_code = :d"
                + " and (not valid or quarantined)").param("d", department).query(Long.class).single());
        return counts;
    }

    /** Completed cases and those rated by a person, from the case rollup and directly from the source rows. */
    private List<Long> caseRollup(String table, String department) {
        return jdbc.sql("select coalesce(sum(cases), 0), coalesce(sum(person_rated), 0) from " + table
                        + " where department_code = :d").param("d", department)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
    }

    private List<Long> directCases(String department) {
        long completed = jdbc.sql("select count(*) from casework_case where department_code = :d and status = 'COMPLETED'")
                .param("d", department).query(Long.class).single();
        long rated = jdbc.sql("select count(*) from evaluation_evaluation where department_code = :d and valid"
                + " and not quarantined and not defaulted").param("d", department).query(Long.class).single();
        return List.of(completed, rated);
    }

    /** Ratings that count and ratings left out, without levels (for tables without them). */
    private static List<Long> totals(Map<String, Long> counts) {
        return List.of(counts.entrySet().stream().filter(e -> !e.getKey().equals("excluded"))
                .mapToLong(Map.Entry::getValue).sum(), counts.get("excluded"));
    }

    private List<Long> totals(String table, String department) {
        return jdbc.sql("select coalesce(sum(ratings), 0), coalesce(sum(excluded), 0) from " + table
                        + " where department_code = :d").param("d", department)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
    }

    /**
     * Every rollup table, daily and monthly, from the fine rollup to the cubes, equals the direct count (per level,
     * or in total for the channel cube, which has no levels).
     */
    private void awaitRollupEqualsDirectCount(String department) {
        List<String> ratingTables = Stream.of(RollupShape.values())
                .filter(shape -> shape.ratingColumns().contains("level"))
                .flatMap(shape -> RollupShape.GRAINS.stream().map(shape::ratings)).toList();
        List<String> totalTables = Stream.of(RollupShape.values())
                .filter(shape -> !shape.ratingColumns().contains("level"))
                .flatMap(shape -> RollupShape.GRAINS.stream().map(shape::ratings)).toList();
        List<String> caseTables = Stream.of(RollupShape.values()).filter(RollupShape::hasCases)
                .flatMap(shape -> RollupShape.GRAINS.stream().map(shape::cases)).toList();
        Await.until("rollup of " + department + " equals the direct count",
                () -> ratingTables.stream().allMatch(table -> rollup(table, department).equals(direct(department)))
                        && totalTables.stream().allMatch(table -> totals(table, department)
                                .equals(totals(direct(department))))
                        && caseTables.stream().allMatch(table -> caseRollup(table, department)
                                .equals(directCases(department))));
    }

    @Test
    void rollupEqualsADirectCountAfterSubmissionsDefaultsInvalidationsAndQuarantines() {
        Place p = Place.create(jdbc);
        List<String> ids = new java.util.ArrayList<>();
        String[] levels = {"VERY_SATISFIED", "VERY_SATISFIED", "VERY_SATISFIED", "VERY_SATISFIED", "SATISFIED",
                "SATISFIED", "BASIC", "DISSATISFIED", "DISSATISFIED", "VERY_DISSATISFIED"};
        for (int i = 0; i < levels.length; i++) {
            ids.add(p.rated(api, i % 2 == 0 ? p.staff1() : p.staff2(), i % 3 == 0 ? p.item2() : p.item1(), levels[i],
                    i >= 7 ? "窗口人员态度生硬，材料要求反复变化" : null));
        }
        String unrated = p.completedCase(api, p.staff3(), p.item1());
        p.completedDaysAgo(api, 8);
        p.completedDaysAgo(api, 9);
        // the clocks of the three unrated cases (a rated case's clock may start after its rating when the
        // completion event is late; the default job then finds it rated and drops it)
        Await.until("the default clocks", () -> jdbc.sql("select count(*) from evaluation_expected e"
                + " join casework_case c on c.case_no = e.case_no where c.department_code = :d"
                + " and not exists (select 1 from evaluation_evaluation v where v.case_no = e.case_no)")
                .param("d", p.department()).query(Long.class).single() == 3);
        assertThat(api.bearer(api.login("admin"), "POST", "/api/v1/admin/jobs/default-evaluations/run", null).status())
                .isEqualTo(200);
        evaluations.invalidate(ids.get(9), InvalidationReason.MALICIOUS, "核实为恶意差评", "supervisor");
        evaluations.quarantine(ids.get(0), true, "疑似刷评");
        evaluations.quarantine(ids.get(1), true, "疑似刷评");
        evaluations.quarantine(ids.get(1), false, "复核正常");
        evaluations.quarantine(ids.get(8), true, "待复核");
        evaluations.invalidate(ids.get(8), InvalidationReason.FRAUD_CONFIRMED, "虚假评价", "supervisor");

        awaitRollupEqualsDirectCount(p.department());
        assertThat(direct(p.department())).containsEntry("VERY_SATISFIED", 3L).containsEntry("BASIC", 1L)
                .containsEntry("BASIC/default", 2L).containsEntry("DISSATISFIED", 1L).containsEntry("excluded", 3L)
                .doesNotContainKey("VERY_DISSATISFIED");
        assertThat(directCases(p.department())).containsExactly(13L, 7L);

        // the same numbers through the API: 3 + 2 + 1 + 1 person ratings and 2 defaults are valid
        TestApi.Answer answer = api.bearer(api.login("supervisor"), "GET",
                "/api/v1/stats/summary?departmentCode=" + p.department(), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode s = answer.json();
        assertThat(s.path("validTotal").asLong()).isEqualTo(9);
        assertThat(s.path("levels").path("VERY_SATISFIED").asLong()).isEqualTo(3);
        assertThat(s.path("levels").path("SATISFIED").asLong()).isEqualTo(2);
        assertThat(s.path("levels").path("BASIC").asLong()).isEqualTo(3);
        assertThat(s.path("levels").path("DISSATISFIED").asLong()).isEqualTo(1);
        assertThat(s.path("levels").path("VERY_DISSATISFIED").asLong()).isZero();
        assertThat(s.path("defaults").asLong()).isEqualTo(2);
        assertThat(s.path("excluded").asLong()).isEqualTo(3);
        assertThat(s.path("satisfactionRate").asDouble()).isCloseTo(8.0 / 9, within(1e-9));
        assertThat(s.path("badRate").asDouble()).isCloseTo(1.0 / 9, within(1e-9));
        // 7 valid person ratings over 13 completed cases (10 rated, 1 unrated, 2 defaulted)
        assertThat(s.path("completedCases").asLong()).isEqualTo(13);
        assertThat(s.path("activeRate").asDouble()).isCloseTo(7.0 / 13, within(1e-9));
        assertThat(s.path("definitions").path("satisfactionRate").asString()).contains("满意率", "有效评价数");
        assertThat(unrated).isNotNull();
    }

    @Test
    void aDeliveryThatRunsTwiceCountsOnce() {
        Place p = Place.create(jdbc);
        String id = p.rated(api, p.staff1(), p.item1(), "SATISFIED", "办理很快");
        awaitRollupEqualsDirectCount(p.department());
        Map<String, Long> before = rollup(p.department());
        assertThat(before).containsEntry("SATISFIED", 1L);

        EvaluationView e = evaluations.find(id).orElseThrow();
        EvaluationSubmitted again = new EvaluationSubmitted(e.id(), e.caseNo(), e.level(), e.channel(), e.regionCode(),
                e.departmentCode(), e.serviceBodyCode(), e.windowCode(), e.staffNo(), e.itemCode(), e.submittedAt(),
                false, true, null);
        listener.on(again);
        listener.on(again);
        listener.on(new EvaluationQuarantineChanged(id, e.caseNo(), false, "重复投递", OffsetDateTime.now()));
        assertThat(rollup(p.department())).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from analytics_rating where evaluation_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void summaryOutsideTheCallersScopeIsNotFound() {
        Place p = Place.create(jdbc);
        TestApi.Answer handler = api.bearer(api.login("yz.handler"), "GET",
                "/api/v1/stats/summary?departmentCode=" + p.department(), null);
        assertThat(handler.status()).isEqualTo(404);
        TestApi.Answer county = api.bearer(api.login("wd.supervisor"), "GET",
                "/api/v1/stats/summary?regionCode=411081", null);
        assertThat(county.status()).isEqualTo(404);
        TestApi.Answer auditor = api.bearer(api.login("auditor"), "GET", "/api/v1/stats/summary", null);
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/stats/summary").status()).isEqualTo(401);
        TestApi.Answer badDates = api.bearer(api.login("supervisor"), "GET",
                "/api/v1/stats/summary?from=2026-11-30&to=2026-11-01", null);
        assertThat(badDates.status()).isEqualTo(400);
        assertThat(api.bearer(api.login("supervisor"), "GET", "/api/v1/stats/summary?from=yesterday", null).status())
                .isEqualTo(400);
    }
}
