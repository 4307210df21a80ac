package org.haochaping.exchange;

/** The code tables that differ between targets (domain.md §5): channel, satisfaction, ID type and the case codes. */
enum CodeKind {
    /** 评价渠道 {@code pf}. */
    CHANNEL,
    /** 满意度 {@code satisfaction}: the direction differs between the provincial interfaces and GB/T 39046. */
    LEVEL,
    /** 证件类型 {@code userPageType}. */
    ID_TYPE,
    /** 用户属性 {@code userProp}: person or legal person. */
    USER_PROP,
    /** 办件状态 {@code proStatus}. */
    CASE_STATUS,
    /** 即办件/承诺件 {@code promiseTime}. */
    CASE_TYPE
}
