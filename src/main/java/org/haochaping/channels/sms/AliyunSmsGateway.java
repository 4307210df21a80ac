package org.haochaping.channels.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.haochaping.channels.SmsGateway;
import org.haochaping.channels.SmsMessage;
import org.haochaping.channels.SmsNotSent;
import org.haochaping.identity.PersonalField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends through Alibaba Cloud SMS ({@code SendSms}, API version 2017-05-25): an RPC call whose parameters are
 * signed with the AccessKey secret ({@link AliyunSignature}) and posted form-encoded; the answer's {@code Code} is
 * {@code OK} when the message was accepted. The text goes as the approved template of the message's purpose with
 * the message's parameters.
 */
@Component
@ConditionalOnProperty(name = "hcp.channels.sms.gateway", havingValue = "aliyun")
class AliyunSmsGateway implements SmsGateway {

    static final String API_VERSION = "2017-05-25";
    private static final Logger log = LoggerFactory.getLogger(AliyunSmsGateway.class);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SmsSettings.Aliyun account;
    private final Clock clock;
    private final HttpClient http;

    AliyunSmsGateway(SmsSettings settings, Clock clock) {
        this.account = settings.aliyun();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(account.timeout()).build();
    }

    @Override
    public String send(SmsMessage message) {
        String template = account.templates().get(message.purpose());
        if (template == null || account.accessKeyId() == null || account.accessKeySecret() == null
                || account.signName() == null) {
            throw new SmsNotSent("阿里云短信未配置完整（AccessKey、签名或 " + message.purpose() + " 模板）");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("AccessKeyId", account.accessKeyId());
        parameters.put("Action", "SendSms");
        parameters.put("Format", "JSON");
        parameters.put("RegionId", account.regionId());
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureNonce", UUID.randomUUID().toString());
        parameters.put("SignatureVersion", "1.0");
        parameters.put("Timestamp", clock.instant().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(TIMESTAMP));
        parameters.put("Version", API_VERSION);
        parameters.put("PhoneNumbers", message.mobile());
        parameters.put("SignName", account.signName());
        parameters.put("TemplateCode", template);
        parameters.put("TemplateParam", JSON.writeValueAsString(message.params()));
        String signature = AliyunSignature.sign("POST", parameters, account.accessKeySecret());
        String body = "Signature=" + AliyunSignature.percentEncode(signature) + "&"
                + AliyunSignature.canonicalized(parameters);
        HttpRequest request = HttpRequest.newBuilder(URI.create(account.endpoint()))
                .timeout(account.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SmsNotSent("阿里云短信接口无法访问：" + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsNotSent("发送短信时被中断", e);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new SmsNotSent("阿里云短信接口返回了无法识别的内容（HTTP " + response.statusCode() + "）", e);
        }
        String code = answer.path("Code").asString("");
        if (response.statusCode() != 200 || !"OK".equals(code)) {
            log.warn("Alibaba Cloud SMS refused a {} message to {}: {} {}", message.purpose(),
                    PersonalField.MOBILE.mask(message.mobile()), code, answer.path("Message").asString(""));
            throw new SmsNotSent("阿里云短信未发送：" + code + " " + answer.path("Message").asString(""));
        }
        return answer.path("BizId").asString("");
    }
}
