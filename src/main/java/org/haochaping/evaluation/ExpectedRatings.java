package org.haochaping.evaluation;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Completed cases still waiting for a rating, with the moment their default is due. */
@Repository
class ExpectedRatings {

    private final JdbcClient jdbc;

    ExpectedRatings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent: a repeated delivery of the same completion changes nothing. */
    void expect(String caseNo, String regionCode, OffsetDateTime dueAt) {
        if (jdbc.sql("select count(*) from evaluation_expected where case_no = :c").param("c", caseNo)
                .query(Long.class).single() == 0) {
            jdbc.sql("insert into evaluation_expected (case_no, region_code, due_at) values (:c, :r, :d)")
                    .param("c", caseNo).param("r", regionCode).param("d", dueAt).update();
        }
    }

    void fulfilled(String caseNo) {
        jdbc.sql("delete from evaluation_expected where case_no = :c").param("c", caseNo).update();
    }

    record Due(String caseNo, OffsetDateTime dueAt) {
    }

    List<Due> due(OffsetDateTime now, int limit) {
        return jdbc.sql("select case_no, due_at from evaluation_expected where due_at <= :now order by due_at limit :limit")
                .param("now", now).param("limit", limit)
                .query((rs, n) -> new Due(rs.getString(1), rs.getObject(2, OffsetDateTime.class))).list();
    }
}
