package org.haochaping.identity;

/** A staff account to create, with its role and data scope. */
public record NewAccount(String username, String displayName, String password, Role role, String regionCode,
        String departmentCode, String serviceBodyCode, String staffNo) {
}
