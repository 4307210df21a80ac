package org.haochaping.analytics;

import java.time.LocalDate;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.DataScope;
import org.haochaping.identity.RegionCodes;
import org.haochaping.identity.Role;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Who may read statistics and which filters they may use: staff who read ratings, within their data scope; a
 * region or department outside the scope does not exist for them (404).
 */
@Component
class Viewers {

    private final CatalogManagement catalog;

    Viewers(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    CurrentUser statistics(CurrentUser user) {
        if (user == null) {
            throw DomainProblem.forbidden("此接口仅供工作人员使用（Bearer 令牌）。");
        }
        if (!user.readsRatings()) {
            throw DomainProblem.forbidden("当前角色不查看评价统计。");
        }
        return user;
    }

    CurrentUser cityOffice(CurrentUser user) {
        if (user == null || user.role() != Role.CITY_OFFICE) {
            throw DomainProblem.forbidden("只有市政府办公室可以发布评价结果。");
        }
        return user;
    }

    /** The viewer's filter, refusing codes that are unknown or lie outside the viewer's scope. */
    StatsFilter filter(CurrentUser user, LocalDate from, LocalDate to, String regionCode, String departmentCode,
            String serviceBodyCode, String windowCode) {
        if (from != null && to != null && from.isAfter(to)) {
            throw FieldProblem.of("to", "结束日期不能早于开始日期");
        }
        DataScope scope = user.scope();
        if (present(regionCode)) {
            var region = catalog.region(regionCode.trim())
                    .orElseThrow(() -> DomainProblem.notFound("行政区划不存在：" + regionCode));
            String prefix = scope.regionPrefix();
            if (prefix != null && !prefix.isEmpty()
                    && !RegionCodes.prefixOf(region.code()).startsWith(prefix) && !prefix.startsWith(RegionCodes.prefixOf(region.code()))) {
                throw DomainProblem.notFound("行政区划不存在：" + regionCode);
            }
        }
        if (present(departmentCode)) {
            var department = catalog.department(departmentCode.trim())
                    .orElseThrow(() -> DomainProblem.notFound("部门不存在：" + departmentCode));
            if ((scope.departmentCode() != null && !scope.departmentCode().equals(department.code()))
                    || (scope.regionPrefix() != null && !scope.regionPrefix().isEmpty()
                            && !department.regionCode().startsWith(scope.regionPrefix())
                            && !scope.regionPrefix().startsWith(RegionCodes.prefixOf(department.regionCode())))) {
                throw DomainProblem.notFound("部门不存在：" + departmentCode);
            }
        }
        if (present(serviceBodyCode)) {
            var body = catalog.serviceBody(serviceBodyCode.trim())
                    .orElseThrow(() -> DomainProblem.notFound("政务服务机构不存在：" + serviceBodyCode));
            if ((scope.serviceBodyCode() != null && !scope.serviceBodyCode().equals(body.code()))
                    || (scope.regionPrefix() != null && !scope.regionPrefix().isEmpty()
                            && !body.regionCode().startsWith(scope.regionPrefix()))) {
                throw DomainProblem.notFound("政务服务机构不存在：" + serviceBodyCode);
            }
        }
        if (present(windowCode) && catalog.window(windowCode.trim()).isEmpty()) {
            throw DomainProblem.notFound("窗口不存在：" + windowCode);
        }
        return StatsFilter.of(scope, from, to).region(regionCode).department(departmentCode)
                .serviceBody(serviceBodyCode).window(windowCode);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
