package org.haochaping.supervision.internal;

import java.util.List;

import org.haochaping.identity.DataScope;
import org.haochaping.supervision.SubjectKind;

/** The rankings the bottom rule reads: one period's ranked subjects of a kind, best first, within a scope. */
public interface Standings {

    /** A ranked subject: its mean score, shrunk ranking score and number of valid ratings. */
    record Ranked(String code, String name, double score, double rankingScore, long count) {
    }

    List<Ranked> ranking(DataScope scope, SubjectKind kind, String period);

    /** The period before the given one (same kind: month, quarter or year). */
    String previous(String period);

    /** The period code, checked (400 if malformed). */
    String normalize(String period);

    /** The first day of the period (inclusive). */
    java.time.LocalDate from(String period);

    /** The last day of the period (inclusive). */
    java.time.LocalDate to(String period);

    /** A readable name of the period, e.g. 2026年11月. */
    String label(String period);
}
