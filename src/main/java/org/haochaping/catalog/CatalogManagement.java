package org.haochaping.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.haochaping.identity.PersonalDataVault;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The catalog as other modules read it. */
@Service
public class CatalogManagement {

    public record Region(String code, String name, String level, String parentCode) {
    }

    public record ServiceBody(String code, String name, String regionCode) {
    }

    public record Department(String code, String name, String regionCode, String creditCode) {
    }

    public record Window(String code, String name, String serviceBodyCode, String departmentCode) {
    }

    public record Staff(String staffNo, String name, String windowCode, String departmentCode) {
    }

    public record ServiceItem(String code, String name, String departmentCode) {
    }

    public record Device(String code, String kind, String name, String serviceBodyCode, String windowCode) {
    }

    public record ReasonOption(String level, String code, String label) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataVault vault;

    CatalogManagement(JdbcClient jdbc, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    public Optional<Region> region(String code) {
        return jdbc.sql("select code, name, level, parent_code from catalog_region where code = :c").param("c", code)
                .query(Region.class).optional();
    }

    public List<Region> regions() {
        return jdbc.sql("select code, name, level, parent_code from catalog_region order by code").query(Region.class).list();
    }

    public Optional<ServiceBody> serviceBody(String code) {
        return jdbc.sql("select code, name, region_code from catalog_service_body where code = :c").param("c", code)
                .query(ServiceBody.class).optional();
    }

    public Optional<Department> department(String code) {
        return jdbc.sql("select code, name, region_code, credit_code from catalog_department where code = :c")
                .param("c", code).query(Department.class).optional();
    }

    public List<Department> departments() {
        return jdbc.sql("select code, name, region_code, credit_code from catalog_department order by code")
                .query(Department.class).list();
    }

    public Optional<Window> window(String code) {
        return jdbc.sql("select code, name, service_body_code, department_code from catalog_window where code = :c")
                .param("c", code).query(Window.class).optional();
    }

    public Optional<Staff> staff(String staffNo) {
        return jdbc.sql("select staff_no, name, window_code, department_code from catalog_staff where staff_no = :s")
                .param("s", staffNo).query(Staff.class).optional();
    }

    /**
     * Records a staff member's mobile and ID number as keyed SM3 indexes only (the plain values are not kept), so
     * that a rating given by the staff member themselves can be recognised.
     */
    public void recordStaffIdentity(String staffNo, String idNumber, String mobile) {
        jdbc.sql("update catalog_staff set id_index = :id, mobile_index = :mobile where staff_no = :s")
                .param("id", vault.index(idNumber)).param("mobile", vault.index(mobile)).param("s", staffNo).update();
    }

    /** The staff members whose ID number or mobile has one of these keyed indexes. */
    public List<Staff> staffWithIdentity(String idIndex, String mobileIndex) {
        if (idIndex == null && mobileIndex == null) {
            return List.of();
        }
        return jdbc.sql("""
                select staff_no, name, window_code, department_code from catalog_staff
                where id_index = :id or mobile_index = :mobile order by staff_no
                """).param("id", idIndex == null ? "-" : idIndex).param("mobile", mobileIndex == null ? "-" : mobileIndex)
                .query(Staff.class).list();
    }

    public Optional<ServiceItem> item(String code) {
        return jdbc.sql("select code, name, department_code from catalog_service_item where code = :c")
                .param("c", code).query(ServiceItem.class).optional();
    }

    /** The service items a department owns, by code. */
    public List<ServiceItem> itemsOf(String departmentCode) {
        return jdbc.sql("select code, name, department_code from catalog_service_item where department_code = :d order by code")
                .param("d", departmentCode).query(ServiceItem.class).list();
    }

    public List<ServiceBody> serviceBodies() {
        return jdbc.sql("select code, name, region_code from catalog_service_body order by code").query(ServiceBody.class)
                .list();
    }

    public List<Window> windows() {
        return jdbc.sql("select code, name, service_body_code, department_code from catalog_window order by code")
                .query(Window.class).list();
    }

    public List<Staff> staffMembers() {
        return jdbc.sql("select staff_no, name, window_code, department_code from catalog_staff order by staff_no")
                .query(Staff.class).list();
    }

    public List<ServiceItem> items() {
        return jdbc.sql("select code, name, department_code from catalog_service_item order by code")
                .query(ServiceItem.class).list();
    }

    public Optional<Device> device(String code) {
        return jdbc.sql("select code, kind, name, service_body_code, window_code from catalog_device where code = :c")
                .param("c", code).query(Device.class).optional();
    }

    /** Whether a device's setup key is the one issued when it was registered (only its hash is stored). */
    public boolean deviceKeyMatches(String deviceCode, String key) {
        if (key == null) {
            return false;
        }
        String stored = jdbc.sql("select key_hash from catalog_device where code = :c").param("c", deviceCode)
                .query(String.class).optional().orElse(null);
        return stored != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                keyHash(key).getBytes(StandardCharsets.US_ASCII));
    }

    static String keyHash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The version of the reason-option set now in use. */
    public int activeReasonSetVersion() {
        return jdbc.sql("select max(version) from catalog_reason_set where active").query(Integer.class).optional()
                .orElse(0);
    }

    /** The reasons offered for each level in the active set, in display order. */
    public List<ReasonOption> activeReasons() {
        return jdbc.sql("""
                select level, code, label from catalog_reason
                where set_version = (select max(version) from catalog_reason_set where active)
                order by sort_order, code
                """).query(ReasonOption.class).list();
    }
}
