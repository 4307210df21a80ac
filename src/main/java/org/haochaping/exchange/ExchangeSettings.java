package org.haochaping.exchange;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the exchange: the upstream this instance pushes to (none when {@code url} is empty), the lower-level
 * platforms it forwards ratings down to ({@code hcp.exchange.downstream.<clientId>.*}, keyed by the client id each
 * of them reports here with), how pushes are retried, how long a rating given here waits for its owner before it is
 * forwarded later ({@code relayTimeout}), the code table inbound reports are read with, this system's
 * {@code dataSource} code, and code tables defined by configuration
 * ({@code hcp.exchange.code-tables.<target>.<KIND>.<LOCAL>=<remote>}), each change of which becomes a new version of
 * that target's table.
 */
@ConfigurationProperties("hcp.exchange")
record ExchangeSettings(@DefaultValue Peer upstream, @DefaultValue Retry retry, @DefaultValue Inbound inbound,
        @DefaultValue("HCP") String dataSource, Map<String, Map<CodeKind, Map<String, String>>> codeTables,
        Map<String, Peer> downstream, @DefaultValue("3s") Duration relayTimeout) {

    ExchangeSettings {
        codeTables = codeTables == null ? Map.of() : codeTables;
        downstream = downstream == null ? Map.of() : Map.copyOf(downstream);
        relayTimeout = relayTimeout == null ? Duration.ofSeconds(3) : relayTimeout;
    }

    /** The format records are sent in: JSON, or form fields in the provincial style. */
    enum Format {
        JSON, FORM
    }

    /** How this instance reaches a lower-level platform that reports here as {@code clientId}, if configured. */
    Optional<Peer> downstreamOf(String clientId) {
        return Optional.ofNullable(clientId == null ? null : downstream.get(clientId)).filter(Peer::configured);
    }

    /**
     * A platform this instance sends records to — the upstream, or a lower-level platform ratings go down to: its
     * base URL, this instance's client id and secret there, the format and the code table (target, and a version;
     * the latest version when none is given), and a name people read.
     */
    record Peer(String url, String clientId, String clientSecret, @DefaultValue("JSON") Format format,
            @DefaultValue("provincial") String codeTable, Integer codeTableVersion, String name) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }

        public String baseUrl() {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }

    /**
     * Retries: exponential backoff from {@code initialBackoff} up to {@code maxBackoff}, for as long as the upstream
     * is down; a record the upstream refuses {@code maxClientFailures} times (4xx) goes to the dead-letter list.
     * {@code parallel} records of a batch are on their way to the upstream at once (1: one after the other).
     */
    record Retry(@DefaultValue("30s") Duration initialBackoff, @DefaultValue("1h") Duration maxBackoff,
            @DefaultValue("5") int maxClientFailures, @DefaultValue("200") int batch,
            @DefaultValue("15s") Duration requestTimeout, @DefaultValue("2m") Duration lease,
            @DefaultValue("4") int parallel) {
    }

    /** Inbound reports are decoded with this target's latest code table. */
    record Inbound(@DefaultValue("provincial") String codeTable) {
    }
}
