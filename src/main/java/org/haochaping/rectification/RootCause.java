package org.haochaping.rectification;

/** Why the service fell short, chosen from a fixed list when a rectification is finished (domain §8). */
public enum RootCause {
    PROCESS("流程"),
    ATTITUDE("态度"),
    MATERIALS("材料"),
    EFFICIENCY("时效"),
    POLICY("政策限制"),
    SYSTEM("系统故障"),
    MISUNDERSTANDING("理解偏差"),
    OTHER("其他");

    private final String label;

    RootCause(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
