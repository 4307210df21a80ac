package org.haochaping.exchange.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.haochaping.identity.CurrentUser;
import org.haochaping.system.DomainProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The console page where an administrator uploads existing satisfaction data, sees what each import did and
 * downloads the report of the rows it refused.
 */
@Controller
class ImportPages {

    private final BulkImport bulkImport;
    private final Imports imports;

    ImportPages(BulkImport bulkImport, Imports imports) {
        this.bulkImport = bulkImport;
        this.imports = imports;
    }

    @GetMapping("/console/exchange/import")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        requireAdmin(user);
        model.addAttribute("columns", ImportFile.COLUMNS);
        model.addAttribute("required", ImportFile.REQUIRED);
        model.addAttribute("imports", imports.recent());
        return "exchange/import";
    }

    @PostMapping("/console/exchange/import")
    String upload(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal CurrentUser user)
            throws IOException {
        requireAdmin(user);
        if (file.isEmpty()) {
            throw DomainProblem.badRequest("请选择要导入的 CSV 或 .xlsx 文件。");
        }
        Imports.Import run = bulkImport.run(file.getOriginalFilename(), file.getBytes(), user.username());
        return "redirect:/console/exchange/imports/" + run.id();
    }

    @GetMapping("/console/exchange/imports/{id}")
    String result(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
        requireAdmin(user);
        model.addAttribute("run", find(id));
        List<Imports.RowError> errors = imports.errors(id);
        model.addAttribute("errors", errors.size() > 200 ? errors.subList(0, 200) : errors);
        model.addAttribute("errorCount", errors.size());
        return "exchange/import-result";
    }

    /** The refused rows as CSV (UTF-8 with a byte-order mark, so that Excel reads the Chinese text). */
    @GetMapping("/console/exchange/imports/{id}/errors.csv")
    ResponseEntity<byte[]> errors(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        requireAdmin(user);
        Imports.Import run = find(id);
        StringBuilder csv = new StringBuilder("\uFEFF行号,办件编号,字段,问题\r\n");
        for (Imports.RowError e : imports.errors(id)) {
            csv.append(e.lineNo()).append(',').append(quote(e.caseNo())).append(',').append(quote(e.field()))
                    .append(',').append(quote(e.message())).append("\r\n");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("import-errors-" + run.importedAt().toLocalDate() + ".csv", StandardCharsets.UTF_8)
                        .build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Imports.Import find(String id) {
        return imports.find(id).orElseThrow(() -> DomainProblem.notFound("没有这次导入：" + id));
    }

    private static void requireAdmin(CurrentUser user) {
        if (user == null || !user.isAdmin()) {
            throw DomainProblem.forbidden("只有系统管理员可以导入历史满意度数据。");
        }
    }

    /** A CSV field, quoted when needed; a leading = + - @ is defused so spreadsheets do not run it as a formula. */
    static String quote(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
