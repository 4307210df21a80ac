package org.haochaping.exchange.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The log of bulk imports with the rows each one refused. */
@Repository
class Imports {

    record Import(String id, String fileName, String fileSha256, String importedBy, OffsetDateTime importedAt,
            int totalRows, int storedRows, int unchanged, int failedRows) {
    }

    record RowError(int lineNo, String caseNo, String field, String message) {
    }

    private final JdbcClient jdbc;

    Imports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Import run, List<RowError> errors) {
        jdbc.sql("""
                insert into exchange_import (id, file_name, file_sha256, imported_by, imported_at, total_rows,
                    stored_rows, unchanged, failed_rows)
                values (:id, :name, :sha, :by, :at, :total, :stored, :unchanged, :failed)
                """).param("id", run.id()).param("name", run.fileName()).param("sha", run.fileSha256())
                .param("by", run.importedBy()).param("at", run.importedAt()).param("total", run.totalRows())
                .param("stored", run.storedRows()).param("unchanged", run.unchanged()).param("failed", run.failedRows())
                .update();
        for (RowError e : errors) {
            jdbc.sql("""
                    insert into exchange_import_error (import_id, line_no, case_no, field, message)
                    values (:id, :line, :caseNo, :field, :message)
                    """).param("id", run.id()).param("line", e.lineNo()).param("caseNo", e.caseNo())
                    .param("field", e.field()).param("message", e.message()).update();
        }
    }

    Optional<Import> find(String id) {
        return jdbc.sql("select * from exchange_import where id = :id").param("id", id).query(this::map).optional();
    }

    List<Import> recent() {
        return jdbc.sql("select * from exchange_import order by imported_at desc, id limit 20").query(this::map).list();
    }

    List<RowError> errors(String id) {
        return jdbc.sql("""
                select line_no, case_no, field, message from exchange_import_error where import_id = :id
                order by line_no, field
                """).param("id", id).query(RowError.class).list();
    }

    private Import map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Import(rs.getString("id"), rs.getString("file_name"), rs.getString("file_sha256"),
                rs.getString("imported_by"), Zones.inShanghai(rs.getObject("imported_at", OffsetDateTime.class)),
                rs.getInt("total_rows"), rs.getInt("stored_rows"), rs.getInt("unchanged"), rs.getInt("failed_rows"));
    }
}
