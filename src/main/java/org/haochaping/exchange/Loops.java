package org.haochaping.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.Level;
import org.haochaping.identity.DataScope;
import org.haochaping.system.Zones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bad ratings of cases that lower-level platforms own and handle, as this instance follows their loop (评价 →
 * 整改 → 反馈): which rating, given here or there, and — with the rectification results the owner reports — how it
 * ended. One row per case, written once.
 */
@Repository
class Loops {

    record Loop(String caseNo, String ownerClient, String ownerName, String evaluationId, Level level, Channel channel,
            boolean ratedHere, OffsetDateTime ratedAt, String itemName, String regionCode, String departmentCode) {
    }

    private final JdbcClient jdbc;

    Loops(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent: a loop already followed stays as it is. */
    void follow(Loop loop, OffsetDateTime now) {
        if (find(loop.caseNo()).isPresent()) {
            return;
        }
        try {
            jdbc.sql("""
                    insert into exchange_loop (case_no, owner_client, owner_name, evaluation_id, level, channel,
                        rated_here, rated_at, item_name, region_code, department_code, recorded_at)
                    values (:c, :owner, :ownerName, :evaluation, :level, :channel, :here, :ratedAt, :item, :region,
                        :department, :now)
                    """).param("c", loop.caseNo()).param("owner", loop.ownerClient())
                    .param("ownerName", loop.ownerName()).param("evaluation", loop.evaluationId())
                    .param("level", loop.level().name()).param("channel", loop.channel().name())
                    .param("here", loop.ratedHere()).param("ratedAt", loop.ratedAt()).param("item", loop.itemName())
                    .param("region", loop.regionCode()).param("department", loop.departmentCode()).param("now", now)
                    .update();
        } catch (DuplicateKeyException deliveredTwiceAtOnce) {
            // the other delivery wrote it
        }
    }

    Optional<Loop> find(String caseNo) {
        return jdbc.sql("select * from exchange_loop where case_no = :c").param("c", caseNo).query(Loops::map)
                .optional();
    }

    /** The loops within a scope, newest rating first. */
    List<Loop> page(DataScope scope, int page, int size) {
        return jdbc.sql("select l.* from exchange_loop l where " + scope.sql("l")
                + " order by l.rated_at desc, l.case_no limit :limit offset :offset").params(scope.params())
                .param("limit", size).param("offset", (long) page * size).query(Loops::map).list();
    }

    long count(DataScope scope) {
        return jdbc.sql("select count(*) from exchange_loop l where " + scope.sql("l")).params(scope.params())
                .query(Long.class).single();
    }

    private static Loop map(ResultSet rs, int row) throws SQLException {
        return new Loop(rs.getString("case_no"), rs.getString("owner_client"), rs.getString("owner_name"),
                rs.getString("evaluation_id"), Level.valueOf(rs.getString("level")),
                Channel.valueOf(rs.getString("channel")), rs.getBoolean("rated_here"),
                Zones.inShanghai(rs.getObject("rated_at", OffsetDateTime.class)), rs.getString("item_name"),
                rs.getString("region_code"), rs.getString("department_code"));
    }
}
