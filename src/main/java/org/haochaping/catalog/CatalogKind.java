package org.haochaping.catalog;

import java.util.List;

/**
 * The kinds of catalog entries an administrator edits in the console, each with its table and fields. The first
 * field is the code that identifies an entry.
 */
enum CatalogKind {
    REGION("行政区划", "catalog_region", List.of(
            new Field("code", "区划代码", true, 12, null),
            new Field("name", "名称", true, 100, null),
            new Field("level", "层级", true, 16, List.of("PROVINCE", "CITY", "COUNTY", "TOWNSHIP", "VILLAGE")),
            new Field("parent_code", "上级区划代码", false, 12, null))),
    SERVICE_BODY("政务服务机构", "catalog_service_body", List.of(
            new Field("code", "机构编码", true, 32, null),
            new Field("name", "名称", true, 100, null),
            new Field("region_code", "所属区划代码", true, 12, null))),
    DEPARTMENT("部门", "catalog_department", List.of(
            new Field("code", "部门编码", true, 32, null),
            new Field("name", "名称", true, 100, null),
            new Field("region_code", "所属区划代码", true, 12, null),
            new Field("credit_code", "统一社会信用代码", false, 18, null))),
    WINDOW("窗口", "catalog_window", List.of(
            new Field("code", "窗口编码", true, 32, null),
            new Field("name", "名称", true, 100, null),
            new Field("service_body_code", "所属机构编码", true, 32, null),
            new Field("department_code", "进驻部门编码", false, 32, null))),
    STAFF("工作人员", "catalog_staff", List.of(
            new Field("staff_no", "工号", true, 32, null),
            new Field("name", "姓名", true, 50, null),
            new Field("window_code", "窗口编码", false, 32, null),
            new Field("department_code", "部门编码", true, 32, null))),
    SERVICE_ITEM("政务服务事项", "catalog_service_item", List.of(
            new Field("code", "事项编码", true, 64, null),
            new Field("name", "事项名称", true, 200, null),
            new Field("department_code", "实施部门编码", true, 32, null))),
    DEVICE("评价器与自助终端", "catalog_device", List.of(
            new Field("code", "设备编码", true, 32, null),
            new Field("kind", "类型", true, 16, List.of("WINDOW_DEVICE", "TERMINAL")),
            new Field("name", "名称", true, 100, null),
            new Field("service_body_code", "所属机构编码", true, 32, null),
            new Field("window_code", "绑定窗口编码", false, 32, null)));

    /** A column of the kind's table, with its Chinese label, whether it is required, its length and allowed values. */
    record Field(String column, String label, boolean required, int maxLength, List<String> options) {
    }

    private final String label;
    private final String table;
    private final List<Field> fields;

    CatalogKind(String label, String table, List<Field> fields) {
        this.label = label;
        this.table = table;
        this.fields = fields;
    }

    public String label() {
        return label;
    }

    String table() {
        return table;
    }

    public List<Field> fields() {
        return fields;
    }

    public Field key() {
        return fields.get(0);
    }

    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }

    static CatalogKind fromSlug(String slug) {
        for (CatalogKind kind : values()) {
            if (kind.slug().equals(slug)) {
                return kind;
            }
        }
        throw org.haochaping.system.DomainProblem.notFound("没有这类目录：" + slug);
    }
}
