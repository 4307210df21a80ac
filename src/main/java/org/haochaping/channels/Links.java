package org.haochaping.channels;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links for rating pages, QR images and SMS: the configured public base URL, else the current request's,
 * else (scheduled work outside any request) this server on localhost.
 */
@Component
class Links {

    private final ChannelSettings settings;
    private final Environment environment;

    Links(ChannelSettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    String base() {
        if (settings.publicBaseUrl() != null && !settings.publicBaseUrl().isBlank()) {
            return settings.publicBaseUrl().replaceAll("/+$", "");
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }

    String ratingPage(String token) {
        return base() + "/e/" + token;
    }

    String qrPng(String token) {
        return base() + "/e/" + token + "/qr.png";
    }

    /** The static QR of a window: where the citizen enters a mobile number. */
    String window(String windowCode) {
        return base() + "/w/" + windowCode;
    }
}
