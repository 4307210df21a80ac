package org.haochaping.identity;

/**
 * An integrating system that proved itself with a signed request: a business system, device, terminal, platform,
 * SMS gateway or lower-level platform, scoped to a region (null: every region) or to one device.
 */
public record ApiClientPrincipal(String clientId, Kind kind, String regionCode, String deviceCode) {

    public enum Kind {
        BUSINESS_SYSTEM, DEVICE, TERMINAL, PLATFORM, SMS_GATEWAY, LOWER_PLATFORM
    }

    public boolean mayActFor(String region) {
        return regionCode == null || RegionCodes.covers(regionCode, region);
    }
}
