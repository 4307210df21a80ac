package org.haochaping.identity;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Integration clients with their sealed secrets and scopes. */
@Repository
class ApiClients {

    record ApiClient(ApiClientPrincipal principal, String sealedSecret, boolean enabled) {
    }

    private final JdbcClient jdbc;

    ApiClients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ApiClient> find(String clientId) {
        return jdbc.sql("select * from identity_api_client where client_id = :id").param("id", clientId)
                .query((rs, n) -> new ApiClient(new ApiClientPrincipal(rs.getString("client_id"),
                        ApiClientPrincipal.Kind.valueOf(rs.getString("kind")), rs.getString("region_code"),
                        rs.getString("device_code")), rs.getString("secret_sealed"), rs.getBoolean("enabled")))
                .optional();
    }

    Optional<String> name(String clientId) {
        return jdbc.sql("select name from identity_api_client where client_id = :id").param("id", clientId)
                .query(String.class).optional();
    }

    void insert(String clientId, String name, String sealedSecret, ApiClientPrincipal.Kind kind, String regionCode,
            String deviceCode) {
        jdbc.sql("""
                insert into identity_api_client (client_id, name, secret_sealed, kind, region_code, device_code)
                values (:id, :name, :secret, :kind, :region, :device)
                """)
                .param("id", clientId).param("name", name).param("secret", sealedSecret).param("kind", kind.name())
                .param("region", regionCode).param("device", deviceCode).update();
    }
}
