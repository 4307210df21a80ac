package org.haochaping.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.haochaping.channels.SmsMessage;
import org.haochaping.channels.SmsNotSent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Alibaba Cloud SMS adapter against a local stand-in of {@code SendSms} that checks the request as Alibaba
 * documents it: the RPC signature v1 (HMAC-SHA1 over the canonicalized query), the common parameters, a fresh
 * nonce and a current timestamp. The stand-in computes the signature with its own code, not the adapter's.
 */
class AliyunSmsGatewayTest {

    static final String KEY_ID = "LTAI-test-key";
    static final String KEY_SECRET = "test-secret-2026";

    private HttpServer server;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final Set<String> nonces = new HashSet<>();

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::sendSms);
        server.start();
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
    }

    private AliyunSmsGateway gateway(String endpoint, String secret, Map<SmsMessage.Purpose, String> templates) {
        return new AliyunSmsGateway(new SmsSettings("aliyun", new SmsSettings.Aliyun(endpoint, KEY_ID, secret, null,
                "许昌政务服务", templates, Duration.ofSeconds(5))), Clock.systemUTC());
    }

    private String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private static SmsMessage invitation() {
        return new SmsMessage("13812345678", SmsMessage.Purpose.INVITATION, "您办理的“企业设立登记”已办结……",
                Map.of("item", "企业设立登记", "link", "https://hcp.example/e/abc*~ def"), "411000");
    }

    @Test
    void signedSendSmsIsAcceptedAndAnswersTheBizId() {
        String bizId = gateway(endpoint(), KEY_SECRET, Map.of(SmsMessage.Purpose.INVITATION, "SMS_270000001"))
                .send(invitation());
        assertThat(bizId).isEqualTo("900619746936498440^0");
        Map<String, String> request = received.get(0);
        assertThat(request).containsEntry("Action", "SendSms").containsEntry("Version", "2017-05-25")
                .containsEntry("Format", "JSON").containsEntry("RegionId", "cn-hangzhou")
                .containsEntry("PhoneNumbers", "13812345678").containsEntry("SignName", "许昌政务服务")
                .containsEntry("TemplateCode", "SMS_270000001").containsEntry("AccessKeyId", KEY_ID);
        assertThat(request.get("TemplateParam")).contains("\"item\":\"企业设立登记\"", "abc*~ def");
    }

    @Test
    void everyRequestCarriesAFreshNonce() {
        AliyunSmsGateway gateway = gateway(endpoint(), KEY_SECRET, Map.of(SmsMessage.Purpose.INVITATION, "SMS_1"));
        gateway.send(invitation());
        gateway.send(invitation());
        assertThat(received).hasSize(2);
        assertThat(received.get(0).get("SignatureNonce")).isNotEqualTo(received.get(1).get("SignatureNonce"));
    }

    @Test
    void aWrongSecretIsRefusedByTheServiceAndReportedAsNotSent() {
        assertThatThrownBy(() -> gateway(endpoint(), "not-the-secret", Map.of(SmsMessage.Purpose.INVITATION, "SMS_1"))
                .send(invitation()))
                .isInstanceOf(SmsNotSent.class).hasMessageContaining("SignatureDoesNotMatch");
    }

    @Test
    void anUnreachableServiceIsReportedAsNotSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> gateway("http://127.0.0.1:" + closedPort + "/", KEY_SECRET,
                Map.of(SmsMessage.Purpose.INVITATION, "SMS_1")).send(invitation()))
                .isInstanceOf(SmsNotSent.class).hasMessageContaining("无法访问");
    }

    @Test
    void aPurposeWithoutApprovedTemplateIsNotSent() {
        assertThatThrownBy(() -> gateway(endpoint(), KEY_SECRET, Map.of()).send(invitation()))
                .isInstanceOf(SmsNotSent.class).hasMessageContaining("模板");
        assertThat(received).isEmpty();
    }

    /** The worked example of Alibaba Cloud's SMS signature documentation (AccessKey testId / testSecret). */
    @Test
    void signatureMatchesAlibabasPublishedExample() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466");
        parameters.put("AccessKeyId", "testId");
        parameters.put("SignatureVersion", "1.0");
        parameters.put("Timestamp", "2017-07-12T02:42:19Z");
        parameters.put("Format", "XML");
        parameters.put("Action", "SendSms");
        parameters.put("Version", "2017-05-25");
        parameters.put("RegionId", "cn-hangzhou");
        parameters.put("PhoneNumbers", "15300000001");
        parameters.put("SignName", "阿里云短信测试专用");
        parameters.put("TemplateParam", "{\"customer\":\"test\"}");
        parameters.put("TemplateCode", "SMS_71390007");
        parameters.put("OutId", "123");
        assertThat(AliyunSignature.sign("GET", parameters, "testSecret")).isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
    }

    // --- the stand-in of dysmsapi: checks what Alibaba checks, with its own implementation of the signature

    private void sendSms(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> parameters = new TreeMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        String signature = parameters.remove("Signature");
        String error = null;
        if (!"POST".equals(exchange.getRequestMethod())) {
            error = "UnsupportedHTTPMethod";
        } else if (!KEY_ID.equals(parameters.get("AccessKeyId"))) {
            error = "InvalidAccessKeyId.NotFound";
        } else if (!"HMAC-SHA1".equals(parameters.get("SignatureMethod")) || !"1.0".equals(parameters.get("SignatureVersion"))) {
            error = "InvalidSignatureMethod";
        } else if (Math.abs(Duration.between(Instant.parse(parameters.get("Timestamp")), Instant.now()).toMinutes()) > 15) {
            error = "InvalidTimeStamp.Expired";
        } else if (!nonces.add(parameters.get("SignatureNonce"))) {
            error = "SignatureNonceUsed";
        } else if (!expectedSignature(parameters).equals(signature)) {
            error = "SignatureDoesNotMatch";
        }
        if (error == null) {
            received.add(parameters);
        }
        byte[] answer = (error == null
                ? "{\"Message\":\"OK\",\"RequestId\":\"F655A8D5-B967-440B-8683-DAD6FF8DE990\",\"Code\":\"OK\",\"BizId\":\"900619746936498440^0\"}"
                : "{\"Message\":\"Specified signature is not matched with our calculation.\",\"RequestId\":\"x\",\"Code\":\""
                        + error + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(error == null ? 200 : 400, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private static String expectedSignature(Map<String, String> sorted) {
        StringBuilder query = new StringBuilder();
        sorted.forEach((name, value) -> query.append(query.length() == 0 ? "" : "&").append(special(name)).append('=')
                .append(special(value)));
        String stringToSign = "POST&%2F&" + special(query.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((KEY_SECRET + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Alibaba's "specialUrlEncode": form encoding, then + → %20, * → %2A, %7E → ~. */
    private static String special(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}
