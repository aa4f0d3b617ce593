package vn.motcua.integrations;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;

/**
 * The payment gateway's callback, {@code {"transactionId", "dossierCode", "amount", "status": "SUCCESS"}},
 * signed with {@code X-Signature} = hex HMAC-SHA256 of the raw body. Anything else is refused field by
 * field ({@link InvalidRequestException}, 400), never a server error.
 */
record PaymentCallback(String transactionId, String dossierCode, long amount) {

    static final int TRANSACTION_ID_MAX = 64;
    static final int DOSSIER_CODE_MAX = 48;
    /** No fee comes near a thousand billion đồng; a bigger amount is a broken message. */
    static final BigInteger AMOUNT_MAX = BigInteger.valueOf(1_000_000_000_000L);
    static final int BODY_MAX_BYTES = 16 * 1024;

    /** A flat object of four fields: anything deeply nested, huge, duplicated or trailing is refused while reading. */
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(4096)
                            .maxNumberLength(40).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Refuses a body whose signature is not the HMAC of the shared secret (compared in constant time). */
    static void verify(String secret, byte[] body, String signature) {
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            expected = mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
        byte[] given;
        try {
            given = signature == null ? new byte[0] : HexFormat.of().parseHex(signature.trim().toLowerCase());
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new InvalidRequestException(List.of(new FieldError("X-Signature", "Chữ ký không đúng")));
        }
    }

    /** Reads and checks a signed body; every broken field is named at once. */
    static PaymentCallback parse(byte[] body) {
        JsonNode callback = read(body);
        List<FieldError> errors = new ArrayList<>();
        String transaction = text(callback, "transactionId", TRANSACTION_ID_MAX, errors);
        if (transaction != null && !transaction.matches("[\\x21-\\x7E]+")) {
            errors.add(new FieldError("transactionId", "Chỉ gồm chữ, số và dấu ASCII, không có khoảng trắng"));
        }
        String code = text(callback, "dossierCode", DOSSIER_CODE_MAX, errors);
        Long amount = amount(callback.get("amount"), errors);
        String status = text(callback, "status", 32, errors);
        if (status != null && !"SUCCESS".equals(status)) {
            errors.add(new FieldError("status", "Chỉ nhận giao dịch thành công (SUCCESS), nhận được: " + status));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        return new PaymentCallback(transaction, code, amount);
    }

    private static JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            throw invalid("body", "Thiếu nội dung (JSON)");
        }
        if (body.length > BODY_MAX_BYTES) {
            throw invalid("body", "Nội dung dài quá " + BODY_MAX_BYTES + " byte");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid("body", "Nội dung không phải JSON hợp lệ" + (e.getMessage() != null && e.getMessage().contains("nesting depth")
                    ? " (lồng nhau quá sâu)" : ""));
        } catch (IOException e) {
            throw invalid("body", "Nội dung không phải JSON hợp lệ");
        }
        if (node == null || !node.isObject()) {
            throw invalid("body", "Nội dung phải là một đối tượng JSON {\"transactionId\", \"dossierCode\", \"amount\", \"status\"}");
        }
        return node;
    }

    private static String text(JsonNode callback, String field, int maxLength, List<FieldError> errors) {
        JsonNode value = callback.get(field);
        if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            errors.add(new FieldError(field, "Bắt buộc"));
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "Phải là chuỗi ký tự"));
            return null;
        }
        String text = value.asText().strip();
        if (text.length() > maxLength) {
            errors.add(new FieldError(field, "Dài tối đa " + maxLength + " ký tự (nhận được " + text.length() + ")"));
            return null;
        }
        return text;
    }

    private static Long amount(JsonNode value, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            errors.add(new FieldError("amount", "Bắt buộc"));
            return null;
        }
        if (!value.isIntegralNumber()) {
            errors.add(new FieldError("amount", "Phải là một số nguyên đồng"));
            return null;
        }
        BigInteger amount = value.bigIntegerValue();
        if (amount.signum() < 0) {
            errors.add(new FieldError("amount", "Không được âm"));
            return null;
        }
        if (amount.compareTo(AMOUNT_MAX) > 0) {
            errors.add(new FieldError("amount", "Lớn quá mức một khoản phí, lệ phí"));
            return null;
        }
        return amount.longValueExact();
    }

    private static InvalidRequestException invalid(String field, String reason) {
        return new InvalidRequestException(List.of(new FieldError(field, reason)));
    }
}
