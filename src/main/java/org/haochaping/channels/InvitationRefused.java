package org.haochaping.channels;

import org.haochaping.system.DomainProblem;
import org.springframework.http.HttpStatus;

/** A rating link that cannot be used: forged or unknown (404), or already used, replaced or expired (410). */
class InvitationRefused extends DomainProblem {

    private InvitationRefused(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    static InvitationRefused invalid() {
        return new InvitationRefused(HttpStatus.NOT_FOUND, "评价链接无效", "该评价链接无效，请核对二维码或向窗口重新获取。");
    }

    static InvitationRefused used() {
        return new InvitationRefused(HttpStatus.GONE, "评价链接已使用", "该评价链接已经使用过，每次服务只能评价一次。");
    }

    static InvitationRefused replaced() {
        return new InvitationRefused(HttpStatus.GONE, "评价链接已失效", "该评价链接已被新的凭条替换，请使用最新凭条上的二维码。");
    }

    static InvitationRefused expired() {
        return new InvitationRefused(HttpStatus.GONE, "评价链接已过期", "该评价链接已过有效期，请向窗口重新获取。");
    }
}
