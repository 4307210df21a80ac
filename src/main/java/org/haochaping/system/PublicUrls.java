package org.haochaping.system;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address printed in links and QR codes that people open (rating pages, receipts, feedback links): the
 * configured {@code hcp.system.public-base-url}, else the current request's, else — scheduled work outside any
 * request — this server on localhost.
 */
@Component
public class PublicUrls {

    private final Environment environment;

    PublicUrls(Environment environment) {
        this.environment = environment;
    }

    public String base() {
        String configured = environment.getProperty("hcp.system.public-base-url");
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
