package org.haochaping.system;

import tools.jackson.core.JacksonException;

/** Names the JSON field behind a parse failure, so a 400 can say which field was wrong. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String fieldOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference ref : jackson.getPath()) {
                    if (ref.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }
}
