package vn.motcua.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;
import vn.motcua.common.ClientText;

/**
 * {@code {"processKey": "tiep-nhan", "dryRun": true}}, read strictly: no other member (a misspelt
 * {@code dryrun} must not turn a dry run into a real one), no duplicate member, exact types.
 * {@code dryRun} may be left out and then is false.
 */
record MigrationRequest(String processKey, boolean dryRun) {

    static final int MAX_KEY_LENGTH = 64;
    private static final int MAX_BODY = 16 * 1024;
    private static final Set<String> MEMBERS = Set.of("processKey", "dryRun");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([A-Za-z0-9_.-]{1,64})'");
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static MigrationRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw invalid("body", "Bắt buộc gửi {\"processKey\": \"…\", \"dryRun\": true|false}");
        }
        if (body.length() > MAX_BODY) {
            throw invalid("body", "Nội dung yêu cầu quá dài");
        }
        JsonNode json;
        try {
            json = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            throw duplicate.find() ? invalid(duplicate.group(1), "Trường bị lặp lại")
                    : invalid("body", "Nội dung yêu cầu không phải JSON hợp lệ");
        }
        if (json == null || !json.isObject()) {
            throw invalid("body", "Nội dung yêu cầu phải là một đối tượng JSON");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                errors.add(new FieldError(name.matches("[A-Za-z0-9_.-]{1,64}") ? name : "body",
                        "Trường không được hỗ trợ; chỉ có processKey và dryRun"));
            }
        }
        JsonNode key = json.get("processKey");
        String keyProblem = key == null || key.isNull() ? "Bắt buộc nhập mã quy trình (processKey)"
                : !key.isTextual() ? "Mã quy trình phải là một chuỗi"
                : keyProblem(key.asText());
        if (keyProblem != null) {
            errors.add(new FieldError("processKey", keyProblem));
        }
        JsonNode dryRun = json.get("dryRun");
        if (dryRun != null && !dryRun.isBoolean()) {
            errors.add(new FieldError("dryRun", "dryRun phải là true hoặc false"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new MigrationRequest(key.asText(), dryRun != null && dryRun.booleanValue());
    }

    /** Why a process key cannot be one, or null; the command line checks the same. */
    static String keyProblem(String key) {
        if (key.isBlank()) return "Bắt buộc nhập mã quy trình (processKey)";
        var refused = ClientText.refusal(key, false);
        if (refused.isPresent()) return refused.get();
        if (key.length() > MAX_KEY_LENGTH) return "Mã quy trình dài tối đa " + MAX_KEY_LENGTH + " ký tự";
        return null;
    }

    private static InvalidRequestException invalid(String field, String reason) {
        return new InvalidRequestException(List.of(new FieldError(field, reason)));
    }
}
