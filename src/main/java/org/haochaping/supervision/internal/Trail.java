package org.haochaping.supervision.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.haochaping.identity.AuditLog;
import org.haochaping.identity.CurrentUser;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every step of a supervision record: its history row (shown on the record's page) and its audit entry. */
@Component
public class Trail {

    /** One step as shown in a history list. */
    public record Step(OffsetDateTime at, String actor, String action, String actionLabel, String statusAfter,
            String note) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Trail(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    void step(String type, String id, CurrentUser by, String action, String statusAfter, String note) {
        String actor = by == null ? "system" : by.username();
        jdbc.sql("""
                insert into supervision_history (subject_type, subject_id, at, actor, action, status_after, note)
                values (:type, :id, :at, :actor, :action, :status, :note)
                """).param("type", type).param("id", id).param("at", Zones.now(clock)).param("actor", actor)
                .param("action", action).param("status", statusAfter).param("note", cut(note, 2000)).update();
        String detail = statusAfter + (note == null || note.isBlank() ? "" : "：" + note);
        if (by == null) {
            audit.recordAs("system", "SUPERVISION_" + action, type + ":" + id, detail);
        } else {
            audit.record("SUPERVISION_" + action, type + ":" + id, detail);
        }
    }

    public List<Step> of(String type, String id) {
        return jdbc.sql("select * from supervision_history where subject_type = :type and subject_id = :id order by at, id")
                .param("type", type).param("id", id)
                .query((rs, n) -> new Step(Zones.inShanghai(rs.getObject("at", OffsetDateTime.class)),
                        rs.getString("actor"), rs.getString("action"), label(rs.getString("action")),
                        rs.getString("status_after"), rs.getString("note")))
                .list();
    }

    static String label(String action) {
        return switch (action) {
            case "PROPOSED" -> "列入建议";
            case "CONFIRMED" -> "确认列入重点监督";
            case "DISMISSED" -> "不予列入";
            case "MEASURES_SUBMITTED" -> "提交整改措施";
            case "MEASURES_RETURNED" -> "退回整改措施";
            case "ACCEPTED" -> "验收销号";
            case "OVERDUE" -> "逾期督办";
            case "COACHED" -> "教育帮扶";
            case "IMPROVED" -> "复核：已改进";
            case "REASSIGNMENT_ORDERED" -> "复核未改进，限期调换";
            case "REASSIGNED" -> "完成调换";
            case "DEDUCTED" -> "记录扣分";
            case "REVOKED" -> "撤销扣分";
            case "REFERRED" -> "移送纪检监察";
            case "CONCLUDED" -> "登记处理结果";
            case "REVISION_REQUESTED" -> "提出修订要求";
            case "REVISION_SUBMITTED" -> "报送修订";
            case "REVISION_RETURNED" -> "退回修订";
            case "REVISION_DONE" -> "确认修订完成";
            case "COMPOSED" -> "生成通报";
            case "EDITED" -> "修改通报";
            case "PUBLISHED" -> "发布通报";
            default -> action;
        };
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
