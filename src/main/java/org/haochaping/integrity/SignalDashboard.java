package org.haochaping.integrity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.DataScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Signals over time, per service hall and per department, within the viewer's scope. */
@Component
class SignalDashboard {

    private final JdbcClient jdbc;
    private final CatalogManagement catalog;

    SignalDashboard(JdbcClient jdbc, CatalogManagement catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    IntegrityManagement.Dashboard build(DataScope scope, LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("d_from", from);
        params.put("d_to", to);
        String where = scope.sql("r") + " and r.submitted_on between :d_from and :d_to";
        List<Signal> signals = Arrays.asList(Signal.values());
        List<IntegrityManagement.DashboardRow> halls = rows("service_body_code", where, params, signals,
                code -> catalog.serviceBody(code).map(CatalogManagement.ServiceBody::name).orElse(code));
        List<IntegrityManagement.DashboardRow> departments = rows("department_code", where, params, signals,
                code -> catalog.department(code).map(CatalogManagement.Department::name).orElse(code));
        List<IntegrityManagement.DayRow> days = new ArrayList<>();
        jdbc.sql("select r.submitted_on, count(*), sum(case when r.score > 0 then 1 else 0 end), "
                        + "sum(case when r.status = 'HELD' then 1 else 0 end), "
                        + "sum(case when r.status = 'INVALIDATED' then 1 else 0 end) "
                        + "from integrity_rating r where " + where + " group by r.submitted_on order by r.submitted_on")
                .params(params)
                .query((RowCallbackHandler) rs -> days.add(new IntegrityManagement.DayRow(
                        rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), 0)));
        long max = days.stream().mapToLong(IntegrityManagement.DayRow::flagged).max().orElse(0);
        List<IntegrityManagement.DayRow> scaled = days.stream().map(d -> new IntegrityManagement.DayRow(d.day(),
                d.scored(), d.flagged(), d.held(), d.invalidated(),
                max == 0 ? 0 : (int) Math.round(100.0 * d.flagged() / max))).toList();
        // only the signals seen in the period get a column
        List<Integer> seen = java.util.stream.IntStream.range(0, signals.size())
                .filter(i -> halls.stream().anyMatch(r -> r.perSignal().get(i) > 0)
                        || departments.stream().anyMatch(r -> r.perSignal().get(i) > 0))
                .boxed().toList();
        return new IntegrityManagement.Dashboard(from, to, seen.stream().map(i -> signals.get(i).name()).toList(),
                seen.stream().map(i -> signals.get(i).label()).toList(), only(halls, seen), only(departments, seen),
                scaled);
    }

    private static List<IntegrityManagement.DashboardRow> only(List<IntegrityManagement.DashboardRow> rows,
            List<Integer> columns) {
        return rows.stream().map(r -> new IntegrityManagement.DashboardRow(r.code(), r.name(), r.scored(), r.flagged(),
                r.held(), r.invalidated(), columns.stream().map(r.perSignal()::get).toList())).toList();
    }

    private List<IntegrityManagement.DashboardRow> rows(String column, String where, Map<String, Object> params,
            List<Signal> signals, java.util.function.Function<String, String> name) {
        Map<String, long[]> totals = new LinkedHashMap<>();
        jdbc.sql("select r." + column + ", count(*), sum(case when r.score > 0 then 1 else 0 end), "
                        + "sum(case when r.status = 'HELD' then 1 else 0 end), "
                        + "sum(case when r.status = 'INVALIDATED' then 1 else 0 end) "
                        + "from integrity_rating r where " + where + " and r." + column + " is not null "
                        + "group by r." + column + " order by r." + column)
                .params(params)
                .query((RowCallbackHandler) rs -> totals.put(rs.getString(1),
                        new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}));
        Map<String, Map<String, Long>> perSignal = new HashMap<>();
        jdbc.sql("select r." + column + ", s.signal, count(distinct s.evaluation_id) from integrity_signal s "
                        + "join integrity_rating r on r.evaluation_id = s.evaluation_id where " + where
                        + " and r." + column + " is not null group by r." + column + ", s.signal")
                .params(params)
                .query((RowCallbackHandler) rs -> perSignal.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getLong(3)));
        List<IntegrityManagement.DashboardRow> rows = new ArrayList<>();
        totals.forEach((code, t) -> rows.add(new IntegrityManagement.DashboardRow(code, name.apply(code), t[0], t[1],
                t[2], t[3], signals.stream().map(s -> perSignal.getOrDefault(code, Map.of()).getOrDefault(s.name(), 0L))
                        .toList())));
        return rows;
    }
}
