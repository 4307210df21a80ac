package org.haochaping.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.haochaping.evaluation.Level;
import org.haochaping.identity.DataScope;
import org.haochaping.rectification.RectificationFigures;
import org.haochaping.rectification.RectificationManagement;
import org.springframework.stereotype.Service;

/**
 * The figures every page, export and API answer of this module shows, computed from the rollups only, so the
 * dashboard, the API, the Excel and the public page agree.
 */
@Service
public class AnalyticsManagement {

    private final Rollups rollups;
    private final RectificationManagement rectification;
    private final SubjectNames names;
    private final AnalyticsSettings settings;

    AnalyticsManagement(Rollups rollups, RectificationManagement rectification, SubjectNames names,
            AnalyticsSettings settings) {
        this.rollups = rollups;
        this.rectification = rectification;
        this.names = names;
        this.settings = settings;
    }

    /** The summary of ratings given between the dates (inclusive, null for open), within scope, region, department. */
    public Summary summary(DataScope scope, LocalDate from, LocalDate to, String regionCode, String departmentCode) {
        return summary(StatsFilter.of(scope, from, to).region(regionCode).department(departmentCode));
    }

    /** A ranking of one kind of subject over a period, within the scope. */
    public Ranking ranking(DataScope scope, RankingSubject subject, Period period) {
        return ranking(subject, period, StatsFilter.of(scope, period.from(), period.to()));
    }

    Summary summary(StatsFilter filter) {
        List<Rollups.Cell> cells = rollups.cells(filter, null);
        Metrics.LevelCounts all = levels(cells);
        long defaults = cells.stream().filter(Rollups.Cell::defaulted).mapToLong(Rollups.Cell::ratings).sum();
        long person = all.total() - defaults;
        Rollups.CaseCount cases = rollups.cases(filter, null).getOrDefault("", Rollups.CaseCount.NONE);
        long completed = cases.cases();
        Summary.Rectification r = null;
        Double rectificationRate = null;
        Double onTime = null;
        Double callback = null;
        // the rectification figures are kept by region and department only
        if (filter.serviceBodyCode() == null && filter.windowCode() == null && filter.staffNo() == null
                && filter.itemCode() == null) {
            RectificationFigures f = rectification.figures(filter.scope(), filter.from(), filter.to(),
                    filter.regionCode(), filter.departmentCode());
            r = new Summary.Rectification(f.confirmed(), f.rectified(), f.rectifiedOnTime(), f.realNameBad(),
                    f.calledBack());
            rectificationRate = f.rectificationRate();
            onTime = f.onTimeRectificationRate();
            callback = f.callbackRate();
        }
        return new Summary(filter.from(), filter.to(), all.total(), all.byName(), defaults, person, completed,
                rollups.excluded(filter), Metrics.satisfactionRate(all), Metrics.badRate(all),
                Metrics.activeRate(cases.personRated(), completed), rectificationRate, onTime, callback, r,
                round(Metrics.score(all, settings.levelPoints())), Metrics.definitions());
    }

    Ranking ranking(RankingSubject subject, Period period, StatsFilter filter) {
        StatsFilter inPeriod = filter.between(period.from(), period.to());
        List<Scored> scored = scored(subject, inPeriod);
        Metrics.LevelCounts pooled = scored.stream().map(Scored::counts)
                .reduce(Metrics.LevelCounts.none(), Metrics.LevelCounts::plus);
        return new Ranking(subject, subject.label(), period.code(), period.label(), period.from(), period.to(),
                round(Metrics.score(pooled, settings.levelPoints())), settings.shrinkageWeight(),
                rank(subject, inPeriod, scored), Metrics.definitions());
    }

    /** Level counts per subject code (subjects without a code left out). */
    Map<String, Metrics.LevelCounts> countsBy(RankingSubject subject, StatsFilter filter) {
        Map<String, Map<Level, Long>> raw = new LinkedHashMap<>();
        for (Rollups.Cell c : rollups.cells(filter, subject.column("d"))) {
            if (c.subject() == null || c.subject().isEmpty()) {
                continue;
            }
            raw.computeIfAbsent(c.subject(), k -> new EnumMap<>(Level.class)).merge(c.level(), c.ratings(), Long::sum);
        }
        Map<String, Metrics.LevelCounts> counts = new LinkedHashMap<>();
        raw.forEach((code, m) -> counts.put(code, new Metrics.LevelCounts(m)));
        return counts;
    }

    static Metrics.LevelCounts levels(List<Rollups.Cell> cells) {
        Map<Level, Long> counts = new EnumMap<>(Level.class);
        cells.forEach(c -> counts.merge(c.level(), c.ratings(), Long::sum));
        return new Metrics.LevelCounts(counts);
    }

    /**
     * Ranks the subjects with valid ratings under the filter: mean points, and the shrunk score {@code (n·mean +
     * m·C)/(n + m)} with C the mean of all valid ratings of the subjects ranked together; ties by count, then code.
     */
    List<Ranking.Row> rank(RankingSubject subject, StatsFilter filter) {
        return rank(subject, filter, scored(subject, filter));
    }

    private List<Ranking.Row> rank(RankingSubject subject, StatsFilter filter, List<Scored> scored) {
        Map<String, Rollups.CaseCount> cases = rollups.cases(filter, subject.column("d"));
        return rankRows(scored, settings.levelPoints(), settings.shrinkageWeight(), cases, names.of(subject), names);
    }

    /**
     * Rankings of several kinds of subject under one filter, as {@link #rank} would give each: the subjects one rollup
     * holds together (region, hall and department; window and staff) are read with one query grouped by all their
     * codes, and each ranking adds up its own code's rows.
     */
    Map<RankingSubject, List<Ranking.Row>> rankAll(List<RankingSubject> subjects, StatsFilter filter) {
        Map<RankingSubject, List<Ranking.Row>> rankings = new EnumMap<>(RankingSubject.class);
        for (List<RankingSubject> together : readTogether(subjects, filter)) {
            String group = together.stream().map(s -> s.column("d")).collect(Collectors.joining(" || '|' || "));
            List<Rollups.Cell> cells = rollups.cells(filter, group);
            Map<String, Rollups.CaseCount> cases = rollups.cases(filter, group);
            for (int i = 0; i < together.size(); i++) {
                int part = i;
                RankingSubject subject = together.get(i);
                List<Rollups.Cell> own = cells.stream().map(c -> new Rollups.Cell(codeAt(c.subject(), part),
                        c.level(), c.defaulted(), c.ratings())).toList();
                Map<String, Rollups.CaseCount> ownCases = new LinkedHashMap<>();
                cases.forEach((codes, n) -> ownCases.merge(codeAt(codes, part), n, (a, b) -> new Rollups.CaseCount(
                        a.cases() + b.cases(), a.personRated() + b.personRated())));
                rankings.put(subject, rankRows(scored(own), settings.levelPoints(), settings.shrinkageWeight(),
                        ownCases, names.of(subject), names));
            }
        }
        return rankings;
    }

    /** The subjects grouped by the rollup that holds them under the filter (each group is one read). */
    List<List<RankingSubject>> readTogether(List<RankingSubject> subjects, StatsFilter filter) {
        Map<RollupShape, List<RankingSubject>> byShape = new LinkedHashMap<>();
        for (RankingSubject s : subjects) {
            byShape.computeIfAbsent(RollupShape.covering(filter, s.column("d"), RollupShape.Counting.LEVELS),
                    k -> new ArrayList<>()).add(s);
        }
        return List.copyOf(byShape.values());
    }

    /** The code at a position of codes joined with '|'. */
    private static String codeAt(String codes, int position) {
        return codes == null ? null : codes.split("\\|", -1)[position];
    }

    /** The subjects with valid ratings under the filter and their counts per level. */
    private List<Scored> scored(RankingSubject subject, StatsFilter filter) {
        return scored(rollups.cells(filter, subject.column("d")));
    }

    private static List<Scored> scored(List<Rollups.Cell> cells) {
        Map<String, Map<Level, Long>> raw = new LinkedHashMap<>();
        for (Rollups.Cell c : cells) {
            if (c.subject() == null || c.subject().isEmpty() || c.ratings() == 0) {
                continue;
            }
            raw.computeIfAbsent(c.subject(), k -> new EnumMap<>(Level.class)).merge(c.level(), c.ratings(), Long::sum);
        }
        List<Scored> scored = new ArrayList<>();
        raw.forEach((code, m) -> scored.add(new Scored(code, new Metrics.LevelCounts(m))));
        return scored;
    }

    /** A subject and its counts, before ranking. */
    record Scored(String code, Metrics.LevelCounts counts) {
    }

    /** The ranking rule on its own (plain data in, ordered rows out). */
    static List<Ranking.Row> rankRows(List<Scored> subjects, Metrics.Points points, double m,
            Map<String, Rollups.CaseCount> cases, Map<String, String> subjectNames, SubjectNames names) {
        Metrics.LevelCounts pooled = subjects.stream().map(Scored::counts)
                .reduce(Metrics.LevelCounts.none(), Metrics.LevelCounts::plus);
        Double c = Metrics.score(pooled, points);
        double overall = c == null ? 0 : c;
        record Computed(Scored s, double mean, double shrunk) {
        }
        List<Computed> computed = subjects.stream().filter(s -> s.counts().total() > 0)
                .map(s -> {
                    double mean = Metrics.score(s.counts(), points);
                    return new Computed(s, mean, Metrics.rankingScore(s.counts().total(), mean, overall, m));
                })
                .sorted(Comparator.comparingDouble(Computed::shrunk).reversed()
                        .thenComparing(Comparator.comparingLong((Computed x) -> x.s().counts().total()).reversed())
                        .thenComparing(x -> x.s().code()))
                .toList();
        List<Ranking.Row> rows = new ArrayList<>();
        int rank = 0;
        for (Computed x : computed) {
            rank++;
            String code = x.s().code();
            long n = x.s().counts().total();
            Rollups.CaseCount caseCount = cases.getOrDefault(code, Rollups.CaseCount.NONE);
            long personRatings = caseCount.personRated();
            long completed = caseCount.cases();
            rows.add(new Ranking.Row(rank, code, names == null ? subjectNames.getOrDefault(code, code)
                    : names.name(subjectNames, code), round(x.mean()), round(x.shrunk()), n,
                    Metrics.activeRate(personRatings, completed), personRatings, completed, x.s().counts().bad(),
                    Metrics.satisfactionRate(x.s().counts()), Metrics.badRate(x.s().counts())));
        }
        return rows;
    }

    static Double round(Double value) {
        return value == null ? null : round(value.doubleValue());
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    Rollups rollups() {
        return rollups;
    }

    AnalyticsSettings settings() {
        return settings;
    }
}
