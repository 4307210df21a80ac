package org.haochaping.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.system.FieldProblem;

/** Field errors of an exchanged record by provincial field name, the first per field; thrown together. */
final class FieldErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    void add(String field, String message) {
        byField.putIfAbsent(field, message);
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    void throwIfAny() {
        if (!byField.isEmpty()) {
            List<FieldProblem.FieldError> list = new ArrayList<>();
            byField.forEach((f, m) -> list.add(new FieldProblem.FieldError(f, m)));
            throw new FieldProblem(list);
        }
    }
}
