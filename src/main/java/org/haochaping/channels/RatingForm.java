package org.haochaping.channels;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.haochaping.evaluation.Dimension;
import org.haochaping.evaluation.Level;
import org.haochaping.system.FieldProblem;
import org.springframework.util.MultiValueMap;

/**
 * Reads the rating form shared by the person-facing pages (phone page, window tablet): level, dimensions
 * {@code dim_<DIMENSION>}, reasons {@code <LEVEL>:<code>} (only those of the chosen level count), comment and the
 * two consent boxes (unticked means no).
 */
final class RatingForm {

    private RatingForm() {
    }

    static RatingInput parse(MultiValueMap<String, String> form) {
        Level level = parse(Level.class, form.getFirst("level"), "level", "请选择满意度等级");
        Map<Dimension, Level> dimensions = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            String value = form.getFirst("dim_" + d.name());
            if (value != null && !value.isBlank()) {
                dimensions.put(d, parse(Level.class, value, "dim_" + d.name(), "取值无效"));
            }
        }
        List<String> reasons = form.getOrDefault("reasons", List.of()).stream()
                .filter(r -> r.startsWith(level.name() + ":"))
                .map(r -> r.substring(level.name().length() + 1)).toList();
        return new RatingInput(null, null, null, level, dimensions, reasons, form.getFirst("comment"), null,
                "on".equals(form.getFirst("consentContact")), "on".equals(form.getFirst("consentShare")));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw FieldProblem.of(field, message);
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw FieldProblem.of(field, "取值无效");
        }
    }
}
