package org.haochaping.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.haochaping.identity.AuditLog;
import org.haochaping.system.FieldProblem;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists, adds and edits catalog entries of every {@link CatalogKind}, checking each field and every reference. */
@Service
class CatalogEditor {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    CatalogEditor(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    List<Map<String, Object>> list(CatalogKind kind) {
        return jdbc.sql("select " + columns(kind) + " from " + kind.table() + " order by " + kind.key().column())
                .query().listOfRows();
    }

    Optional<Map<String, Object>> find(CatalogKind kind, String code) {
        return jdbc.sql("select " + columns(kind) + " from " + kind.table() + " where " + kind.key().column() + " = :code")
                .param("code", code).query().listOfRows().stream().findFirst();
    }

    /** Adds the entry, or updates it when {@code existingCode} names one; a broken rule throws a {@link FieldProblem}. */
    @Transactional
    void save(CatalogKind kind, String existingCode, Map<String, String> form) {
        Map<String, Object> values = validate(kind, form);
        try {
            if (existingCode == null) {
                if (find(kind, (String) values.get(kind.key().column())).isPresent()) {
                    throw FieldProblem.of(kind.key().column(), "编码已存在");
                }
                jdbc.sql("insert into " + kind.table() + " (" + columns(kind) + ") values ("
                        + kind.fields().stream().map(f -> ":" + f.column()).collect(Collectors.joining(", ")) + ")")
                        .params(values).update();
            } else {
                values.put(kind.key().column(), existingCode);
                String sets = kind.fields().stream().skip(1).map(f -> f.column() + " = :" + f.column())
                        .collect(Collectors.joining(", "));
                int updated = jdbc.sql("update " + kind.table() + " set " + sets + " where " + kind.key().column()
                        + " = :" + kind.key().column()).params(values).update();
                if (updated == 0) {
                    throw org.haochaping.system.DomainProblem.notFound("目录条目不存在：" + existingCode);
                }
            }
        } catch (DataIntegrityViolationException e) {
            throw FieldProblem.of("reference", "引用的上级编码不存在，或条目仍被引用");
        }
        audit.record(existingCode == null ? "CATALOG_ADD" : "CATALOG_EDIT", kind.name() + ":" + values.get(kind.key().column()),
                null);
    }

    private static Map<String, Object> validate(CatalogKind kind, Map<String, String> form) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<FieldProblem.FieldError> errors = new ArrayList<>();
        for (CatalogKind.Field field : kind.fields()) {
            String value = Optional.ofNullable(form.get(field.column())).map(String::trim).orElse("");
            if (value.isEmpty()) {
                if (field.required()) {
                    errors.add(new FieldProblem.FieldError(field.column(), field.label() + "不能为空"));
                }
                values.put(field.column(), null);
                continue;
            }
            if (value.length() > field.maxLength()) {
                errors.add(new FieldProblem.FieldError(field.column(), field.label() + "最长 " + field.maxLength() + " 个字符"));
            }
            if (field.options() != null && !field.options().contains(value)) {
                errors.add(new FieldProblem.FieldError(field.column(), field.label() + "取值无效"));
            }
            values.put(field.column(), value);
        }
        if (!errors.isEmpty()) {
            throw new FieldProblem(errors);
        }
        return values;
    }

    private static String columns(CatalogKind kind) {
        return kind.fields().stream().map(CatalogKind.Field::column).collect(Collectors.joining(", "));
    }
}
