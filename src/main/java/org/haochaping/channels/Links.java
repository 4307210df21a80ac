package org.haochaping.channels;

import org.haochaping.system.PublicUrls;
import org.springframework.stereotype.Component;

/** Absolute links for rating pages, QR images and SMS, on the system's public address ({@link PublicUrls}). */
@Component
class Links {

    private final PublicUrls urls;

    Links(PublicUrls urls) {
        this.urls = urls;
    }

    String base() {
        return urls.base();
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
