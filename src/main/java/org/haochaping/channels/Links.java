package org.haochaping.channels;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute links for rating pages and QR images: the configured public base URL, else the current request's. */
@Component
class Links {

    private final ChannelSettings settings;

    Links(ChannelSettings settings) {
        this.settings = settings;
    }

    String base() {
        if (settings.publicBaseUrl() != null && !settings.publicBaseUrl().isBlank()) {
            return settings.publicBaseUrl().replaceAll("/+$", "");
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    String ratingPage(String token) {
        return base() + "/e/" + token;
    }

    String qrPng(String token) {
        return base() + "/e/" + token + "/qr.png";
    }
}
