package org.haochaping.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haochaping.casework.ApplicantType;
import org.haochaping.casework.SealedIdentity;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored ratings with their dimensions and reasons. */
@Repository
class Evaluations {

    private final JdbcClient jdbc;

    Evaluations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean existsForCase(String caseNo) {
        return jdbc.sql("select count(*) from evaluation_evaluation where case_no = :c").param("c", caseNo)
                .query(Long.class).single() > 0;
    }

    void insert(EvaluationView e, int reasonSetVersion, OffsetDateTime recordedAt) {
        SealedIdentity who = e.evaluator();
        jdbc.sql("""
                insert into evaluation_evaluation (id, case_no, level, channel, comment, reason_set_version, item_code,
                    item_name, department_code, service_body_code, window_code, staff_no, region_code, submitted_at,
                    recorded_at, defaulted, valid, evaluator_type, evaluator_name, evaluator_id_type, evaluator_id_number,
                    evaluator_id_index, evaluator_mobile, evaluator_mobile_index, consent_contact, consent_share)
                values (:id, :caseNo, :level, :channel, :comment, :reasonSet, :itemCode, :itemName, :departmentCode,
                    :serviceBodyCode, :windowCode, :staffNo, :regionCode, :submittedAt, :recordedAt, :defaulted, true,
                    :eType, :eName, :eIdType, :eId, :eIdIndex, :eMobile, :eMobileIndex, :consentContact, :consentShare)
                """)
                .param("id", e.id()).param("caseNo", e.caseNo()).param("level", e.level().name())
                .param("channel", e.channel().name()).param("comment", e.comment()).param("reasonSet", reasonSetVersion)
                .param("itemCode", e.itemCode()).param("itemName", e.itemName())
                .param("departmentCode", e.departmentCode()).param("serviceBodyCode", e.serviceBodyCode())
                .param("windowCode", e.windowCode()).param("staffNo", e.staffNo()).param("regionCode", e.regionCode())
                .param("submittedAt", e.submittedAt()).param("recordedAt", recordedAt).param("defaulted", e.defaulted())
                .param("eType", who == null ? null : who.type().name()).param("eName", who == null ? null : who.name())
                .param("eIdType", who == null ? null : who.idType()).param("eId", who == null ? null : who.idNumber())
                .param("eIdIndex", who == null ? null : who.idIndex()).param("eMobile", who == null ? null : who.mobile())
                .param("eMobileIndex", who == null ? null : who.mobileIndex())
                .param("consentContact", e.consentContact()).param("consentShare", e.consentShare())
                .update();
        e.dimensions().forEach((dimension, level) -> jdbc.sql(
                "insert into evaluation_dimension (evaluation_id, dimension, level) values (:id, :d, :l)")
                .param("id", e.id()).param("d", dimension.name()).param("l", level.name()).update());
        e.reasons().forEach(reason -> jdbc.sql(
                "insert into evaluation_reason (evaluation_id, reason_code) values (:id, :r)")
                .param("id", e.id()).param("r", reason).update());
    }

    void recordInvalidation(String id, InvalidationReason reason, String note, String decidedBy, OffsetDateTime at) {
        jdbc.sql("""
                insert into evaluation_invalidation (evaluation_id, reason, note, decided_by, decided_at)
                values (:id, :reason, :note, :by, :at)
                """).param("id", id).param("reason", reason.name()).param("note", note).param("by", decidedBy)
                .param("at", at).update();
        jdbc.sql("update evaluation_evaluation set valid = false where id = :id").param("id", id).update();
    }

    /** Answers whether the flag changed. */
    boolean setQuarantined(String id, boolean held) {
        return jdbc.sql("update evaluation_evaluation set quarantined = :h where id = :id and quarantined <> :h")
                .param("h", held).param("id", id).update() == 1;
    }

    Optional<EvaluationView> find(String id) {
        return jdbc.sql("select * from evaluation_evaluation where id = :id").param("id", id)
                .query(this::map).optional();
    }

    Optional<EvaluationView> findByCase(String caseNo) {
        return jdbc.sql("select * from evaluation_evaluation where case_no = :c").param("c", caseNo)
                .query(this::map).optional();
    }

    List<EvaluationView> findAll(Collection<String> ids) {
        return jdbc.sql("select * from evaluation_evaluation where id in (:ids) order by id").param("ids", ids)
                .query(this::map).list();
    }

    List<String> ids(String regionPrefix, String afterId, int limit) {
        return jdbc.sql("select id from evaluation_evaluation where region_code like :p and id > :after order by id limit :limit")
                .param("p", regionPrefix + "%").param("after", afterId == null ? "" : afterId).param("limit", limit)
                .query(String.class).list();
    }

    /** Ratings matching an SQL condition over alias {@code e}, newest first. */
    List<EvaluationView> page(String where, Map<String, Object> params, int page, int size) {
        return jdbc.sql("select e.* from evaluation_evaluation e where " + where
                        + " order by e.submitted_at desc, e.id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(this::map).list();
    }

    long count(String where, Map<String, Object> params) {
        return jdbc.sql("select count(*) from evaluation_evaluation e where " + where).params(params)
                .query(Long.class).single();
    }

    private EvaluationView map(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        Map<Dimension, Level> dimensions = new EnumMap<>(Dimension.class);
        jdbc.sql("select dimension, level from evaluation_dimension where evaluation_id = :id").param("id", id)
                .query((r, n) -> dimensions.put(Dimension.valueOf(r.getString(1)), Level.valueOf(r.getString(2))))
                .list();
        List<String> reasons = new ArrayList<>(jdbc.sql(
                "select reason_code from evaluation_reason where evaluation_id = :id order by reason_code")
                .param("id", id).query(String.class).list());
        String type = rs.getString("evaluator_type");
        SealedIdentity evaluator = type == null ? null : new SealedIdentity(ApplicantType.valueOf(type),
                rs.getString("evaluator_name"), rs.getString("evaluator_id_type"), rs.getString("evaluator_id_number"),
                rs.getString("evaluator_id_index"), rs.getString("evaluator_mobile"), rs.getString("evaluator_mobile_index"));
        return new EvaluationView(id, rs.getString("case_no"), Level.valueOf(rs.getString("level")), dimensions, reasons,
                rs.getString("comment"), Channel.valueOf(rs.getString("channel")),
                Zones.inShanghai(rs.getObject("submitted_at", OffsetDateTime.class)), rs.getBoolean("valid"),
                rs.getBoolean("quarantined"), rs.getBoolean("defaulted"), rs.getString("item_code"), rs.getString("item_name"),
                rs.getString("department_code"), rs.getString("service_body_code"), rs.getString("window_code"),
                rs.getString("staff_no"), rs.getString("region_code"), evaluator, rs.getBoolean("consent_contact"),
                rs.getBoolean("consent_share"));
    }
}
