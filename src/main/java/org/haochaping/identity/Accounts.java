package org.haochaping.identity;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff accounts with their role, scope and login-failure state. */
@Repository
class Accounts {

    record Account(String username, String displayName, String passwordHash, Role role, String regionCode,
            String departmentCode, String serviceBodyCode, String staffNo, boolean enabled, int failedAttempts,
            OffsetDateTime lockedUntil) {

        CurrentUser toCurrentUser() {
            return new CurrentUser(username, displayName, role, regionCode, departmentCode, serviceBodyCode, staffNo);
        }
    }

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> find(String username) {
        return jdbc.sql("select * from identity_account where username = :u").param("u", username)
                .query((rs, n) -> new Account(rs.getString("username"), rs.getString("display_name"),
                        rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getString("region_code"),
                        rs.getString("department_code"), rs.getString("service_body_code"), rs.getString("staff_no"),
                        rs.getBoolean("enabled"), rs.getInt("failed_attempts"),
                        rs.getObject("locked_until", OffsetDateTime.class)))
                .optional();
    }

    void recordFailure(String username, int failedAttempts, OffsetDateTime lockedUntil) {
        jdbc.sql("update identity_account set failed_attempts = :f, locked_until = :l where username = :u")
                .param("f", failedAttempts).param("l", lockedUntil).param("u", username).update();
    }

    void recordSuccess(String username) {
        jdbc.sql("update identity_account set failed_attempts = 0, locked_until = null where username = :u")
                .param("u", username).update();
    }

    boolean any() {
        return jdbc.sql("select count(*) from identity_account").query(Long.class).single() > 0;
    }

    void insert(NewAccount account, String passwordHash, OffsetDateTime now) {
        jdbc.sql("""
                insert into identity_account (username, display_name, password_hash, role, region_code, department_code,
                    service_body_code, staff_no, created_at)
                values (:username, :displayName, :hash, :role, :regionCode, :departmentCode, :serviceBodyCode, :staffNo, :now)
                """)
                .param("username", account.username()).param("displayName", account.displayName())
                .param("hash", passwordHash).param("role", account.role().name())
                .param("regionCode", account.regionCode()).param("departmentCode", account.departmentCode())
                .param("serviceBodyCode", account.serviceBodyCode()).param("staffNo", account.staffNo())
                .param("now", now).update();
    }
}
