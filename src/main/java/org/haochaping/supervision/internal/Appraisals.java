package org.haochaping.supervision.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.DataScope;
import org.haochaping.identity.Role;
import org.haochaping.supervision.Deduction;
import org.haochaping.supervision.SubjectKind;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.springframework.stereotype.Service;

/**
 * 绩效考核 (第十四条): per department and staff member, the year's 好差评 score from the rankings, the deductions
 * recorded against them (each with its source work order), the score after deductions, and whether the year's award
 * eligibility is kept.
 */
@Service
public class Appraisals {

    /** Where a deduction comes from. */
    public record Source(String deductionId, String workOrderId, String caseNo, BigDecimal points, String reason,
            boolean losesEligibility) {
    }

    /** One appraised subject. {@code score} is null when it had no valid ratings in the year. */
    public record Row(SubjectKind kind, String code, String name, String departmentCode, Double score,
            Double rankingScore, long count, BigDecimal deductions, Double net, boolean eligible,
            List<Source> sources) {

        public String eligibilityLabel() {
            return eligible ? "保留" : "取消";
        }
    }

    /** The appraisal of a year. */
    public record Appraisal(int year, List<Row> departments, List<Row> staff) {
    }

    private final Standings standings;
    private final Deductions deductions;
    private final CatalogManagement catalog;

    Appraisals(Standings standings, Deductions deductions, CatalogManagement catalog) {
        this.standings = standings;
        this.deductions = deductions;
        this.catalog = catalog;
    }

    /** The supervision office and the city office (which uses the results, 第十四条) read it within their region. */
    public static DataScope scope(CurrentUser user) {
        if (user == null || !(user.role() == Role.SUPERVISOR || user.role() == Role.CITY_OFFICE)) {
            throw DomainProblem.forbidden("只有政务服务管理部门和市政府办公室可以查看考核结果。");
        }
        return user.scope();
    }

    public Appraisal of(int year, CurrentUser user) {
        if (year < 2000 || year > 2999) {
            throw FieldProblem.of("year", "请填写有效的年份");
        }
        DataScope scope = scope(user);
        List<Deduction> active = deductions.within(year, scope, true);
        return new Appraisal(year, rows(SubjectKind.DEPARTMENT, year, scope, active),
                rows(SubjectKind.STAFF, year, scope, active));
    }

    private List<Row> rows(SubjectKind kind, int year, DataScope scope, List<Deduction> active) {
        Map<String, Standings.Ranked> ranked = new LinkedHashMap<>();
        standings.ranking(scope, kind, Integer.toString(year)).forEach(r -> ranked.put(r.code(), r));
        Map<String, List<Deduction>> against = new LinkedHashMap<>();
        for (Deduction d : active) {
            if (kind == SubjectKind.DEPARTMENT && d.againstDepartment()) {
                against.computeIfAbsent(d.departmentCode(), k -> new ArrayList<>()).add(d);
            } else if (kind == SubjectKind.STAFF && d.againstStaff() && d.staffNo() != null) {
                against.computeIfAbsent(d.staffNo(), k -> new ArrayList<>()).add(d);
            }
        }
        List<String> codes = new ArrayList<>(ranked.keySet());
        against.keySet().stream().filter(c -> !ranked.containsKey(c)).forEach(codes::add);
        List<Row> rows = new ArrayList<>();
        for (String code : codes) {
            Standings.Ranked r = ranked.get(code);
            List<Deduction> ds = against.getOrDefault(code, List.of());
            BigDecimal total = ds.stream().map(Deduction::points).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(2, RoundingMode.HALF_UP);
            boolean eligible = ds.stream().noneMatch(Deduction::losesEligibility);
            String name;
            String department;
            if (kind == SubjectKind.DEPARTMENT) {
                name = r != null ? r.name() : catalog.department(code).map(CatalogManagement.Department::name).orElse(code);
                department = code;
            } else {
                var staff = catalog.staff(code);
                name = r != null ? r.name() : staff.map(CatalogManagement.Staff::name).orElse(code);
                department = staff.map(CatalogManagement.Staff::departmentCode).orElse(null);
            }
            Double score = r == null ? null : r.score();
            Double net = score == null ? null
                    : BigDecimal.valueOf(score).subtract(total).setScale(2, RoundingMode.HALF_UP).doubleValue();
            rows.add(new Row(kind, code, name, department, score, r == null ? null : r.rankingScore(),
                    r == null ? 0 : r.count(), total, net, eligible,
                    ds.stream().map(d -> new Source(d.id(), d.workOrderId(), d.caseNo(), d.points(), d.reason(),
                            d.losesEligibility())).toList()));
        }
        rows.sort(Comparator.comparing((Row x) -> x.net() == null ? Double.NEGATIVE_INFINITY : x.net()).reversed()
                .thenComparing(Row::code));
        return rows;
    }
}
