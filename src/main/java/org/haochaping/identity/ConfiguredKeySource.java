package org.haochaping.identity;

import java.util.HexFormat;

import org.springframework.stereotype.Component;

/** Keys from configuration ({@code hcp.identity.*}, or the HCP_IDENTITY_* environment variables). */
@Component
class ConfiguredKeySource implements KeySource {

    private final IdentitySettings settings;

    ConfiguredKeySource(IdentitySettings settings) {
        this.settings = settings;
    }

    @Override
    public byte[] dataKey(int version) {
        String hex = settings.dataKeys().get(version);
        if (hex == null) {
            throw new IllegalStateException("No data key of version " + version);
        }
        return HexFormat.of().parseHex(hex);
    }

    @Override
    public int currentVersion() {
        return settings.currentKeyVersion();
    }

    @Override
    public byte[] indexKey() {
        return HexFormat.of().parseHex(settings.indexKey());
    }
}
