package org.haochaping.exchange;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.haochaping.system.DomainProblem;
import org.haochaping.system.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The versioned code tables per target (domain.md §5: channel {@code pf}, satisfaction direction, ID types, case
 * codes). A version never changes once written; configuration that differs from a target's latest version is stored
 * as the next version at start-up, so every record pushed names the exact table it was coded with.
 */
@Component
class CodeTables {

    /** The local code that stands for every local value without a row of its own. */
    static final String FALLBACK = "*";

    private static final Logger log = LoggerFactory.getLogger(CodeTables.class);

    /** One version of one target's table. */
    record CodeTable(String target, int version, Map<CodeKind, Map<String, String>> mappings) {

        /** The remote code of a local value (or of the fallback), empty when the table has none. */
        Optional<String> encode(CodeKind kind, String local) {
            if (local == null) {
                return Optional.empty();
            }
            Map<String, String> codes = mappings.getOrDefault(kind, Map.of());
            return Optional.ofNullable(codes.getOrDefault(local, codes.get(FALLBACK)));
        }

        /** The local value a remote code stands for (never the fallback), empty when unknown. */
        Optional<String> decode(CodeKind kind, String remote) {
            if (remote == null) {
                return Optional.empty();
            }
            return mappings.getOrDefault(kind, Map.of()).entrySet().stream()
                    .filter(e -> !e.getKey().equals(FALLBACK) && e.getValue().equals(remote.trim()))
                    .map(Map.Entry::getKey).findFirst();
        }
    }

    private final JdbcClient jdbc;
    private final ExchangeSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<String, CodeTable> cache = new ConcurrentHashMap<>();

    CodeTables(JdbcClient jdbc, ExchangeSettings settings, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The given version of a target's table, or its latest when {@code version} is null. */
    CodeTable table(String target, Integer version) {
        int v = version != null ? version : latestVersion(target)
                .orElseThrow(() -> DomainProblem.conflict("没有目标 " + target + " 的代码表。"));
        return cache.computeIfAbsent(target + "#" + v, key -> load(target, v));
    }

    Optional<Integer> latestVersion(String target) {
        return jdbc.sql("select max(version) from exchange_code_table where target = :t").param("t", target)
                .query(Integer.class).optional();
    }

    /** The latest version of every target, for the console. */
    List<CodeTable> latestTables() {
        List<CodeTable> tables = new ArrayList<>();
        for (String target : jdbc.sql("select distinct target from exchange_code_table order by target")
                .query(String.class).list()) {
            tables.add(table(target, null));
        }
        return tables;
    }

    private CodeTable load(String target, int version) {
        Map<CodeKind, Map<String, String>> mappings = new EnumMap<>(CodeKind.class);
        List<Map.Entry<String, String[]>> rows = jdbc.sql("""
                select kind, local_code, remote_code from exchange_code_mapping
                where target = :t and version = :v order by kind, remote_code, local_code
                """).param("t", target).param("v", version)
                .query((rs, n) -> Map.entry(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)})).list();
        if (rows.isEmpty()) {
            throw DomainProblem.conflict("代码表 " + target + " 第 " + version + " 版不存在。");
        }
        for (Map.Entry<String, String[]> row : rows) {
            mappings.computeIfAbsent(CodeKind.valueOf(row.getKey()), k -> new LinkedHashMap<>())
                    .put(row.getValue()[0], row.getValue()[1]);
        }
        return new CodeTable(target, version, mappings);
    }

    /** Stores each configured table that differs from its target's latest version as that target's next version. */
    @EventListener(ApplicationReadyEvent.class)
    void applyConfiguredTables() {
        settings.codeTables().forEach((target, configured) -> {
            try {
                transaction.executeWithoutResult(status -> applyConfigured(target, configured));
            } catch (DuplicateKeyException anotherInstanceWasFaster) {
                log.info("Code table {} was updated by another instance", target);
            }
        });
    }

    private void applyConfigured(String target, Map<CodeKind, Map<String, String>> configured) {
        Optional<Integer> latest = latestVersion(target);
        Map<CodeKind, Map<String, String>> next = new EnumMap<>(CodeKind.class);
        latest.ifPresent(v -> table(target, v).mappings().forEach((k, m) -> next.put(k, new LinkedHashMap<>(m))));
        configured.forEach((kind, codes) -> codes.forEach((local, remote) -> next
                .computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(localCode(kind, local, next), remote.trim())));
        if (latest.isPresent() && next.equals(table(target, latest.get()).mappings())) {
            return;
        }
        int version = latest.map(v -> v + 1).orElse(1);
        jdbc.sql("insert into exchange_code_table (target, version, note, created_at) values (:t, :v, :n, :at)")
                .param("t", target).param("v", version).param("n", "由配置 hcp.exchange.code-tables." + target + " 生成")
                .param("at", Zones.now(clock)).update();
        next.forEach((kind, codes) -> codes.forEach((local, remote) -> jdbc.sql("""
                insert into exchange_code_mapping (target, version, kind, local_code, remote_code)
                values (:t, :v, :k, :l, :r)
                """).param("t", target).param("v", version).param("k", kind.name()).param("l", local)
                .param("r", remote).update()));
        log.info("Code table {} version {} stored from configuration", target, version);
    }

    /**
     * The local code a configured key means: property keys lose their underscores unless written in brackets, so
     * {@code windowdevice} and {@code WINDOW_DEVICE} both name {@code WINDOW_DEVICE}.
     */
    private static String localCode(CodeKind kind, String key, Map<CodeKind, Map<String, String>> known) {
        if (key.equals(FALLBACK)) {
            return key;
        }
        List<String> candidates = new ArrayList<>(known.getOrDefault(kind, Map.of()).keySet());
        for (Enum<?> e : enumFor(kind)) {
            candidates.add(e.name());
        }
        String wanted = squash(key);
        return candidates.stream().filter(c -> squash(c).equals(wanted)).findFirst()
                .orElse(key.toUpperCase(Locale.ROOT));
    }

    private static Enum<?>[] enumFor(CodeKind kind) {
        return switch (kind) {
            case CHANNEL -> org.haochaping.evaluation.Channel.values();
            case LEVEL -> org.haochaping.evaluation.Level.values();
            case USER_PROP -> org.haochaping.casework.ApplicantType.values();
            case CASE_STATUS -> org.haochaping.casework.CaseStatus.values();
            case CASE_TYPE -> org.haochaping.casework.CaseType.values();
            case ID_TYPE -> new Enum<?>[0];
        };
    }

    private static String squash(String code) {
        return code.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }
}
