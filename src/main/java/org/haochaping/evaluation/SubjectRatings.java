package org.haochaping.evaluation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.RegionCodes;
import org.haochaping.identity.PersonalDataVault;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ratings of a service body, department or item without a case (plan 二(四)1): the public's 综合点评 (mobile
 * verified by SMS code) and the inspectors' 监督查评. Stored and counted apart from case ratings.
 */
@Service
public class SubjectRatings {

    /** A rating without a case as staff read it (no author identity). */
    public record SubjectRatingView(String id, Channel channel, SubjectType subjectType, String subjectCode,
            String subjectName, String regionCode, Level level, String comment, String authorAccount,
            OffsetDateTime submittedAt) {
    }

    /** How many ratings of each kind a subject got, with the share of bad ones. */
    public record SubjectTotal(SubjectType subjectType, String subjectCode, String subjectName, Channel channel,
            long count, long bad) {
    }

    private final JdbcClient jdbc;
    private final CatalogManagement catalog;
    private final PersonalDataVault vault;
    private final Clock clock;

    SubjectRatings(JdbcClient jdbc, CatalogManagement catalog, PersonalDataVault vault, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.vault = vault;
        this.clock = clock;
    }

    /** A member of the public's comment; the mobile was verified by an SMS code before. */
    @Transactional
    public SubjectRatingView publicComment(SubjectType type, String code, Level level, String comment, String mobile) {
        return store(Channel.PUBLIC_COMMENT, type, code, level, comment, mobile, null);
    }

    /** An inspector's (监督员) rating of a subject. */
    @Transactional
    public SubjectRatingView inspection(SubjectType type, String code, Level level, String comment, String inspector) {
        return store(Channel.SUPERVISION, type, code, level, comment, null, inspector);
    }

    public List<SubjectRatingView> recent(String regionCode, int limit) {
        return jdbc.sql("select * from evaluation_subject_rating s where " + regionOnly(regionCode)
                        + " order by submitted_at desc limit :limit")
                .params(regionParams(regionCode)).param("limit", limit)
                .query((rs, n) -> new SubjectRatingView(rs.getString("id"), Channel.valueOf(rs.getString("channel")),
                        SubjectType.valueOf(rs.getString("subject_type")), rs.getString("subject_code"),
                        rs.getString("subject_name"), rs.getString("region_code"), Level.valueOf(rs.getString("level")),
                        rs.getString("comment"), rs.getString("author_account"),
                        Zones.inShanghai(rs.getObject("submitted_at", OffsetDateTime.class))))
                .list();
    }

    public List<SubjectTotal> totals(String regionCode) {
        return jdbc.sql("""
                select subject_type, subject_code, subject_name, channel, count(*) as total,
                       count(case when level in ('DISSATISFIED', 'VERY_DISSATISFIED') then 1 end) as bad
                from evaluation_subject_rating s where """ + " " + regionOnly(regionCode) + """
                 group by subject_type, subject_code, subject_name, channel order by total desc, subject_code
                """).params(regionParams(regionCode))
                .query((rs, n) -> new SubjectTotal(SubjectType.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        Channel.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6)))
                .list();
    }

    /** Who may read them: the supervision office and the city office within their region, inspectors. */
    public static boolean mayRead(CurrentUser user) {
        return user != null && switch (user.role()) {
            case SUPERVISOR, CITY_OFFICE, INSPECTOR -> true;
            default -> false;
        };
    }

    private SubjectRatingView store(Channel channel, SubjectType type, String code, Level level, String comment,
            String mobile, String inspector) {
        if (type == null) {
            throw FieldProblem.of("subjectType", "请选择评价对象类型");
        }
        if (level == null) {
            throw FieldProblem.of("level", "请选择满意度等级");
        }
        String cleaned = comment == null ? null : comment.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
        if (cleaned != null && cleaned.codePointCount(0, cleaned.length()) > EvaluationManagement.MAX_COMMENT) {
            throw FieldProblem.of("comment", "评价内容最多 " + EvaluationManagement.MAX_COMMENT + " 字");
        }
        String[] subject = subject(type, code);
        OffsetDateTime now = Zones.now(clock);
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into evaluation_subject_rating (id, channel, subject_type, subject_code, subject_name, region_code,
                    level, comment, author_mobile, author_mobile_index, author_account, submitted_at)
                values (:id, :channel, :type, :code, :name, :region, :level, :comment, :mobile, :mobileIndex, :account, :at)
                """).param("id", id).param("channel", channel.name()).param("type", type.name()).param("code", code)
                .param("name", subject[0]).param("region", subject[1]).param("level", level.name())
                .param("comment", cleaned == null || cleaned.isEmpty() ? null : cleaned)
                .param("mobile", vault.seal(mobile)).param("mobileIndex", vault.index(mobile))
                .param("account", inspector).param("at", now).update();
        return new SubjectRatingView(id, channel, type, code, subject[0], subject[1], level, cleaned, inspector, now);
    }

    /** The subject's name and region, or a 400 naming the unknown code. */
    private String[] subject(SubjectType type, String code) {
        if (code == null || code.isBlank()) {
            throw FieldProblem.of("subjectCode", "请选择评价对象");
        }
        return switch (type) {
            case SERVICE_BODY -> catalog.serviceBody(code).map(b -> new String[] {b.name(), b.regionCode()})
                    .orElseThrow(() -> FieldProblem.of("subjectCode", "未知的政务服务机构"));
            case DEPARTMENT -> catalog.department(code).map(d -> new String[] {d.name(), d.regionCode()})
                    .orElseThrow(() -> FieldProblem.of("subjectCode", "未知的部门"));
            case ITEM -> catalog.item(code).map(i -> new String[] {i.name(), catalog.department(i.departmentCode())
                            .map(CatalogManagement.Department::regionCode).orElseThrow()})
                    .orElseThrow(() -> FieldProblem.of("subjectCode", "未知的政务服务事项"));
        };
    }

    private static String regionOnly(String regionCode) {
        return regionCode == null ? "1 = 1" : "s.region_code like :scope_region";
    }

    private static Map<String, Object> regionParams(String regionCode) {
        return regionCode == null ? Map.of() : Map.of("scope_region", RegionCodes.prefixOf(regionCode) + "%");
    }

    static void requireReader(CurrentUser user) {
        if (!mayRead(user)) {
            throw DomainProblem.forbidden("只有政务服务管理部门、市政府办公室和监督员可以查看综合点评与监督查评。");
        }
    }
}
