package vn.motcua.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The payment gateway as motcua sees it: callbacks signed with the shared secret (HMAC-SHA256 of the body). */
public final class PaymentGateway {

    private final String url;
    private final String secret;

    public PaymentGateway(int port, String secret) {
        this.url = "http://localhost:" + port + "/api/integrations/payment/callback";
        this.secret = secret;
    }

    /** A callback signed as the gateway signs it. */
    public HttpResponse<String> call(String body) {
        return call(body, sign(body, secret), "application/json");
    }

    public HttpResponse<String> call(String body, String signature, String contentType) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", contentType).header("X-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String paid(String transactionId, String dossierCode, long amount) {
        return "{\"transactionId\":\"" + transactionId + "\",\"dossierCode\":\"" + dossierCode + "\",\"amount\":" + amount
                + ",\"status\":\"SUCCESS\"}";
    }

    public static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
