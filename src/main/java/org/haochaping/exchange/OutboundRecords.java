package org.haochaping.exchange;

import java.util.Map;
import java.util.stream.Collectors;

import org.haochaping.casework.CaseView;
import org.haochaping.casework.SealedIdentity;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.Dimension;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.Level;
import org.haochaping.identity.PersonalDataVault;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the records sent to another platform from the stored case, rating or rectification, coded with the
 * target's code table. Only the mandated fields leave (plan 二(三)): the evaluator's name, type and ID number go up
 * (and down to the case's owner, who already knows its applicant), the mobile never does.
 */
@Component
class OutboundRecords {

    /** A record that cannot be built until someone fixes the data it comes from (an operator's job). */
    static class NotPushable extends Exception {
        NotPushable(String message) {
            super(message);
        }
    }

    private final CatalogManagement catalog;
    private final PersonalDataVault vault;
    private final ExchangeSettings settings;
    private final JsonMapper json;

    OutboundRecords(CatalogManagement catalog, PersonalDataVault vault, ExchangeSettings settings, JsonMapper json) {
        this.catalog = catalog;
        this.vault = vault;
        this.settings = settings;
        this.json = json;
    }

    ExchangeRecord caseRecord(CaseView c, CodeTables.CodeTable codes) throws NotPushable {
        return record(c, null, c.applicant(), codes);
    }

    ExchangeRecord ratingRecord(CaseView c, EvaluationView rating, CodeTables.CodeTable codes) throws NotPushable {
        return record(c, rating, rating.evaluator(), codes);
    }

    /**
     * A rating given here of a case another platform owns, as it goes down to that owner: the rating and who gave
     * it, no case facts (the owner knows its case, and a rating from above never changes it).
     */
    ExchangeRecord downwardRatingRecord(CaseView c, EvaluationView rating, CodeTables.CodeTable codes)
            throws NotPushable {
        SealedIdentity user = rating.evaluator();
        boolean withUser = user != null && (user.name() != null || user.idNumber() != null);
        return new ExchangeRecord(c.caseNo(), null, null, null, c.regionCode(), null, null, null, null,
                withUser ? vault.unseal(user.name()) : null,
                withUser ? code(codes, CodeKind.USER_PROP, user.type().name()) : null,
                withUser && user.idType() != null ? code(codes, CodeKind.ID_TYPE, user.idType()) : null,
                withUser ? vault.unseal(user.idNumber()) : null,
                code(codes, CodeKind.CHANNEL, rating.channel().name()), code(codes, CodeKind.LEVEL, rating.level().name()),
                rating.reasons().isEmpty() ? null : String.join(",", rating.reasons()), rating.comment(),
                ExchangeRecord.format(rating.submittedAt()), "1", settings.dataSource(), dimensions(rating, codes),
                flag(rating.consentContact()), flag(rating.consentShare()));
    }

    /** A rectification result: the facts queued with the job, with the department's credit code and the region. */
    RectificationRecord rectificationRecord(PushJobs.PushJob job) throws NotPushable {
        if (job.payload() == null) {
            throw new NotPushable("整改结果 " + job.recordKey() + " 没有内容。");
        }
        Map<String, String> fields = json.readValue(job.payload(), new TypeReference<Map<String, String>>() {
        });
        return RectificationRecord.fromFields(fields).at(creditCode(job.departmentCode()), job.regionCode(),
                settings.dataSource());
    }

    private ExchangeRecord record(CaseView c, EvaluationView rating, SealedIdentity user, CodeTables.CodeTable codes)
            throws NotPushable {
        String creditCode = creditCode(c.departmentCode());
        boolean withUser = user != null && (user.name() != null || user.idNumber() != null);
        return new ExchangeRecord(c.caseNo(), c.itemCode(), c.itemName(), creditCode, c.regionCode(),
                code(codes, CodeKind.CASE_STATUS, c.status().name()),
                ExchangeRecord.format(c.acceptedAt()), ExchangeRecord.format(c.completedAt()),
                c.caseType() == null ? null : code(codes, CodeKind.CASE_TYPE, c.caseType().name()),
                withUser ? vault.unseal(user.name()) : null,
                withUser ? code(codes, CodeKind.USER_PROP, user.type().name()) : null,
                withUser && user.idType() != null ? code(codes, CodeKind.ID_TYPE, user.idType()) : null,
                withUser ? vault.unseal(user.idNumber()) : null,
                rating == null ? null : code(codes, CodeKind.CHANNEL, rating.channel().name()),
                rating == null ? null : code(codes, CodeKind.LEVEL, rating.level().name()),
                rating == null || rating.reasons().isEmpty() ? null : String.join(",", rating.reasons()),
                rating == null ? null : rating.comment(),
                rating == null ? null : ExchangeRecord.format(rating.submittedAt()),
                rating == null ? null : "1",
                settings.dataSource(),
                rating == null ? null : dimensions(rating, codes),
                rating == null ? null : flag(rating.consentContact()),
                rating == null ? null : flag(rating.consentShare()));
    }

    private String creditCode(String departmentCode) throws NotPushable {
        return catalog.department(departmentCode).map(CatalogManagement.Department::creditCode)
                .filter(code -> code != null && !code.isBlank())
                .orElseThrow(() -> new NotPushable("部门 " + departmentCode + " 没有统一社会信用代码，请在基础目录中补全后重试。"));
    }

    /** The dimension ratings as {@code ATTITUDE:4,EFFICIENCY:5}, levels coded like {@code satisfaction}. */
    private static String dimensions(EvaluationView rating, CodeTables.CodeTable codes) throws NotPushable {
        if (rating.dimensions().isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<Dimension, Level> d : rating.dimensions().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).collect(Collectors.toList())) {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(d.getKey().name()).append(':').append(code(codes, CodeKind.LEVEL, d.getValue().name()));
        }
        return text.toString();
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }

    private static String code(CodeTables.CodeTable codes, CodeKind kind, String local) throws NotPushable {
        String remote = codes.encode(kind, local).orElse(null);
        if (remote == null) {
            throw new NotPushable("代码表 " + codes.target() + " 第 " + codes.version() + " 版没有 " + kind + " " + local
                    + " 的对应代码。");
        }
        return remote;
    }
}
