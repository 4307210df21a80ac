package org.haochaping.channels;

import java.time.format.DateTimeFormatter;

import org.haochaping.casework.CaseView;
import org.haochaping.catalog.CatalogManagement;

/**
 * The case facts a rating page shows above its options (第八条): item, case serial number, department, hall,
 * window, staff number and name, finish time; and the terminal's number on a terminal's page.
 */
record CaseFacts(String caseNo, String itemName, String departmentName, String serviceBodyName, String windowName,
        String staffNo, String staffName, String completedAt, String terminalNo) {

    static CaseFacts of(CaseView c, String terminalNo, CatalogManagement catalog) {
        String department = catalog.department(c.departmentCode()).map(CatalogManagement.Department::name)
                .orElse(c.departmentCode());
        String body = c.serviceBodyCode() == null ? null : catalog.serviceBody(c.serviceBodyCode())
                .map(CatalogManagement.ServiceBody::name).orElse(c.serviceBodyCode());
        String window = c.windowCode() == null ? null : catalog.window(c.windowCode())
                .map(CatalogManagement.Window::name).orElse(c.windowCode());
        String completed = c.completedAt() == null ? null
                : c.completedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        return new CaseFacts(c.caseNo(), c.itemName(), department, body, window, c.staffNo(), c.staffName(), completed,
                terminalNo);
    }
}
