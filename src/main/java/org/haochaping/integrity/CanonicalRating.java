package org.haochaping.integrity;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.haochaping.casework.SealedIdentity;
import org.haochaping.evaluation.EvaluationView;

/**
 * The canonical text of a rating's stored state — every field that decides what it says and whether it counts —
 * and its SM3 digest. Any edit of the stored rating (level, dimensions, reasons, comment, channel, time, the rated
 * subject, the evaluator's indexes, validity, quarantine) changes the digest.
 */
final class CanonicalRating {

    private CanonicalRating() {
    }

    static String digest(EvaluationView e) {
        return Sm3.hex(text(e));
    }

    static String text(EvaluationView e) {
        SealedIdentity who = e.evaluator();
        Map<String, String> fields = new TreeMap<>();
        fields.put("id", e.id());
        fields.put("caseNo", e.caseNo());
        fields.put("level", e.level().name());
        fields.put("dimensions", new TreeMap<>(e.dimensions()).entrySet().stream()
                .map(d -> d.getKey().name() + ":" + d.getValue().name()).collect(Collectors.joining(",")));
        fields.put("reasons", e.reasons().stream().sorted().collect(Collectors.joining(",")));
        fields.put("comment", e.comment());
        fields.put("channel", e.channel().name());
        fields.put("submittedAt", instant(e.submittedAt()));
        fields.put("itemCode", e.itemCode());
        fields.put("departmentCode", e.departmentCode());
        fields.put("serviceBodyCode", e.serviceBodyCode());
        fields.put("windowCode", e.windowCode());
        fields.put("staffNo", e.staffNo());
        fields.put("regionCode", e.regionCode());
        fields.put("defaulted", String.valueOf(e.defaulted()));
        fields.put("valid", String.valueOf(e.valid()));
        fields.put("quarantined", String.valueOf(e.quarantined()));
        fields.put("evaluatorIdIndex", who == null ? null : who.idIndex());
        fields.put("evaluatorMobileIndex", who == null ? null : who.mobileIndex());
        fields.put("consent", e.consentContact() + "," + e.consentShare());
        StringBuilder text = new StringBuilder("rating/v1\n");
        fields.forEach((name, value) -> text.append(name).append('=').append(escape(value)).append('\n'));
        return text.toString();
    }

    static String instant(OffsetDateTime time) {
        return time == null ? "" : time.toInstant().toString();
    }

    /** Null and empty differ; line breaks and backslashes cannot forge a field boundary. */
    static String escape(String value) {
        if (value == null) {
            return "\\0";
        }
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
