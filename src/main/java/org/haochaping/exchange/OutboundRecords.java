package org.haochaping.exchange;

import org.haochaping.casework.CaseView;
import org.haochaping.casework.SealedIdentity;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.identity.PersonalDataVault;
import org.springframework.stereotype.Component;

/**
 * Builds the records pushed upstream from the stored case and rating, coded with the target's code table. Only the
 * mandated fields leave (plan 二(三)): the evaluator's name, type and ID number go up, the mobile never does.
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

    OutboundRecords(CatalogManagement catalog, PersonalDataVault vault, ExchangeSettings settings) {
        this.catalog = catalog;
        this.vault = vault;
        this.settings = settings;
    }

    ExchangeRecord caseRecord(CaseView c, CodeTables.CodeTable codes) throws NotPushable {
        return record(c, null, c.applicant(), codes);
    }

    ExchangeRecord ratingRecord(CaseView c, EvaluationView rating, CodeTables.CodeTable codes) throws NotPushable {
        return record(c, rating, rating.evaluator(), codes);
    }

    private ExchangeRecord record(CaseView c, EvaluationView rating, SealedIdentity user, CodeTables.CodeTable codes)
            throws NotPushable {
        String creditCode = catalog.department(c.departmentCode()).map(CatalogManagement.Department::creditCode)
                .filter(code -> code != null && !code.isBlank())
                .orElseThrow(() -> new NotPushable("部门 " + c.departmentCode() + " 没有统一社会信用代码，请在基础目录中补全后重试。"));
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
                settings.dataSource());
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
