/**
 * Accounts, roles and data scopes, login, API clients and request signatures, the personal-data vault
 * (SM4 encryption, keyed SM3 indexes, masking) and the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "identity", allowedDependencies = "system")
package org.haochaping.identity;
