package org.haochaping.identity;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's account and client management: create with a data scope, disable (ending sessions and
 * tokens), reset passwords; integration clients with their scope and a secret shown once. Every change audited.
 */
@Service
class AccountAdmin {

    record AccountRow(String username, String displayName, Role role, String regionCode, String departmentCode,
            String serviceBodyCode, String staffNo, boolean enabled, OffsetDateTime lockedUntil) {
    }

    record ClientRow(String clientId, String name, String kind, String regionCode, String deviceCode, boolean enabled) {
    }

    private final JdbcClient jdbc;
    private final IdentityManagement identity;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    AccountAdmin(JdbcClient jdbc, IdentityManagement identity, PasswordEncoder passwords, AuditLog audit) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.passwords = passwords;
        this.audit = audit;
    }

    List<AccountRow> accounts() {
        return jdbc.sql("""
                select username, display_name, role, region_code, department_code, service_body_code, staff_no, enabled,
                    locked_until from identity_account order by role, username
                """).query((rs, n) -> new AccountRow(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8),
                rs.getObject(9, OffsetDateTime.class))).list();
    }

    List<ClientRow> clients() {
        return jdbc.sql("select client_id, name, kind, region_code, device_code, enabled from identity_api_client order by client_id")
                .query(ClientRow.class).list();
    }

    @Transactional
    void create(NewAccount account) {
        if (account.username() == null || !account.username().matches("[a-zA-Z0-9._-]{3,64}")) {
            throw FieldProblem.of("username", "用户名为 3 到 64 位字母、数字、点、下划线或连字符");
        }
        if (account.role() == null) {
            throw FieldProblem.of("role", "请选择角色");
        }
        requireScope(account);
        String weak = PasswordPolicy.check(account.username(), account.password());
        if (weak != null) {
            throw FieldProblem.of("password", weak);
        }
        if (jdbc.sql("select count(*) from identity_account where username = :u").param("u", account.username())
                .query(Long.class).single() > 0) {
            throw FieldProblem.of("username", "用户名已存在");
        }
        identity.createAccount(account);
        audit.record("ACCOUNT_CREATED", account.username(), account.role().name());
    }

    @Transactional
    void setEnabled(String username, boolean enabled) {
        int updated = jdbc.sql("update identity_account set enabled = :e where username = :u").param("e", enabled)
                .param("u", username).update();
        if (updated == 0) {
            throw DomainProblem.notFound("账号不存在：" + username);
        }
        if (!enabled) {
            jdbc.sql("delete from identity_api_token where username = :u").param("u", username).update();
            jdbc.sql("delete from spring_session where principal_name = :u").param("u", username).update();
        }
        audit.record(enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", username, null);
    }

    @Transactional
    void resetPassword(String username, String password) {
        String weak = PasswordPolicy.check(username, password);
        if (weak != null) {
            throw FieldProblem.of("password", weak);
        }
        int updated = jdbc.sql("update identity_account set password_hash = :h, failed_attempts = 0, locked_until = null where username = :u")
                .param("h", passwords.encode(password)).param("u", username).update();
        if (updated == 0) {
            throw DomainProblem.notFound("账号不存在：" + username);
        }
        audit.record("PASSWORD_RESET", username, null);
    }

    /** Registers a client and answers its secret, which is shown this once and never again. */
    @Transactional
    String createClient(String clientId, String name, ApiClientPrincipal.Kind kind, String regionCode, String deviceCode) {
        if (clientId == null || !clientId.matches("[a-zA-Z0-9._-]{3,64}")) {
            throw FieldProblem.of("clientId", "客户端编号为 3 到 64 位字母、数字、点、下划线或连字符");
        }
        if (name == null || name.isBlank()) {
            throw FieldProblem.of("name", "名称不能为空");
        }
        if (kind == null) {
            throw FieldProblem.of("kind", "请选择类型");
        }
        if (jdbc.sql("select count(*) from identity_api_client where client_id = :c").param("c", clientId)
                .query(Long.class).single() > 0) {
            throw FieldProblem.of("clientId", "客户端编号已存在");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        identity.createClient(clientId, name.trim(), secret, kind, blankToNull(regionCode), blankToNull(deviceCode));
        audit.record("CLIENT_CREATED", clientId, kind.name() + " region=" + regionCode);
        return secret;
    }

    @Transactional
    void setClientEnabled(String clientId, boolean enabled) {
        if (jdbc.sql("update identity_api_client set enabled = :e where client_id = :c").param("e", enabled)
                .param("c", clientId).update() == 0) {
            throw DomainProblem.notFound("客户端不存在：" + clientId);
        }
        audit.record(enabled ? "CLIENT_ENABLED" : "CLIENT_DISABLED", clientId, null);
    }

    private static void requireScope(NewAccount a) {
        switch (a.role()) {
            case SUPERVISOR, CITY_OFFICE, INSPECTOR -> {
                if (a.regionCode() == null) {
                    throw FieldProblem.of("regionCode", "该角色须指定行政区划范围");
                }
            }
            case HANDLER -> {
                if (a.departmentCode() == null) {
                    throw FieldProblem.of("departmentCode", "部门经办人须指定部门");
                }
            }
            case HALL_MANAGER -> {
                if (a.serviceBodyCode() == null) {
                    throw FieldProblem.of("serviceBodyCode", "大厅管理员须指定政务服务机构");
                }
            }
            case STAFF -> {
                if (a.staffNo() == null) {
                    throw FieldProblem.of("staffNo", "窗口工作人员须指定工号");
                }
            }
            default -> {
            }
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
