package org.haochaping.integrity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Scored ratings with their features, signals, risk score and review status. */
@Repository
class Assessments {

    enum Status {
        CLEAR, HELD, RELEASED, INVALIDATED
    }

    record Member(String evaluationId, OffsetDateTime submittedAt, String departmentCode, Long caseNumber) {
    }

    record Assessment(String evaluationId, String regionCode, String departmentCode, String serviceBodyCode,
            String staffNo, int score, Status status, OffsetDateTime heldAt, OffsetDateTime decidedAt,
            String decidedBy, String decisionNote) {
    }

    record RaisedSignal(Signal signal, int weight, String detail, OffsetDateTime raisedAt) {
    }

    private final JdbcClient jdbc;

    Assessments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String evaluationId) {
        return jdbc.sql("select count(*) from integrity_rating where evaluation_id = :id").param("id", evaluationId)
                .query(Long.class).single() > 0;
    }

    void insert(RatingFeatures f, OffsetDateTime scoredAt) {
        jdbc.sql("""
                insert into integrity_rating (evaluation_id, case_no, case_prefix, case_number, level, good, bad, channel,
                    region_code, department_code, service_body_code, window_code, staff_no, evaluator_key,
                    comment_digest, dimension_vector, submitted_at, submitted_on, completed_at, instant, address_key,
                    device_code, score, status, scored_at)
                values (:id, :caseNo, :prefix, :number, :level, :good, :bad, :channel, :region, :department, :body,
                    :window, :staff, :evaluator, :comment, :vector, :submittedAt, :submittedOn, :completedAt, :instant,
                    :address, :device, 0, 'CLEAR', :scoredAt)
                """)
                .param("id", f.evaluationId()).param("caseNo", f.caseNo()).param("prefix", f.casePrefix())
                .param("number", f.caseNumber()).param("level", f.level().name()).param("good", f.good())
                .param("bad", f.bad()).param("channel", f.channel().name()).param("region", f.regionCode())
                .param("department", f.departmentCode()).param("body", f.serviceBodyCode())
                .param("window", f.windowCode()).param("staff", f.staffNo()).param("evaluator", f.evaluatorKey())
                .param("comment", f.commentDigest()).param("vector", f.dimensionVector())
                .param("submittedAt", f.submittedAt()).param("submittedOn", f.submittedAt().toLocalDate())
                .param("completedAt", f.completedAt()).param("instant", f.instant()).param("address", f.addressKey())
                .param("device", f.deviceCode()).param("scoredAt", scoredAt)
                .update();
    }

    /** How many ratings match a condition over alias {@code r} in (from, to], counting no further than {@code cap}. */
    long count(String condition, Map<String, Object> params, OffsetDateTime from, OffsetDateTime to, int cap) {
        return jdbc.sql("select count(*) from (select 1 from integrity_rating r where " + condition
                        + " and r.submitted_at > :m_from and r.submitted_at <= :m_to limit :m_cap) x")
                .params(params).param("m_from", from).param("m_to", to).param("m_cap", cap).query(Long.class).single();
    }

    /** Ratings matching a condition over alias {@code r} in (from, to] that do not carry the signal yet. */
    List<Member> membersWithout(Signal signal, String condition, Map<String, Object> params, OffsetDateTime from,
            OffsetDateTime to) {
        Map<String, Object> all = new java.util.HashMap<>(params);
        all.put("m_signal", signal.name());
        return members(condition + " and not exists (select 1 from integrity_signal s"
                + " where s.evaluation_id = r.evaluation_id and s.signal = :m_signal)", all, from, to);
    }

    /** Ratings matching a condition over alias {@code r}, submitted in (from, to]. */
    List<Member> members(String condition, Map<String, Object> params, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("select evaluation_id, submitted_at, department_code, case_number from integrity_rating r where "
                        + condition + " and r.submitted_at > :m_from and r.submitted_at <= :m_to order by r.submitted_at")
                .params(params).param("m_from", from).param("m_to", to)
                .query((rs, n) -> new Member(rs.getString(1), Zones.inShanghai(rs.getObject(2, OffsetDateTime.class)),
                        rs.getString(3), (Long) rs.getObject(4, Long.class)))
                .list();
    }

    /** Adds a signal unless the rating has it already; answers whether it was added. */
    boolean addSignal(String evaluationId, Signal signal, int weight, String detail, OffsetDateTime at) {
        if (jdbc.sql("select count(*) from integrity_signal where evaluation_id = :id and signal = :signal")
                .param("id", evaluationId).param("signal", signal.name()).query(Long.class).single() > 0) {
            return false;
        }
        return jdbc.sql("""
                insert into integrity_signal (evaluation_id, signal, weight, detail, raised_at)
                values (:id, :signal, :weight, :detail, :at)
                """).param("id", evaluationId).param("signal", signal.name()).param("weight", weight)
                .param("detail", detail.length() > 400 ? detail.substring(0, 400) : detail).param("at", at)
                .update() > 0;
    }

    /** The rating's distinct signals, strongest first. */
    List<RaisedSignal> signals(String evaluationId) {
        List<RaisedSignal> all = jdbc.sql("""
                select signal, weight, detail, raised_at from integrity_signal where evaluation_id = :id
                order by weight desc, raised_at, id
                """).param("id", evaluationId)
                .query((rs, n) -> new RaisedSignal(Signal.parse(rs.getString(1)), rs.getInt(2), rs.getString(3),
                        Zones.inShanghai(rs.getObject(4, OffsetDateTime.class))))
                .list();
        java.util.Set<Signal> seen = java.util.EnumSet.noneOf(Signal.class);
        return all.stream().filter(s -> s.signal() != null && seen.add(s.signal())).toList();
    }

    /** Sets the score to the sum of the weights of the rating's distinct signals (at most 100) and answers it. */
    int recomputeScore(String evaluationId) {
        int score = Math.min(100, signals(evaluationId).stream().mapToInt(RaisedSignal::weight).sum());
        jdbc.sql("update integrity_rating set score = :s where evaluation_id = :id").param("s", score)
                .param("id", evaluationId).update();
        return score;
    }

    /** Puts a not yet reviewed rating on hold; answers whether it was put on hold now. */
    boolean hold(String evaluationId, OffsetDateTime at) {
        return jdbc.sql("update integrity_rating set status = 'HELD', held_at = :at where evaluation_id = :id and status = 'CLEAR'")
                .param("at", at).param("id", evaluationId).update() == 1;
    }

    /** Records the review decision of a held rating; answers false when it is no longer held. */
    boolean decide(String evaluationId, Status outcome, String by, String note, OffsetDateTime at) {
        return jdbc.sql("""
                update integrity_rating set status = :status, decided_by = :by, decision_note = :note, decided_at = :at
                where evaluation_id = :id and status = 'HELD'
                """).param("status", outcome.name()).param("by", by).param("note", note).param("at", at)
                .param("id", evaluationId).update() == 1;
    }

    Optional<Assessment> find(String evaluationId) {
        return jdbc.sql("select * from integrity_rating where evaluation_id = :id").param("id", evaluationId)
                .query((rs, n) -> new Assessment(rs.getString("evaluation_id"), rs.getString("region_code"),
                        rs.getString("department_code"), rs.getString("service_body_code"), rs.getString("staff_no"),
                        rs.getInt("score"), Status.valueOf(rs.getString("status")),
                        Zones.inShanghai(rs.getObject("held_at", OffsetDateTime.class)),
                        Zones.inShanghai(rs.getObject("decided_at", OffsetDateTime.class)), rs.getString("decided_by"),
                        rs.getString("decision_note")))
                .optional();
    }

    /** Held ratings matching a condition over alias {@code r} (the viewer's scope), longest held first. */
    List<String> held(String condition, Map<String, Object> params, int page, int size) {
        return jdbc.sql("select r.evaluation_id from integrity_rating r where r.status = 'HELD' and " + condition
                        + " order by r.held_at, r.evaluation_id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size).query(String.class).list();
    }

    long countHeld(String condition, Map<String, Object> params) {
        return jdbc.sql("select count(*) from integrity_rating r where r.status = 'HELD' and " + condition)
                .params(params).query(Long.class).single();
    }
}
