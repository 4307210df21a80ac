package org.haochaping.rectification.internal;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute links for the evaluator: the configured public base URL, else the current request's. */
@Component
public class PublicLinks {

    private final RectificationSettings settings;

    PublicLinks(RectificationSettings settings) {
        this.settings = settings;
    }

    public String base() {
        if (settings.publicBaseUrl() != null && !settings.publicBaseUrl().isBlank()) {
            return settings.publicBaseUrl().replaceAll("/+$", "");
        }
        if (RequestContextHolder.getRequestAttributes() == null) {
            return "";
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
