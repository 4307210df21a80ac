package org.haochaping.analytics;

import java.util.HashMap;
import java.util.Map;

import org.haochaping.catalog.CatalogManagement;
import org.springframework.stereotype.Component;

/** The names of ranked subjects, from the catalog; a code the catalog does not know shows as itself. */
@Component
class SubjectNames {

    static final String NONE = "（未指定）";

    private final CatalogManagement catalog;

    SubjectNames(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    Map<String, String> of(RankingSubject subject) {
        Map<String, String> names = new HashMap<>();
        switch (subject) {
            case DEPARTMENT -> catalog.departments().forEach(d -> names.put(d.code(), d.name()));
            case SERVICE_BODY -> catalog.serviceBodies().forEach(b -> names.put(b.code(), b.name()));
            case STAFF -> catalog.staffMembers().forEach(s -> names.put(s.staffNo(), s.name()));
            case ITEM -> catalog.items().forEach(i -> names.put(i.code(), i.name()));
            case WINDOW -> catalog.windows().forEach(w -> names.put(w.code(), w.name()));
            case REGION -> catalog.regions().forEach(r -> names.put(r.code(), r.name()));
        }
        return names;
    }

    String name(Map<String, String> names, String code) {
        if (code == null || code.isEmpty()) {
            return NONE;
        }
        return names.getOrDefault(code, code);
    }
}
