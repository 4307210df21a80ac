package org.haochaping.rectification.internal;

import java.util.List;

/** A page of a list: {@code {"items": [...], "page": 0, "size": 50, "total": 1234}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public long lastPage() {
        return total == 0 ? 0 : (total - 1) / size;
    }
}
