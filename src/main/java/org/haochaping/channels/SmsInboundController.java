package org.haochaping.channels;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.haochaping.identity.ApiClientPrincipal;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/sms/inbound}: the SMS gateway (signed) forwards a reply to an invitation. */
@RestController
class SmsInboundController {

    record InboundSms(@Size(max = 20, message = "最长 20 个字符") String mobile,
            @NotNull(message = "不能为空") @Size(max = 160, message = "最长 160 个字符") String text,
            @NotNull(message = "不能为空") OffsetDateTime receivedAt) {
    }

    private final SmsReplies replies;
    private final Clock clock;

    SmsInboundController(SmsReplies replies, Clock clock) {
        this.replies = replies;
        this.clock = clock;
    }

    @PostMapping("/api/v1/sms/inbound")
    SmsReplies.Result inbound(@Valid @RequestBody InboundSms sms, @AuthenticationPrincipal ApiClientPrincipal client) {
        if (client == null || client.kind() != ApiClientPrincipal.Kind.SMS_GATEWAY) {
            throw DomainProblem.forbidden("只有短信网关（签名请求）可以转发短信回复。");
        }
        String mobile = sms.mobile() == null ? "" : sms.mobile().replaceAll("[\\s-]", "").replaceFirst("^(\\+?86)", "");
        if (!mobile.matches("1[3-9][0-9]{9}")) {
            throw FieldProblem.of("mobile", "不是有效的手机号");
        }
        if (sms.receivedAt().isAfter(Zones.now(clock).plusMinutes(5))) {
            throw FieldProblem.of("receivedAt", "不能晚于当前时间");
        }
        return replies.receive(mobile, sms.text(), sms.receivedAt());
    }
}
