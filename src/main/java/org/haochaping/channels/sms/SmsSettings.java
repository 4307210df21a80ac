package org.haochaping.channels.sms;

import java.time.Duration;
import java.util.Map;

import org.haochaping.channels.SmsMessage;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which SMS gateway sends ({@code logging}, the default, or {@code aliyun}) and the Alibaba Cloud SMS account: the
 * endpoint (default {@code https://dysmsapi.aliyuncs.com/}), the AccessKey pair, the approved signature name
 * (签名) and one approved template code per purpose ({@code templates.INVITATION=SMS_...}).
 */
@ConfigurationProperties("hcp.channels.sms")
record SmsSettings(String gateway, Aliyun aliyun) {

    SmsSettings {
        gateway = gateway == null || gateway.isBlank() ? "logging" : gateway;
        aliyun = aliyun == null ? new Aliyun(null, null, null, null, null, null, null) : aliyun;
    }

    record Aliyun(String endpoint, String accessKeyId, String accessKeySecret, String regionId, String signName,
            Map<SmsMessage.Purpose, String> templates, Duration timeout) {

        Aliyun {
            endpoint = endpoint == null || endpoint.isBlank() ? "https://dysmsapi.aliyuncs.com/" : endpoint;
            regionId = regionId == null || regionId.isBlank() ? "cn-hangzhou" : regionId;
            templates = templates == null ? Map.of() : Map.copyOf(templates);
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }
}
