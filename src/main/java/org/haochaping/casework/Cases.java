package org.haochaping.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored service cases. */
@Repository
class Cases {

    private final JdbcClient jdbc;

    Cases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CaseView> find(String caseNo) {
        return jdbc.sql("select * from casework_case where case_no = :c").param("c", caseNo).query(Cases::map).optional();
    }

    List<CaseView> completedAtWindow(String windowCode, String mobileIndex, OffsetDateTime since, int limit) {
        return jdbc.sql("""
                select * from casework_case
                where window_code = :w and applicant_mobile_index = :m and status = 'COMPLETED' and completed_at >= :since
                order by completed_at desc limit :limit
                """).param("w", windowCode).param("m", mobileIndex).param("since", since).param("limit", limit)
                .query(Cases::map).list();
    }

    void upsert(CaseView c, String reportedBy, OffsetDateTime now, boolean insert) {
        SealedIdentity a = c.applicant();
        String sql = insert ? """
                insert into casework_case (case_no, item_code, item_name, department_code, service_body_code, window_code,
                    staff_no, staff_name, region_code, applicant_type, applicant_name, applicant_id_type, applicant_id_number,
                    applicant_id_index, applicant_mobile, applicant_mobile_index, handling_form, case_type, status,
                    accepted_at, completed_at, generated_at, reported_by, received_at, updated_at, origin_client,
                    origin_name)
                values (:caseNo, :itemCode, :itemName, :departmentCode, :serviceBodyCode, :windowCode, :staffNo, :staffName,
                    :regionCode, :aType, :aName, :aIdType, :aId, :aIdIndex, :aMobile, :aMobileIndex, :handlingForm,
                    :caseType, :status, :acceptedAt, :completedAt, :generatedAt, :reportedBy, :now, :now, :originClient,
                    :originName)
                """ : """
                update casework_case set item_code = :itemCode, item_name = :itemName, department_code = :departmentCode,
                    service_body_code = :serviceBodyCode, window_code = :windowCode, staff_no = :staffNo,
                    staff_name = :staffName, region_code = :regionCode, applicant_type = :aType, applicant_name = :aName,
                    applicant_id_type = :aIdType, applicant_id_number = :aId, applicant_id_index = :aIdIndex,
                    applicant_mobile = :aMobile, applicant_mobile_index = :aMobileIndex, handling_form = :handlingForm,
                    case_type = :caseType, status = :status, accepted_at = :acceptedAt, completed_at = :completedAt,
                    generated_at = :generatedAt, reported_by = :reportedBy, updated_at = :now
                where case_no = :caseNo
                """;
        jdbc.sql(sql)
                .param("caseNo", c.caseNo()).param("itemCode", c.itemCode()).param("itemName", c.itemName())
                .param("departmentCode", c.departmentCode()).param("serviceBodyCode", c.serviceBodyCode())
                .param("windowCode", c.windowCode()).param("staffNo", c.staffNo()).param("staffName", c.staffName())
                .param("regionCode", c.regionCode())
                .param("aType", a == null ? null : a.type().name()).param("aName", a == null ? null : a.name())
                .param("aIdType", a == null ? null : a.idType()).param("aId", a == null ? null : a.idNumber())
                .param("aIdIndex", a == null ? null : a.idIndex()).param("aMobile", a == null ? null : a.mobile())
                .param("aMobileIndex", a == null ? null : a.mobileIndex())
                .param("handlingForm", c.handlingForm() == null ? null : c.handlingForm().name())
                .param("caseType", c.caseType() == null ? null : c.caseType().name())
                .param("status", c.status().name()).param("acceptedAt", c.acceptedAt())
                .param("completedAt", c.completedAt()).param("generatedAt", c.generatedAt())
                .param("reportedBy", reportedBy).param("now", now)
                .param("originClient", c.origin() == null ? null : c.origin().clientId())
                .param("originName", c.origin() == null ? null : c.origin().name())
                .update();
    }

    private static CaseView map(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("applicant_type");
        SealedIdentity applicant = type == null ? null : new SealedIdentity(ApplicantType.valueOf(type),
                rs.getString("applicant_name"), rs.getString("applicant_id_type"), rs.getString("applicant_id_number"),
                rs.getString("applicant_id_index"), rs.getString("applicant_mobile"), rs.getString("applicant_mobile_index"));
        String form = rs.getString("handling_form");
        String caseType = rs.getString("case_type");
        return new CaseView(rs.getString("case_no"), rs.getString("item_code"), rs.getString("item_name"),
                rs.getString("department_code"), rs.getString("service_body_code"), rs.getString("window_code"),
                rs.getString("staff_no"), rs.getString("staff_name"), rs.getString("region_code"),
                CaseStatus.valueOf(rs.getString("status")), form == null ? null : HandlingForm.valueOf(form),
                caseType == null ? null : CaseType.valueOf(caseType), time(rs, "accepted_at"), time(rs, "completed_at"),
                time(rs, "generated_at"), applicant, origin(rs));
    }

    private static CaseOrigin origin(ResultSet rs) throws SQLException {
        String client = rs.getString("origin_client");
        return client == null ? null : new CaseOrigin(client, rs.getString("origin_name"));
    }

    Map<String, CaseOrigin> owners(List<String> caseNos) {
        Map<String, CaseOrigin> owners = new HashMap<>();
        jdbc.sql("select case_no, origin_client, origin_name from casework_case where case_no in (:c) and origin_client is not null")
                .param("c", caseNos)
                .query((rs, n) -> owners.put(rs.getString(1), new CaseOrigin(rs.getString(2), rs.getString(3))))
                .list();
        return owners;
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return Zones.inShanghai(rs.getObject(column, OffsetDateTime.class));
    }
}
