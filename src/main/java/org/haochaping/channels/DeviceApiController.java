package org.haochaping.channels;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.haochaping.identity.ApiClientPrincipal;
import org.haochaping.system.DomainProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signed calls of hall devices: a window's system presents a finished case on the window tablet
 * ({@code POST /api/v1/devices/{deviceCode}/present}); a self-service terminal asks for the rating page it opens
 * right after finishing ({@code POST /api/v1/terminals/{terminalCode}/invitations}).
 */
@RestController
class DeviceApiController {

    record CaseRef(@NotBlank(message = "不能为空") @Size(max = 50, message = "最长 50 个字符") String caseNo) {
    }

    record Presented(String deviceCode, String windowCode, String caseNo, OffsetDateTime presentedAt,
            OffsetDateTime expiresAt) {
    }

    record TerminalInvitation(String url, String caseNo, String terminalCode, OffsetDateTime expiresAt) {
    }

    private final WindowDevices devices;
    private final Terminals terminals;

    DeviceApiController(WindowDevices devices, Terminals terminals) {
        this.devices = devices;
        this.terminals = terminals;
    }

    @PostMapping("/api/v1/devices/{deviceCode}/present")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Presented present(@PathVariable String deviceCode, @Valid @RequestBody CaseRef body,
            @AuthenticationPrincipal ApiClientPrincipal client) {
        Presentations.Presentation p = devices.present(deviceCode, body.caseNo(), client);
        return new Presented(p.deviceCode(), p.windowCode(), p.caseNo(), p.presentedAt(), p.expiresAt());
    }

    @PostMapping("/api/v1/terminals/{terminalCode}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    TerminalInvitation terminalInvitation(@PathVariable String terminalCode, @Valid @RequestBody CaseRef body,
            @AuthenticationPrincipal ApiClientPrincipal client) {
        if (client == null || client.kind() != ApiClientPrincipal.Kind.TERMINAL) {
            throw DomainProblem.forbidden("只有自助终端（签名请求）可以申请终端评价页面。");
        }
        return terminals.invite(terminalCode, body.caseNo(), client);
    }
}
