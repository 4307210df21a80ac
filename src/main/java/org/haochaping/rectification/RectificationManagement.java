package org.haochaping.rectification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.haochaping.identity.DataScope;
import org.haochaping.identity.RegionCodes;
import org.haochaping.system.Zones;
import org.springframework.stereotype.Service;

/** What other modules may ask of the bad-review loop. */
@Service
public class RectificationManagement {

    private final WorkOrders workOrders;

    RectificationManagement(WorkOrders workOrders) {
        this.workOrders = workOrders;
    }

    /**
     * The rectification figures of work orders whose bad rating was given between {@code from} and {@code to}
     * (inclusive dates, Asia/Shanghai; null for open-ended), within the scope and the optional region and
     * department.
     */
    public RectificationFigures figures(DataScope scope, LocalDate from, LocalDate to, String regionCode,
            String departmentCode) {
        StringBuilder where = new StringBuilder(scope.sql("w"));
        Map<String, Object> params = new HashMap<>(scope.params());
        if (from != null) {
            where.append(" and w.rated_at >= :from");
            params.put("from", from.atStartOfDay(Zones.SHANGHAI).toOffsetDateTime());
        }
        if (to != null) {
            where.append(" and w.rated_at < :to");
            params.put("to", to.plusDays(1).atStartOfDay(Zones.SHANGHAI).toOffsetDateTime());
        }
        if (regionCode != null && !regionCode.isBlank()) {
            where.append(" and w.region_code like :region");
            params.put("region", RegionCodes.prefixOf(regionCode) + "%");
        }
        if (departmentCode != null && !departmentCode.isBlank()) {
            where.append(" and w.department_code = :department");
            params.put("department", departmentCode);
        }
        return workOrders.figures(where.toString(), params);
    }
}
