package org.haochaping.exchange.imports;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.haochaping.casework.ApplicantType;
import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseReport;
import org.haochaping.casework.CaseStatus;
import org.haochaping.casework.CaseView;
import org.haochaping.casework.HandlingForm;
import org.haochaping.casework.PersonalIdentity;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.Level;
import org.haochaping.evaluation.SubmitEvaluation;
import org.haochaping.identity.AuditLog;
import org.haochaping.identity.RequestSignature;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the ratings of a pre-existing satisfaction system into this one (plan 二(二)). Each row becomes a completed
 * case (unless the case is already known) and its rating with the original time and channel, in its own transaction;
 * a row with errors is skipped and reported. A row whose case already has the same rating changes nothing, so
 * importing the same file again changes nothing.
 */
@Service
class BulkImport {

    enum RowResult {
        STORED, UNCHANGED
    }

    /** A refused row: the first problem of each field. */
    static final class RowRefused extends RuntimeException {
        private final List<FieldProblem.FieldError> errors;

        RowRefused(List<FieldProblem.FieldError> errors) {
            super(errors.get(0).message());
            this.errors = errors;
        }

        List<FieldProblem.FieldError> errors() {
            return errors;
        }
    }

    private static final Pattern ID_NUMBER = Pattern.compile("[0-9A-Za-z]{1,32}");
    private static final Pattern MOBILE = Pattern.compile("1[0-9]{10}");
    private static final List<DateTimeFormatter> TIMES = List.of(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"), DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm"), DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private final CaseManagement cases;
    private final EvaluationManagement evaluations;
    private final CatalogManagement catalog;
    private final Imports imports;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BulkImport(CaseManagement cases, EvaluationManagement evaluations, CatalogManagement catalog, Imports imports,
            AuditLog audit, TransactionTemplate transaction, Clock clock) {
        this.cases = cases;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.imports = imports;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Imports a file row by row and records the run with its refused rows. */
    Imports.Import run(String fileName, byte[] content, String importedBy) {
        List<ImportFile.Line> lines = ImportFile.read(fileName, content);
        int stored = 0;
        int unchanged = 0;
        int failed = 0;
        List<Imports.RowError> errors = new ArrayList<>();
        for (ImportFile.Line line : lines) {
            try {
                RowResult result = transaction.execute(status -> importRow(line.values(), importedBy));
                if (result == RowResult.STORED) {
                    stored++;
                } else {
                    unchanged++;
                }
            } catch (RowRefused refused) {
                failed++;
                refused.errors().forEach(e -> errors.add(new Imports.RowError(line.number(),
                        abbreviate(line.values().get("caseNo"), 64), e.field(), abbreviate(e.message(), 300))));
            } catch (FieldProblem problem) {
                failed++;
                problem.errors().forEach(e -> errors.add(new Imports.RowError(line.number(),
                        abbreviate(line.values().get("caseNo"), 64), e.field(), abbreviate(e.message(), 300))));
            } catch (DomainProblem problem) {
                failed++;
                errors.add(new Imports.RowError(line.number(), abbreviate(line.values().get("caseNo"), 64), "row",
                        abbreviate(problem.detail(), 300)));
            } catch (DataAccessException refusedByTheDatabase) {
                failed++;
                errors.add(new Imports.RowError(line.number(), abbreviate(line.values().get("caseNo"), 64), "row",
                        "数据不满足约束条件，未保存"));
            }
        }
        String name = fileName == null || fileName.isBlank() ? "import" : abbreviate(fileName, 200);
        Imports.Import run = new Imports.Import(UUID.randomUUID().toString(), name,
                RequestSignature.sha256Hex(content), importedBy, Zones.now(clock), lines.size(), stored, unchanged,
                failed);
        imports.insert(run, errors);
        audit.record("EXCHANGE_IMPORT", "import:" + run.id(), "导入 " + name + "：共 " + lines.size() + " 行，新增 "
                + stored + "，未变 " + unchanged + "，出错 " + failed);
        return run;
    }

    private RowResult importRow(Map<String, String> row, String importedBy) {
        Map<String, String> errors = new LinkedHashMap<>();
        String caseNo = row.get("caseNo");
        if (caseNo == null) {
            errors.put("caseNo", "不能为空");
        } else if (!CaseManagement.validCaseNo(caseNo)) {
            errors.put("caseNo", "办件编号须为 1 到 50 位字母、数字、- 或 _");
        }
        String itemCode = required(errors, row, "itemCode", 64);
        String itemName = required(errors, row, "itemName", 200);
        String department = required(errors, row, "departmentCode", 32);
        String region = required(errors, row, "regionCode", 12);
        String body = optional(errors, row, "serviceBodyCode", 32);
        String window = optional(errors, row, "windowCode", 32);
        String staffNo = optional(errors, row, "staffNo", 32);
        String staffName = null;
        if (staffNo != null) {
            staffName = catalog.staff(staffNo).map(CatalogManagement.Staff::name).orElse(null);
            if (staffName == null) {
                errors.put("staffNo", "未知的工号");
            }
        }
        Channel channel = channel(errors, row.get("channel"));
        Level level = level(errors, row.get("level"));
        String comment = row.get("comment");
        if (comment != null && comment.codePointCount(0, comment.length()) > 500) {
            errors.put("comment", "评价内容最多 500 字");
        }
        OffsetDateTime ratedAt = ratedAt(errors, row.get("ratedAt"));
        PersonalIdentity evaluator = evaluator(errors, row);
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        Optional<CaseView> existing = cases.find(caseNo);
        if (existing.isPresent()) {
            Optional<EvaluationView> rating = evaluations.forCase(caseNo);
            if (rating.isPresent()) {
                EvaluationView r = rating.get();
                if (r.level() == level && r.channel() == channel
                        && r.submittedAt().truncatedTo(ChronoUnit.SECONDS).toInstant()
                                .equals(ratedAt.truncatedTo(ChronoUnit.SECONDS).toInstant())) {
                    return RowResult.UNCHANGED;
                }
                throw refused(Map.of("caseNo", "该办件已有不同的评价（一次服务只能评价一次）"));
            }
            if (!existing.get().completed()) {
                throw refused(Map.of("caseNo", "该办件在本系统中尚未办结，不能导入评价"));
            }
        } else {
            cases.report(caseNo, new CaseReport(itemCode, itemName, department, body, window, staffNo, staffName,
                    region, evaluator, window != null ? HandlingForm.WINDOW : null, null, CaseStatus.COMPLETED, null,
                    ratedAt, ratedAt), "import:" + importedBy);
        }
        if (channel == Channel.SYSTEM_DEFAULT) {
            evaluations.storeDefault(caseNo, ratedAt);
        } else {
            evaluations.submit(new SubmitEvaluation(caseNo, channel, level, Map.of(), List.of(), comment, evaluator,
                    false, false, ratedAt));
        }
        return RowResult.STORED;
    }

    private static Channel channel(Map<String, String> errors, String text) {
        if (text == null) {
            errors.put("channel", "不能为空");
            return null;
        }
        for (Channel c : Channel.values()) {
            if ((c.name().equalsIgnoreCase(text) || c.label().equals(text))
                    && (c.caseRatingByPerson() || c == Channel.SYSTEM_DEFAULT)) {
                return c;
            }
        }
        errors.put("channel", "未知的评价渠道（PC、MOBILE、QR、WINDOW_DEVICE、TERMINAL、PHONE、SMS、SYSTEM_DEFAULT 或其中文名称）");
        return null;
    }

    private static Level level(Map<String, String> errors, String text) {
        if (text == null) {
            errors.put("level", "不能为空");
            return null;
        }
        for (Level l : Level.values()) {
            if (l.name().equalsIgnoreCase(text) || l.label().equals(text)) {
                return l;
            }
        }
        errors.put("level", "未知的满意度（VERY_SATISFIED … VERY_DISSATISFIED 或 非常满意 … 非常不满意）");
        return null;
    }

    private OffsetDateTime ratedAt(Map<String, String> errors, String text) {
        if (text == null) {
            errors.put("ratedAt", "不能为空");
            return null;
        }
        OffsetDateTime time = null;
        try {
            time = OffsetDateTime.parse(text);
        } catch (DateTimeParseException notWithOffset) {
            for (DateTimeFormatter format : TIMES) {
                try {
                    time = LocalDateTime.parse(text, format).atZone(Zones.SHANGHAI).toOffsetDateTime();
                    break;
                } catch (DateTimeParseException tryNext) {
                    // the next format
                }
            }
        }
        if (time == null) {
            errors.put("ratedAt", "时间格式须为 yyyy-MM-dd HH:mm:ss");
        } else if (time.isAfter(Zones.now(clock))) {
            errors.put("ratedAt", "评价时间不能晚于当前时间");
        }
        return time;
    }

    private static PersonalIdentity evaluator(Map<String, String> errors, Map<String, String> row) {
        String name = optional(errors, row, "evaluatorName", 50);
        String idType = optional(errors, row, "evaluatorIdType", 16);
        String idNumber = row.get("evaluatorIdNumber");
        String mobile = row.get("evaluatorMobile");
        if (idNumber != null && !ID_NUMBER.matcher(idNumber).matches()) {
            errors.put("evaluatorIdNumber", "证件号码只能包含字母和数字，最长 32 位");
        }
        if (mobile != null && !MOBILE.matcher(mobile).matches()) {
            errors.put("evaluatorMobile", "不是有效的手机号");
        }
        if (name == null && idNumber == null && mobile == null) {
            return null;
        }
        ApplicantType type = "CREDIT_CODE".equalsIgnoreCase(idType) ? ApplicantType.ORGANIZATION : ApplicantType.PERSON;
        return new PersonalIdentity(type, name, idType == null ? null : idType.toUpperCase(), idNumber, mobile);
    }

    private static String required(Map<String, String> errors, Map<String, String> row, String field, int max) {
        String value = row.get(field);
        if (value == null) {
            errors.put(field, "不能为空");
            return null;
        }
        return optional(errors, row, field, max);
    }

    private static String optional(Map<String, String> errors, Map<String, String> row, String field, int max) {
        String value = row.get(field);
        if (value != null && value.length() > max) {
            errors.put(field, "最长 " + max + " 个字符");
            return null;
        }
        return value;
    }

    private static RowRefused refused(Map<String, String> errors) {
        List<FieldProblem.FieldError> list = new ArrayList<>();
        errors.forEach((f, m) -> list.add(new FieldProblem.FieldError(f, m)));
        return new RowRefused(list);
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
