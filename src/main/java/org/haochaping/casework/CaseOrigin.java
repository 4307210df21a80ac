package org.haochaping.casework;

/**
 * The platform that owns a case reported here by another platform (a lower-level instance reporting through the
 * exchange): its client id here and its name. Only the owner handles the case: it opens work orders, runs the 7-day
 * default and sends invitations (domain §8, "Both directions with the province, one handler"; plan 三(二)).
 */
public record CaseOrigin(String clientId, String name) {

    /** The owner as people read it: its name, or its client id when it has none. */
    public String displayName() {
        return name == null || name.isBlank() ? clientId : name;
    }
}
