package org.haochaping.analytics;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.haochaping.identity.AuditLog;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 第十三条: the city government office publishes a period's results once the period has ended, with "you said, we
 * did" stories it writes; the public sees only published periods. Stories are scrubbed of personal data on entry.
 */
@Component
class Publications {

    static final int MAX_TITLE = 100;
    static final int MAX_TEXT = 1000;

    record Publication(String period, OffsetDateTime publishedAt, String publishedBy) {
    }

    record Story(long id, String period, String title, String said, String done) {
    }

    private final JdbcClient jdbc;
    private final CommentAnalyzer analyzer;
    private final AuditLog audit;
    private final Clock clock;

    Publications(JdbcClient jdbc, CommentAnalyzer analyzer, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.analyzer = analyzer;
        this.audit = audit;
        this.clock = clock;
    }

    /** Publishes an ended period; publishing it again changes nothing. */
    @Transactional
    Publication publish(Period period, String by) {
        if (!period.endedBefore(Zones.now(clock).toLocalDate())) {
            throw DomainProblem.conflict(period.label() + "尚未结束，结束后才能发布。");
        }
        Optional<Publication> existing = find(period.code());
        if (existing.isPresent()) {
            return existing.get();
        }
        OffsetDateTime now = Zones.now(clock);
        jdbc.sql("insert into analytics_publication (period, published_at, published_by) values (:p, :at, :by)")
                .param("p", period.code()).param("at", now).param("by", by).update();
        audit.record("RESULTS_PUBLISHED", period.code(), "发布" + period.label() + "评价结果");
        return new Publication(period.code(), now, by);
    }

    @Transactional
    void withdraw(Period period) {
        if (jdbc.sql("delete from analytics_publication where period = :p").param("p", period.code()).update() > 0) {
            audit.record("RESULTS_WITHDRAWN", period.code(), "撤回" + period.label() + "评价结果");
        }
    }

    Optional<Publication> find(String period) {
        return jdbc.sql("select period, published_at, published_by from analytics_publication where period = :p")
                .param("p", period)
                .query((rs, n) -> new Publication(rs.getString(1),
                        Zones.inShanghai(rs.getObject(2, OffsetDateTime.class)), rs.getString(3)))
                .optional();
    }

    /** Published periods, newest first (months, quarters and years by their first day). */
    List<Period> published() {
        return jdbc.sql("select period from analytics_publication").query(String.class).list().stream()
                .map(Period::parse)
                .sorted((a, b) -> b.from().equals(a.from()) ? a.kind().compareTo(b.kind()) : b.from().compareTo(a.from()))
                .toList();
    }

    @Transactional
    Story addStory(Period period, String title, String said, String done, String by) {
        String t = clean(title, "title", MAX_TITLE, "标题");
        String s = clean(said, "said", MAX_TEXT, "群众反映");
        String d = clean(done, "done", MAX_TEXT, "整改情况");
        String scrubbedTitle = analyzer.scrub(t);
        String scrubbedSaid = analyzer.scrub(s);
        String scrubbedDone = analyzer.scrub(d);
        jdbc.sql("""
                insert into analytics_story (period, title, said, done, created_at, created_by)
                values (:p, :t, :s, :d, :at, :by)
                """).param("p", period.code()).param("t", scrubbedTitle).param("s", scrubbedSaid)
                .param("d", scrubbedDone).param("at", Zones.now(clock)).param("by", by).update();
        audit.record("STORY_ADDED", period.code(), scrubbedTitle);
        long id = jdbc.sql("select max(id) from analytics_story where period = :p").param("p", period.code())
                .query(Long.class).single();
        return new Story(id, period.code(), scrubbedTitle, scrubbedSaid, scrubbedDone);
    }

    @Transactional
    void removeStory(Period period, long id) {
        if (jdbc.sql("delete from analytics_story where id = :id and period = :p").param("id", id)
                .param("p", period.code()).update() > 0) {
            audit.record("STORY_REMOVED", period.code(), String.valueOf(id));
        }
    }

    List<Story> stories(String period) {
        return jdbc.sql("select id, period, title, said, done from analytics_story where period = :p order by id")
                .param("p", period)
                .query((rs, n) -> new Story(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    private static String clean(String value, String field, int max, String label) {
        String v = value == null ? "" : value.replaceAll("[\\p{Cntrl}&&[^\\n]]", "").strip();
        if (v.isEmpty()) {
            throw FieldProblem.of(field, "请填写" + label);
        }
        if (v.codePointCount(0, v.length()) > max) {
            throw FieldProblem.of(field, label + "最多 " + max + " 字");
        }
        return v;
    }
}
