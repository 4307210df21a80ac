package org.haochaping.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.haochaping.identity.AuditLog;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versioned reason options (national rule: uniform content, version-managed). An edit never changes a version in
 * use: it creates the next version and makes it the active one; every rating keeps the version it was given with.
 */
@Service
class ReasonSets {

    static final Set<String> LEVELS = Set.of("VERY_SATISFIED", "SATISFIED", "BASIC", "DISSATISFIED", "VERY_DISSATISFIED");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ReasonSets(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The active set as editable text: one {@code LEVEL,CODE,label} per line. */
    String asText(List<CatalogManagement.ReasonOption> reasons) {
        StringBuilder text = new StringBuilder();
        reasons.forEach(r -> text.append(r.level()).append(',').append(r.code()).append(',').append(r.label()).append('\n'));
        return text.toString();
    }

    @Transactional
    int publish(String text, String note) {
        List<String[]> lines = parse(text);
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from catalog_reason_set").query(Integer.class).single();
        jdbc.sql("update catalog_reason_set set active = false where active").update();
        jdbc.sql("insert into catalog_reason_set (version, note, active, created_at) values (:v, :n, true, :t)")
                .param("v", version).param("n", note == null || note.isBlank() ? null : note.trim())
                .param("t", Zones.now(clock)).update();
        int order = 0;
        for (String[] line : lines) {
            jdbc.sql("insert into catalog_reason (set_version, level, code, label, sort_order) values (:v, :l, :c, :t, :o)")
                    .param("v", version).param("l", line[0]).param("c", line[1]).param("t", line[2]).param("o", ++order)
                    .update();
        }
        audit.record("REASON_SET_PUBLISHED", "reason-set:" + version, lines.size() + " options");
        return version;
    }

    private static List<String[]> parse(String text) {
        List<String[]> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int number = 0;
        for (String raw : (text == null ? "" : text).split("\\R")) {
            number++;
            if (raw.isBlank()) {
                continue;
            }
            String[] parts = raw.split(",", 3);
            if (parts.length != 3 || !LEVELS.contains(parts[0].trim()) || !parts[1].trim().matches("[A-Z0-9_]{2,32}")
                    || parts[2].isBlank() || parts[2].trim().length() > 100) {
                throw FieldProblem.of("reasons", "第 " + number + " 行格式应为：等级,编码（大写字母、数字、下划线）,评价内容");
            }
            String[] line = {parts[0].trim(), parts[1].trim(), parts[2].trim()};
            if (!seen.add(line[0] + "/" + line[1])) {
                throw FieldProblem.of("reasons", "第 " + number + " 行的编码在同一等级下重复：" + line[1]);
            }
            lines.add(line);
        }
        if (lines.isEmpty()) {
            throw FieldProblem.of("reasons", "评价内容不能为空");
        }
        return lines;
    }
}
