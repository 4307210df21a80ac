package org.haochaping.supervision.internal;

import java.time.LocalDate;
import java.util.List;

import org.haochaping.analytics.AnalyticsManagement;
import org.haochaping.analytics.Period;
import org.haochaping.analytics.RankingSubject;
import org.haochaping.identity.DataScope;
import org.haochaping.supervision.SubjectKind;
import org.springframework.stereotype.Component;

/** The rankings of the analytics module (shrunk scores, domain §8) as the bottom rule and the appraisal read them. */
@Component
class AnalyticsStandings implements Standings {

    private final AnalyticsManagement analytics;

    AnalyticsStandings(AnalyticsManagement analytics) {
        this.analytics = analytics;
    }

    @Override
    public List<Ranked> ranking(DataScope scope, SubjectKind kind, String period) {
        RankingSubject subject = kind == SubjectKind.DEPARTMENT ? RankingSubject.DEPARTMENT : RankingSubject.STAFF;
        return analytics.ranking(scope, subject, Period.parse(period)).items().stream()
                .map(r -> new Ranked(r.subjectCode(), r.subjectName(), r.score(), r.rankingScore(), r.count()))
                .toList();
    }

    @Override
    public String previous(String period) {
        return Period.parse(period).previous().code();
    }

    @Override
    public String normalize(String period) {
        return Period.parse(period).code();
    }

    @Override
    public LocalDate from(String period) {
        return Period.parse(period).from();
    }

    @Override
    public LocalDate to(String period) {
        return Period.parse(period).to();
    }

    @Override
    public String label(String period) {
        return Period.parse(period).label();
    }
}
